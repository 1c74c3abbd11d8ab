import {
  GoldenBookCountsDocument,
  IndicatorTotalsDocument,
  LeaderboardDocument,
  type ModelCountDimension,
  ModelCountsDocument,
  PublishedRoundsDocument,
  ReplicationSpreadCountDocument,
  ReplicationSpreadDocument,
  type ReportFilter,
  UnitTreeDocument,
} from "@lantoa/client";
import { BarChart, DonutChart } from "@mantine/charts";
import { Anchor, Card, Group, NativeSelect, Select, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ReactNode, useMemo } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { graphqlQuery } from "./data/graphql";
import { foldedOptionsFilter } from "./fold-vietnamese";
import { useI18n } from "./i18n/i18n";
import { CountTable } from "./layout/count-table";
import { ListTable } from "./layout/list-table";
import { LeaderboardTable } from "./leaderboard-table";
import { EmptyNote, type QueryLike, QueryStatus } from "./query-status";
import { useConfiguration } from "./registers/use-configuration";
import { useSession } from "./session";
import { holdsRoleOver } from "./unit-labels";
import { renderUnitOption, type UnitOption, unitOptionsOf } from "./unit-options";

const sliceColors = ["red.8", "orange.7", "yellow.8", "teal.7", "blue.7", "grape.7", "cyan.8", "lime.8", "pink.7"];
/** The field whose models raise money for people in hardship (the article's "charity" models). */
const charityField = "social-welfare";
const moneyIndicator = "money-raised";
const firstYear = 2010;

type Row = { key: string; label: string; count: number };

/** A titled card with a chart, and the same figures as a table behind a disclosure for screen readers and exact numbers. */
function ChartCard({
  title,
  testId,
  query,
  rows,
  chart,
}: {
  title: string;
  testId: string;
  query: QueryLike;
  rows: Row[] | null;
  chart: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card withBorder component="section" aria-label={title} data-testid={testId}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      <QueryStatus query={query} lines={3} />
      {rows && rows.length === 0 && <EmptyNote text={t("state.noData")} />}
      {rows && rows.length > 0 && (
        <>
          {chart}
          <details>
            <summary>
              <Text span size="sm" c="blue.9">
                {t("dashboard.showTable")}
              </Text>
            </summary>
            <CountTable rows={rows} groupHeader={t("dashboard.group")} countHeader={t("dashboard.models")} mt="xs" />
          </details>
        </>
      )}
    </Card>
  );
}

