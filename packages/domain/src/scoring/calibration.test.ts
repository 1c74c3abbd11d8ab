import { describe, expect, it } from "vitest";
import type { CriteriaSetInput } from "../criteria/index.js";
import { compileCriteriaSet } from "../criteria/index.js";
import { buildRoundContext } from "./build-round-context.js";
import { calibrateReviewers } from "./calibrate-reviewers.js";
import { calibrationNotices } from "./calibration-notices.js";
import { scoreCompiledModel } from "./score-model.js";
import { scoreRound } from "./score-round.js";
import type { ScoringSubject } from "./scoring-subject.js";

const referenceDate = "2025-06-30";
const t = (vi: string, en: string) => ({ vi, en });
const set: CriteriaSetInput = {
  status: "draft",
  id: "cal",
  name: t("Hiệu chỉnh", "Calibration"),
  totalPoints: 20,
  scales: [{ id: "s10", label: t("0–10", "0–10"), min: 0, max: 10, step: 1 }],
  criteria: [
    { kind: "rating", id: "q", label: t("Chất lượng", "Quality"), points: 10, scaleId: "s10" },
    { kind: "rating", id: "r", label: t("Lan tỏa", "Reach"), points: 10, scaleId: "s10" },
  ],
  tiers: [{ id: "any", label: t("Mọi", "Any"), min: 0 }],
  aggregation: { calibration: { enabled: true, minRatingsPerReviewer: 2 } },
};
const compiled = (() => {
  const c = compileCriteriaSet(set as never);
  if (!c.ok) throw new Error(c.error.message.en);
  return c.value;
})();
const subject = (id: string, cards: Array<[string, number, number?]>): ScoringSubject => ({
  modelId: id,
  unitId: "u",
  registeredAt: "2024-01-01T00:00:00Z",
  facts: { startDate: "2020-01-01", evidenceCount: 1, disciplined: false, indicators: {} },
  scorecards: cards.map(([reviewerId, q, r]) => ({
    reviewerId,
    role: "verifier" as const,
    scores: (r === undefined ? { q } : { q, r }) as Record<string, number>,
  })),
});

describe("calibration", () => {
  // Steady rates 6 everywhere (sd 0): a mean shift. Wide rates 2 and 8. Pooled on q: 6, 6, 2, 8 → mean 5.5.
  const subjects = [
    subject("a", [
      ["steady", 6, 5],
      ["wide", 2, 5],
    ]),
    subject("b", [
      ["steady", 6, 5],
      ["wide", 8],
      ["once", 9, 5],
    ]),
  ];

  it("shifts a reviewer whose ratings do not vary, z-scores one whose do, and leaves one with too few", () => {
    const cal = calibrateReviewers(compiled, subjects);
    expect(cal.get("q")?.get("steady")).toMatchObject({ mode: "shift", count: 2, reviewerMean: 6, reviewerSd: 0 });
    expect(cal.get("q")?.get("wide")).toMatchObject({ mode: "z", count: 2, reviewerMean: 5, reviewerSd: 3 });
    expect(cal.get("q")?.get("once")).toMatchObject({ mode: "none", count: 1 });
    expect(cal.get("q")?.get("steady")?.pooledMean).toBeCloseTo(31 / 5, 9);
  });

  it("moves a shifted reviewer's ratings by the difference of means", () => {
    const r = scoreRound(set as never, subjects, { referenceDate });
    const a = r.ok ? r.value.models.find((m) => m.modelId === "a") : undefined;
    const steady = a?.criteria[0]?.detail;
    const uses = steady?.kind === "rating" ? steady.reviewers : [];
    // steady: 6 − 6 + 6.2 = 6.2.
    expect(uses.find((u) => u.reviewerId === "steady")).toMatchObject({
      rawMilli: 6_000,
      usedMilli: 6_200,
      calibration: "shift",
    });
  });

  it("needs the round to calibrate one model, and says so", () => {
    const r = scoreCompiledModel(compiled, subjects[0] as ScoringSubject, referenceDate, undefined);
    expect(r.ok ? null : [r.error.code, r.error.message, r.error.details]).toEqual([
      "SCORING.ROUND_CONTEXT_REQUIRED",
      { vi: "Hiệu chỉnh người chấm cần dữ liệu cả đợt", en: "Reviewer calibration needs the round context" },
      { modelId: (subjects[0] as ScoringSubject).modelId },
    ]);
    const context = buildRoundContext(compiled, subjects, referenceDate);
    expect(scoreCompiledModel(compiled, subjects[0] as ScoringSubject, referenceDate, context).ok).toBe(true);
  });

  it("lists each reviewer left uncalibrated once, with every criterion concerned", () => {
    const few = [
      subject("a", [["x", 1, 2]]),
      subject("b", [
        ["y", 3, 4],
        ["x", 5],
      ]),
    ];
    expect(
      calibrationNotices(compiled, calibrateReviewers(compiled, few)).map((n) => [
        n.reviewerId,
        n.criteria,
        n.message.en,
      ]),
    ).toEqual(
      [
        [
          "y",
          [
            { criterionId: "q", ratings: 1, required: 2 },
            { criterionId: "r", ratings: 1, required: 2 },
          ],
          "Calibration was not applied to reviewer 'y' on 'Quality' (1 rating), 'Reach' (1 rating): each needs at least 2 ratings in the round",
        ],
        [
          "x",
          [{ criterionId: "r", ratings: 1, required: 2 }],
          "Calibration was not applied to reviewer 'x' on 'Reach' (1 rating): each needs at least 2 ratings in the round",
        ],
      ].sort((p, q) => (p[0] as string).localeCompare(q[0] as string)),
    );
  });

  it("lists every criterion concerned in the Vietnamese notice too", () => {
    const few = [
      subject("a", [["x", 1, 2]]),
      subject("b", [
        ["y", 3, 4],
        ["x", 5],
      ]),
    ];
    expect(
      calibrationNotices(compiled, calibrateReviewers(compiled, few)).find((n) => n.reviewerId === "y")?.message.vi,
    ).toBe(
      "Không hiệu chỉnh người chấm 'y' cho 'Chất lượng' (1 điểm chấm), 'Lan tỏa' (1 điểm chấm): mỗi tiêu chí cần ít nhất 2 điểm chấm trong đợt",
    );
  });
});

