/**
 * The benchmark round, shared by the vitest bench and the plain-node script: `models`
 * models of 3 verifier scorecards each against the default set. A fixed linear
 * congruential generator (no Math.random), so every run scores the same round.
 * Plain JavaScript so that `node` can import it without a TypeScript step.
 *
 * @param {number} models
 * @param {number} reviewers
 */
export function generateRound(models, reviewers) {
  let seed = 20_250_630;
  const next = (/** @type {number} */ n) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const subjects = [];
  for (let i = 0; i < models; i++) {
    const scorecards = [];
    for (let r = 0; r < reviewers; r++) {
      scorecards.push({
        reviewerId: `r${(i + r) % 40}`,
        role: /** @type {const} */ ("verifier"),
        scores: { novelty: next(31), effectiveness: next(21) / 2, reach: next(21) / 2, theme: next(6) },
      });
    }
    subjects.push({
      modelId: `m${i}`,
      unitId: `u${i % 700}`,
      unitGroup: `g${i % 12}`,
      registeredAt: `2022-0${1 + (i % 9)}-1${i % 10}T08:00:00+07:00`,
      facts: {
        startDate: `20${15 + next(10)}-0${1 + next(9)}-15`,
        evidenceCount: next(5),
        disciplined: next(50) === 0,
        indicators: { adopters: next(8) },
      },
      scorecards,
    });
  }
  return subjects;
}
