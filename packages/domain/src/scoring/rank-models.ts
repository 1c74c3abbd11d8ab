import type { ModelScore } from "./model-score.js";

/** A model's place in a round. */
export interface Placement {
  readonly score: ModelScore;
  /**
   * Competition rank ("1224") by total, then the configured tie-break criteria; models
   * still equal share a rank. Null for disqualified models.
   */
  readonly rank: number | null;
  /** 1-based position in the total order: qualified models first, then disqualified. */
  readonly position: number;
}

/**
 * Orders a round's scores totally and ranks them. Order: total (higher first), each
 * configured tie-break criterion (by its direction), then earlier registration, then
 * model id (code-unit order) — the last key makes the order total and deterministic.
 * Registration time and id order the list but never split a shared `rank`: they are
 * not merit.
 *
 * @example
 * rankModels(scores, [{ index: 1, direction: "desc" }]).map((p) => p.rank) // [1, 2, 2, 4]
 */
export function rankModels(
  scores: readonly ModelScore[],
  tieBreaks: ReadonlyArray<{ readonly index: number; readonly direction: "asc" | "desc" }>,
): Placement[] {
  const keyed = scores.map((score) => ({
    score,
    qualified: score.status === "qualified" ? 0 : 1,
    breaks: tieBreaks.map((tb) => {
      const points = score.criteria[tb.index]?.pointsMilli ?? 0;
      return tb.direction === "desc" ? -points : points;
    }),
    registered: Date.parse(score.registeredAt),
  }));
  type Keyed = (typeof keyed)[number];
  const merit = (a: Keyed, b: Keyed): number => {
    if (a.qualified !== b.qualified) return a.qualified - b.qualified;
    if (a.score.totalMilli !== b.score.totalMilli) return b.score.totalMilli - a.score.totalMilli;
    for (let i = 0; i < a.breaks.length; i++) {
      const d = (a.breaks[i] as number) - (b.breaks[i] as number);
      if (d !== 0) return d;
    }
    return 0;
  };
  keyed.sort((a, b) => {
    const m = merit(a, b);
    if (m !== 0) return m;
    if (a.registered !== b.registered) return a.registered - b.registered;
    return a.score.modelId < b.score.modelId ? -1 : a.score.modelId > b.score.modelId ? 1 : 0;
  });
  const placements: Placement[] = [];
  let rank = 0;
  for (let i = 0; i < keyed.length; i++) {
    const k = keyed[i] as Keyed;
    if (i === 0 || merit(keyed[i - 1] as Keyed, k) !== 0) rank = i + 1;
    placements.push({ score: k.score, rank: k.qualified === 0 ? rank : null, position: i + 1 });
  }
  return placements;
}