describe("calibration statistics on a scale from 1 to 5 in steps of 0.5", () => {
  // Hand-computed in step units k = (rating − 1) ÷ 0.5. r1 rates 1, 2, 3 → k 0, 2, 4: mean 2,
  // sd √(8/3); r2 rates 3, 3 → k 4, 4: mean 4, sd 0. Pooled k 0, 2, 4, 4, 4: mean 2.8,
  // variance 52/5 − 2.8² = 2.56, sd 1.6. Back on the scale: 1 + k × 0.5, sd × 0.5.
  const halfSet: CriteriaSetInput = {
    status: "draft",
    id: "half",
    name: t("Nửa điểm", "Half points"),
    totalPoints: 100,
    inputs: [{ code: "x", label: t("X", "X") }],
    scales: [{ id: "s5", label: t("1–5", "1–5"), min: 1, max: 5, step: 0.5 }],
    criteria: [
      { kind: "rating", id: "q", label: t("Chất lượng", "Quality"), points: 60, scaleId: "s5" },
      { kind: "rating", id: "unrated", label: t("Chưa chấm", "Unrated"), points: 20, scaleId: "s5" },
      {
        kind: "indicator",
        id: "v",
        label: t("Chỉ tiêu", "Indicator"),
        points: 20,
        rule: { kind: "linear", input: "x", from: 0, to: 10 },
      },
    ],
    tiers: [{ id: "any", label: t("Mọi", "Any"), min: 0 }],
    aggregation: { calibration: { enabled: true, minRatingsPerReviewer: 2 } },
  };
  const compile = (enabled: boolean) => {
    const c = compileCriteriaSet({
      ...halfSet,
      aggregation: { calibration: { enabled, minRatingsPerReviewer: 2 } },
    } as never);
    if (!c.ok) throw new Error(c.error.message.en);
    return c.value;
  };
  const card = (reviewerId: string, scores: Record<string, number>, role: "verifier" | "self" = "verifier") => ({
    reviewerId,
    role,
    scores,
  });
  const model = (id: string, cards: ScoringSubject["scorecards"]): ScoringSubject => ({
    ...subject(id, []),
    scorecards: cards,
  });
  // r3 gives only ratings the scale refuses: above the top, below the bottom, off the steps.
  // The unit's own rating and a score for the indicator 'v' are not reviewers' ratings either.
  const subjects = [
    model("A", [
      card("r1", { q: 1, v: 5 }),
      card("r2", { q: 3 }),
      card("r3", { q: 5.5 }),
      card("unit", { q: 5 }, "self"),
    ]),
    model("B", [card("r1", { q: 2 }), card("r2", { q: 3 }), card("r3", { q: 0.5 })]),
    model("C", [card("r1", { q: 3 }), card("r3", { q: 2.25 })]),
  ];

  it("z-scores a reviewer whose ratings vary, from the pooled valid ratings of verifiers", () => {
    const r1 = calibrateReviewers(compile(true), subjects).get("q")?.get("r1");
    expect(r1).toMatchObject({ mode: "z", count: 3, reviewerMean: 2, pooledMean: 2.4, pooledSd: 0.8 });
    expect(r1?.reviewerSd).toBeCloseTo(Math.sqrt(2 / 3), 12);
  });

  it("shifts a reviewer whose ratings do not vary", () => {
    expect(calibrateReviewers(compile(true), subjects).get("q")?.get("r2")).toEqual({
      mode: "shift",
      count: 2,
      reviewerMean: 3,
      reviewerSd: 0,
      pooledMean: 2.4,
      pooledSd: 0.8,
    });
  });

  it("counts no rating the scale refuses, nor the unit's own", () => {
    expect([...(calibrateReviewers(compile(true), subjects).get("q")?.keys() ?? [])]).toEqual(["r1", "r2"]);
  });

  it("calibrates only rated criteria that someone rated", () => {
    expect([...calibrateReviewers(compile(true), subjects).keys()]).toEqual(["q"]);
  });

  it("calibrates nothing when the set does not enable it", () => {
    expect(calibrateReviewers(compile(false), subjects).size).toBe(0);
  });
});