function Stat({ label, value, hint, testId }: { label: string; value: string | null; hint?: string; testId: string }) {
  return (
    <Card withBorder padding="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={28} fw={700} data-testid={testId}>
        {value ?? "…"}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

/** A year from the address, or null. */
function yearParam(value: string | null): number | null {
  return value && /^\d{4}$/.test(value) ? Number(value) : null;
}

/**
 * The signed-in first page, telling the movement's story for the unit and years chosen (kept
 * in the address): how many models were built and where, what they achieved by kind (money
 * for charity apart from other money), the pilots that spread furthest, the golden book, and
 * the results of the evaluation round chosen (by default the one that ranked the most models,
 * so a small test round never takes over).
 */
export default function DashboardPage() {
  const { t, label, formatCount, formatNumber, formatVnd, formatPercent } = useI18n();
  const configuration = useConfiguration();
  const { session } = useSession();
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    const search = next.toString();
    navigate(search ? `${location}?${search}` : location, { replace: true });
  };

  // The units the viewer reads: everything for a system admin, their own subtrees otherwise.
  const units = useQuery(graphqlQuery(UnitTreeDocument, { first: 500, filter: null }));
  const roles = session?.viewer.roles ?? [];
  const unitOptions = useMemo(() => {
    const nodes = (units.data?.units?.edges ?? []).map((e) => e.node);
    const parentOf = new Map(nodes.map((n) => [n.id, n.parent?.id ?? null]));
    const readable = ["unit-admin", "unit-officer", "reviewer", "viewer"];
    return nodes
      .filter((n) => holdsRoleOver(n.id, roles, parentOf, readable))
      .map((n) => unitOptionsOf([n])[0] as UnitOption);
  }, [units.data, roles]);
  const ownUnit = roles.find((r) => r.unitId)?.unitId ?? null;
  const unitId = params.get("unit") ?? ownUnit;
  const fromYear = yearParam(params.get("from"));
  const toYear = yearParam(params.get("to"));
  const filter: ReportFilter = { withinUnitId: unitId, fromYear, toYear };

  const counts = (by: ModelCountDimension) => ({
    ...graphqlQuery(ModelCountsDocument, { by, filter }),
    placeholderData: keepPreviousData,
  });
  const byYear = useQuery(counts("YEAR"));
  const byLevel = useQuery(counts("LEVEL"));
  const byField = useQuery(counts("FIELD"));
  const golden = useQuery({
    ...graphqlQuery(GoldenBookCountsDocument, { by: "FIELD", filter }),
    placeholderData: keepPreviousData,
  });
  const totals = useQuery({
    ...graphqlQuery(IndicatorTotalsDocument, { groupBy: "TOTAL", filter }),
    placeholderData: keepPreviousData,
  });
  const totalsByField = useQuery({
    ...graphqlQuery(IndicatorTotalsDocument, { groupBy: "FIELD", filter }),
    placeholderData: keepPreviousData,
  });
  const spread = useQuery({
    ...graphqlQuery(ReplicationSpreadDocument, { filter, orderBy: "ADOPTING_UNITS", limit: 8 }),
    placeholderData: keepPreviousData,
  });
  const pilotCount = useQuery({
    ...graphqlQuery(ReplicationSpreadCountDocument, { filter }),
    placeholderData: keepPreviousData,
  });
  const rounds = useQuery(graphqlQuery(PublishedRoundsDocument, {}));

  const rowsOf = (
    data: { key?: string | null; count?: number | null }[] | null | undefined,
    name: (key: string) => string,
  ) => (data ? data.map((r) => ({ key: r.key ?? "", label: name(r.key ?? ""), count: r.count ?? 0 })) : null);
  const years = rowsOf(byYear.data?.modelCounts, (key) => key)?.sort((a, b) => a.key.localeCompare(b.key)) ?? null;
  const levels = rowsOf(byLevel.data?.modelCounts, configuration.levelLabel);
  const fields = rowsOf(byField.data?.modelCounts, configuration.fieldLabel);
  const goldenRows = rowsOf(golden.data?.goldenBookCounts, configuration.fieldLabel);
  const sum = (rows: Row[] | null) => (rows ? formatCount(rows.reduce((n, r) => n + r.count, 0)) : null);

  const money = (totals.data?.indicatorTotals ?? []).find((r) => r.indicatorCode === moneyIndicator)?.value ?? null;
  const moneyByField = (totalsByField.data?.indicatorTotals ?? [])
    .filter((r) => r.indicatorCode === moneyIndicator && r.value != null)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const charity = moneyByField.find((r) => r.groupKey === charityField)?.value ?? (totalsByField.data ? 0 : null);
  // The eight pilots that reached the most units, in the server's order.
  const pilots = spread.data?.replicationSpread ?? [];

  // The round shown: the one asked for, else the published round in the years chosen that
  // ranked the most models.
  const published = rounds.data?.publishedRounds ?? [];
  const inYears = published.filter((r) => {
    const year = Number((r.period ?? "").slice(0, 4));
    return (fromYear === null || year >= fromYear) && (toYear === null || year <= toYear);
  });
  const biggest = [...(inYears.length > 0 ? inYears : published)].sort(
    (a, b) => (b.resultCount ?? 0) - (a.resultCount ?? 0),
  )[0];
  const round = published.find((r) => r.code === params.get("round")) ?? biggest ?? null;
  const board = useQuery({
    ...graphqlQuery(LeaderboardDocument, { roundCode: round?.code ?? "", limit: 10, offset: 0 }),
    enabled: !!round?.code,
  });

  const nowYear = new Date().getFullYear();
  const yearOptions = [
    { value: "", label: t("dashboard.anyYear") },
    ...Array.from({ length: nowYear - firstYear + 1 }, (_, n) => String(nowYear - n)).map((y) => ({
      value: y,
      label: y,
    })),
  ];
  const unitName = unitOptions.find((o) => o.value === unitId)?.label ?? t("dashboard.allUnits");
  const yearsText =
    fromYear === null && toYear === null
      ? t("dashboard.allYears")
      : t("dashboard.yearRange", { from: fromYear ?? "…", to: toYear ?? "…" });
  const integerTicks = { allowDecimals: false };

  return (
    <Stack component="section" aria-labelledby="dashboard-heading" gap="md">
      <div>
        <Title order={2} id="dashboard-heading">
          {t("dashboard.title")}
        </Title>
        <Text c="dimmed">{t("dashboard.intro")}</Text>
      </div>
      <Card withBorder component="section" aria-labelledby="dashboard-filters" padding="sm">
        <Title order={3} size="h6" id="dashboard-filters" mb="xs">
          {t("dashboard.filters")}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Select
            label={t("dashboard.unit")}
            searchable
            filter={foldedOptionsFilter}
            clearable={roles.some((r) => r.role === "system-admin")}
            clearButtonProps={{ "aria-label": t("form.clearChoice") }}
            placeholder={t("dashboard.allUnits")}
            data={unitOptions}
            renderOption={renderUnitOption}
            value={unitId}
            onChange={(value) => setParam("unit", value)}
          />
          <NativeSelect
            label={t("dashboard.fromYear")}
            data={yearOptions}
            value={fromYear === null ? "" : String(fromYear)}
            onChange={(e) => setParam("from", e.currentTarget.value)}
          />
          <NativeSelect
            label={t("dashboard.toYear")}
            data={yearOptions}
            value={toYear === null ? "" : String(toYear)}
            onChange={(e) => setParam("to", e.currentTarget.value)}
          />
          <NativeSelect
            label={t("dashboard.round")}
            data={published.map((r) => ({
              value: r.code ?? "",
              label: t("dashboard.roundOption", {
                name: r.name ?? "",
                period: r.period ?? "",
                count: formatCount(r.resultCount ?? 0),
              }),
            }))}
            value={round?.code ?? ""}
            onChange={(e) => setParam("round", e.currentTarget.value)}
            disabled={published.length === 0}
          />
        </SimpleGrid>
        <Text size="sm" mt="xs" data-testid="dashboard-scope">
          {t("dashboard.scope", { unit: unitName, years: yearsText })}
        </Text>
      </Card>

      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Stat label={t("dashboard.totalModels")} value={sum(years)} testId="stat-models" />
        <Stat
          label={t("dashboard.charityMoney")}
          value={charity === null ? null : formatVnd(charity)}
          hint={t("dashboard.charityHint")}
          testId="stat-charity"
        />
        <Stat
          label={t("dashboard.pilots")}
          value={pilotCount.data ? formatCount(pilotCount.data.replicationSpreadCount ?? 0) : null}
          testId="stat-pilots"
        />
        <Stat label={t("dashboard.goldenBookTotal")} value={sum(goldenRows)} testId="stat-golden-book" />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard
          title={t("dashboard.byYear")}
          testId="chart-year"
          query={byYear}
          rows={years}
          chart={
            <BarChart
              h={240}
              data={years ?? []}
              dataKey="label"
              series={[{ name: "count", label: t("dashboard.models"), color: "red.8" }]}
              valueFormatter={formatCount}
              yAxisProps={integerTicks}
              gridAxis="y"
            />
          }
        />
        <ChartCard
          title={t("dashboard.byLevel")}
          testId="chart-level"
          query={byLevel}
          rows={levels}
          chart={
            <Group justify="center" gap="lg">
              <DonutChart
                size={180}
                thickness={28}
                withLabelsLine={false}
                chartLabel={sum(levels) ?? ""}
                valueFormatter={formatCount}
                data={(levels ?? []).map((r, i) => ({
                  name: r.label,
                  value: r.count,
                  color: sliceColors[i % sliceColors.length] ?? "gray.7",
                }))}
              />
              <Stack gap={4}>
                {(levels ?? []).map((r, i) => (
                  <Group key={r.key} gap={6}>
                    <span
                      aria-hidden="true"
                      style={{
                        width: 12,
                        height: 12,
                        borderRadius: 2,
                        background: `var(--mantine-color-${(sliceColors[i % sliceColors.length] ?? "gray.7").replace(".", "-")})`,
                      }}
                    />
                    <Text size="sm">
                      {r.label}: {formatCount(r.count)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Group>
          }
        />
        <ChartCard
          title={t("dashboard.byField")}
          testId="chart-field"
          query={byField}
          rows={fields}
          chart={
            <BarChart
              h={300}
              data={fields ?? []}
              dataKey="label"
              orientation="vertical"
              yAxisProps={{ width: 170 }}
              xAxisProps={integerTicks}
              series={[{ name: "count", label: t("dashboard.models"), color: "red.8" }]}
              valueFormatter={formatCount}
              gridAxis="none"
            />
          }
        />
        <ChartCard
          title={t("dashboard.goldenBook")}
          testId="chart-golden-book"
          query={golden}
          rows={goldenRows}
          chart={
            <BarChart
              h={240}
              data={goldenRows ?? []}
              dataKey="label"
              orientation="vertical"
              yAxisProps={{ width: 170 }}
              xAxisProps={integerTicks}
              series={[{ name: "count", label: t("dashboard.models"), color: "yellow.8" }]}
              valueFormatter={formatCount}
              gridAxis="none"
            />
          }
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder component="section" aria-labelledby="indicators-heading">
          <Title order={3} size="h5" id="indicators-heading" mb="sm">
            {t("dashboard.indicators")}
          </Title>
          <QueryStatus query={totals} />
          {totals.data && (totals.data.indicatorTotals ?? []).length === 0 && <EmptyNote text={t("state.noData")} />}
          {totals.data && (totals.data.indicatorTotals ?? []).length > 0 && (
            <ListTable data-testid="indicator-totals" highlightOnHover={false}>
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
                    <Table.Td>{configuration.indicatorLabel(row.indicatorCode)}</Table.Td>
                    <Table.Td ta="right" data-label={t("dashboard.total")}>
                      {row.value == null
                        ? "—"
                        : row.unitCode === "vnd"
                          ? formatVnd(row.value)
                          : row.unitCode === "percent"
                            ? formatPercent(row.value / 100)
                            : `${formatNumber(row.value, { maximumFractionDigits: 1 })} ${configuration.uomSymbol(row.unitCode)}`.trim()}
                    </Table.Td>
                    <Table.Td ta="right" data-label={t("dashboard.models")}>
                      {formatCount(row.models ?? 0)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ListTable>
          )}
        </Card>

        <Card withBorder component="section" aria-labelledby="money-heading" data-testid="money">
          <Title order={3} size="h5" id="money-heading" mb="sm">
            {t("dashboard.money")}
          </Title>
          <QueryStatus query={totalsByField} />
          {money === null && totals.isSuccess && <EmptyNote text={t("state.noData")} />}
          {money !== null && charity !== null && (
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <div data-testid="money-charity">
                  <Text size="sm">{t("dashboard.moneyCharity")}</Text>
                  <Text fw={700} fz="lg">
                    {formatVnd(charity)}
                  </Text>
                </div>
                <div data-testid="money-other">
                  <Text size="sm">{t("dashboard.moneyOther")}</Text>
                  <Text fw={700} fz="lg">
                    {formatVnd(Math.max(0, money - charity))}
                  </Text>
                </div>
              </SimpleGrid>
              <Title order={4} size="h6">
                {t("dashboard.moneyByField")}
              </Title>
              <ListTable highlightOnHover={false} data-testid="money-by-field">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("models.field")}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("dashboard.money")}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {moneyByField.map((row) => (
                    <Table.Tr key={row.groupKey}>
                      <Table.Td>{configuration.fieldLabel(row.groupKey)}</Table.Td>
                      <Table.Td ta="right" data-label={t("dashboard.money")}>
                        {formatVnd(row.value ?? 0)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ListTable>
              <Text size="xs" c="dimmed">
                {t("dashboard.moneyByFieldHint")}
              </Text>
            </Stack>
          )}
        </Card>
      </SimpleGrid>

      <Card withBorder component="section" aria-labelledby="replication-heading">
        <Title order={3} size="h5" id="replication-heading" mb="sm">
          {t("dashboard.flagships")}
        </Title>
        <QueryStatus query={spread} />
        {spread.data && pilots.length === 0 && <EmptyNote text={t("state.noData")} />}
        {pilots.length > 0 && (
          <ListTable minWidth={640} data-testid="replication-spread">
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
              {pilots.map((row) => (
                <Table.Tr key={row.originModelId}>
                  <Table.Td>
                    {row.originModelId ? (
                      <Anchor component={Link} href={`/models/${encodeURIComponent(row.originModelId)}`} fw={600}>
                        {row.originName}
                      </Anchor>
                    ) : (
                      row.originName
                    )}
                  </Table.Td>
                  <Table.Td ta="right" data-label={t("dashboard.adopters")}>
                    {formatCount(row.adoptingUnits ?? 0)}
                  </Table.Td>
                  <Table.Td ta="right" data-label={t("dashboard.coverage")}>
                    {formatPercent(row.coverage ?? 0)}
                  </Table.Td>
                  <Table.Td data-label={t("dashboard.levelsReached")}>
                    {(row.levelsReached ?? []).map((code) => configuration.levelLabel(code)).join(", ")}
                  </Table.Td>
                  <Table.Td ta="right" data-label={t("dashboard.medianDays")}>
                    {row.medianAdoptionDays == null
                      ? "—"
                      : t("dashboard.days", { count: formatCount(row.medianAdoptionDays) })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ListTable>
        )}
      </Card>

      <Card withBorder component="section" aria-labelledby="round-heading">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h5" id="round-heading">
            {t("dashboard.leaderboard", { round: round?.name ?? "—" })}
          </Title>
          {round && (
            <Anchor component={Link} href={`/leaderboard?round=${encodeURIComponent(round.code ?? "")}`} size="sm">
              {t("dashboard.fullLeaderboard")}
            </Anchor>
          )}
        </Group>
        <QueryStatus query={rounds} />
        {rounds.isSuccess && !round && <EmptyNote text={t("dashboard.noRound")} />}
        {round && <QueryStatus query={board} />}
        {board.data?.leaderboard && <LeaderboardTable rows={board.data.leaderboard} explain={false} />}
        {round && (
          <Text size="xs" c="dimmed" mt="xs">
            {round.organizerName} · {label("rounds.status", round.status)}
          </Text>
        )}
      </Card>
    </Stack>
  );
}
