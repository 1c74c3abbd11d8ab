import { RecordChairDecisionDocument, request } from "@lantoa/client";
import { Alert, Button, NativeSelect, Paper, SimpleGrid, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/i18n";
import { refusalOf, useAction } from "../mutation-errors";
import { useSession } from "../session";
import { graphqlEndpoint } from "../use-query";

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
  onRecorded,
}: {
  roundId: string;
  open: boolean;
  models: { id: string; code: string }[];
  decisions: ChairDecision[];
  needed: string[];
  onRecorded(): void;
}) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { session } = useSession();
  const [modelId, setModelId] = useState(models[0]?.id ?? "");
  const [decision, setDecision] = useState(t("rounds.chair.keepScores"));
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, problem, act } = useAction(onRecorded);

  // When the council could not open, the first model named is the one to decide on.
  const firstNeeded = models.find((m) => needed.includes(m.code))?.id;
  useEffect(() => {
    if (firstNeeded) setModelId(firstNeeded);
  }, [firstNeeded]);

  const record = async () => {
    if (!reason.trim()) {
      setReasonError(t("rounds.chair.reasonRequired"));
      return;
    }
    setReasonError(null);
    setNotice(null);
    await act(async () => {
      const { recordChairDecision: r } = await request(
        graphqlEndpoint,
        RecordChairDecisionDocument,
        { roundId, modelId, decision: decision.trim() || t("rounds.chair.keepScores"), reason: reason.trim() },
        { token: session?.token ?? null },
      );
      if (r?.__typename === "DomainError") return refusalOf(r, i18n);
      setNotice(t("rounds.chair.recorded", { code: models.find((m) => m.id === modelId)?.code ?? "" }));
      setReason("");
      return null;
    });
  };

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
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} my="xs">
            <NativeSelect
              label={t("rounds.chair.modelToDecide")}
              value={modelId}
              onChange={(e) => setModelId(e.currentTarget.value)}
              data={models.map((m) => ({ value: m.id, label: m.code }))}
            />
            <TextInput
              label={t("rounds.chair.decision")}
              value={decision}
              maxLength={500}
              onChange={(e) => setDecision(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Textarea
            label={t("rounds.chair.reason")}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            error={reasonError}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button mt="xs" onClick={record} loading={busy} disabled={!modelId}>
            {t("rounds.chair.record")}
          </Button>
        </>
      )}
      {notice && (
        <Alert mt="xs" color="green" role="status">
          {notice}
        </Alert>
      )}
      {problem && (
        <Alert mt="xs" color="red" role="alert">
          {problem.text}
        </Alert>
      )}
      {decisions.length > 0 && (
        <Table mt="xs" data-testid="chair-decisions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("rounds.chair.model")}</Table.Th>
              <Table.Th>{t("rounds.chair.decision")}</Table.Th>
              <Table.Th>{t("rounds.chair.reason")}</Table.Th>
              <Table.Th>{t("rounds.chair.by")}</Table.Th>
              <Table.Th>{t("rounds.decidedAt")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {decisions.map((d) => (
              <Table.Tr key={d.modelCode}>
                <Table.Td>{d.modelCode}</Table.Td>
                <Table.Td>{d.decision}</Table.Td>
                <Table.Td>{d.reason}</Table.Td>
                <Table.Td>{d.decidedBy ?? "—"}</Table.Td>
                <Table.Td>{d.decidedAt ? formatDate(d.decidedAt, true) : "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
