import { describe, expect, it } from "vitest";
import { type CriteriaSetInput, compileCriteriaSet } from "../criteria/index.js";
import { applyQuotas } from "./apply-quotas.js";
import type { ReviewerCalibration } from "./calibrate-reviewers.js";
import { calibrationNotices } from "./calibration-notices.js";
import { rankByKeys, rankKeys, rankModels } from "./rank-models.js";
import { type RoundResult, scoreRound } from "./score-round.js";
import type { ScoringSubject } from "./scoring-subject.js";

// One rated criterion worth 100 points on a 0–100 scale, so a model's total is its rating;
// an evidence gate disqualifies a model with no evidence.
const referenceDate = "2025-06-30";
const t = (vi: string, en: string) => ({ vi, en });
const setWith = (quotas: unknown[]): CriteriaSetInput => ({
  status: "draft",
  id: "quotas",
  name: t("Hạn mức", "Quotas"),
  totalPoints: 100,
  scales: [{ id: "s100", label: t("0–100", "0–100"), min: 0, max: 100, step: 1 }],
  criteria: [
    {
      kind: "gate",
      id: "evidence",
      label: t("Có minh chứng", "Evidence"),
      condition: { kind: "evidence", atLeast: 1 },
    },
    { kind: "rating", id: "q", label: t("Chất lượng", "Quality"), points: 100, scaleId: "s100" },
  ],
  tiers: [
    { id: "excellent", label: t("Xuất sắc", "Excellent"), min: 90 },
    { id: "good", label: t("Tốt", "Good"), min: 70 },
    { id: "pass", label: t("Đạt", "Pass"), min: 50 },
    { id: "fail", label: t("Chưa đạt", "Fail"), min: 0 },
  ],
  quotas: quotas as never,
});
const subject = (
  modelId: string,
  q: number,
  more: Partial<ScoringSubject> = {},
  evidenceCount = 1,
): ScoringSubject => ({
  modelId,
  unitId: `u-${modelId}`,
  registeredAt: "2024-01-01T00:00:00Z",
  facts: { startDate: "2020-01-01", evidenceCount, disciplined: false, indicators: {} },
  scorecards: ["r1", "r2"].map((reviewerId) => ({ reviewerId, role: "verifier" as const, scores: { q } })),
  ...more,
});
const mustRound = (set: CriteriaSetInput, subjects: readonly ScoringSubject[]): RoundResult => {
  const r = scoreRound(set as never, subjects, { referenceDate });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message.en}`);
  return r.value;
};
const tiersOf = (round: RoundResult) => Object.fromEntries(round.models.map((m) => [m.modelId, m.tierId]));
const qualified = (tierId: string, percent: number, scope = "round") => ({
  kind: "share-of-qualified",
  tierId,
  percent,
  scope,
});

describe("quotas, in order and in their scopes", () => {
  // Five qualified models, 20 % of them: each capped tier keeps ⌊5 × 20 ÷ 100⌋ = 1.
  const five = [subject("A", 95), subject("B", 94), subject("C", 93), subject("D", 60), subject("E", 55)];

  it("applies quotas from the highest tier down, whatever their order in the set", () => {
    // Listed lowest first: applied as listed, 'good' would be capped before B and C arrive in it.
    const round = mustRound(setWith([qualified("good", 20), qualified("excellent", 20)]), five);
    expect(tiersOf(round)).toEqual({ A: "excellent", B: "good", C: "pass", D: "pass", E: "pass" });
    expect(round.quotas.map((q) => [q.quotaIndex, q.tierId, q.before, q.demoted])).toEqual([
      [1, "excellent", 3, ["B", "C"]],
      [0, "good", 2, ["C"]],
    ]);
  });

  it("remembers the first tier and quota a model demoted twice lost", () => {
    const c = mustRound(setWith([qualified("good", 20), qualified("excellent", 20)]), five).models.find(
      (m) => m.modelId === "C",
    );
    expect([c?.scoreTierId, c?.demotedFrom, c?.tierId, c?.demotion?.quotaIndex]).toEqual([
      "excellent",
      "excellent",
      "pass",
      1,
    ]);
  });

  it("visits unit groups in order of their names, a model without a group in the group ''", () => {
    const grouped = [
      subject("A", 95, { unitGroup: "b" }),
      subject("B", 94, { unitGroup: "b" }),
      subject("C", 93, { unitGroup: "a" }),
      subject("D", 92, { unitGroup: "a" }),
      subject("E", 91),
    ];
    const round = mustRound(setWith([qualified("excellent", 50, "unit-group")]), grouped);
    expect(round.quotas.map((q) => [q.group, q.base, q.allowance, q.demoted])).toEqual([
      ["", 1, 0, ["E"]],
      ["a", 2, 1, ["D"]],
      ["b", 2, 1, ["B"]],
    ]);
  });

  it("lists in a tie only the kept models that share the boundary's rank", () => {
    // 40 % of 5 = 2 keep 'excellent': A (rank 1) and B (rank 2, tied with C on merit).
    const round = mustRound(setWith([qualified("excellent", 40)]), [
      subject("A", 98),
      subject("B", 93),
      subject("C", 93),
      subject("D", 60),
      subject("E", 60),
    ]);
    expect(round.quotas[0]?.ties).toEqual([{ rank: 2, kept: ["B"], demoted: ["C"], brokenBy: "model-id" }]);
  });

  it("lists in a tie only the demoted models that share the boundary's rank", () => {
    const round = mustRound(setWith([qualified("excellent", 20)]), [
      subject("A", 93),
      subject("B", 93),
      subject("C", 91),
      subject("D", 60),
      subject("E", 60),
    ]);
    expect(round.quotas[0]).toMatchObject({ demoted: ["B", "C"] });
    expect(round.quotas[0]?.ties).toEqual([{ rank: 1, kept: ["A"], demoted: ["B"], brokenBy: "model-id" }]);
  });
});

describe("applyQuotas on ranked scores", () => {
  // Scored without quotas, then capped by applyQuotas: it must give what scoreRound gives.
  const subjects = [
    subject("A", 95),
    subject("B", 94),
    subject("X", 99, {}, 0), // disqualified: neither counted nor capped
    subject("C", 93),
    subject("D", 60),
    subject("E", 55),
  ];
  const quotas = [qualified("good", 20), qualified("excellent", 20)];
  const compiled = compileCriteriaSet(setWith(quotas));
  if (!compiled.ok) throw new Error(compiled.error.message.en);
  const ranked = rankModels(mustRound(setWith([]), subjects).models, compiled.value.tieBreaks).map((p) => p.score);

  it("demotes as scoreRound does, by id, and leaves a disqualified model out", () => {
    const { tiers, demotedFrom } = applyQuotas(compiled.value, ranked);
    const capped = mustRound(setWith(quotas), subjects);
    expect(ranked.map((s) => s.modelId)).toEqual(["A", "B", "C", "D", "E", "X"]);
    expect(tiers).toEqual(["excellent", "good", "pass", "pass", "pass", null]);
    expect(tiers).toEqual(capped.models.map((m) => m.tierId));
    expect(demotedFrom).toEqual([null, "excellent", "excellent", null, null, null]);
  });

  it("reports each quota's base, allowance and ties", () => {
    expect(applyQuotas(compiled.value, ranked).outcomes.map((o) => [o.tierId, o.base, o.allowance, o.demoted])).toEqual(
      [
        ["excellent", 5, 1, ["B", "C"]],
        ["good", 5, 1, ["C"]],
      ],
    );
  });
});

describe("ranking by keys when totals are not whole milli-points", () => {
  // Fractional totals skip the packed sort: the comparator alone orders them.
  const keys = rankKeys(5, 0);
  keys.total.set([1.5, 2.5, 2.5, 2.5, 2.5]);
  keys.disqualified.set([0, 1, 0, 0, 0]);
  keys.registered.set([0, 0, 2, 1, 1]);
  const ids = ["m0", "m1", "m2", "m4", "m3"];

  it("orders qualified models by total, then registration, then id; the disqualified last", () => {
    // Index 4 ("m3") and 3 ("m4") registered together: the id decides; index 2 registered later.
    const { order, ranks } = rankByKeys(keys, (i) => ids[i] as string);
    expect(Array.from(order)).toEqual([4, 3, 2, 0, 1]);
    expect(Array.from(ranks)).toEqual([1, 1, 1, 4, 0]);
  });

  it("orders the same whole totals the same way through the packed sort", () => {
    const whole = rankKeys(5, 0);
    whole.total.set([1500, 2500, 2500, 2500, 2500]);
    whole.disqualified.set(keys.disqualified);
    whole.registered.set(keys.registered);
    expect(Array.from(rankByKeys(whole, (i) => ids[i] as string).order)).toEqual([4, 3, 2, 0, 1]);
  });
});

describe("calibration notices", () => {
  const set = setWith([]);
  (set as { aggregation?: unknown }).aggregation = {
    method: { kind: "mean" },
    minReviewers: 2,
    calibration: { enabled: true, minRatingsPerReviewer: 5 },
  };
  const compiled = compileCriteriaSet(set);
  if (!compiled.ok) throw new Error(compiled.error.message.en);
  const none = (count: number) =>
    ({ mode: "none", count, reviewerMean: 0, reviewerSd: 0, pooledMean: 0, pooledSd: 0 }) as ReviewerCalibration;

  it("lists reviewers in id order, each with their ratings counted in words", () => {
    const notices = calibrationNotices(
      compiled.value,
      new Map([
        [
          "q",
          new Map([
            ["r2", none(1)],
            ["r1", none(3)],
          ]),
        ],
      ]),
    );
    expect(notices.map((n) => [n.reviewerId, n.message.en])).toEqual([
      [
        "r1",
        "Calibration was not applied to reviewer 'r1' on 'Quality' (3 ratings): each needs at least 5 ratings in the round",
      ],
      [
        "r2",
        "Calibration was not applied to reviewer 'r2' on 'Quality' (1 rating): each needs at least 5 ratings in the round",
      ],
    ]);
  });
});
