/**
 * The benchmark's baseline, timed in the same run as the engine: the default set's six
 * criteria and three gates written out by hand for the benchmark round, in one plain loop
 * with no validation, no exact arithmetic, no breakdown and no explanation. It reads every
 * rating the engine reads and sorts the round, so it is close to the least work the round
 * needs; the engine's figure divided by this one says what its generality costs, whatever
 * the machine's speed or load.
 *
 * Plain JavaScript so that `node` can import it without a TypeScript step.
 */

const REFERENCE_MONTH = 2025 * 12 + 5; // 2025-06-30, whole months
const TIER_MINS = [90, 70, 50, 0];

/**
 * @param {ReadonlyArray<ReturnType<typeof import("./generate-round.js").generateRound>[number]>} subjects
 * @returns {{ totals: Float64Array, tiers: Uint8Array, order: Uint32Array }}
 */
export function scoreBaselineRound(subjects) {
  const n = subjects.length;
  const totals = new Float64Array(n);
  const tiers = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = /** @type {(typeof subjects)[number]} */ (subjects[i]);
    const f = s.facts;
    const started = Number(f.startDate.slice(0, 4)) * 12 + Number(f.startDate.slice(5, 7)) - 1;
    const months = REFERENCE_MONTH - started;
    if (months < 12 || f.evidenceCount < 1 || f.disciplined) {
      totals[i] = -1;
      tiers[i] = TIER_MINS.length - 1;
      continue;
    }
    let novelty = 0;
    let effectiveness = 0;
    let reach = 0;
    let theme = 0;
    for (const card of s.scorecards) {
      novelty += card.scores.novelty;
      effectiveness += card.scores.effectiveness;
      reach += card.scores.reach;
      theme += card.scores.theme;
    }
    const k = s.scorecards.length;
    const adopters = f.indicators.adopters;
    const replicability = adopters >= 5 ? 20 : adopters >= 3 ? 14 : adopters >= 1 ? 8 : 0;
    const sustainability = Math.min(10, (2.5 * months) / 12);
    const total =
      ((novelty / k) * 20) / 30 +
      ((effectiveness / k) * 30) / 10 +
      replicability +
      ((reach / k) * 15) / 10 +
      sustainability +
      ((theme / k) * 5) / 5;
    totals[i] = Math.round(total * 1000) / 1000;
    let tier = 0;
    while (total < /** @type {number} */ (TIER_MINS[tier])) tier++;
    tiers[i] = tier;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => /** @type {number} */ (totals[b]) - /** @type {number} */ (totals[a]) || a - b);
  return { totals, tiers, order };
}
