import {
  GraphQLRequestError,
  isDomainError,
  type ModelAction,
  ModelDetailDocument,
  type ModelDetailQuery,
  request,
  TransitionModelDocument,
} from "@lantoa/client";
import { useId, useState } from "react";
import { Link } from "wouter";
import { useI18n } from "./i18n/i18n";
import { offeredActions } from "./model-labels";
import { QueryStatus } from "./query-status";
import { useSession, viewerRoles } from "./session";
import { errorMessageKey, graphqlEndpoint, useQuery } from "./use-query";

type ModelNode = Extract<NonNullable<ModelDetailQuery["node"]>, { __typename: "Model" }>;

/** One model: what it is, its outcomes, its latest evaluation, its history and the actions the viewer may take. */
export default function ModelDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const query = useQuery(ModelDetailDocument, { id });
  const node = query.data?.node;
  const model = node?.__typename === "Model" ? node : null;

  return (
    <section aria-labelledby="model-heading">
      <p>
        <Link href="/models">{t("detail.back")}</Link>
      </p>
      {!model && <QueryStatus state={query} reload={query.reload} />}
      {query.status === "ready" && !model && (
        <p role="alert" className="alert">
          {t("detail.notFound")}
        </p>
      )}
      {model && <ModelView model={model} reload={query.reload} />}
    </section>
  );
}

