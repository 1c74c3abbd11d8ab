import { RecordChairDecisionDocument } from "@lantoa/client";
import { Alert, Button, NativeSelect, Paper, SimpleGrid, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { z } from "zod";
import { graphqlMutation } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import { ListTable } from "../layout/list-table";

/** A recorded decision, as the round overview lists it. */
interface ChairDecision {
  modelCode?: string | null;
  decision?: string | null;
  reason?: string | null;
  decidedBy?: string | null;
  decidedAt?: string | null;
}

/**
 * The chair's decisions on models whose reviewers disagree beyond the gap and no further
 * reviewer is free: while the round is in review, a form (model, decision, reason); always,
 * the decisions recorded. `needed` are the codes the last refusal to open the council named.
 */
export function RoundChairDecisions({
  roundId,
  open,
  models,
  decisions,
  needed,
}: {
  roundId: string;
  open: boolean;
  models: { id: string; code: string }[];
  decisions: ChairDecision[];
  needed: string[];
}) {
  const { t, formatDate } = useI18n();
  const record = useMutation(graphqlMutation(RecordChairDecisionDocument));
  const [notice, setNotice] = useState<string | null>(null);
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { modelId: models[0]?.id ?? "", decision: t("rounds.chair.keepScores"), reason: "" },
    schema: z.object({
      modelId: z.string().min(1),
      decision: z.string().max(500),
      reason: z.string().trim().min(1).max(2000),
    }),
    messages: { modelId: "rounds.assignModelRequired", reason: "rounds.chair.reasonRequired" },
    submit: (v) =>
      record.mutateAsync({
        roundId,
        modelId: v.modelId,
        decision: v.decision.trim() || t("rounds.chair.keepScores"),
        reason: v.reason.trim(),
      }),
    onSuccess: (_data, v) => {
      setNotice(t("rounds.chair.recorded", { code: models.find((m) => m.id === v.modelId)?.code ?? "" }));
      form.setFieldValue("reason", "");
    },
  });

  // When the council could not open, the first model named is the one to decide on.
  const firstNeeded = models.find((m) => needed.includes(m.code))?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form's setter is stable; the model named is the trigger.
  useEffect(() => {
    if (firstNeeded) form.setFieldValue("modelId", firstNeeded);
  }, [firstNeeded]);

  return (
    <Paper withBorder p="sm" data-testid="chair-decisions">
      <Title order={3} size="h4">
        {t("rounds.chair.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("rounds.chair.help")}
      </Text>
      {open && needed.length > 0 && (
        <Alert mt="xs" color="orange">
          {t("rounds.chair.needed", { codes: needed.join(", ") })}
        </Alert>
      )}
      {open && (
        <form onSubmit={onSubmit} noValidate aria-label={t("rounds.chair.record")}>
          <SimpleGrid cols={{ base: 1, md: 2 }} my="xs">
            <NativeSelect
              label={t("rounds.chair.modelToDecide")}
              data={models.map((m) => ({ value: m.id, label: m.code }))}
              {...form.getInputProps("modelId")}
            />
            <TextInput label={t("rounds.chair.decision")} maxLength={500} {...form.getInputProps("decision")} />
          </SimpleGrid>
          <Textarea
            label={t("rounds.chair.reason")}
            withAsterisk
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps("reason")}
          />
          <ProblemAlert problem={problem} />
          <Button mt="xs" type="submit" loading={form.submitting}>
            {t("rounds.chair.record")}
          </Button>
        </form>
      )}
      {notice && (
        <Alert mt="xs" color="green" role="status">
          {notice}
        </Alert>
      )}
      {decisions.length > 0 && (
        <ListTable mt="xs" data-testid="chair-decisions-table" highlightOnHover={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("rounds.chair.model")}</Table.Th>
              <Table.Th scope="col">{t("rounds.chair.decision")}</Table.Th>
              <Table.Th scope="col">{t("rounds.chair.reason")}</Table.Th>
              <Table.Th scope="col">{t("rounds.chair.by")}</Table.Th>
              <Table.Th scope="col">{t("rounds.decidedAt")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {decisions.map((d) => (
              <Table.Tr key={d.modelCode}>
                <Table.Td>
                  <Text fw={600} inherit>
                    {d.modelCode}
                  </Text>
                </Table.Td>
                <Table.Td data-label={t("rounds.chair.decision")}>{d.decision}</Table.Td>
                <Table.Td data-label={t("rounds.chair.reason")}>{d.reason}</Table.Td>
                <Table.Td data-label={t("rounds.chair.by")}>{d.decidedBy ?? "—"}</Table.Td>
                <Table.Td data-label={t("rounds.decidedAt")}>
                  {d.decidedAt ? formatDate(d.decidedAt, true) : "—"}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListTable>
      )}
    </Paper>
  );
}
