import { describe, expect, it } from "vitest";
import { compileCriteriaSet, defaultCriteriaSet } from "../criteria/index.js";
import { advanceRound, type RoundProgress } from "./advance-round.js";
import { canonicalJson } from "./canonical-json.js";
import { checkEligibility } from "./check-eligibility.js";
import { checkScorecard } from "./check-scorecard.js";
import { decideCouncil } from "./decide-council.js";
import { drawPanel } from "./draw-panel.js";
import { hasConflictOfInterest } from "./has-conflict-of-interest.js";
import { RoundSettingsSchema } from "./round-settings.js";
import { RoundStatusSchema, RoundStepSchema } from "./round-status.js";
import { seededPrng } from "./seeded-prng.js";

const compiled = (() => {
  const c = compileCriteriaSet(defaultCriteriaSet);
  if (!c.ok) throw new Error(c.error.message.en);
  return c.value;
})();
const progress: RoundProgress = {
  eligibleModels: 2,
  missingSelfAssessments: [],
  missingReviews: [],
  unresolvedDisagreements: [],
  resultsCurrent: true,
  councilOutcome: "approved",
};

describe("advanceRound says which requirement is not met", () => {
  it("names the status a step needs", () => {
    expect(advanceRound("review", "finalize", progress)).toEqual({
      ok: false,
      error: {
        code: "ROUND.STEP_NOT_ALLOWED",
        message: {
          vi: 'Không thể thực hiện bước này khi đợt đang ở trạng thái "thẩm định".',
          en: "This step cannot be taken while the round is review.",
        },
        details: { status: "review", step: "finalize", requiredStatus: "council" },
      },
    });
  });

  it.each<[string, Parameters<typeof advanceRound>, string, string, Record<string, unknown>]>([
    [
      "no eligible model",
      ["draft", "open-self-assessment", { ...progress, eligibleModels: 0 }],
      "eligible-models",
      "The round has no eligible model.",
      {},
    ],
    [
      "self-assessments missing",
      ["self-assessment", "open-review", { ...progress, missingSelfAssessments: ["a", "b"] }],
      "self-assessments",
      "2 model(s) have no submitted self-assessment.",
      { modelIds: ["a", "b"] },
    ],
    [
      "reviews missing",
      ["review", "open-council", { ...progress, missingReviews: ["a"] }],
      "reviews",
      "1 model(s) lack submitted reviews.",
      { modelIds: ["a"] },
    ],
    [
      "disagreements left",
      ["review", "open-council", { ...progress, unresolvedDisagreements: ["c"] }],
      "disagreements",
      "1 model(s) disagree beyond the gap and need another reviewer or the chair's decision.",
      { modelIds: ["c"] },
    ],
    [
      "stale results",
      ["review", "open-council", { ...progress, resultsCurrent: false }],
      "results-current",
      "Compute the results again after the last scorecard.",
      {},
    ],
    [
      "no council approval",
      ["council", "finalize", { ...progress, councilOutcome: "rejected" }],
      "council-approval",
      "The council has not approved the results (quorum and approval threshold).",
      { councilOutcome: "rejected" },
    ],
  ])("%s", (_what, args, requirement, en, details) => {
    const r = advanceRound(...args);
    expect(r.ok ? null : [r.error.code, r.error.message.en, r.error.details]).toEqual([
      "ROUND.REQUIREMENT_NOT_MET",
      en,
      { requirement, ...details },
    ]);
    expect(r.ok ? "" : r.error.message.vi).not.toBe("");
  });

  it("says the Vietnamese status names", () => {
    const vi = (status: Parameters<typeof advanceRound>[0]) => {
      const r = advanceRound(status, "publish", progress);
      return r.ok ? "" : r.error.message.vi;
    };
    expect(["draft", "self-assessment", "review", "council", "published"].map((s) => vi(s as never))).toEqual([
      'Không thể thực hiện bước này khi đợt đang ở trạng thái "dự thảo".',
      'Không thể thực hiện bước này khi đợt đang ở trạng thái "tự đánh giá".',
      'Không thể thực hiện bước này khi đợt đang ở trạng thái "thẩm định".',
      'Không thể thực hiện bước này khi đợt đang ở trạng thái "hội đồng".',
      'Không thể thực hiện bước này khi đợt đang ở trạng thái "đã công bố".',
    ]);
    const finalized = advanceRound("finalized", "finalize", progress);
    expect(finalized.ok ? "" : finalized.error.message.vi).toContain('"đã chốt"');
  });
});

