import { type ModelStatus, ModelsDocument } from "@lantoa/client";
import { useEffect, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { ExportButtons } from "./export-buttons";
import { useI18n } from "./i18n/i18n";
import { fieldCodes, statusCodes } from "./model-labels";
import { QueryStatus } from "./query-status";
import { useDebouncedValue } from "./use-debounced-value";
import { useQuery } from "./use-query";

const pageSize = 20;

/** Models in the viewer's scope: search without diacritics, filter by field and status, page through. */
export default function ModelsPage() {
  const { t, label, formatNumber, formatDate } = useI18n();
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const field = params.get("field") ?? "";
  const status = (params.get("status") ?? "") as ModelStatus | "";
  const [text, setText] = useState(params.get("q") ?? "");
  const term = useDebouncedValue(text.trim(), 300);
  // Relay paging goes forward by cursor: keep the cursors of the pages behind us to go back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;

  // The filters live in the address, so Back from a model returns to the same list.
  function setParam(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    const search = next.toString();
    navigate(search ? `${location}?${search}` : location, { replace: true });
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: setParam changes every render; `term` is the trigger.
  useEffect(() => {
    if ((params.get("q") ?? "") !== term) setParam("q", term);
  }, [term]);

  const filterKey = `${term}|${field}|${status}`;
  const [lastFilterKey, setLastFilterKey] = useState(filterKey);
  if (filterKey !== lastFilterKey) {
    setLastFilterKey(filterKey);
    setCursors([null]);
  }

  const query = useQuery(ModelsDocument, {
    first: pageSize,
    after,
    filter: { text: term || null, field: field || null, status: status || null },
  });
  const models = query.data?.models;

  return (
    <section aria-labelledby="models-heading">
      <h2 id="models-heading">{t("models.title")}</h2>
      <ExportButtons report="MODELS" filter={{ field: field || null }} />
      <div className="filters">
        <label>
          {t("models.search")}
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t("models.searchPlaceholder")}
            aria-describedby="models-search-hint"
          />
          <small id="models-search-hint">{t("models.searchHint")}</small>
        </label>
        <label>
          {t("models.field")}
          <select value={field} onChange={(e) => setParam("field", e.target.value)}>
            <option value="">{t("models.any")}</option>
            {fieldCodes.map((code) => (
              <option key={code} value={code}>
                {label("field", code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("models.status")}
          <select value={status} onChange={(e) => setParam("status", e.target.value)}>
            <option value="">{t("models.any")}</option>
            {statusCodes.map((code) => (
              <option key={code} value={code}>
                {label("status", code)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryStatus state={query} reload={query.reload} />
      {models && (
        <div aria-busy={query.status === "loading"}>
          <p data-testid="models-total">{t("models.total", { count: formatNumber(models.totalCount) })}</p>
          {models.edges.length === 0 ? (
            <p className="empty">{t("models.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("models.name")}</th>
                    <th scope="col">{t("models.owner")}</th>
                    <th scope="col">{t("models.field")}</th>
                    <th scope="col">{t("models.status")}</th>
                    <th scope="col">{t("models.startDate")}</th>
                  </tr>
                </thead>
                <tbody>
                  {models.edges.map(({ node }) => (
                    <tr key={node.id} data-testid="model-row">
                      <td>
                        <Link href={`/models/${encodeURIComponent(node.id)}`}>{node.name}</Link>
                        {node.isPilot && <span className="badge">{t("models.pilot")}</span>}
                        <div className="muted">{node.code}</div>
                      </td>
                      <td>{node.ownerUnit?.name}</td>
                      <td>{(node.fields ?? []).map((code) => label("field", code)).join("; ")}</td>
                      <td>
                        <span className={`status status-${node.status}`}>{label("status", node.status)}</span>
                      </td>
                      <td>{node.startDate ? formatDate(node.startDate) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label={t("models.pagination")} className="pager">
            <button
              type="button"
              disabled={cursors.length <= 1}
              onClick={() => setCursors((stack) => stack.slice(0, -1))}
            >
              {t("models.previous")}
            </button>
            <span>{t("models.page", { page: formatNumber(cursors.length) })}</span>
            <button
              type="button"
              disabled={!models.pageInfo.hasNextPage}
              onClick={() => setCursors((stack) => [...stack, models.pageInfo.endCursor])}
            >
              {t("models.next")}
            </button>
          </nav>
        </div>
      )}
    </section>
  );
}