function ModelView({ model, reload }: { model: ModelNode; reload(): void }) {
  const { t, label, formatNumber, formatDate } = useI18n();
  return (
    <>
      <h2 id="model-heading">{model.name}</h2>
      {model.isPilot && <p className="badge">{t("detail.pilot")}</p>}
      <dl className="facts">
        <dt>{t("detail.owner")}</dt>
        <dd>{model.ownerUnit?.name}</dd>
        <dt>{t("detail.fields")}</dt>
        <dd>{(model.fields ?? []).map((code) => label("field", code)).join("; ")}</dd>
        <dt>{t("detail.status")}</dt>
        <dd data-testid="model-status">
          <span className={`status status-${model.status}`}>{label("status", model.status)}</span>
        </dd>
        <dt>{t("detail.startDate")}</dt>
        <dd>{model.startDate ? formatDate(model.startDate) : "—"}</dd>
        {model.annualTheme && (
          <>
            <dt>{t("detail.theme")}</dt>
            <dd>{model.annualTheme}</dd>
          </>
        )}
        <dt>{t("models.code")}</dt>
        <dd>{model.code}</dd>
      </dl>
      <h3>{t("detail.problem")}</h3>
      <p>{model.problem}</p>
      <h3>{t("detail.solution")}</h3>
      <p>{model.solution}</p>

      <h3>{t("detail.outcomes")}</h3>
      {(model.indicatorValues ?? []).length === 0 ? (
        <p className="empty">{t("detail.noOutcomes")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="outcomes">
            <thead>
              <tr>
                <th scope="col">{t("detail.indicator")}</th>
                <th scope="col">{t("detail.period")}</th>
                <th scope="col" className="number">
                  {t("detail.value")}
                </th>
              </tr>
            </thead>
            <tbody>
              {(model.indicatorValues ?? []).map((v) => (
                <tr key={`${v.indicatorCode}-${v.period}`}>
                  <td>{label("indicator", v.indicatorCode)}</td>
                  <td>{v.period}</td>
                  <td className="number">
                    {v.value == null ? "—" : formatNumber(v.value, { maximumFractionDigits: 2 })}{" "}
                    {v.unitCode ? label("uom", v.unitCode) : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {model.latestResult && (
        <>
          <h3>{t("detail.result")}</h3>
          <p>
            {t("detail.resultLine", {
              round: model.latestResult.roundName ?? model.latestResult.roundCode ?? "",
              rank: model.latestResult.rank ?? "—",
              total: model.latestResult.total == null ? "—" : formatNumber(model.latestResult.total),
              max: model.latestResult.max == null ? "—" : formatNumber(model.latestResult.max),
              tier: label("tier", model.latestResult.tier),
            })}
          </p>
        </>
      )}

      <Actions model={model} reload={reload} />

      <h3>{t("detail.history")}</h3>
      <div className="table-wrap">
        <table data-testid="status-history">
          <thead>
            <tr>
              <th scope="col">{t("detail.historyAt")}</th>
              <th scope="col">{t("detail.historyAction")}</th>
              <th scope="col">{t("detail.status")}</th>
              <th scope="col">{t("detail.historyBy")}</th>
              <th scope="col">{t("detail.historyReason")}</th>
            </tr>
          </thead>
          <tbody>
            {(model.statusHistory ?? []).map((change) => (
              <tr key={`${change.at}-${change.command}-${change.to}`}>
                <td>{change.at ? formatDate(change.at, true) : "—"}</td>
                <td>{label("action", change.command)}</td>
                <td>
                  {change.from ? `${label("status", change.from)} → ` : ""}
                  {label("status", change.to)}
                </td>
                <td>{change.by}</td>
                <td>{change.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

type Outcome = { kind: "done"; text: string } | { kind: "error"; text: string; code?: string | null };

/** The lifecycle buttons the model's status allows for the viewer's roles; the gateway has the last word. */
function Actions({ model, reload }: { model: ModelNode; reload(): void }) {
  const { t, label, locale } = useI18n();
  const { session } = useSession();
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (!session) return null;
  const actions = offeredActions(model.status, viewerRoles(session));

  async function run(action: ModelAction, reasonRequired: boolean) {
    const actionLabel = label("action", action);
    if (reasonRequired && !reason.trim()) {
      setOutcome({ kind: "error", text: t("detail.reasonRequired", { action: actionLabel }) });
      return;
    }
    if (model.version == null || !session) return;
    setBusy(true);
    setOutcome(null);
    try {
      const { transitionModel } = await request(
        graphqlEndpoint,
        TransitionModelDocument,
        { id: model.id, action, expectedVersion: model.version, reason: reason.trim() || null },
        { token: session.token },
      );
      if (isDomainError(transitionModel)) {
        const text = (locale === "vi" ? transitionModel.messageVi : transitionModel.message) ?? t("error.unknown");
        const stale = transitionModel.code === "DB.STALE_VERSION";
        setOutcome({
          kind: "error",
          text: stale ? `${text} ${t("detail.staleHint")}` : text,
          code: transitionModel.code,
        });
        // The model changed under us: show what is there now.
        if (stale || transitionModel.code === "MODEL.TRANSITION_NOT_ALLOWED") reload();
        return;
      }
      const status = transitionModel?.data.model?.status;
      setReason("");
      setOutcome({ kind: "done", text: t("detail.done", { action: actionLabel, status: label("status", status) }) });
      reload();
    } catch (cause) {
      const text =
        cause instanceof GraphQLRequestError && cause.kind === "graphql" && !cause.code
          ? cause.message
          : t(errorMessageKey(cause));
      setOutcome({ kind: "error", text });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="actions-heading" className="actions">
      <h3 id="actions-heading">{t("detail.actions")}</h3>
      {actions.length === 0 ? (
        <p className="muted">{t("detail.noActions")}</p>
      ) : (
        <>
          {actions.some((a) => a.reason) && (
            <div className="stack">
              <label htmlFor={reasonId}>{t("detail.reason")}</label>
              <textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
            </div>
          )}
          <div className="button-row">
            {actions.map((rule) => (
              <button key={rule.action} type="button" disabled={busy} onClick={() => run(rule.action, rule.reason)}>
                {label("action", rule.action)}
              </button>
            ))}
          </div>
        </>
      )}
      {busy && <p role="status">{t("detail.working")}</p>}
      {outcome && (
        <p
          role={outcome.kind === "error" ? "alert" : "status"}
          className={outcome.kind === "error" ? "alert" : "notice"}
          data-testid="action-outcome"
        >
          {outcome.text}
          {outcome.kind === "error" && outcome.code ? <span className="muted"> ({outcome.code})</span> : null}
        </p>
      )}
    </section>
  );
}
