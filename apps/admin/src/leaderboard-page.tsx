import { LeaderboardDocument } from "@lantoa/client";
import { useState } from "react";
import { useI18n } from "./i18n/i18n";
import { QueryStatus } from "./query-status";
import { useQuery } from "./use-query";

/** The published demo round; a round picker can come when the API lists rounds. */
const roundCode = "TL-BINHXET-2022";
const pageSize = 50;

/** A published round's results in rank order, readable without signing in. */
export default function LeaderboardPage() {
  const { t, label, formatNumber, locale } = useI18n();
  const [limit, setLimit] = useState(pageSize);
  const query = useQuery(LeaderboardDocument, { roundCode, limit, offset: 0 });
  const rows = query.data?.leaderboard ?? null;

  return (
    <section aria-labelledby="leaderboard-heading">
      <h2 id="leaderboard-heading">{t("leaderboard.title")}</h2>
      <p>{t("leaderboard.intro")}</p>
      <QueryStatus state={query} reload={query.reload} />
      {rows && rows.length === 0 && <p className="empty">{t("leaderboard.empty")}</p>}
      {rows && rows.length > 0 && (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col" className="number">
                    {t("leaderboard.rank")}
                  </th>
                  <th scope="col">{t("leaderboard.model")}</th>
                  <th scope="col">{t("leaderboard.unit")}</th>
                  <th scope="col" className="number">
                    {t("leaderboard.total")}
                  </th>
                  <th scope="col">{t("leaderboard.tier")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.modelCode ?? row.modelName} data-testid="leaderboard-row">
                    <td className="number">{row.rank ?? "—"}</td>
                    <td>
                      {row.modelName}
                      <details>
                        <summary>{t("leaderboard.explain")}</summary>
                        <pre className="explanation">{locale === "vi" ? row.explanationVi : row.explanationEn}</pre>
                      </details>
                    </td>
                    <td>{row.unitName}</td>
                    <td className="number">
                      {row.total == null ? "—" : formatNumber(row.total, { maximumFractionDigits: 3 })}
                      {row.max != null && <span className="muted">/{formatNumber(row.max)}</span>}
                    </td>
                    <td>
                      {row.eliminated ? (
                        <span className="status status-archived">{t("leaderboard.eliminated")}</span>
                      ) : (
                        <span className={`tier tier-${row.tier}`}>{label("tier", row.tier)}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length === limit && (
            <button type="button" onClick={() => setLimit((n) => n + pageSize)}>
              {t("leaderboard.more")}
            </button>
          )}
        </>
      )}
    </section>
  );
}