describe("checkScorecard", () => {
  const full = { novelty: 25, effectiveness: 8.5, reach: 7, theme: 4 };
  const details = (
    ratings: Record<string, number>,
    comments: Record<string, string> = {},
    commentsRequired = false,
  ) => {
    const r = checkScorecard(compiled, ratings, comments, { commentsRequired });
    return r.ok ? null : r.error.details;
  };

  it("takes the ends of each scale and refuses one step beyond", () => {
    expect(details({ ...full, novelty: 0, effectiveness: 10 })).toBeNull();
    expect(details({ ...full, novelty: 30, effectiveness: 0 })).toBeNull();
    expect(details({ ...full, novelty: -1 })).toMatchObject({ offScale: ["novelty"] });
    expect(details({ ...full, novelty: 31 })).toMatchObject({ offScale: ["novelty"] });
    expect(details({ ...full, reach: Number.NaN })).toMatchObject({ offScale: ["reach"] });
  });

  it("measures the step from the scale's minimum", () => {
    // theme is rated 0–5 in whole points; 4.5 is off its step even though it is a half point.
    expect(details({ ...full, theme: 4.5 })).toMatchObject({ offScale: ["theme"] });
  });

  it("counts a blank comment as missing when comments are required", () => {
    const comments = { novelty: "Mới", effectiveness: "   ", reach: "Rộng", theme: "Gắn" };
    expect(details(full, comments, true)).toMatchObject({ uncommented: ["effectiveness"] });
    expect(details(full, { novelty: "a", effectiveness: "b", reach: "c", theme: "d" }, true)).toBeNull();
  });

  it("says every problem at once, in both languages", () => {
    const r = checkScorecard(compiled, { novelty: 31, reach: 7, theme: 4, extra: 1 }, {}, { commentsRequired: true });
    expect(r.ok ? null : r.error.message).toEqual({
      vi: "Phiếu chấm chưa hợp lệ: chưa chấm effectiveness; điểm ngoài thang novelty; thiếu nhận xét novelty, reach, theme; tiêu chí không có trong bộ extra.",
      en: "The scorecard is not valid: not rated effectiveness; off the scale novelty; comment missing for novelty, reach, theme; not in the set extra.",
    });
  });

  it("says only the problems there are", () => {
    const r = checkScorecard(compiled, { ...full, extra: 2, other: 3 }, {}, { commentsRequired: false });
    expect(r.ok ? null : r.error.message).toEqual({
      vi: "Phiếu chấm chưa hợp lệ: tiêu chí không có trong bộ extra, other.",
      en: "The scorecard is not valid: not in the set extra, other.",
    });
  });
});

describe("decideCouncil", () => {
  const settings = { quorum: 2 / 3, approvalThreshold: 0.7 };
  it.each([
    ["a negative count", { members: 9, present: 8, votesFor: -1, votesAgainst: 1, abstentions: 0 }],
    ["a fraction", { members: 9, present: 8, votesFor: 6.5, votesAgainst: 1, abstentions: 0 }],
    ["no members", { members: 0, present: 0, votesFor: 0, votesAgainst: 0, abstentions: 0 }],
    ["more present than members", { members: 9, present: 10, votesFor: 7, votesAgainst: 1, abstentions: 0 }],
    ["more votes than present", { members: 9, present: 6, votesFor: 5, votesAgainst: 1, abstentions: 1 }],
  ])("refuses %s", (_what, votes) => {
    expect(decideCouncil(votes, settings)).toEqual({
      ok: false,
      error: {
        code: "ROUND.INVALID_VOTES",
        message: {
          vi: "Số liệu biểu quyết không hợp lệ: số có mặt không vượt số thành viên, số phiếu không vượt số có mặt.",
          en: "Invalid vote counts: those present cannot exceed the members, votes cannot exceed those present.",
        },
        details: votes,
      },
    });
  });

  it("counts abstentions as votes cast", () => {
    // 10 present, 7 for, 0 against, 3 abstain: 7 ≥ ⌈10 × 0.7⌉ = 7 approves; one more abstention rejects.
    expect(decideCouncil({ members: 12, present: 10, votesFor: 7, votesAgainst: 0, abstentions: 3 }, settings)).toEqual(
      {
        ok: true,
        value: { outcome: "approved", quorumNeeded: 8, approvalsNeeded: 7 },
      },
    );
    expect(decideCouncil({ members: 12, present: 11, votesFor: 7, votesAgainst: 0, abstentions: 4 }, settings)).toEqual(
      {
        ok: true,
        value: { outcome: "rejected", quorumNeeded: 8, approvalsNeeded: 8 },
      },
    );
  });

  it("never approves when nobody voted", () => {
    expect(decideCouncil({ members: 9, present: 9, votesFor: 0, votesAgainst: 0, abstentions: 0 }, settings)).toEqual({
      ok: true,
      value: { outcome: "rejected", quorumNeeded: 6, approvalsNeeded: 0 },
    });
  });
});

