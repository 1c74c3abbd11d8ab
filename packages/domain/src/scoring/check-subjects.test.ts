import { describe, expect, it } from "vitest";
import { prepareSubjects } from "./check-subjects.js";

const valid = () => ({
  modelId: "m",
  unitId: "u",
  unitGroup: "g",
  registeredAt: "2024-01-01T00:00:00Z",
  facts: { startDate: "2020-01-01", evidenceCount: 1, disciplined: false, indicators: { adopters: 2 } },
  scorecards: [{ reviewerId: "r", role: "verifier", scores: { novelty: 20 } }],
});
const paths = (subjects: unknown) => {
  const r = prepareSubjects(subjects);
  return "code" in r ? ((r.details?.issues ?? []) as Array<{ path: string }>).map((i) => i.path) : [];
};

describe("prepareSubjects", () => {
  it("passes well-formed subjects through as they are", () => {
    const subjects = [valid(), { ...valid(), modelId: "n", unitGroup: undefined }];
    const r = prepareSubjects(subjects);
    expect("subjects" in r && r.subjects).toBe(subjects);
  });

  it("passes a subject with a self-assessment through as it is", () => {
    const withSelf = { ...valid(), scorecards: [...valid().scorecards, { reviewerId: "u", role: "self", scores: {} }] };
    const subjects = [withSelf];
    const r = prepareSubjects(subjects);
    expect("subjects" in r && r.subjects).toBe(subjects);
  });

  it("fills in what the schema defaults, in a copy", () => {
    const { scorecards: _cards, ...noCards } = valid();
    const subjects = [
      valid(),
      { ...noCards, facts: { startDate: "2020-01-01", evidenceCount: 0, disciplined: false } },
    ];
    const r = prepareSubjects(subjects);
    if ("code" in r) throw new Error(r.message.en);
    expect(r.subjects).not.toBe(subjects);
    expect(r.subjects[0]).toBe(subjects[0]);
    expect(r.subjects[1]).toMatchObject({ scorecards: [], facts: { indicators: {} } });
    const roleless = prepareSubjects([{ ...valid(), scorecards: [{ reviewerId: "r", scores: {} }] }]);
    expect("subjects" in roleless && roleless.subjects[0]?.scorecards[0]).toEqual({ reviewerId: "r", scores: {} });
  });

  it.each<[string, (s: ReturnType<typeof valid>) => unknown, string]>([
    ["a subject that is not an object", () => "m", "subjects.0"],
    ["an array for a subject", () => [], "subjects.0"],
    ["an unknown key", (s) => ({ ...s, title: "x" }), "subjects.0.title"],
    ["an empty model id", (s) => ({ ...s, modelId: "" }), "subjects.0.modelId"],
    ["a number for the unit id", (s) => ({ ...s, unitId: 7 }), "subjects.0.unitId"],
    ["an empty unit group", (s) => ({ ...s, unitGroup: "" }), "subjects.0.unitGroup"],
    ["a registration time that is not text", (s) => ({ ...s, registeredAt: 20240101 }), "subjects.0.registeredAt"],
    ["facts that are not an object", (s) => ({ ...s, facts: null }), "subjects.0.facts"],
    ["an unknown fact", (s) => ({ ...s, facts: { ...s.facts, budget: 1 } }), "subjects.0.facts.budget"],
    [
      "a start date that is not text",
      (s) => ({ ...s, facts: { ...s.facts, startDate: 2020 } }),
      "subjects.0.facts.startDate",
    ],
    [
      "a negative evidence count",
      (s) => ({ ...s, facts: { ...s.facts, evidenceCount: -1 } }),
      "subjects.0.facts.evidenceCount",
    ],
    ["a text flag", (s) => ({ ...s, facts: { ...s.facts, disciplined: "no" } }), "subjects.0.facts.disciplined"],
    [
      "a text indicator",
      (s) => ({ ...s, facts: { ...s.facts, indicators: { adopters: "2" } } }),
      "subjects.0.facts.indicators.adopters",
    ],
    [
      "indicators that are a list",
      (s) => ({ ...s, facts: { ...s.facts, indicators: [1] } }),
      "subjects.0.facts.indicators",
    ],
    ["scorecards that are not a list", (s) => ({ ...s, scorecards: {} }), "subjects.0.scorecards"],
    ["a scorecard that is not an object", (s) => ({ ...s, scorecards: [7] }), "subjects.0.scorecards.0"],
    [
      "an unknown scorecard key",
      (s) => ({ ...s, scorecards: [{ ...s.scorecards[0], comment: "x" }] }),
      "subjects.0.scorecards.0.comment",
    ],
    [
      "an empty reviewer id",
      (s) => ({ ...s, scorecards: [{ ...s.scorecards[0], reviewerId: "" }] }),
      "subjects.0.scorecards.0.reviewerId",
    ],
    [
      "an unknown role",
      (s) => ({ ...s, scorecards: [{ ...s.scorecards[0], role: "chair" }] }),
      "subjects.0.scorecards.0.role",
    ],
    [
      "scores that are not an object",
      (s) => ({ ...s, scorecards: [{ ...s.scorecards[0], scores: [20] }] }),
      "subjects.0.scorecards.0.scores",
    ],
  ])("refuses %s, naming its path", (_what, change, path) => {
    expect(paths([valid(), change(valid())]).map((p) => p.replace(/^subjects\.1/, "subjects.0"))).toContain(path);
  });

  it("refuses what is not a list of subjects", () => {
    const r = prepareSubjects({ 0: valid() });
    expect("code" in r ? [r.code, r.details?.issues] : null).toEqual([
      "SCORING.INVALID_INPUT",
      [
        {
          path: "subjects",
          message: "Expected an array of scoring subjects",
          messageVi: "Cần một mảng các đối tượng chấm điểm",
        },
      ],
    ]);
  });

  it("words the first problem in the Vietnamese message with zod's Vietnamese locale, not its English", () => {
    const { unitId: _dropped, ...withoutUnit } = valid();
    const r = prepareSubjects([withoutUnit]);
    expect("code" in r ? r.message.vi : null).toBe(
      "Dữ liệu chấm điểm không đúng cấu trúc (1 lỗi); đầu tiên tại subjects.0.unitId: Đầu vào không hợp lệ: mong đợi string, nhận được undefined",
    );
  });

  it("stops listing after a hundred problems", () => {
    expect(paths(Array.from({ length: 300 }, () => ({ ...valid(), modelId: "" }))).length).toBe(100);
  });
});
