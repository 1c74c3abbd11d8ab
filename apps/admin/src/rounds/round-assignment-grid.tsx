import {
  AssignReviewersDocument,
  ImportRoundAssignmentsDocument,
  RoundAssignmentGridDocument,
  RoundAssignmentsExportDocument,
  UnassignReviewerDocument,
} from "@lantoa/client";
import { Alert, Badge, Button, Checkbox, FileInput, Group, List, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { DomainRefusal, graphqlMutation, graphqlQuery } from "../data/graphql";
import { uploadMutation } from "../data/upload-with-progress";
import { ProblemAlert } from "../errors/problem-alert";
import { DownloadButtons } from "../export-buttons";
import { foldVietnamese } from "../fold-vietnamese";
import { useI18n } from "../i18n/i18n";
import { QueryStatus } from "../query-status";
import { useSession } from "../session";
import { roundNode } from "./round-ids";

/** Rows shown at once: a province's round has thousands of models; the filter finds the rest. */
const ROWS_SHOWN = 200;

type Cell = {
  modelId: string;
  username: string;
  assigned: boolean;
  conflict?: string | null;
  source?: string | null;
  scorecardStatus?: string | null;
};

/**
 * The round's models (rows) × the reviewer pool (columns): each reviewer's load in the
 * column header, a checkbox per cell (checking assigns, unchecking takes the reviewer off),
 * disabled with the reason where the reviewer has a conflict of interest (their unit owns
 * the model or is above it, or they declared one) or has started scoring the model.
 */
export function RoundAssignmentGrid({ roundId }: { roundId: string }) {
  const { t, formatCount } = useI18n();
  const query = useQuery(graphqlQuery(RoundAssignmentGridDocument, { id: roundId }));
  const assign = useMutation(graphqlMutation(AssignReviewersDocument));
  const unassign = useMutation(graphqlMutation(UnassignReviewerDocument));
  const [filter, setFilter] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const round = roundNode(query.data?.node);
  const grid = round?.assignmentGrid ?? null;
  const cells = useMemo(() => {
    const byKey = new Map<string, Cell>();
    for (const c of grid?.cells ?? []) byKey.set(`${c.modelId}|${c.username}`, c);
    return byKey;
  }, [grid]);

  if (!grid) return <QueryStatus query={query} />;
  const folded = foldVietnamese(filter.trim());
  const models = grid.models.filter(
    (m) => folded === "" || foldVietnamese(`${m.code} ${m.name} ${m.unitName}`).includes(folded),
  );
  const shown = models.slice(0, ROWS_SHOWN);
  const perModel = round?.reviewersPerModel ?? 0;
  const assignedTo = (modelId: string) =>
    grid.reviewers.filter((r) => cells.get(`${modelId}|${r.username}`)?.assigned).length;

  const toggle = (modelId: string, username: string, assigned: boolean) => {
    const key = `${modelId}|${username}`;
    setBusy(key);
    assign.reset();
    unassign.reset();
    const done = { onSettled: () => setBusy(null) };
    if (assigned) unassign.mutate({ roundId, modelId, reviewerUsername: username }, done);
    else assign.mutate({ roundId, assignments: [{ modelId, reviewerUsername: username }] }, done);
  };

  const why = (cell: Cell | undefined): string | null => {
    if (!cell) return null;
    if (cell.conflict === "DECLARED") return t("rounds.grid.declared");
    if (cell.conflict === "TREE") return t("rounds.grid.tree");
    if (cell.assigned && cell.scorecardStatus) return t("rounds.grid.started");
    return null;
  };

  return (
    <div data-testid="assignment-grid">
      <Group justify="space-between" align="flex-end" my="xs">
        <TextInput
          label={t("rounds.grid.filter")}
          placeholder={t("rounds.grid.filterHint")}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={{ base: "100%", sm: "20rem" }}
        />
        <Text size="sm" c="dimmed">
          {t("rounds.grid.summary", {
            models: formatCount(grid.models.length),
            reviewers: formatCount(grid.reviewers.length),
            assigned: formatCount(grid.cells.filter((c) => c.assigned).length),
          })}
        </Text>
      </Group>
      <ProblemAlert error={assign.error ?? unassign.error} testId="grid-problem" />
      <Table.ScrollContainer minWidth={Math.max(480, 220 + grid.reviewers.length * 96)}>
        <Table withTableBorder withColumnBorders striped highlightOnHover stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("rounds.model")}</Table.Th>
              <Table.Th scope="col" ta="center">
                {t("rounds.grid.count")}
              </Table.Th>
              {grid.reviewers.map((r) => (
                <Table.Th key={r.username} scope="col" ta="center" data-testid={`grid-reviewer-${r.username}`}>
                  <Text size="xs" fw={600} lh={1.2}>
                    {r.displayName}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.2}>
                    {r.username}
                    {r.unitName ? ` · ${r.unitName}` : ""}
                  </Text>
                  <Badge size="sm" variant="light" color="blue" mt={4} data-testid={`grid-load-${r.username}`}>
                    {t("rounds.candidate.load", { n: r.load })}
                  </Badge>
                  {!r.inPool && (
                    <Text size="xs" c="orange">
                      {t("rounds.grid.notInPool")}
                    </Text>
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((m) => {
              const n = assignedTo(m.modelId);
              return (
                <Table.Tr key={m.modelId} data-testid={`grid-row-${m.code}`}>
                  <Table.Th scope="row">
                    <Text size="sm" fw={600} lh={1.2}>
                      {m.code}
                    </Text>
                    <Text size="xs" c="dimmed" lh={1.2} lineClamp={1}>
                      {m.name} · {m.unitName}
                    </Text>
                  </Table.Th>
                  <Table.Td ta="center">
                    <Badge color={n >= perModel ? "green" : "orange"} variant="light">
                      {n}/{perModel}
                    </Badge>
                  </Table.Td>
                  {grid.reviewers.map((r) => {
                    const key = `${m.modelId}|${r.username}`;
                    const cell = cells.get(key);
                    const assigned = cell?.assigned ?? false;
                    const reason = why(cell);
                    const box = (
                      <Checkbox
                        checked={assigned}
                        disabled={reason !== null || (busy !== null && busy !== key) || (!assigned && !r.inPool)}
                        indeterminate={busy === key}
                        onChange={() => toggle(m.modelId, r.username, assigned)}
                        aria-label={t("rounds.grid.cell", { username: r.username, code: m.code })}
                        data-conflict={cell?.conflict ?? undefined}
                        styles={{ body: { justifyContent: "center" } }}
                      />
                    );
                    return (
                      <Table.Td
                        key={r.username}
                        ta="center"
                        bg={cell?.conflict ? "var(--mantine-color-gray-1)" : undefined}
                      >
                        {reason ? (
                          <Tooltip label={reason} withArrow multiline w={240}>
                            <span>{box}</span>
                          </Tooltip>
                        ) : (
                          box
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {models.length > shown.length && (
        <Text size="sm" c="dimmed" mt="xs">
          {t("rounds.grid.more", { n: formatCount(models.length - shown.length) })}
        </Text>
      )}
    </div>
  );
}

/** A row's problem as the import reports it in ROUND.ASSIGNMENTS_REJECTED's details. */
type RowProblem = { row: number; column: string; code: string; message: { vi: string; en: string } };

/**
 * The round's assignments as a spreadsheet (download, edit, upload): the export's own file
 * imports back; with any wrong row nothing is assigned and each problem is listed by row.
 */
export function RoundAssignmentSheet({ roundId }: { roundId: string }) {
  const { t, locale, formatCount } = useI18n();
  const { session } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation(uploadMutation(ImportRoundAssignmentsDocument));
  const refusal = upload.error instanceof DomainRefusal ? upload.error : null;
  const problems = (refusal?.details.problems ?? []) as RowProblem[];
  const done = upload.data?.data ?? null;
  return (
    <div data-testid="assignment-sheet">
      <Group gap="xs" align="flex-end" my="xs">
        <Text size="sm" fw={500}>
          {t("rounds.sheet.export")}:
        </Text>
        <DownloadButtons document={RoundAssignmentsExportDocument} variables={{ roundId }} />
      </Group>
      <Group gap="xs" align="flex-end">
        <FileInput
          label={t("rounds.sheet.file")}
          description={t("rounds.sheet.fileHint")}
          accept=".xlsx,.csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            upload.reset();
          }}
          clearable
          w={{ base: "100%", sm: "24rem" }}
        />
        <Button
          variant="default"
          disabled={file === null}
          loading={upload.isPending}
          onClick={() => {
            if (file) upload.mutate({ variables: { roundId }, file, token: session?.token ?? null });
          }}
        >
          {t("rounds.sheet.import")}
        </Button>
      </Group>
      {done && (
        <Alert color="green" role="status" my="xs" data-testid="sheet-outcome">
          {t("rounds.sheet.done", { rows: formatCount(done.rows ?? 0), assigned: formatCount(done.assigned ?? 0) })}
        </Alert>
      )}
      <ProblemAlert error={upload.error} testId="sheet-problem">
        {problems.length > 0 && (
          <List size="sm" mt={4} data-testid="sheet-problems">
            {problems.map((p) => (
              <List.Item key={`${p.row}-${p.column}-${p.code}`}>
                {t("rounds.sheet.row", { row: p.row, column: p.column })}:{" "}
                {locale === "en" ? p.message.en : p.message.vi}
              </List.Item>
            ))}
          </List>
        )}
      </ProblemAlert>
    </div>
  );
}