describe("drawPanel", () => {
  const pool = ["a", "b", "c", "d"].map((userId) => ({ userId, unitPath: `x/${userId}/` }));

  it("spreads the load: nobody gets a second model before everyone has one", () => {
    const models = ["m1", "m2", "m3", "m4"].map((modelId) => ({ modelId, ownerPath: "y/", assigned: [] }));
    const r = drawPanel({ seed: "s", size: 1, models, pool });
    const drawn = r.ok ? r.value.flatMap((d) => d.reviewerIds) : [];
    expect([...drawn].sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("counts reviewers already assigned towards their load and the panel", () => {
    const models = [
      { modelId: "m1", ownerPath: "y/", assigned: ["a", "b"] },
      { modelId: "m2", ownerPath: "y/", assigned: ["a"] },
      { modelId: "m3", ownerPath: "y/", assigned: [] },
    ];
    const r = drawPanel({ seed: "s", size: 2, models, pool });
    const byModel = r.ok ? Object.fromEntries(r.value.map((d) => [d.modelId, d.reviewerIds])) : {};
    expect(byModel.m1).toEqual([]);
    expect(byModel.m2).toHaveLength(1);
    expect(byModel.m2).not.toContain("a");
    // a and b carry load already: m3 gets the two with the least (c and d, or the one m2 did not take).
    expect(byModel.m3).not.toContain("a");
  });

  it("never draws a declared conflict or a reviewer above the model's unit, and says who is short", () => {
    const models = [{ modelId: "m1", ownerPath: "x/a/team/", assigned: [], declaredConflicts: ["b", "c"] }];
    const r = drawPanel({ seed: "s", size: 2, models, pool });
    expect(r).toEqual({
      ok: false,
      error: {
        code: "ROUND.POOL_TOO_SMALL",
        message: {
          vi: "Không đủ giám khảo không xung đột lợi ích cho 1 mô hình.",
          en: "Not enough reviewers free of conflicts of interest for 1 model(s).",
        },
        details: { modelIds: ["m1"] },
      },
    });
    const one = drawPanel({ seed: "s", size: 1, models, pool });
    expect(one.ok && one.value[0]?.reviewerIds).toEqual(["d"]);
  });

  it("orders models and pool by id, so input order does not matter", () => {
    const models = ["m2", "m1", "m3"].map((modelId) => ({ modelId, ownerPath: "y/", assigned: [] }));
    const a = drawPanel({ seed: "k", size: 2, models, pool });
    const b = drawPanel({ seed: "k", size: 2, models: [...models].reverse(), pool: [...pool].reverse() });
    expect(a).toEqual(b);
    expect(a.ok && a.value.map((d) => d.modelId)).toEqual(["m1", "m2", "m3"]);
  });
});

describe("hasConflictOfInterest", () => {
  it.each([
    ["hn/tl/", "hn/tl/tl-hpn/", true],
    ["hn/tl/", "hn/tl/", true],
    ["hn/tl/tl-hpn/", "hn/tl/", false],
    ["hn/tk/", "hn/tl/", false],
    [null, "hn/tl/", false],
    ["", "hn/tl/", false],
  ])("reviewer at %j, model at %j: %s", (reviewer, owner, conflict) => {
    expect(hasConflictOfInterest(reviewer, owner)).toBe(conflict);
  });
});

describe("canonicalJson", () => {
  it("sorts keys that differ in case and length by code unit", () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, aa: 4, "": 5 })).toBe('{"":5,"B":2,"a":3,"aa":4,"b":1}');
  });
});

