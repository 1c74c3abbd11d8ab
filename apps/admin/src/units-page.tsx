import { UnitsDocument } from "@lantoa/client";
import { useState } from "react";
import { useI18n } from "./i18n/i18n";
import { QueryStatus } from "./query-status";
import { useDebouncedValue } from "./use-debounced-value";
import { useQuery } from "./use-query";

/** The organization tree as a list, searchable without diacritics. Public. */
export function UnitsPage() {
  const { t, label, formatNumber } = useI18n();
  const [search, setSearch] = useState("");
  const term = useDebouncedValue(search.trim(), 250);
  const query = useQuery(UnitsDocument, { first: 500, filter: term ? { search: term } : null });
  const units = query.status === "ready" ? query.data.units : null;

  return (
    <section aria-labelledby="units-heading">
      <h2 id="units-heading">{t("units.title")}</h2>
      <div className="filters">
        <label>
          {t("units.search")}{" "}
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t("units.searchPlaceholder")}
          />
        </label>
      </div>
      <QueryStatus state={query} reload={query.reload} errorKey="units.error" />
      {units && (
        <>
          <p data-testid="units-total">{t("units.total", { count: formatNumber(units.totalCount) })}</p>
          {units.edges.length === 0 ? (
            <p className="empty">{t("units.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("units.name")}</th>
                    <th scope="col">{t("units.level")}</th>
                  </tr>
                </thead>
                <tbody>
                  {units.edges.map(({ node }) => (
                    <tr key={node.id} data-testid="unit-row">
                      <td style={{ paddingLeft: `${(node.depth ?? 0) * 1.25 + 0.5}rem` }}>{node.name}</td>
                      <td>{label("level", node.level)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
