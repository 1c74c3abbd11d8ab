import { RoundDeadlinesDocument, SetRoundDeadlinesDocument } from "@lantoa/client";
import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { graphqlMutation, graphqlQuery } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { DateField } from "../forms/date-field";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import { ListTable } from "../layout/list-table";

type Deadlines = { selfAssessment: string; review: string; council: string };

/**
 * A round's step deadlines, editable by its admins until it is finalized, and the scorecards
 * past the review deadline (the organizer's list of late ones).
 */
export function RoundDeadlinesPanel({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const query = useQuery(graphqlQuery(RoundDeadlinesDocument, { id: roundId }));
  // Kept here: the form is made anew with the round's next version once saved.
  const [saved, setSaved] = useState(false);
  const node = query.data?.node;
  const round = node && "deadlines" in node ? node : null;
  if (!round?.deadlines) return null;
  const locked = round.status === "finalized" || round.status === "published";
  const d = round.deadlines;
  return (
    <Paper withBorder p="sm" data-testid="round-deadlines">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t("deadlines.title")}
        </Title>
        <DeadlinesForm
          key={`${round.version}`}
          roundId={roundId}
          version={round.version ?? 0}
          locked={locked}
          initial={{ selfAssessment: d.selfAssessment ?? "", review: d.review ?? "", council: d.council ?? "" }}
          onSaved={() => setSaved(true)}
        />
        {saved && (
          <Text size="sm" role="status">
            {t("deadlines.saved")}
          </Text>
        )}
        <LateScorecards late={round.lateScorecards ?? []} />
      </Stack>
    </Paper>
  );
}

function DeadlinesForm(props: {
  roundId: string;
  version: number;
  locked: boolean;
  initial: Deadlines;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const save = useMutation(graphqlMutation(SetRoundDeadlinesDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: props.initial,
    submit: (values) =>
      save.mutateAsync({
        roundId: props.roundId,
        expectedVersion: props.version,
        deadlines: {
          selfAssessment: values.selfAssessment || null,
          review: values.review || null,
          council: values.council || null,
        },
      }),
    onSuccess: props.onSaved,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {(["selfAssessment", "review", "council"] as const).map((step) => (
          <DateField
            key={step}
            label={t(`deadlines.${step}`)}
            placeholder={t("deadlines.none")}
            clearable
            disabled={props.locked}
            {...form.getInputProps(step)}
          />
        ))}
      </SimpleGrid>
      <ProblemAlert problem={problem} />
      {!props.locked && (
        <Group mt="xs">
          <Button type="submit" size="xs" loading={form.submitting} data-testid="save-deadlines">
            {t("deadlines.save")}
          </Button>
        </Group>
      )}
    </form>
  );
}

function LateScorecards({
  late,
}: {
  late: ReadonlyArray<{
    modelCode: string | null;
    modelName: string | null;
    reviewerName: string | null;
    due: string | null;
  }>;
}) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <Title order={4} size="h5">
        {t("deadlines.late")}
      </Title>
      {late.length === 0 ? (
        <Text size="sm">{t("deadlines.lateNone")}</Text>
      ) : (
        <ListTable highlightOnHover={false} data-testid="late-scorecards">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("rounds.model")}</Table.Th>
              <Table.Th scope="col">{t("deadlines.lateReviewer")}</Table.Th>
              <Table.Th scope="col">{t("deadlines.review")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {late.map((s) => (
              <Table.Tr key={`${s.modelCode}-${s.reviewerName}`}>
                <Table.Td>
                  {s.modelCode} · {s.modelName}
                </Table.Td>
                <Table.Td data-label={t("deadlines.lateReviewer")}>{s.reviewerName}</Table.Td>
                <Table.Td data-label={t("deadlines.review")}>{s.due ? formatDate(s.due) : ""}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListTable>
      )}
    </>
  );
}