describe("calibration statistics past 2^53", () => {
  it("sums squares exactly: ratings 99,999.999 and 100,000 on a 0.001 step have sd 0.0005", () => {
    // In step units k = 99,999,999 and 100,000,000, k² about 10^16, past 2^53:
    // n·Σk² − (Σk)² = 2 × 19999999800000001 − 199999999² = 1 only when every square and both
    // sums are exact, so sd = √1 ÷ 2 = 0.5 steps = 0.0005.
    const huge = compileCriteriaSet({
      ...set,
      scales: [{ id: "s10", label: t("0–100000", "0–100000"), min: 0, max: 100_000, step: 0.001 }],
    } as never);
    if (!huge.ok) throw new Error(huge.error.message.en);
    const cal = calibrateReviewers(huge.value, [subject("a", [["w", 99_999.999]]), subject("b", [["w", 100_000]])]);
    expect(cal.get("q")?.get("w")).toMatchObject({ mode: "z", count: 2, reviewerSd: 0.0005 });
  });

  it("sums squares exactly past 2^53 when each square is below it: 94,906.264 and 94,906.265 have sd 0.0005", () => {
    // k = 94,906,264 and 94,906,265: each k² is under 2^53, their sum is past it.
    const huge = compileCriteriaSet({
      ...set,
      scales: [{ id: "s10", label: t("0–100000", "0–100000"), min: 0, max: 100_000, step: 0.001 }],
    } as never);
    if (!huge.ok) throw new Error(huge.error.message.en);
    const cal = calibrateReviewers(huge.value, [subject("a", [["w", 94_906.264]]), subject("b", [["w", 94_906.265]])]);
    expect(cal.get("q")?.get("w")).toMatchObject({ mode: "z", count: 2, reviewerSd: 0.0005 });
  });

  it("scores a round on such a scale instead of throwing", () => {
    // Both reviewers' sds are exact (0.0005 and 5000): each z-score is ±1, so every rating maps
    // back to the pooled mean ± the pooled sd, and no NaN reaches a BigInt.
    const huge = {
      ...set,
      scales: [{ id: "s10", label: t("0–100000", "0–100000"), min: 0, max: 100_000, step: 0.001 }],
    };
    const r = scoreRound(
      huge as never,
      [
        subject("a", [
          ["w", 99_999.999, 7],
          ["v", 50_000, 7],
        ]),
        subject("b", [
          ["w", 100_000, 7],
          ["v", 60_000, 7],
        ]),
      ],
      {
        referenceDate,
      },
    );
    expect(r.ok ? r.value.models.map((m) => m.status) : r.error.code).toEqual(["qualified", "qualified"]);
  });
});
