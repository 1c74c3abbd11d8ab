import {
  type CompiledCriteriaSet,
  type CompiledScale,
  type CriteriaSet,
  compileCriteriaSet,
  MILLI,
  mulDivRoundHalfUp,
  toMilli,
} from "../criteria/index.js";
import { err, ok, type Result } from "../errors/index.js";
import { prepareSubjects } from "./check-subjects.js";
import type { Scorecard, ScoringSubject } from "./scoring-subject.js";

/**
 * What {@link rescaleScorecards} did.
 *
 * @example
 * report.mapped // [{ criterionId: "novelty", from: { min: 0, max: 30, step: 1 }, to: { min: 0, max: 10, step: 0.5 }, ratings: 6, snapped: 2 }]
 */
export interface RescaleReport {
  /** Rating criteria whose scale changed, with how many ratings moved and how many had to snap to a step. */
  readonly mapped: ReadonlyArray<{
    readonly criterionId: string;
    readonly from: { readonly min: number; readonly max: number; readonly step: number };
    readonly to: { readonly min: number; readonly max: number; readonly step: number };
    readonly ratings: number;
    readonly snapped: number;
  }>;
  /** Every rating that changed value. */
  readonly changes: ReadonlyArray<{
    readonly modelId: string;
    readonly reviewerId: string;
    readonly role: Scorecard["role"];
    readonly criterionId: string;
    readonly from: number;
    readonly to: number;
  }>;
  /** Ratings of criteria that are not rating criteria of the new set, removed. */
  readonly dropped: ReadonlyArray<{
    readonly modelId: string;
    readonly reviewerId: string;
    readonly criterionId: string;
    readonly value: number;
  }>;
  /** Rating criteria of the new set that the old one did not rate: reviewers must score them. */
  readonly unrated: readonly string[];
  /** Ratings that were not valid on the old scale, left untouched (scoring will reject them). */
  readonly invalid: ReadonlyArray<{
    readonly modelId: string;
    readonly reviewerId: string;
    readonly criterionId: string;
  }>;
}

/**
 * Moves scorecards from one set version to another: a rating on a changed scale is
 * mapped proportionally, `to.min + (v − from.min) × to.range ÷ from.range`, then
 * snapped half up to the nearest step of the new scale; ratings of criteria the new
 * set no longer rates are dropped. Pure: returns new subjects and a report of what was
 * mapped. Both sets must be valid.
 *
 * @example
 * // novelty moves from a 0–30 scale to 0–10 in steps of 0.5: 25 → 8.333… → 8.5 (snapped)
 * const r = rescaleScorecards(subjects, v1, v2); // r.value.report.changes[0] => { from: 25, to: 8.5, ... }
 */
export function rescaleScorecards(
  subjects: readonly ScoringSubject[],
  from: CriteriaSet,
  to: CriteriaSet,
): Result<{ subjects: ScoringSubject[]; report: RescaleReport }> {
  const a = compileCriteriaSet(from);
  if (!a.ok) return a;
  const b = compileCriteriaSet(to);
  if (!b.ok) return b;
  // Raw input (parsed JSON) is checked as scoreRound checks it, with its defaults filled in.
  const prepared = prepareSubjects(subjects);
  if ("code" in prepared) return err(prepared);
  return ok(rescaleCheckedScorecards(prepared.subjects, a.value, b.value));
}

/**
 * {@link rescaleScorecards} on compiled sets and subjects that passed `prepareSubjects`:
 * nothing left to refuse.
 *
 * @example
 * rescaleCheckedScorecards(prepared.subjects, v1Compiled, v2Compiled).report.mapped
 */
export function rescaleCheckedScorecards(
  subjects: readonly ScoringSubject[],
  from: CompiledCriteriaSet,
  to: CompiledCriteriaSet,
): { subjects: ScoringSubject[]; report: RescaleReport } {
  const oldScales = ratingScales(from);
  const newScales = ratingScales(to);
  const counts = new Map<string, { ratings: number; snapped: number }>();
  const changes: Array<RescaleReport["changes"][number]> = [];
  const dropped: Array<RescaleReport["dropped"][number]> = [];
  const invalid: Array<RescaleReport["invalid"][number]> = [];
  const out = subjects.map((subject) => ({
    ...subject,
    scorecards: subject.scorecards.map((card) => {
      const scores: Record<string, number> = {};
      for (const [criterionId, value] of Object.entries(card.scores)) {
        const n = newScales.get(criterionId);
        if (n === undefined) {
          dropped.push({ modelId: subject.modelId, reviewerId: card.reviewerId, criterionId, value });
          continue;
        }
        const o = oldScales.get(criterionId);
        if (o === undefined || !scaleChanged(o, n)) {
          scores[criterionId] = value;
          continue;
        }
        const milli = toMilli(value);
        if (milli === null || milli < o.minMilli || milli > o.maxMilli || (milli - o.minMilli) % o.stepMilli !== 0) {
          invalid.push({ modelId: subject.modelId, reviewerId: card.reviewerId, criterionId });
          scores[criterionId] = value;
          continue;
        }
        const newRange = n.maxMilli - n.minMilli;
        const oldRange = o.maxMilli - o.minMilli;
        const steps = mulDivRoundHalfUp(milli - o.minMilli, newRange, oldRange * n.stepMilli);
        const mapped = n.minMilli + steps * n.stepMilli;
        const exact = (milli - o.minMilli) * newRange === (mapped - n.minMilli) * oldRange;
        const c = counts.get(criterionId) ?? { ratings: 0, snapped: 0 };
        c.ratings++;
        if (!exact) c.snapped++;
        counts.set(criterionId, c);
        scores[criterionId] = mapped / MILLI;
        if (mapped !== milli) {
          changes.push({
            modelId: subject.modelId,
            reviewerId: card.reviewerId,
            role: card.role,
            criterionId,
            from: value,
            to: mapped / MILLI,
          });
        }
      }
      return { ...card, scores };
    }),
  }));
  const show = (s: { minMilli: number; maxMilli: number; stepMilli: number }) => ({
    min: s.minMilli / MILLI,
    max: s.maxMilli / MILLI,
    step: s.stepMilli / MILLI,
  });
  const mapped = [...newScales].flatMap(([criterionId, n]) => {
    const o = oldScales.get(criterionId);
    if (o === undefined || !scaleChanged(o, n)) return [];
    return [{ criterionId, from: show(o), to: show(n), ...(counts.get(criterionId) ?? { ratings: 0, snapped: 0 }) }];
  });
  const unrated = [...newScales.keys()].filter((id) => !oldScales.has(id));
  return { subjects: out, report: { mapped, changes, dropped, unrated, invalid } };
}

/** Rating criterion id → its scale (only rating criteria have one). */
function ratingScales(compiled: CompiledCriteriaSet): Map<string, CompiledScale> {
  return new Map(compiled.scored.flatMap((c) => (c.scale === undefined ? [] : [[c.criterion.id, c.scale] as const])));
}

function scaleChanged(o: CompiledScale, n: CompiledScale): boolean {
  return o.minMilli !== n.minMilli || o.maxMilli !== n.maxMilli || o.stepMilli !== n.stepMilli;
}
