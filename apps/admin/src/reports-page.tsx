import { type ModelCountDimension, ModelCountsDocument } from "@lantoa/client";
import { Card, SimpleGrid, Stack, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { graphqlQuery } from "./data/graphql";
import { ExportButtons } from "./export-buttons";
import { useI18n } from "./i18n/i18n";
import type { MessageKey } from "./i18n/messages-vi";
import { CountTable } from "./layout/count-table";
import { EmptyNote, QueryStatus } from "./query-status";
import { useConfiguration } from "./registers/use-configuration";

const tables: readonly { by: ModelCountDimension; title: MessageKey; labelPrefix?: "status" | "field" }[] = [
  { by: "STATUS", title: "reports.byStatus", labelPrefix: "status" },
  { by: "FIELD", title: "reports.byField", labelPrefix: "field" },
  { by: "YEAR", title: "reports.byYear" },
];

/** Model counts in the viewer's scope, by status, field and year, and the periodic report to download. */
export default function ReportsPage() {
  const { t } = useI18n();
  return (
    <Stack component="section" aria-labelledby="reports-heading" gap="sm">
      <Title order={2} id="reports-heading">
        {t("reports.title")}
      </Title>
      <ExportButtons report="SUMMARY" />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {tables.map((table) => (
          <CountReport key={table.by} {...table} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function CountReport({
  by,
  title,
  labelPrefix,
}: {
  by: ModelCountDimension;
  title: MessageKey;
  labelPrefix?: "status" | "field";
}) {
  const { t, label } = useI18n();
  const configuration = useConfiguration();
  const query = useQuery(graphqlQuery(ModelCountsDocument, { by, filter: null }));
  const rows = query.data?.modelCounts ?? null;
  const headingId = `report-${by}`;
  const name = (key: string | null | undefined) =>
    labelPrefix === "field" ? configuration.fieldLabel(key) : labelPrefix ? label(labelPrefix, key) : (key ?? "—");
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId} mb="xs">
        {t(title)}
      </Title>
      <QueryStatus query={query} />
      {rows && rows.length === 0 && <EmptyNote text={t("state.noData")} />}
      {rows && rows.length > 0 && (
        <CountTable
          rows={rows.map((row) => ({ key: row.key ?? "", label: name(row.key), count: row.count ?? 0 }))}
          groupHeader={t("reports.key")}
          countHeader={t("reports.count")}
        />
      )}
    </Card>
  );
}
