import { RoundExportDocument, RoundResultsBreakdownDocument } from "@lantoa/client";
import { Badge, Button, Group, Paper, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { graphqlQuery } from "../data/graphql";
import type { ApiFile } from "../download-file";
import { DownloadButtons } from "../export-buttons";
import { useI18n } from "../i18n/i18n";
import { ListTable } from "../layout/list-table";
import { LeaderboardHead } from "../leaderboard-table";
import { EmptyNote, QueryStatus } from "../query-status";
import { tierColor } from "../status-colors";
import { roundNode } from "./round-ids";

/**
 * A round's results in rank order — tier (and the tier a quota demoted it from), total, and
 * per row a breakdown by criterion with the explanation — with "Tải Excel"/"Tải CSV". Points
 * are shown to the thousandth the engine kept, as on the public leaderboard.
 */
export function RoundResults({ roundId }: { roundId: string }) {
  const { t, label, formatPoints, formatNumber, locale } = useI18n();
  const query = useQuery(graphqlQuery(RoundResultsBreakdownDocument, { id: roundId }));
  const node = roundNode(query.data?.node);
  const rows = node?.results ?? null;
  const [open, setOpen] = useState<string | null>(null);
  const [saved, setSaved] = useState<ApiFile | null>(null);

  return (
    <Paper withBorder p="sm" data-testid="round-results">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t("rounds.results")}
        </Title>
        <DownloadButtons document={RoundExportDocument} variables={{ roundId }} onSaved={setSaved} />
      </Group>
      {saved?.filename && (
        <Text size="sm" c="dimmed" data-testid="export-saved">
          {t("rounds.exported", {
            filename: saved.filename,
            kb: formatNumber((saved.bytes ?? 0) / 1024, { maximumFractionDigits: 1 }),
          })}
        </Text>
      )}
      <QueryStatus query={query} />
      {rows && rows.length === 0 && <EmptyNote text={t("rounds.noResults")} />}
      {rows && rows.length > 0 && (
        <ListTable minWidth={640} data-testid="results-table">
          <LeaderboardHead>
            <Table.Th scope="col">{t("rounds.showBreakdown")}</Table.Th>
          </LeaderboardHead>
          <Table.Tbody>
            {rows.map((r) => {
              const key = r.modelId ?? r.modelCode ?? "";
              const expanded = open === key;
              return (
                <Fragment key={key}>
                  <Table.Tr data-testid="result-row">
                    <Table.Td ta="right" data-label={t("leaderboard.rank")}>
                      {r.rank ?? "—"}
                    </Table.Td>
                    <Table.Td data-title>
                      <div>
                        <Text fw={600} inherit>
                          {r.modelName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {r.modelCode}
                        </Text>
                      </div>
                    </Table.Td>
                    <Table.Td data-label={t("leaderboard.unit")}>{r.unitName}</Table.Td>
                    <Table.Td ta="right" data-label={t("leaderboard.total")} data-testid="result-total">
                      <span>
                        {r.total == null ? "—" : formatPoints(r.total)}
                        {r.max != null && (
                          <Text span size="xs" c="dimmed">
                            /{formatPoints(r.max)}
                          </Text>
                        )}
                      </span>
                    </Table.Td>
                    <Table.Td data-label={t("leaderboard.tier")}>
                      <div>
                        {r.eliminated ? (
                          <Badge color="gray" variant="light">
                            {t("leaderboard.eliminated")}
                          </Badge>
                        ) : (
                          <Badge color={tierColor[r.tier ?? ""] ?? "gray"} variant="light">
                            {label("tier", r.tier)}
                          </Badge>
                        )}
                        {r.demotedFrom && (
                          <Text size="xs" c="dimmed">
                            {t("rounds.demotedFrom", { tier: label("tier", r.demotedFrom) })}
                          </Text>
                        )}
                      </div>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-expanded={expanded}
                        onClick={() => setOpen(expanded ? null : key)}
                      >
                        {t(expanded ? "rounds.hideBreakdown" : "rounds.showBreakdown")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr>
                      <Table.Td colSpan={6}>
                        <div>
                          <Table withRowBorders={false} data-testid="breakdown">
                            <Table.Tbody>
                              {(r.criteria ?? []).map((c) => (
                                <Table.Tr key={c.criterionId}>
                                  <Table.Td>{c.label}</Table.Td>
                                  <Table.Td ta="right">
                                    {formatPoints(c.points ?? 0)} / {formatPoints(c.max ?? 0)}
                                  </Table.Td>
                                </Table.Tr>
                              ))}
                            </Table.Tbody>
                          </Table>
                          <Text size="sm" mt="xs" className="explanation">
                            {(locale === "en" ? r.explanationEn : null) ?? r.explanation}
                          </Text>
                        </div>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </ListTable>
      )}
    </Paper>
  );
}
