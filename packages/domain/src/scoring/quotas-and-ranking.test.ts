import { describe, expect, it } from "vitest";
import { type CriteriaSetInput, compileCriteriaSet } from "../criteria/index.js";
import { applyQuotas, placeQuotas, type QuotaSubjects } from "./apply-quotas.js";
import type { ReviewerCalibration } from "./calibrate-reviewers.js";
import { calibrationNotices } from "./calibration-notices.js";
import { rankByKeys, rankKeys, rankModels, registrationTime } from "./rank-models.js";
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

  it("words the notice in Vietnamese too", () => {
    const [notice] = calibrationNotices(compiled.value, new Map([["q", new Map([["r1", none(3)]])]]));
    expect(notice?.message.vi).toBe(
      "Không hiệu chỉnh người chấm 'r1' cho 'Chất lượng' (3 điểm chấm): mỗi tiêu chí cần ít nhất 5 điểm chấm trong đợt",
    );
    expect(notice?.criteria).toEqual([{ criterionId: "q", ratings: 3, required: 5 }]);
  });

  it("gives no notice when the set does not enable calibration, whatever it is given", () => {
    const off = setWith([]);
    (off as { aggregation?: unknown }).aggregation = {
      method: { kind: "mean" },
      minReviewers: 2,
      calibration: { enabled: false, minRatingsPerReviewer: 5 },
    };
    const c = compileCriteriaSet(off);
    if (!c.ok) throw new Error(c.error.message.en);
    expect(calibrationNotices(c.value, new Map([["q", new Map([["r1", none(3)]])]]))).toEqual([]);
  });
});

describe("quota ties and demotions, at the boundary only", () => {
  it("gives a demoted model outside the boundary's tie no tie in its demotion", () => {
    // 40 % of 5 = 2 keep 'excellent': A and B (rank 2, tied with C); C loses the tie, D (rank 4) none.
    const round = mustRound(setWith([qualified("excellent", 40)]), [
      subject("A", 98),
      subject("B", 93),
      subject("C", 93),
      subject("D", 91),
      subject("E", 60),
    ]);
    const demotionOf = (id: string) => round.models.find((m) => m.modelId === id)?.demotion;
    expect(demotionOf("C")).toEqual({
      quotaIndex: 0,
      base: 5,
      allowance: 2,
      tie: { rank: 2, kept: ["B"], demoted: ["C"], brokenBy: "model-id" },
    });
    expect(demotionOf("D")).toEqual({ quotaIndex: 0, base: 5, allowance: 2, tie: null });
  });

  it("reports no tie when the last kept and the first demoted model differ in rank", () => {
    // 20 % of 5 = 1 keeps 'excellent': A (rank 1); B (rank 2) and C (rank 3) are demoted.
    const round = mustRound(setWith([qualified("excellent", 20)]), [
      subject("A", 95),
      subject("B", 94),
      subject("C", 93),
      subject("D", 60),
      subject("E", 55),
    ]);
    expect(round.quotas[0]).toMatchObject({ before: 3, demoted: ["B", "C"], ties: [] });
  });

  it("visits unit groups in order of their names when the first positions hold the first name", () => {
    const round = mustRound(setWith([qualified("excellent", 50, "unit-group")]), [
      subject("A", 95, { unitGroup: "a" }),
      subject("B", 94, { unitGroup: "a" }),
      subject("C", 93, { unitGroup: "b" }),
      subject("D", 92, { unitGroup: "b" }),
    ]);
    expect(round.quotas.map((q) => [q.group, q.demoted])).toEqual([
      ["a", ["B"]],
      ["b", ["D"]],
    ]);
  });
});

