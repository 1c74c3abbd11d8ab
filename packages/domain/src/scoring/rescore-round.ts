import { type CriteriaChange, type CriteriaSet, compileCriteriaSet, diffCriteriaSets } from "../criteria/index.js";
import { err, ok, type Result } from "../errors/index.js";
import { prepareSubjects } from "./check-subjects.js";
import { type RescaleReport, rescaleCheckedScorecards } from "./rescale-scorecards.js";
import { type RoundResult, scoreCompiledRound } from "./score-round.js";
import type { ScoreRoundOptions, ScoringSubject } from "./scoring-subject.js";

/**
 * One model, before and after.
 *
 * @example
 * { modelId: "P", before: { totalMilli: 92167, tierId: "good", rank: 2 }, after: { totalMilli: 92500, tierId: "good", rank: 2 }, deltaMilli: 333, tierChanged: false }
 */
export interface RescoreRow {
  readonly modelId: string;
  readonly before: { readonly totalMilli: number; readonly tierId: string | null; readonly rank: number | null } | null;
  readonly after: { readonly totalMilli: number; readonly tierId: string | null; readonly rank: number | null } | null;
  /** after − before, milli-points; null when either side is unscored. */
  readonly deltaMilli: number | null;
  readonly tierChanged: boolean;
}

/**
 * The side-by-side comparison of a round under two criteria-set versions.
 *
 * @example
 * cmp.rows.filter((r) => r.tierChanged).map((r) => r.modelId)
 */
export interface RoundComparison {
  readonly original: RoundResult;
  readonly alternative: RoundResult;
  /** In the original's position order, then models only the alternative scored. */
  readonly rows: readonly RescoreRow[];
  readonly rescaling: RescaleReport;
  readonly changes: readonly CriteriaChange[];
}

/**
 * What-if: rescores a finished round under another version without touching the
 * original. Scorecards are moved with {@link rescaleScorecards}, both rounds are scored
 * and compared model by model, with the diff of the two sets. Pure: the inputs are
 * not modified and nothing is saved.
 *
 * @example
 * const cmp = rescoreRound({ set: v1, subjects, options: { referenceDate: "2025-06-30" } }, v2);
 * if (cmp.ok) cmp.value.rows.filter((r) => r.tierChanged)
 */
export function rescoreRound(
  round: { set: CriteriaSet; subjects: readonly ScoringSubject[]; options: ScoreRoundOptions },
  alternativeSet: CriteriaSet,
): Result<RoundComparison> {
  // Compiled and checked once, here: the compiled sets are the parsed ones, defaults filled in,
  // that the diff reads (a set given as raw JSON may leave them out).
  const from = compileCriteriaSet(round.set);
  if (!from.ok) return from;
  const to = compileCriteriaSet(alternativeSet);
  if (!to.ok) return to;
  const prepared = prepareSubjects(round.subjects);
  if ("code" in prepared) return err(prepared);
  const original = scoreCompiledRound(from.value, prepared.subjects, round.options);
  // Stryker disable next-line ConditionalExpression: the same subjects and options fail the same way in scoring the alternative
  if (!original.ok) return original;
  const rescaled = rescaleCheckedScorecards(prepared.subjects, from.value, to.value);
  const alternative = scoreCompiledRound(to.value, rescaled.subjects, round.options);
  // Stryker disable next-line ConditionalExpression: unreachable - the options and subjects passed the original's checks (rescaling only drops ratings or moves them onto the new scale)
  if (!alternative.ok) return alternative;
  const pick = (m: RoundResult["models"][number] | undefined) =>
    m === undefined ? null : { totalMilli: m.totalMilli, tierId: m.tierId, rank: m.rank };
  const after = new Map(alternative.value.models.map((m) => [m.modelId, m]));
  const seen = new Set<string>();
  const rows: RescoreRow[] = [];
  const row = (modelId: string, b: RescoreRow["before"], a: RescoreRow["after"]): RescoreRow => ({
    modelId,
    before: b,
    after: a,
    deltaMilli: a !== null && b !== null ? a.totalMilli - b.totalMilli : null,
    tierChanged: (a?.tierId ?? null) !== (b?.tierId ?? null),
  });
  for (const m of original.value.models) {
    seen.add(m.modelId);
    rows.push(row(m.modelId, pick(m), pick(after.get(m.modelId))));
  }
  for (const m of alternative.value.models) if (!seen.has(m.modelId)) rows.push(row(m.modelId, null, pick(m)));
  return ok({
    original: original.value,
    alternative: alternative.value,
    rows,
    rescaling: rescaled.report,
    changes: diffCriteriaSets(from.value.set, to.value.set),
  });
}
