import { type ModelCountDimension, ModelCountsDocument } from "@lantoa/client";
import { ExportButtons } from "./export-buttons";
import { useI18n } from "./i18n/i18n";
import type { MessageKey } from "./i18n/messages-vi";
import { QueryStatus } from "./query-status";
import { useQuery } from "./use-query";

const tables: readonly { by: ModelCountDimension; title: MessageKey; labelPrefix?: string }[] = [
  { by: "STATUS", title: "reports.byStatus", labelPrefix: "status" },
  { by: "FIELD", title: "reports.byField", labelPrefix: "field" },
  { by: "YEAR", title: "reports.byYear" },
];

/** Model counts in the viewer's scope, by status, field and year. */
export default function ReportsPage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">{t("reports.title")}</h2>
      <ExportButtons report="SUMMARY" />
      <div className="report-grid">
        {tables.map((table) => (
          <CountTable key={table.by} {...table} />
        ))}
      </div>
    </section>
  );
}

function CountTable({ by, title, labelPrefix }: { by: ModelCountDimension; title: MessageKey; labelPrefix?: string }) {
  const { t, label, formatNumber } = useI18n();
  const query = useQuery(ModelCountsDocument, { by });
  const rows = query.status === "ready" ? (query.data.modelCounts ?? []) : null;
  const headingId = `report-${by}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t(title)}</h3>
      <QueryStatus state={query} reload={query.reload} />
      {rows && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("reports.key")}</th>
              <th scope="col" className="number">
                {t("reports.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td>{labelPrefix ? label(labelPrefix, row.key) : row.key}</td>
                <td className="number">{formatNumber(row.count ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