describe("placeQuotas on models all tied on merit", () => {
  // Four qualified models in 'excellent' (tier 0 of 4), all ranked 1, registered together.
  const compiledWith = (percent: number) => {
    const c = compileCriteriaSet(setWith([qualified("excellent", percent)]));
    if (!c.ok) throw new Error(c.error.message.en);
    return c.value;
  };
  const allTied: QuotaSubjects = {
    count: 4,
    qualified: () => true,
    scoreTier: () => 0,
    unitGroup: () => undefined,
    rank: () => 1,
    registered: () => 0,
    modelId: (p) => `m${p}`,
  };

  it("reports no tie when the allowance keeps none of them", () => {
    const { outcomes } = placeQuotas(compiledWith(0), allTied);
    expect(outcomes).toEqual([
      {
        quotaIndex: 0,
        kind: "share-of-qualified",
        tierId: "excellent",
        ofTierId: null,
        group: null,
        base: 4,
        allowance: 0,
        before: 4,
        demoted: ["m0", "m1", "m2", "m3"],
        ties: [],
      },
    ]);
  });

  it("reports no tie when the allowance keeps all of them", () => {
    const { outcomes, demotions } = placeQuotas(compiledWith(100), allTied);
    expect(outcomes[0]).toMatchObject({ allowance: 4, before: 4, demoted: [], ties: [] });
    expect(demotions.size).toBe(0);
  });
});

describe("applyQuotas per unit group, with a tie broken by registration", () => {
  // Group a: A and B both 95, A registered first; group b: C 92 and D 60. 50 % per group:
  // each group's base is 2, its allowance 1.
  const subjects = [
    subject("A", 95, { unitGroup: "a", registeredAt: "2024-01-01T00:00:00Z" }),
    subject("B", 95, { unitGroup: "a", registeredAt: "2024-02-01T00:00:00Z" }),
    subject("C", 92, { unitGroup: "b" }),
    subject("D", 60, { unitGroup: "b" }),
  ];
  const compiled = compileCriteriaSet(setWith([qualified("excellent", 50, "unit-group")]));
  if (!compiled.ok) throw new Error(compiled.error.message.en);
  const ranked = rankModels(mustRound(setWith([]), subjects).models, compiled.value.tieBreaks).map((p) => p.score);

  it("counts each group apart and says that registration time broke the tie", () => {
    const { tiers, demotedFrom, outcomes } = applyQuotas(compiled.value, ranked);
    expect(ranked.map((s) => s.modelId)).toEqual(["A", "B", "C", "D"]);
    expect(tiers).toEqual(["excellent", "good", "excellent", "pass"]);
    expect(demotedFrom).toEqual([null, "excellent", null, null]);
    expect(outcomes.map((o) => [o.group, o.base, o.allowance, o.before, o.demoted, o.ties])).toEqual([
      ["a", 2, 1, 2, ["B"], [{ rank: 1, kept: ["A"], demoted: ["B"], brokenBy: "registration" }]],
      ["b", 2, 1, 1, [], []],
    ]);
  });
});

