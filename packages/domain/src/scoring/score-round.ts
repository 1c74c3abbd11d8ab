import { type CompiledCriteriaSet, type CriteriaSet, compileCriteriaSet } from "../criteria/index.js";
import { type DomainError, domainError, err, ok, type Result } from "../errors/index.js";
import { safeParseShape } from "../internal/shape-issues.js";
import { placeQuotas, type QuotaOutcome } from "./apply-quotas.js";
import { type CalibrationNotice, calibrationNotices } from "./calibration-notices.js";
import { prepareSubjects } from "./check-subjects.js";
import { firstDuplicate } from "./first-duplicate.js";
import { ModelView, type RankedModel } from "./model-view.js";
import { parseInstant } from "./parse-instant.js";
import { rankByKeys, rankKeys } from "./rank-models.js";
import { QUALIFIED, type RoundColumns, scoreColumns, UNSCORED } from "./score-columns.js";
import { type ScoreRoundOptions, ScoreRoundOptionsSchema, type ScoringSubject } from "./scoring-subject.js";

export type { RankedModel } from "./model-view.js";

/**
 * The outcome of scoring a round.
 *
 * @example
 * round.tierCounts // { excellent: 1, good: 6, pass: 1, fail: 1 }
 */
export interface RoundResult {
  readonly criteriaSetId: string;
  /** The version scored against; null for a draft (a what-if). */
  readonly version: number | null;
  readonly referenceDate: string;
  /** In position order: views over `columns` (see {@link ModelView}). */
  readonly models: readonly RankedModel[];
  /** Models that could not be scored, with why (missing rating, rating off scale...). */
  readonly unscored: ReadonlyArray<{ readonly modelId: string; readonly error: DomainError }>;
  readonly quotas: readonly QuotaOutcome[];
  /** Final tier → number of models. */
  readonly tierCounts: Readonly<Record<string, number>>;
  /** Models whose reviewers disagree beyond the gap: another reviewer is required. */
  readonly needsAnotherReviewer: readonly string[];
  /** Reviewers calibration did not apply to, and why (only when the set calibrates). */
  readonly calibration: readonly CalibrationNotice[];
  /** The best value of each input a `relative-to-best` rule reads, among qualified, scored models. */
  readonly best: Readonly<Record<string, number>>;
  /** The whole round as typed arrays (not enumerable: left out of JSON and equality). */
  readonly columns: RoundColumns;
}

/**
 * Scores a round from a compiled set (see {@link scoreRound}); use it to score many
 * rounds against one set without recompiling. Invalid options or subjects come back as
 * errors (`SCORING.INVALID_OPTIONS`, `SCORING.INVALID_INPUT`), never as a throw.
 *
 * @example
 * const compiled = compileCriteriaSet(set); if (compiled.ok) scoreCompiledRound(compiled.value, subjects, { referenceDate: "2025-06-30" })
 */
export function scoreCompiledRound(
  compiled: CompiledCriteriaSet,
  subjects: readonly ScoringSubject[],
  options: ScoreRoundOptions,
): Result<RoundResult> {
  const parsed = safeParseShape(ScoreRoundOptionsSchema, options);
  if (!parsed.success) {
    return err(
      domainError(
        "SCORING.INVALID_OPTIONS",
        {
          vi: "Tùy chọn đợt chấm không hợp lệ (ngày tham chiếu YYYY-MM-DD)",
          en: "Invalid round options (referenceDate YYYY-MM-DD)",
        },
        { issues: parsed.issues },
      ),
    );
  }
  const { referenceDate, explain, breakdown } = parsed.data;
  const prepared = prepareSubjects(subjects);
  if ("code" in prepared) return err(prepared);
  const list = prepared.subjects;
  // Ids and registration times are read once, in subject order, and kept: ranking and
  // placing then read these arrays rather than subjects scattered in memory.
  // Stryker disable next-line ArrayDeclaration: every index is filled below, so an array that grows ends the same
  const ids: string[] = new Array(list.length);
  const registered = new Float64Array(list.length);
  let badTime = -1;
  for (let i = 0; i < list.length; i++) {
    const s = list[i] as ScoringSubject;
    ids[i] = s.modelId;
    const time = parseInstant(s.registeredAt);
    registered[i] = time;
    if (badTime === -1 && Number.isNaN(time)) badTime = i;
  }
  // The first problem in subject order is reported, a duplicate before a bad time.
  const duplicate = firstDuplicate(ids);
  if (duplicate !== -1 && (badTime === -1 || duplicate <= badTime)) {
    const modelId = ids[duplicate] as string;
    return err(
      domainError(
        "SCORING.DUPLICATE_MODEL",
        {
          vi: `Mô hình '${modelId}' xuất hiện hai lần trong đợt`,
          en: `Model '${modelId}' appears twice in the round`,
        },
        { modelId },
      ),
    );
  }
  if (badTime !== -1) {
    const s = list[badTime] as ScoringSubject;
    return err(
      domainError(
        "SCORING.INVALID_DATE",
        {
          vi: `Thời điểm đăng ký của '${s.modelId}' không hợp lệ`,
          en: `The registration time of '${s.modelId}' is invalid`,
        },
        { modelId: s.modelId, registeredAt: s.registeredAt },
      ),
    );
  }
  const columns = scoreColumns(compiled, list, { referenceDate, full: breakdown === "full" });
  return ok(placeRound(columns, ids, registered, explain));
}

/**
 * Ranks the scored models of a round's columns, applies quotas and builds the result;
 * `ids` and `registered` are the subjects' model ids and registration times.
 */
