import { describe, expect, it } from "vitest";
import { type CriteriaSetInput, defaultCriteriaSet } from "../criteria/index.js";
import { scoreModel } from "./score-model.js";
import { type RoundResult, scoreRound } from "./score-round.js";
import type { ScoringSubject } from "./scoring-subject.js";
import { defaultSubject } from "./test-support/subjects.js";

const referenceDate = "2025-06-30";
const t = (vi: string, en: string) => ({ vi, en });
const tiers = [
  { id: "excellent", label: t("Xuất sắc", "Excellent"), min: 90 },
  { id: "good", label: t("Tốt", "Good"), min: 70 },
  { id: "pass", label: t("Đạt", "Pass"), min: 50 },
  { id: "fail", label: t("Chưa đạt", "Fail"), min: 0 },
];

/** A subject rated `scores` by one verifier per entry of `reviewers`. */
const subject = (
  modelId: string,
  scores: Record<string, number>,
  more: Partial<ScoringSubject> & { indicators?: Record<string, number>; evidenceCount?: number } = {},
  reviewers = ["r1", "r2"],
): ScoringSubject => {
  const { indicators = {}, evidenceCount = 1, ...rest } = more;
  return {
    modelId,
    unitId: `u-${modelId}`,
    registeredAt: "2024-01-01T00:00:00Z",
    facts: { startDate: "2020-01-01", evidenceCount, disciplined: false, indicators },
    scorecards: reviewers.map((reviewerId) => ({ reviewerId, role: "verifier" as const, scores })),
    ...rest,
  };
};

