import {
  GoldenBookCountsDocument,
  IndicatorTotalsDocument,
  LeaderboardDocument,
  type ModelCountDimension,
  ModelCountsDocument,
  PublishedRoundsDocument,
  ReplicationSpreadDocument,
} from "@lantoa/client";
import { BarChart, DonutChart, LineChart } from "@mantine/charts";
import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "wouter";
import { useI18n } from "./i18n/i18n";
import { LeaderboardTable } from "./leaderboard-table";
import { EmptyNote, QueryStatus } from "./query-status";
import { type QueryState, useQuery } from "./use-query";

const sliceColors = ["red.8", "orange.6", "yellow.6", "teal.6", "blue.6", "grape.6", "cyan.7", "lime.7", "pink.6"];

type Row = { key: string; label: string; count: number };

/** A titled card with a chart, and the same figures as a table behind a disclosure for screen readers and exact numbers. */
function ChartCard({
  title,
  testId,
  state,
  reload,
  rows,
  chart,
}: {
  title: string;
  testId: string;
  state: QueryState<unknown>;
  reload(): void;
  rows: Row[] | null;
  chart: ReactNode;
}) {
  const { t, formatNumber } = useI18n();
  return (
    <Card withBorder component="section" aria-label={title} data-testid={testId}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      <QueryStatus state={state} reload={reload} lines={3} />
      {rows && rows.length === 0 && <EmptyNote text={t("state.noData")} />}
      {rows && rows.length > 0 && (
        <>
          {chart}
          <details>
            <summary>
              <Text span size="sm" c="blue.8">
                {t("dashboard.showTable")}
              </Text>
            </summary>
            <Table striped mt="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("dashboard.group")}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("dashboard.models")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.key}>
                    <Table.Td>{row.label}</Table.Td>
                    <Table.Td ta="right">{formatNumber(row.count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </details>
        </>
      )}
    </Card>
  );
}

function useCounts(by: ModelCountDimension, labelPrefix: string | null) {
  const { label } = useI18n();
  const query = useQuery(ModelCountsDocument, { by });
  const rows: Row[] | null = query.data
    ? (query.data.modelCounts ?? []).map((r) => ({
        key: r.key ?? "",
        label: labelPrefix ? label(labelPrefix, r.key) : (r.key ?? "—"),
        count: r.count ?? 0,
      }))
    : null;
  return { query, rows };
}

function Stat({ label, value, testId }: { label: string; value: string | null; testId: string }) {
  return (
    <Card withBorder padding="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={28} fw={700} data-testid={testId}>
        {value ?? "…"}
      </Text>
    </Card>
  );
}

/**
 * The signed-in first page: models by field, level and year, outcomes rolled up, the golden
 * book, how pilot models spread, and the latest published round's top results.
 */
export default function DashboardPage() {
  const { t, label, formatNumber, formatVnd } = useI18n();
  const byField = useCounts("FIELD", "field");
  const byLevel = useCounts("LEVEL", "level");
  const byYear = useCounts("YEAR", null);
  const golden = useQuery(GoldenBookCountsDocument, { by: "FIELD" });
  const goldenRows: Row[] | null = golden.data
    ? (golden.data.goldenBookCounts ?? []).map((r) => ({
        key: r.key ?? "",
        label: label("field", r.key),
        count: r.count ?? 0,
      }))
    : null;
  const totals = useQuery(IndicatorTotalsDocument, { groupBy: "TOTAL" });
  const spread = useQuery(ReplicationSpreadDocument, { filter: null });
  const rounds = useQuery(PublishedRoundsDocument, {});
  const latest = rounds.data?.publishedRounds?.[0] ?? null;
  const board = useQuery(
    LeaderboardDocument,
    { roundCode: latest?.code ?? "", limit: 10, offset: 0 },
    { skip: !latest?.code },
  );

  const sum = (rows: Row[] | null) => (rows ? formatNumber(rows.reduce((n, r) => n + r.count, 0)) : null);
  const format = (value: number) => formatNumber(value);
  const years = byYear.rows ? [...byYear.rows].sort((a, b) => a.key.localeCompare(b.key)) : null;
  const spreadRows = (spread.data?.replicationSpread ?? []).filter((r) => (r.allAdopters ?? 0) > 0);

  return (
    <Stack component="section" aria-labelledby="dashboard-heading" gap="md">
      <div>
        <Title order={2} id="dashboard-heading">
          {t("dashboard.title")}
        </Title>
        <Text c="dimmed">{t("dashboard.intro")}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <Stat label={t("dashboard.totalModels")} value={sum(byYear.rows)} testId="stat-models" />
        <Stat label={t("dashboard.goldenBookTotal")} value={sum(goldenRows)} testId="stat-golden-book" />
        <Stat
          label={t("dashboard.pilots")}
          value={spread.data ? formatNumber(spreadRows.length) : null}
          testId="stat-pilots"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard
          title={t("dashboard.byField")}
          testId="chart-field"
          state={byField.query}
          reload={byField.query.reload}
          rows={byField.rows}
          chart={
            <BarChart
              h={300}
              data={byField.rows ?? []}
              dataKey="label"
              orientation="vertical"
              yAxisProps={{ width: 170 }}
              series={[{ name: "count", label: t("dashboard.models"), color: "red.8" }]}
              valueFormatter={format}
              gridAxis="none"
            />
          }
        />
        <ChartCard
          title={t("dashboard.byLevel")}
          testId="chart-level"
          state={byLevel.query}
          reload={byLevel.query.reload}
          rows={byLevel.rows}
          chart={
            <Group justify="center" gap="lg">
              <DonutChart
                size={180}
                thickness={28}
                withLabelsLine={false}
                chartLabel={sum(byLevel.rows) ?? ""}
                valueFormatter={format}
                data={(byLevel.rows ?? []).map((r, i) => ({
                  name: r.label,
                  value: r.count,
                  color: sliceColors[i % sliceColors.length] ?? "gray.6",
                }))}
              />
              <Stack gap={4}>
                {(byLevel.rows ?? []).map((r, i) => (
                  <Group key={r.key} gap={6}>
                    <span
                      aria-hidden="true"
                      style={{
                        width: 12,
                        height: 12,
                        borderRadius: 2,
                        background: `var(--mantine-color-${(sliceColors[i % sliceColors.length] ?? "gray.6").replace(".", "-")})`,
                      }}
                    />
                    <Text size="sm">
                      {r.label}: {formatNumber(r.count)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Group>
          }
        />
        <ChartCard
          title={t("dashboard.byYear")}
          testId="chart-year"
          state={byYear.query}
          reload={byYear.query.reload}
          rows={years}
          chart={
            <LineChart
              h={240}
              data={years ?? []}
              dataKey="label"
              series={[{ name: "count", label: t("dashboard.models"), color: "red.8" }]}
              valueFormatter={format}
              curveType="monotone"
            />
          }
        />
        <ChartCard
          title={t("dashboard.goldenBook")}
          testId="chart-golden-book"
          state={golden}
          reload={golden.reload}
          rows={goldenRows}
          chart={
            <BarChart
              h={240}
              data={goldenRows ?? []}
              dataKey="label"
              orientation="vertical"
              yAxisProps={{ width: 170 }}
              series={[{ name: "count", label: t("dashboard.models"), color: "yellow.7" }]}
              valueFormatter={format}
              gridAxis="none"
            />
          }
        />
      </SimpleGrid>

      <Card withBorder component="section" aria-labelledby="indicators-heading">
        <Title order={3} size="h5" id="indicators-heading" mb="sm">
          {t("dashboard.indicators")}
        </Title>
        <QueryStatus state={totals} reload={totals.reload} />
        {totals.data && (totals.data.indicatorTotals ?? []).length === 0 && <EmptyNote text={t("state.noData")} />}
        {totals.data && (totals.data.indicatorTotals ?? []).length > 0 && (
          <Table.ScrollContainer minWidth={480}>
            <Table striped data-testid="indicator-totals">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("dashboard.indicator")}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("dashboard.total")}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("dashboard.models")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(totals.data.indicatorTotals ?? []).map((row) => (
                  <Table.Tr key={`${row.indicatorCode}-${row.groupKey}`}>
                    <Table.Td>{label("indicator", row.indicatorCode)}</Table.Td>
                    <Table.Td ta="right">
                      {row.value == null
                        ? "—"
                        : row.unitCode === "vnd"
                          ? formatVnd(row.value)
                          : `${formatNumber(row.value, { maximumFractionDigits: 1 })} ${row.unitCode ? label("uom", row.unitCode) : ""}`.trim()}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(row.models ?? 0)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      <Card withBorder component="section" aria-labelledby="replication-heading">
        <Title order={3} size="h5" id="replication-heading" mb="sm">
          {t("dashboard.replication")}
        </Title>
        <QueryStatus state={spread} reload={spread.reload} />
        {spread.data && spreadRows.length === 0 && <EmptyNote text={t("state.noData")} />}
        {spreadRows.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="replication-spread">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("dashboard.origin")}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("dashboard.adopters")}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("dashboard.coverage")}
                  </Table.Th>
                  <Table.Th scope="col">{t("dashboard.levelsReached")}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("dashboard.medianDays")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {spreadRows.map((row) => (
                  <Table.Tr key={row.originModelId}>
                    <Table.Td>
                      {row.originModelId ? (
                        <Anchor component={Link} href={`/models/${encodeURIComponent(row.originModelId)}`}>
                          {row.originName}
                        </Anchor>
                      ) : (
                        row.originName
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(row.adoptingUnits ?? 0)}</Table.Td>
                    <Table.Td ta="right">
                      {formatNumber(row.coverage ?? 0, { style: "percent", maximumFractionDigits: 1 })}
                    </Table.Td>
                    <Table.Td>{(row.levelsReached ?? []).map((code) => label("level", code)).join(", ")}</Table.Td>
                    <Table.Td ta="right">
                      {row.medianAdoptionDays == null
                        ? "—"
                        : t("dashboard.days", { count: formatNumber(row.medianAdoptionDays) })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      <Card withBorder component="section" aria-labelledby="latest-round-heading">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h5" id="latest-round-heading">
            {t("dashboard.leaderboard", { round: latest?.name ?? latest?.code ?? "—" })}
          </Title>
          {latest && (
            <Anchor component={Link} href="/leaderboard" size="sm">
              {t("dashboard.fullLeaderboard")}
            </Anchor>
          )}
        </Group>
        <QueryStatus state={rounds} reload={rounds.reload} />
        {rounds.data && !latest && <EmptyNote text={t("dashboard.noRound")} />}
        {latest && <QueryStatus state={board} reload={board.reload} />}
        {board.data?.leaderboard && <LeaderboardTable rows={board.data.leaderboard} explain={false} />}
      </Card>
    </Stack>
  );
}