describe("rankModels on hand-built scores", () => {
  const score = (
    modelId: string,
    totalMilli: number,
    more: { exact?: number[]; shown?: number[]; registeredAt?: string; status?: "qualified" | "disqualified" } = {},
  ) =>
    ({
      modelId,
      unitId: `u-${modelId}`,
      unitGroup: undefined,
      registeredAt: more.registeredAt ?? "2024-01-01T00:00:00Z",
      status: more.status ?? "qualified",
      totalMilli,
      maxMilli: 100_000,
      scoreTierId: null,
      points: more.shown ?? [],
      exactPointsMilli: more.exact ?? [],
      criteria: [],
      gates: [],
    }) as never;
  const rows = (placements: ReturnType<typeof rankModels>) =>
    placements.map((p) => [(p.score as { modelId: string }).modelId, p.rank, p.position]);

  it("places a disqualified model last, with no rank, whatever its total", () => {
    expect(rows(rankModels([score("X", 90_000, { status: "disqualified" }), score("A", 50_000)], []))).toEqual([
      ["A", 1, 1],
      ["X", null, 2],
    ]);
  });

  it("breaks a tie on a criterion's exact points, not its shown points", () => {
    // Shown points are rounded so they add up: A's 1000.4 shows as 1000, B's 1000.2 as 1001.
    const a = score("A", 70_000, { exact: [1000.4], shown: [1000] });
    const b = score("B", 70_000, { exact: [1000.2], shown: [1001] });
    expect(rows(rankModels([b, a], [{ index: 0, direction: "desc" }]))).toEqual([
      ["A", 1, 1],
      ["B", 2, 2],
    ]);
  });

  it("lets the second tie-break decide when the first one is equal", () => {
    // Registered R, P, Q: without the second tie-break they would come in that order.
    const p = score("P", 70_000, { exact: [5000, 1000], registeredAt: "2024-01-02T00:00:00Z" });
    const q = score("Q", 70_000, { exact: [5000, 9000], registeredAt: "2024-01-03T00:00:00Z" });
    const r = score("R", 70_000, { exact: [5000, 3000], registeredAt: "2024-01-01T00:00:00Z" });
    const tieBreaks = [
      { index: 0, direction: "desc" as const },
      { index: 1, direction: "desc" as const },
    ];
    expect(rows(rankModels([p, q, r], tieBreaks))).toEqual([
      ["Q", 1, 1],
      ["R", 2, 2],
      ["P", 3, 3],
    ]);
  });

  it("orders models equal on merit and registration by id, sharing one rank", () => {
    expect(rows(rankModels([score("c", 70_000), score("b", 70_000), score("a", 70_000)], []))).toEqual([
      ["a", 1, 1],
      ["b", 1, 2],
      ["c", 1, 3],
    ]);
  });

  it("orders a model with an unparseable registration time after one registered, still sharing its rank", () => {
    const late = score("a", 70_000, { registeredAt: "not a time" });
    expect(rows(rankModels([late, score("b", 70_000)], []))).toEqual([
      ["b", 1, 1],
      ["a", 1, 2],
    ]);
  });
});

describe("registration times as sort keys", () => {
  it("reads an instant as epoch milliseconds", () => {
    // 2022-01-01T00:00:00Z = 52 years × 365 days + 13 leap days = 18993 days after 1970-01-01.
    expect(registrationTime("2022-01-01T00:00:00Z")).toBe(18_993 * 86_400_000);
  });

  it("reads an unparseable time as +Infinity, after every other", () => {
    expect(registrationTime("not a time")).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("rankByKeys at the edges of the packed sort", () => {
  const ranked = (
    total: number[],
    disqualified: number[] = total.map(() => 0),
    idOf: (i: number) => string = (i) => `m${i}`,
  ) => {
    const keys = rankKeys(total.length, 0);
    keys.total.set(total);
    keys.disqualified.set(disqualified);
    const { order, ranks } = rankByKeys(keys, idOf);
    return [Array.from(order), Array.from(ranks)];
  };

  it("keeps entries equal in every key, id included, in their input order", () => {
    expect(ranked([7000, 7000, 7000], undefined, () => "same")).toEqual([
      [0, 1, 2],
      [1, 1, 1],
    ]);
  });

  it("orders fractional totals given highest first through the comparator", () => {
    expect(ranked([3.5, 2.5, 1.5])).toEqual([
      [0, 1, 2],
      [1, 2, 3],
    ]);
  });

  it("orders fractional totals mixed with whole ones", () => {
    expect(ranked([2, 1.5])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it("orders negative totals, a disqualified model still last", () => {
    expect(ranked([-3000, -1000], [0, 1])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it("places a disqualified model with the top total after a qualified one with none", () => {
    expect(ranked([1000, 0], [1, 0])).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });

  it.each([
    // Packed with 3 index bits, index 1 would need 2^55 + 25: past 2^53 its low bits are lost.
    [
      [2 ** 52 + 3, 0, 2 ** 52 + 2, 5],
      [0, 0, 0, 0],
      [0, 2, 3, 1],
    ],
    // A disqualified model adds top + 1: 2^50 + 1 packed is 2^53 + 9, past 2^53 again.
    [
      [2 ** 49, 0, 7, 2 ** 49 - 1],
      [0, 1, 0, 0],
      [0, 3, 2, 1],
    ],
  ])("orders totals too large to pack exactly: %j", (total, disqualified, order) => {
    expect(ranked(total, disqualified)[0]).toEqual(order);
  });
});