const mustRound = (set: CriteriaSetInput, subjects: readonly ScoringSubject[], explain = true): RoundResult => {
  const r = scoreRound(set as never, subjects, { referenceDate, explain });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message.en}`);
  return r.value;
};
const byId = (round: RoundResult) => Object.fromEntries(round.models.map((m) => [m.modelId, m]));

describe("one rounding rule: the exact total rounded once", () => {
  // Seven criteria of 10 points rated 5 on 0–9: each is exactly 50/9 = 5.5555… points.
  // Rounding each first would give 7 × 5.556 = 38.892; the exact total 350/9 = 38.8888… rounds
  // once to 38.889, and the shown points add up to it: the seven remainders (0.5556 each) make
  // four milli-points, given to the first four criteria.
  const seven: CriteriaSetInput = {
    status: "draft",
    id: "seven",
    name: t("Bảy tiêu chí", "Seven criteria"),
    totalPoints: 70,
    scales: [{ id: "s9", label: t("0–9", "0–9"), min: 0, max: 9, step: 1 }],
    criteria: Array.from({ length: 7 }, (_, i) => ({
      kind: "rating" as const,
      id: `c${i + 1}`,
      label: t(`Tiêu chí ${i + 1}`, `Criterion ${i + 1}`),
      points: 10,
      scaleId: "s9",
    })),
    tiers: [
      { id: "pass", label: t("Đạt", "Pass"), min: 35 },
      { id: "fail", label: t("Chưa đạt", "Fail"), min: 0 },
    ],
  };
  const fives = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`c${i + 1}`, 5]));

  it("totals 38.889, not 38.892", () => {
    const m = mustRound(seven, [subject("m", fives)]).models[0];
    expect(m?.totalMilli).toBe(38_889);
    expect(m?.exactTotalMilli).toBeCloseTo(350_000 / 9, 9);
  });

  it("shows per-criterion points that visibly add up to the total", () => {
    const m = mustRound(seven, [subject("m", fives)]).models[0];
    expect(m?.points).toEqual([5556, 5556, 5556, 5556, 5555, 5555, 5555]);
    expect(m?.criteria.map((c) => c.pointsMilli)).toEqual(m?.points);
  });

  it("says in the explanation how the total was rounded", () => {
    const m = mustRound(seven, [subject("m", fives)]).models[0];
    expect(m?.explanation?.en).toContain(
      "Rounding: the exact total 38.888889… is rounded once to 0.001; each criterion's points are rounded down or up so that they add up to it.",
    );
    expect(m?.explanation?.vi).toContain("Làm tròn: tổng chính xác 38,888889… được làm tròn một lần đến 0,001");
  });

  it("adds no rounding line when every criterion is exact", () => {
    const m = mustRound(seven, [subject("m", { ...fives, c1: 9, c2: 9, c3: 0, c4: 0, c5: 0, c6: 0, c7: 0 })]).models[0];
    expect(m?.totalMilli).toBe(20_000);
    expect(m?.explanation?.en).not.toContain("Rounding:");
  });
});

describe("relative-to-best counts qualified, scored models only", () => {
  // Votes 20 × votes ÷ best; a gate wants evidence. A: 90 votes, B: 45 votes, both qualified.
  const contest: CriteriaSetInput = {
    status: "draft",
    id: "votes",
    name: t("Bình chọn", "Votes"),
    totalPoints: 100,
    inputs: [{ code: "votes", label: t("Lượt bình chọn", "Votes") }],
    scales: [{ id: "s10", label: t("0–10", "0–10"), min: 0, max: 10, step: 1 }],
    criteria: [
      { kind: "gate", id: "evidence", label: t("Có minh chứng", "Evidence"), condition: { kind: "evidence" } },
      {
        kind: "indicator",
        id: "vote-share",
        label: t("Bình chọn", "Votes"),
        points: 20,
        rule: { kind: "relative-to-best", input: "votes" },
      },
      { kind: "rating", id: "quality", label: t("Chất lượng", "Quality"), points: 80, scaleId: "s10" },
    ],
    tiers,
  };
  const a = subject("A", { quality: 10 }, { indicators: { votes: 90 } });
  const b = subject("B", { quality: 10 }, { indicators: { votes: 45 } });

  it("gives the best qualified model the full points", () => {
    const round = byId(mustRound(contest, [a, b]));
    expect([round.A?.points[0], round.B?.points[0]]).toEqual([20_000, 10_000]);
  });

  it("ignores a disqualified model with more votes", () => {
    const stuffed = subject("X", { quality: 10 }, { indicators: { votes: 1000 }, evidenceCount: 0 });
    const round = mustRound(contest, [a, b, stuffed]);
    const models = byId(round);
    expect(models.X?.status).toBe("disqualified");
    expect([models.A?.points[0], models.B?.points[0]]).toEqual([20_000, 10_000]);
    expect(round.models.map((m) => m.modelId)).toEqual(["A", "B", "X"]);
    expect(round.best).toEqual({ votes: 90 });
  });

  it("ignores a model that cannot be scored", () => {
    const unrated = { ...subject("Y", {}, { indicators: { votes: 1000 } }), scorecards: [] };
    const round = mustRound(contest, [a, b, unrated]);
    expect(round.unscored.map((u) => [u.modelId, u.error.code])).toEqual([["Y", "SCORING.MISSING_RATING"]]);
    expect(byId(round).A?.points[0]).toBe(20_000);
  });

  it("scores a disqualified model against the same best, and says whose best it is", () => {
    const stuffed = subject("X", { quality: 10 }, { indicators: { votes: 1000 }, evidenceCount: 0 });
    const models = byId(mustRound(contest, [a, b, stuffed]));
    expect(models.X?.points[0]).toBe(20_000); // clamped to the criterion's points
    expect(models.B?.explanation?.en).toContain("indicator 'Votes' = 45, best of the round's qualified models 90");
  });

  it("gives the same best to scoreModel given the round", () => {
    const stuffed = subject("X", { quality: 10 }, { indicators: { votes: 1000 }, evidenceCount: 0 });
    const r = scoreModel(contest as never, b, { referenceDate, subjects: [a, b, stuffed] });
    expect(r.ok && r.value.points[0]).toBe(10_000);
  });
});

describe("calibration that does not apply says so", () => {
  // Calibration on with the default minimum of 5 ratings per reviewer; each reviewer rated 2 models.
  const calibrated: CriteriaSetInput = {
    status: "draft",
    id: "cal",
    name: t("Hiệu chỉnh", "Calibration"),
    totalPoints: 10,
    scales: [{ id: "s10", label: t("0–10", "0–10"), min: 0, max: 10, step: 1 }],
    criteria: [{ kind: "rating", id: "q", label: t("Chất lượng", "Quality"), points: 10, scaleId: "s10" }],
    tiers: [
      { id: "pass", label: t("Đạt", "Pass"), min: 5 },
      { id: "fail", label: t("Chưa đạt", "Fail"), min: 0 },
    ],
    aggregation: { calibration: { enabled: true } },
  };
  const two = (id: string, h: number, l: number): ScoringSubject => ({
    ...subject(id, {}),
    scorecards: [
      { reviewerId: "h", role: "verifier", scores: { q: h } },
      { reviewerId: "l", role: "verifier", scores: { q: l } },
    ],
  });

  it("carries a notice per reviewer with how many ratings they gave and how many are needed", () => {
    const round = mustRound(calibrated, [two("m1", 2, 6), two("m2", 4, 8)]);
    expect(round.calibration).toEqual([
      {
        code: "SCORING.CALIBRATION_NOT_APPLIED",
        reviewerId: "h",
        criteria: [{ criterionId: "q", ratings: 2, required: 5 }],
        message: {
          en: "Calibration was not applied to reviewer 'h' on 'Quality' (2 ratings): each needs at least 5 ratings in the round",
          vi: "Không hiệu chỉnh người chấm 'h' cho 'Chất lượng' (2 điểm chấm): mỗi tiêu chí cần ít nhất 5 điểm chấm trong đợt",
        },
      },
      expect.objectContaining({ reviewerId: "l", criteria: [{ criterionId: "q", ratings: 2, required: 5 }] }),
    ]);
    expect(byId(round).m1?.totalMilli).toBe(4_000);
  });

  it("has no notice when calibration is off or every reviewer is calibrated", () => {
    const off = { ...calibrated, aggregation: { calibration: { enabled: false } } };
    expect(mustRound(off, [two("m1", 2, 6)]).calibration).toEqual([]);
    const enough = { ...calibrated, aggregation: { calibration: { enabled: true, minRatingsPerReviewer: 2 } } };
    expect(mustRound(enough, [two("m1", 2, 6), two("m2", 4, 8)]).calibration).toEqual([]);
  });

  it("shows the raw rating beside the calibrated one, and an uncalibrated one as such", () => {
    const enough = { ...calibrated, aggregation: { calibration: { enabled: true, minRatingsPerReviewer: 2 } } };
    // h: 2, 4 (mean 3, sd 1); l: 6, 8 (mean 7, sd 1); pooled 2, 4, 6, 8: mean 5, sd √5.
    // h's 2 → 5 + (2 − 3) × √5 = 2.76393… → 2.764; l's 6 → 2.764 too.
    const m1 = byId(mustRound(enough, [two("m1", 2, 6), two("m2", 4, 8)])).m1;
    expect(m1?.explanation?.en).toContain("mean of 2 rating(s) (h: 2 → 2.764, l: 6 → 2.764)");
    expect(m1?.explanation?.en).toContain("reviewers calibrated (raw → calibrated)");
    const few = byId(mustRound(calibrated, [two("m1", 2, 6), two("m2", 4, 8)])).m1;
    expect(few?.explanation?.en).toContain("(h: 2 (not calibrated), l: 6 (not calibrated))");
    expect(few?.explanation?.vi).toContain("(h: 2 (không hiệu chỉnh); l: 6 (không hiệu chỉnh))");
  });

  it("shows a reviewer shifted by nothing as one number, and calibrated decimals with a comma in Vietnamese", () => {
    const enough = { ...calibrated, aggregation: { calibration: { enabled: true, minRatingsPerReviewer: 2 } } };
    // a: 5, 5 (sd 0: shift, by 5 − 5 = 0); b: 2, 8 (mean 5, sd 3); c: 4, 6 (mean 5, sd 1).
    // Pooled 5, 5, 2, 8, 4, 6: mean 5, sd √(20 ÷ 6) = 1.8257…; b's 2 and c's 4 are both one sd
    // below their mean → 5 − 1.8257… = 3.174.
    const three = (id: string, a: number, b: number, c: number): ScoringSubject => ({
      ...subject(id, {}),
      scorecards: [
        { reviewerId: "a", role: "verifier", scores: { q: a } },
        { reviewerId: "b", role: "verifier", scores: { q: b } },
        { reviewerId: "c", role: "verifier", scores: { q: c } },
      ],
    });
    const m1 = byId(mustRound(enough, [three("m1", 5, 2, 4), three("m2", 5, 8, 6)])).m1;
    expect(m1?.explanation?.en).toContain("(a: 5, b: 2 → 3.174, c: 4 → 3.174)");
    expect(m1?.explanation?.vi).toContain("(a: 5; b: 2 → 3,174; c: 4 → 3,174)");
    expect(m1?.explanation?.vi).toContain("đã hiệu chỉnh người chấm (gốc → hiệu chỉnh)");
  });
});

describe("formulas that read ratings, criterion points and group totals", () => {
  // A Moodle-style rubric: three criteria rated 1–4, the grade (sum − min) ÷ (max − min) × 100.
  const rubric = (expression: string): CriteriaSetInput => ({
    status: "draft",
    id: "rubric",
    name: t("Rubric", "Rubric"),
    totalPoints: 100,
    scales: [{ id: "levels", label: t("Mức 1–4", "Levels 1–4"), min: 1, max: 4, step: 1 }],
    criteria: [
      {
        kind: "group",
        id: "levels",
        label: t("Các mức", "Levels"),
        children: ["a", "b", "c"].map((id) => ({
          kind: "rating" as const,
          id,
          label: t(id, id),
          points: 0,
          scaleId: "levels",
        })),
      },
      { kind: "formula", id: "grade", label: t("Điểm", "Grade"), points: 100, expression },
    ],
    tiers,
  });
  const moodle = '(rating("a") + rating("b") + rating("c") - 3) / (12 - 3) * 100';

  it("normalizes a rubric the way Moodle grades it", () => {
    // Levels 4, 3, 2: (9 − 3) ÷ 9 × 100 = 66.666… → 66.667.
    const m = mustRound(rubric(moodle), [subject("m", { a: 4, b: 3, c: 2 })]).models[0];
    expect(m?.totalMilli).toBe(66_667);
    expect(m?.criteria.find((c) => c.criterionId === "grade")?.detail).toMatchObject({
      kind: "formula",
      expression: moodle,
    });
  });

  it("reads a criterion's points and a group's total", () => {
    const set = rubric('min(100, points("a") + group_total("levels") + 10 * rating("b"))');
    // Rating criteria carry 0 points here: 0 + 0 + 10 × 3 = 30.
    expect(mustRound(set, [subject("m", { a: 4, b: 3, c: 2 })]).models[0]?.totalMilli).toBe(30_000);
  });

  it("refuses formulas that read each other in a cycle", () => {
    const set = rubric('points("grade")');
    const r = scoreRound(set as never, [], { referenceDate });
    expect(r.ok ? "ok" : ((r.error.details?.issues ?? []) as Array<{ code: string }>).map((i) => i.code)).toEqual([
      "CRITERIA.FORMULA_CYCLE",
    ]);
  });

  it("refuses an unknown reference at its position", () => {
    const r = scoreRound(rubric('rating("z") * 10') as never, [], { referenceDate });
    const issue = r.ok ? undefined : ((r.error.details?.issues ?? []) as Array<Record<string, unknown>>)[0];
    expect(issue).toMatchObject({ code: "FORMULA.UNKNOWN_REFERENCE", details: { column: 1, criterionId: "grade" } });
  });

  it("refuses a gate that reads a criterion: gates are decided before scoring", () => {
    const set = rubric(moodle);
    (set.criteria as unknown[]).unshift({
      kind: "gate",
      id: "g",
      label: t("Cổng", "Gate"),
      condition: { kind: "formula", expression: 'points("a") > 1' },
    });
    const r = scoreRound(set as never, [], { referenceDate });
    const codes = r.ok ? [] : ((r.error.details?.issues ?? []) as Array<{ code: string }>).map((i) => i.code);
    expect(codes).toEqual(["CRITERIA.GATE_REFERENCE"]);
  });

  it("computes the self-assessment from the self ratings", () => {
    const withSelf = {
      ...subject("m", { a: 4, b: 3, c: 2 }),
      scorecards: [
        ...subject("m", { a: 4, b: 3, c: 2 }).scorecards,
        { reviewerId: "unit", role: "self" as const, scores: { a: 4, b: 4, c: 4 } },
      ],
    };
    const m = mustRound(rubric(moodle), [withSelf]).models[0];
    expect(m?.selfAssessment).toMatchObject({ totalMilli: 100_000, complete: true, differenceMilli: 66_667 - 100_000 });
  });
});

describe("quotas on the qualified models", () => {
  // Ten qualified models: at most 20 % may be excellent → ⌊10 × 20 ÷ 100⌋ = 2.
  const capped = (quotas: unknown[]): CriteriaSetInput => ({
    status: "draft",
    id: "quota",
    name: t("Hạn mức", "Quota"),
    totalPoints: 100,
    scales: [{ id: "s100", label: t("0–100", "0–100"), min: 0, max: 100, step: 1 }],
    criteria: [{ kind: "rating", id: "q", label: t("Chất lượng", "Quality"), points: 100, scaleId: "s100" }],
    tiers,
    quotas: quotas as never,
  });
  const tenModels = Array.from({ length: 10 }, (_, i) =>
    subject(`m${i}`, { q: 99 - i }, { registeredAt: `2024-01-0${(i % 9) + 1}T00:00:00Z` }),
  );

  it("caps a tier at a share of all qualified models", () => {
    const round = mustRound(capped([{ kind: "share-of-qualified", tierId: "excellent", percent: 20 }]), tenModels);
    expect(round.quotas[0]).toMatchObject({ kind: "share-of-qualified", ofTierId: null, base: 10, allowance: 2 });
    expect(round.models.filter((m) => m.tierId === "excellent").map((m) => m.modelId)).toEqual(["m0", "m1"]);
    const demoted = byId(round).m2;
    expect(demoted?.explanation?.en).toContain(
      "Scored as 'Excellent', demoted to 'Good' by a quota (at most 20% of 10 qualified models = 2).",
    );
    expect(demoted?.explanation?.vi).toContain("do vượt hạn mức (tối đa 20% của 10 mô hình đủ điều kiện = 2).");
  });

  it("rounds the allowance down: 7 × 20 % = 1.4 allows one", () => {
    const round = mustRound(
      capped([{ kind: "share-of-qualified", tierId: "excellent", percent: 20 }]),
      tenModels.slice(0, 7),
    );
    expect(round.quotas[0]).toMatchObject({ base: 7, allowance: 1, demoted: ["m1", "m2", "m3", "m4", "m5", "m6"] });
  });

  it("refuses capping a tier against itself, pointing at the kind that does what was meant", () => {
    const r = scoreRound(
      capped([{ kind: "share-of-tier", tierId: "excellent", ofTierId: "excellent", percent: 20 }]) as never,
      [],
      { referenceDate },
    );
    const issue = r.ok
      ? undefined
      : ((r.error.details?.issues ?? []) as Array<{ code: string; message: { en: string } }>)[0];
    expect(issue?.code).toBe("CRITERIA.QUOTA_SELF");
    expect(issue?.message.en).toBe(
      `A quota cannot cap the tier 'excellent' against itself; to cap it at a share of the qualified models, use kind "share-of-qualified"`,
    );
  });

  it("says when a tie at the boundary was broken by registration time", () => {
    // A and B both score 93 (rank 1); 20 % of 5 qualified = 1: A, registered first, keeps it.
    const five = [
      subject("A", { q: 93 }, { registeredAt: "2024-01-01T00:00:00Z" }),
      subject("B", { q: 93 }, { registeredAt: "2024-02-01T00:00:00Z" }),
      ...["C", "D", "E"].map((id) => subject(id, { q: 60 })),
    ];
    const round = mustRound(capped([{ kind: "share-of-qualified", tierId: "excellent", percent: 20 }]), five);
    expect(round.quotas[0]?.ties).toEqual([{ rank: 1, kept: ["A"], demoted: ["B"], brokenBy: "registration" }]);
    const b = byId(round).B;
    expect([b?.rank, b?.tierId, b?.demotion?.tie?.brokenBy]).toEqual([1, "good", "registration"]);
    expect(b?.explanation?.en).toContain(
      "Tied at rank 1 with 'A' at the quota's boundary; the tie is broken by registration time, then model id: 'A' registered earlier and keeps 'Excellent'.",
    );
  });

  it("says when registration times are equal too and the model id decided", () => {
    const same = [
      subject("A", { q: 93 }),
      subject("B", { q: 93 }),
      ...["C", "D", "E"].map((id) => subject(id, { q: 60 })),
    ];
    const round = mustRound(capped([{ kind: "share-of-qualified", tierId: "excellent", percent: 20 }]), same);
    expect(round.quotas[0]?.ties).toEqual([{ rank: 1, kept: ["A"], demoted: ["B"], brokenBy: "model-id" }]);
  });
});

describe("gate allowances per group", () => {
  const gated = (groupAllowance: number | undefined): CriteriaSetInput => ({
    status: "draft",
    id: "gates",
    name: t("Điều kiện", "Gates"),
    totalPoints: 10,
    scales: [{ id: "s10", label: t("0–10", "0–10"), min: 0, max: 10, step: 1 }],
    criteria: [
      {
        kind: "group",
        id: "records",
        label: t("Hồ sơ", "Records"),
        ...(groupAllowance === undefined ? {} : { maxNonEliminatoryFailures: groupAllowance }),
        children: [
          {
            kind: "gate",
            id: "evidence",
            label: t("Minh chứng", "Evidence"),
            condition: { kind: "evidence", atLeast: 3 },
            eliminatory: false,
          },
          {
            kind: "gate",
            id: "running",
            label: t("Đủ 5 năm", "Five years"),
            condition: { kind: "running-months", months: 120 },
            eliminatory: false,
          },
        ],
      },
      { kind: "rating", id: "q", label: t("Chất lượng", "Quality"), points: 10, scaleId: "s10" },
    ],
    tiers: [
      { id: "pass", label: t("Đạt", "Pass"), min: 5 },
      { id: "fail", label: t("Chưa đạt", "Fail"), min: 0 },
    ],
    gatePolicy: { maxNonEliminatoryFailures: 0 },
  });
  // Started 2020-01-01 with 1 piece of evidence: both gates of the group fail.
  const m = subject("m", { q: 8 });

  it("counts the group's gates against the group's own allowance", () => {
    expect(mustRound(gated(2), [m]).models[0]?.status).toBe("qualified");
  });

  it("disqualifies past the group's allowance and says which failures exceeded which allowance", () => {
    const model = mustRound(gated(1), [m]).models[0];
    expect(model?.disqualification).toEqual({
      eliminatoryGates: [],
      exceededAllowances: [{ groupId: "records", allowed: 1, failedGates: ["evidence", "running"] }],
    });
    expect(model?.explanation?.en).toContain(
      "Disqualified: 2 gate(s) failed ('evidence', 'running') in group 'Records', more than the 1 allowed.",
    );
    expect(model?.explanation?.vi).toContain(
      "Bị loại: 2 điều kiện không đạt ('evidence', 'running') trong nhóm 'Hồ sơ', vượt mức cho phép 1.",
    );
  });

  it("names a group nested in another by its own label", () => {
    const flat = gated(1);
    const nested = {
      ...flat,
      criteria: [
        { kind: "group", id: "file", label: t("Hồ sơ gốc", "File"), children: [flat.criteria[0]] },
        flat.criteria[1],
      ],
    } as CriteriaSetInput;
    expect(mustRound(nested, [m]).models[0]?.explanation?.en).toContain(
      "Disqualified: 2 gate(s) failed ('evidence', 'running') in group 'Records', more than the 1 allowed.",
    );
  });

  it("falls back to the set's allowance for a group without its own", () => {
    const model = mustRound(gated(undefined), [m]).models[0];
    expect(model?.disqualification?.exceededAllowances).toEqual([
      { groupId: null, allowed: 0, failedGates: ["evidence", "running"] },
    ]);
    expect(model?.explanation?.en).toContain(
      "Disqualified: 2 gate(s) failed ('evidence', 'running'), more than the 0 allowed.",
    );
  });
});

describe("invalid raw input is an error value, never a throw", () => {
  it("fills in the defaults of a set given as raw JSON", () => {
    const raw = JSON.parse(JSON.stringify(defaultCriteriaSet));
    delete raw.inputs[0].missingAs;
    delete raw.quotas;
    delete raw.aggregation;
    const r = scoreRound(
      raw,
      [defaultSubject("m", { novelty: 20, effectiveness: 8, reach: 8, theme: 4 }, { adopters: 1 })],
      {
        referenceDate,
      },
    );
    expect(r.ok).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ["a set that is not an object", "default", "CRITERIA.SHAPE"],
    [
      "a set without criteria",
      { status: "draft", id: "x", name: t("x", "x"), totalPoints: 1, tiers },
      "CRITERIA.SHAPE",
    ],
  ])("refuses %s", (_what, set, code) => {
    const r = scoreRound(set as never, [], { referenceDate });
    expect(r.ok ? "ok" : r.error.code).toBe(code);
  });

  it.each<[string, unknown, string]>([
    ["subjects that are not an array", { length: 1 }, "subjects"],
    [
      "a subject without facts",
      [{ modelId: "m", unitId: "u", registeredAt: "2024-01-01T00:00:00Z" }],
      "subjects.0.facts",
    ],
    [
      "a scorecard with a mistyped key",
      [
        {
          ...defaultSubject("m", { novelty: 1, effectiveness: 1, reach: 1, theme: 1 }),
          scorecards: [{ reviewerId: "r", score: {} }],
        },
      ],
      "subjects.0.scorecards.0.score",
    ],
    [
      "an evidence count that is not a whole number",
      [defaultSubject("m", { novelty: 1, effectiveness: 1, reach: 1, theme: 1 }, { evidenceCount: 1.5 })],
      "subjects.0.facts.evidenceCount",
    ],
  ])("refuses %s with SCORING.INVALID_INPUT and the path", (_what, subjects, path) => {
    const r = scoreRound(defaultCriteriaSet, subjects as never, { referenceDate });
    expect(r.ok ? "ok" : r.error.code).toBe("SCORING.INVALID_INPUT");
    const issues = r.ok ? [] : ((r.error.details?.issues ?? []) as Array<{ path: string }>);
    expect(issues.map((i) => i.path)).toContain(path);
  });

  it("fills in a scorecard's default role and missing indicators", () => {
    const raw = { ...defaultSubject("m", { novelty: 30, effectiveness: 10, reach: 10, theme: 5 }) } as Record<
      string,
      unknown
    >;
    raw.scorecards = [{ reviewerId: "r1", scores: { novelty: 30, effectiveness: 10, reach: 10, theme: 5 } }];
    raw.facts = { startDate: "2020-01-01", evidenceCount: 1, disciplined: false };
    const r = scoreRound(defaultCriteriaSet, [raw as never], { referenceDate });
    // 20 + 30 + 0 (no adopters: missingAs 0) + 15 + 10 + 5.
    expect(r.ok && r.value.models[0]?.totalMilli).toBe(80_000);
  });

  it("refuses options with an unknown key, naming the key meant", () => {
    const r = scoreRound(defaultCriteriaSet, [], { referenceDate, breakdwn: "points" } as never);
    expect(r.ok ? [] : r.error.details?.issues).toEqual([
      expect.objectContaining({ path: "breakdwn", code: "UNKNOWN_KEY", suggestion: "breakdown" }),
    ]);
  });

  it("returns an error for a scoreModel given raw JSON", () => {
    const r = scoreModel({ status: "draft" } as never, { modelId: "m" } as never, { referenceDate });
    expect(r.ok ? "ok" : r.error.code).toBe("CRITERIA.SHAPE");
    const s = scoreModel(defaultCriteriaSet, { modelId: "m" } as never, { referenceDate });
    expect(s.ok ? "ok" : s.error.code).toBe("SCORING.INVALID_INPUT");
  });
});
