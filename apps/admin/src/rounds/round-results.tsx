import { RoundExportDocument, RoundResultsBreakdownDocument, request } from "@lantoa/client";
import { Badge, Button, Group, Paper, Table, Text, Title } from "@mantine/core";
import { Fragment, useState } from "react";
import { downloadFile } from "../download-file";
import { useI18n } from "../i18n/i18n";
import { EmptyNote, QueryStatus } from "../query-status";
import { useSession } from "../session";
import { errorMessageKey, graphqlEndpoint, useQuery } from "../use-query";

import { roundNode } from "./round-ids";

const tierColor: Record<string, string> = { excellent: "red", good: "orange", pass: "blue", fail: "gray" };

/**
 * A round's results in rank order — tier (and the tier a quota demoted it from), total, and
 * per row a breakdown by criterion with the explanation — with "Tải Excel"/"Tải CSV".
 */
export function RoundResults({ roundId }: { roundId: string }) {
  const { t, label, formatNumber, locale } = useI18n();
  const { session } = useSession();
  const query = useQuery(RoundResultsBreakdownDocument, { id: roundId });
  const node = roundNode(query.data?.node);
  const rows = node?.results ?? null;
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState<"XLSX" | "CSV" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<{ filename: string; bytes: number } | null>(null);

  const save = async (format: "XLSX" | "CSV") => {
    setBusy(format);
    setError(null);
    try {
      const { roundExport: file } = await request(
        graphqlEndpoint,
        RoundExportDocument,
        { roundId, format },
        { token: session?.token ?? null },
      );
      if (file?.base64 && file.filename && file.mimeType) {
        downloadFile({ filename: file.filename, mimeType: file.mimeType, base64: file.base64 });
        setSaved({ filename: file.filename, bytes: file.bytes ?? 0 });
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="sm" data-testid="round-results">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t("rounds.results")}
        </Title>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            loading={busy === "XLSX"}
            disabled={busy !== null}
            onClick={() => save("XLSX")}
          >
            {t("export.xlsx")}
          </Button>
          <Button
            size="xs"
            variant="light"
            loading={busy === "CSV"}
            disabled={busy !== null}
            onClick={() => save("CSV")}
          >
            {t("export.csv")}
          </Button>
        </Group>
      </Group>
      {saved && (
        <Text size="sm" c="dimmed" data-testid="export-saved">
          {t("rounds.exported", {
            filename: saved.filename,
            kb: formatNumber(saved.bytes / 1024, { maximumFractionDigits: 1 }),
          })}
        </Text>
      )}
      {error !== null && (
        <Text size="sm" c="red" role="alert">
          {t(errorMessageKey(error))}
        </Text>
      )}
      <QueryStatus state={query} reload={query.reload} />
      {rows && rows.length === 0 && <EmptyNote text={t("rounds.noResults")} />}
      {rows && rows.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="results-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th ta="right">{t("leaderboard.rank")}</Table.Th>
                <Table.Th>{t("leaderboard.model")}</Table.Th>
                <Table.Th>{t("leaderboard.unit")}</Table.Th>
                <Table.Th ta="right">{t("leaderboard.total")}</Table.Th>
                <Table.Th>{t("leaderboard.tier")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const key = r.modelId ?? r.modelCode ?? "";
                const expanded = open === key;
                return (
                  <Fragment key={key}>
                    <Table.Tr data-testid="result-row">
                      <Table.Td ta="right">{r.rank ?? "—"}</Table.Td>
                      <Table.Td>
                        {r.modelName}
                        <Text size="xs" c="dimmed">
                          {r.modelCode}
                        </Text>
                      </Table.Td>
                      <Table.Td>{r.unitName}</Table.Td>
                      <Table.Td ta="right">
                        {r.total == null ? "—" : formatNumber(r.total, { maximumFractionDigits: 2 })}
                        {r.max != null && (
                          <Text span size="xs" c="dimmed">
                            /{formatNumber(r.max)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {r.eliminated ? (
                          <Badge color="gray">{t("leaderboard.eliminated")}</Badge>
                        ) : (
                          <Badge color={tierColor[r.tier ?? ""] ?? "gray"}>{label("tier", r.tier)}</Badge>
                        )}
                        {r.demotedFrom && (
                          <Text size="xs" c="dimmed">
                            {t("rounds.demotedFrom", { tier: label("tier", r.demotedFrom) })}
                          </Text>
                        )}
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
                          <Table withRowBorders={false} data-testid="breakdown">
                            <Table.Tbody>
                              {(r.criteria ?? []).map((c) => (
                                <Table.Tr key={c.criterionId}>
                                  <Table.Td>{c.label}</Table.Td>
                                  <Table.Td ta="right">
                                    {formatNumber(c.points ?? 0, { maximumFractionDigits: 2 })} /{" "}
                                    {formatNumber(c.max ?? 0)}
                                  </Table.Td>
                                </Table.Tr>
                              ))}
                            </Table.Tbody>
                          </Table>
                          <Text size="sm" mt="xs">
                            {(locale === "en" ? r.explanationEn : null) ?? r.explanation}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
