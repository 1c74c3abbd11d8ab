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
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual([
      "SCORING.ROUND_CONTEXT_REQUIRED",
      { vi: "Hiệu chỉnh người chấm cần dữ liệu cả đợt", en: "Reviewer calibration needs the round context" },
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
});