function placeRound(
  columns: RoundColumns,
  ids: readonly string[],
  registered: Float64Array,
  explain: boolean,
): RoundResult {
  const compiled = columns.compiled;
  const subjects = columns.subjects;
  const k = columns.criteria;
  const scored: number[] = [];
  const unscored: Array<{ modelId: string; error: DomainError }> = [];
  for (let i = 0; i < columns.models; i++) {
    if (columns.state[i] === UNSCORED) {
      unscored.push({ modelId: ids[i] as string, error: columns.errors.get(i) as DomainError });
    } else scored.push(i);
  }
  // Model ids are unique here (a duplicate was refused above): no two compare equal.
  // Stryker disable next-line EqualityOperator: with unique ids, < and <= agree
  unscored.sort((a, b) => (a.modelId < b.modelId ? -1 : 1));

  const tieBreaks = compiled.tieBreaks;
  const keys = rankKeys(scored.length, tieBreaks.length);
  // Stryker disable next-line EqualityOperator: one more pass writes past the end of the typed key arrays, which drop it
  for (let s = 0; s < scored.length; s++) {
    const i = scored[s] as number;
    keys.disqualified[s] = columns.state[i] === QUALIFIED ? 0 : 1;
    keys.total[s] = columns.totalMilli[i] as number;
    for (let t = 0; t < tieBreaks.length; t++) {
      const tb = tieBreaks[t] as { index: number; direction: "asc" | "desc" };
      const points = columns.exactMilli[i * k + tb.index] as number;
      keys.breaks[s * tieBreaks.length + t] = tb.direction === "desc" ? -points : points;
    }
    keys.registered[s] = registered[i] as number;
  }
  const { order, ranks } = rankByKeys(keys, (s) => ids[scored[s] as number] as string);
  const at = (p: number) => scored[order[p] as number] as number;
  const placed = placeQuotas(compiled, {
    count: order.length,
    qualified: (p) => columns.state[at(p)] === QUALIFIED,
    scoreTier: (p) => columns.scoreTier[at(p)] as number,
    unitGroup: (p) => (subjects[at(p)] as ScoringSubject).unitGroup,
    rank: (p) => ranks[p] as number,
    registered: (p) => keys.registered[order[p] as number] as number,
    modelId: (p) => ids[at(p)] as string,
  });

  const tierCounts: Record<string, number> = Object.fromEntries(compiled.set.tiers.map((t) => [t.id, 0]));
  const counts = new Int32Array(compiled.tiers.length);
  const needsAnotherReviewer: string[] = [];
  // Stryker disable next-line ArrayDeclaration: every index is filled below, so an array that grows ends the same
  const models: RankedModel[] = new Array(order.length);
  // A gap the set leaves out is never exceeded.
  const gap = compiled.criterionGapMilli ?? Number.POSITIVE_INFINITY;
  const totalGap = compiled.totalGapMilli ?? Number.POSITIVE_INFINITY;
  for (let p = 0; p < order.length; p++) {
    const i = at(p);
    const tier = placed.tiers[p] as number;
    columns.rank[i] = ranks[p] as number;
    columns.position[i] = p + 1;
    columns.tier[i] = tier;
    columns.demotedFrom[i] = placed.demotedFrom[p] as number;
    const demotion = placed.demotions.get(p);
    if (demotion !== undefined) columns.demotions.set(i, demotion);
    models[p] = new ModelView(columns, i, explain);
    // Stryker disable next-line ConditionalExpression: an Int32Array drops a write at index -1 (no tier)
    if (tier >= 0) counts[tier] = (counts[tier] as number) + 1;
    // What disagreementOf says, without building it: spreads are 0 but for rating criteria.
    let disagree = (columns.totalSpreadMilli[i] as number) > totalGap;
    for (let c = 0; c < k && !disagree; c++) disagree = (columns.spreadMilli[i * k + c] as number) > gap;
    if (disagree) needsAnotherReviewer.push(ids[i] as string);
  }
  compiled.tiers.forEach((t, index) => {
    tierCounts[t.tier.id] = counts[index] as number;
  });
  const set = compiled.set;
  const result: Omit<RoundResult, "columns"> = {
    criteriaSetId: set.id,
    version: set.status === "published" ? set.version : null,
    referenceDate: columns.referenceDate,
    models,
    unscored,
    quotas: placed.outcomes,
    tierCounts,
    needsAnotherReviewer,
    calibration: calibrationNotices(compiled, columns.calibration),
    best: Object.fromEntries(columns.best),
  };
  return Object.defineProperty(result, "columns", { value: columns, enumerable: false }) as RoundResult;
}

/**
 * Scores every model of a round against one criteria set: gates (with group
 * allowances), criteria, exact totals rounded once to milli-points (each criterion's
 * shown points add up to the total), tiers, "1224" ranks with configured tie-breaks then
 * registration time then model id, and quotas (overflow demoted one tier, in ranking
 * order; a tie at the boundary is reported). Models that cannot be scored are listed in
 * `unscored` with the reason; the round itself fails only on an invalid set, options or
 * input, a duplicate model or a bad registration time — always as an error value, never
 * a throw, whatever JSON is passed. The result does not depend on the order of subjects
 * or of reviewers.
 *
 * @example
 * const round = scoreRound(defaultCriteriaSet, subjects, { referenceDate: "2025-06-30" });
 * if (round.ok) round.value.models.map((m) => [m.modelId, m.rank, m.tierId])
 */
export function scoreRound(
  set: CriteriaSet,
  subjects: readonly ScoringSubject[],
  options: ScoreRoundOptions,
): Result<RoundResult> {
  const compiled = compileCriteriaSet(set);
  if (!compiled.ok) return compiled;
  return scoreCompiledRound(compiled.value, subjects, options);
}