describe("checkEligibility", () => {
  it("lets a model through with non-eliminatory failures within the allowance, not beyond", () => {
    const soft = {
      ...defaultCriteriaSet,
      criteria: defaultCriteriaSet.criteria.map((c) => (c.kind === "gate" ? { ...c, eliminatory: false } : c)),
      gatePolicy: { maxNonEliminatoryFailures: 1 },
    };
    const c = compileCriteriaSet(soft);
    if (!c.ok) throw new Error(c.error.message.en);
    const young = { startDate: "2022-03-01", evidenceCount: 2, disciplined: false, indicators: {} };
    expect(checkEligibility(c.value, young, "2022-12-15")).toMatchObject({ ok: true, value: { eligible: true } });
    const worse = { ...young, evidenceCount: 0 };
    expect(checkEligibility(c.value, worse, "2022-12-15")).toMatchObject({ ok: true, value: { eligible: false } });
  });

  it("reports a gate that cannot be decided", () => {
    const withFormula = {
      ...defaultCriteriaSet,
      inputs: [...defaultCriteriaSet.inputs, { code: "budget", label: { vi: "Kinh phí", en: "Budget" } }],
      criteria: [
        ...defaultCriteriaSet.criteria,
        {
          kind: "gate" as const,
          id: "funded",
          label: { vi: "Có kinh phí", en: "Funded" },
          condition: { kind: "formula" as const, expression: "budget > 0" },
          eliminatory: true,
        },
      ],
    };
    const c = compileCriteriaSet(withFormula);
    if (!c.ok) throw new Error(c.error.message.en);
    const r = checkEligibility(
      c.value,
      { startDate: "2020-01-01", evidenceCount: 1, disciplined: false, indicators: {} },
      "2022-12-15",
    );
    expect(r.ok ? "ok" : r.error.code).toBe("SCORING.GATE_UNDECIDABLE");
  });
});

describe("round rules, at their edges", () => {
  it("replays a seed's draw exactly: recorded seeds must keep drawing the same panels", () => {
    const pool = ["a", "b", "c", "d", "e"].map((userId) => ({ userId, unitPath: `x/${userId}/` }));
    const models = [
      { modelId: "m0", ownerPath: "y/", assigned: ["a", "b"] },
      ...["m1", "m2", "m3"].map((modelId) => ({ modelId, ownerPath: "y/", assigned: [] })),
    ];
    expect(drawPanel({ seed: "2022", size: 2, models, pool })).toEqual({
      ok: true,
      value: [
        { modelId: "m0", reviewerIds: [] },
        { modelId: "m1", reviewerIds: ["c", "d"] },
        { modelId: "m2", reviewerIds: ["e", "b"] },
        { modelId: "m3", reviewerIds: ["d", "e"] },
      ],
    });
    const seven = ["m1", "m2", "m3", "m4", "m5", "m6", "m7"].map((modelId) => ({
      modelId,
      ownerPath: "y/",
      assigned: [],
    }));
    const draw = drawPanel({ seed: "2022", size: 2, models: seven, pool });
    expect(draw.ok && draw.value.map((d) => d.reviewerIds.join(""))).toEqual([
      "ca",
      "bd",
      "ed",
      "cb",
      "ea",
      "be",
      "da",
    ]);
  });

  it("draws from the same sequence for the same seed", () => {
    const next = seededPrng("2022");
    expect([next(), next(), next()]).toEqual([0.2139804584439844, 0.9969583877827972, 0.08891573618166149]);
  });

  it("keeps a reviewer already assigned elsewhere for last", () => {
    const pool = ["a", "b", "c"].map((userId) => ({ userId, unitPath: `x/${userId}/` }));
    // With nobody assigned, seed s1 draws a; with a already on m1's panel it draws someone else.
    const free = drawPanel({ seed: "s1", size: 1, models: [{ modelId: "m2", ownerPath: "y/", assigned: [] }], pool });
    expect(free.ok && free.value[0]?.reviewerIds).toEqual(["a"]);
    const loaded = drawPanel({
      seed: "s1",
      size: 1,
      models: [
        { modelId: "m1", ownerPath: "y/", assigned: ["a"] },
        { modelId: "m2", ownerPath: "y/", assigned: [] },
      ],
      pool,
    });
    expect(loaded.ok && loaded.value[1]?.reviewerIds).not.toEqual(["a"]);
  });

  it("draws nobody for a model whose panel is already over-full", () => {
    const pool = ["a", "b", "c"].map((userId) => ({ userId, unitPath: `x/${userId}/` }));
    const r = drawPanel({
      seed: "s",
      size: 1,
      models: [{ modelId: "m", ownerPath: "y/", assigned: ["a", "b"] }],
      pool,
    });
    expect(r).toEqual({ ok: true, value: [{ modelId: "m", reviewerIds: [] }] });
  });

  it("sees no conflict for a reviewer without a unit, whatever the model's path", () => {
    expect(hasConflictOfInterest(null, "null/x/")).toBe(false);
  });

  it("measures a rating's step from the scale's minimum", () => {
    const stepped = compileCriteriaSet({
      status: "draft",
      id: "s",
      name: { vi: "S", en: "S" },
      totalPoints: 10,
      scales: [{ id: "s", label: { vi: "1–7", en: "1–7" }, min: 1, max: 7, step: 3 }],
      criteria: [{ kind: "rating", id: "q", label: { vi: "Q", en: "Q" }, points: 10, scaleId: "s" }],
      tiers: [{ id: "t", label: { vi: "T", en: "T" }, min: 0 }],
    });
    if (!stepped.ok) throw new Error(stepped.error.message.en);
    expect(checkScorecard(stepped.value, { q: 4 }, {}, { commentsRequired: false })).toEqual({ ok: true, value: true });
    expect(checkScorecard(stepped.value, { q: 3 }, {}, { commentsRequired: false }).ok).toBe(false);
  });

  it("refuses a scorecard with one rating missing and one unknown, listing several of each", () => {
    const r = checkScorecard(compiled, { novelty: 31, effectiveness: 11, extra: 1 }, {}, { commentsRequired: false });
    expect(r).toEqual({
      ok: false,
      error: {
        code: "ROUND.SCORECARD_INCOMPLETE",
        message: {
          vi: "Phiếu chấm chưa hợp lệ: chưa chấm reach, theme; điểm ngoài thang novelty, effectiveness; tiêu chí không có trong bộ extra.",
          en: "The scorecard is not valid: not rated reach, theme; off the scale novelty, effectiveness; not in the set extra.",
        },
        details: {
          missing: ["reach", "theme"],
          offScale: ["novelty", "effectiveness"],
          uncommented: [],
          unknown: ["extra"],
        },
      },
    });
    const one = checkScorecard(
      compiled,
      { novelty: 20, effectiveness: 8, reach: 7, extra: 1 },
      {},
      { commentsRequired: false },
    );
    expect(one.ok ? null : one.error.message.en).toBe(
      "The scorecard is not valid: not rated theme; not in the set extra.",
    );
  });

  it("says just what is missing when nothing else is wrong", () => {
    const r = checkScorecard(compiled, { novelty: 20, effectiveness: 8, reach: 7 }, {}, { commentsRequired: false });
    expect(r.ok ? null : r.error.message).toEqual({
      vi: "Phiếu chấm chưa hợp lệ: chưa chấm theme.",
      en: "The scorecard is not valid: not rated theme.",
    });
  });

  it("defaults a round's settings to two reviewers, 2/3 quorum, 70 % approval and no required comments", () => {
    expect(RoundSettingsSchema.parse({})).toEqual({
      reviewersPerModel: 2,
      quorum: 2 / 3,
      approvalThreshold: 0.7,
      commentsRequired: false,
    });
  });
});

describe("round vocabularies", () => {
  it("knows exactly the six round statuses, in the order a round takes them", () => {
    expect(RoundStatusSchema.options).toEqual([
      "draft",
      "self-assessment",
      "review",
      "council",
      "finalized",
      "published",
    ]);
  });

  it("knows exactly the five steps that move a round", () => {
    expect(RoundStepSchema.options).toEqual([
      "open-self-assessment",
      "open-review",
      "open-council",
      "finalize",
      "publish",
    ]);
  });
});
