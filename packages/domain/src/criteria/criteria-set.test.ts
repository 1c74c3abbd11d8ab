import { describe, expect, it } from "vitest";
import type { CriteriaSetDraft } from "./criteria-set.js";
import { defaultCriteriaSet } from "./default-criteria-set.js";
import { diffCriteriaSets } from "./diff-criteria-sets.js";
import { createDraftFromCriteriaSet, publishCriteriaSet } from "./publish-criteria-set.js";
import { validateCriteriaSet } from "./validate-criteria-set.js";

/** A mutable deep copy of the default set, changed by `edit`. */
const variant = (edit: (draft: CriteriaSetDraft) => void): CriteriaSetDraft => {
  const copy = JSON.parse(JSON.stringify(defaultCriteriaSet)) as CriteriaSetDraft;
  edit(copy);
  return copy;
};
const find = (draft: CriteriaSetDraft, id: string) => {
  const node = draft.criteria.find((c) => c.id === id);
  if (node === undefined) throw new Error(id);
  return node as Record<string, unknown>;
};
const issuesOf = (input: unknown) => {
  const r = validateCriteriaSet(input);
  if (r.ok) return [];
  return ((r.error.details?.issues ?? []) as Array<{ code: string; details?: Record<string, unknown> }>).map((i) => ({
    code: i.code,
    ...i.details,
  }));
};

describe("validateCriteriaSet", () => {
  it("accepts the default set of GLOSSARY.md", () => {
    expect(validateCriteriaSet(defaultCriteriaSet).ok).toBe(true);
  });

  it("reports a declared total that differs from the criteria, with both numbers", () => {
    const r = validateCriteriaSet(variant((d) => (d.totalPoints = 95)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("CRITERIA.INVALID");
    const [issue] = (r.error.details?.issues ?? []) as Array<{
      code: string;
      message: { en: string };
      details: unknown;
    }>;
    expect(issue?.code).toBe("CRITERIA.POINTS_MISMATCH");
    expect(issue?.message.en).toBe("The declared total is 95 points but the criteria add up to 100");
    expect(issue?.details).toMatchObject({ declared: 95, sum: 100 });
  });

  it("refuses a mistyped key instead of dropping it, naming the path and the key meant", () => {
    // Dropped, `eliminatry: false` would leave the gate eliminatory (the default) and `quota`
    // would leave the set without a quota, and both would come back valid.
    const r = validateCriteriaSet(
      variant((d) => {
        Object.assign(find(d, "running-12-months"), { eliminatry: false });
        Object.assign(d, { quota: d.quotas });
      }),
    );
    expect(r.ok ? "ok" : r.error.code).toBe("CRITERIA.SHAPE");
    expect(r.ok ? [] : r.error.details?.issues).toEqual([
      {
        path: "criteria.0.eliminatry",
        code: "UNKNOWN_KEY",
        key: "eliminatry",
        suggestion: "eliminatory",
        message: "Unknown key 'eliminatry' (did you mean 'eliminatory'?)",
        messageVi: "Khóa 'eliminatry' không có trong cấu trúc (có phải 'eliminatory'?)",
      },
      {
        path: "quota",
        code: "UNKNOWN_KEY",
        key: "quota",
        suggestion: "quotas",
        message: "Unknown key 'quota' (did you mean 'quotas'?)",
        messageVi: "Khóa 'quota' không có trong cấu trúc (có phải 'quotas'?)",
      },
    ]);
  });

  it("refuses an unknown key deep in a rule, a scale band or the aggregation settings", () => {
    const r = validateCriteriaSet(
      variant((d) => {
        const replicability = find(d, "replicability") as { rule: Record<string, unknown> };
        Object.assign(replicability.rule, { step: [] });
        Object.assign(d.scales[0]?.bands[0] ?? {}, { mni: 1 });
        Object.assign(d.aggregation.calibration, { minRatings: 3 });
      }),
    );
    const issues = (r.ok ? [] : (r.error.details?.issues as Array<{ path: string; suggestion: string | null }>)) ?? [];
    expect(issues.map((i) => [i.path, i.suggestion])).toEqual([
      ["scales.0.bands.0.mni", "min"],
      ["criteria.5.rule.step", "steps"],
      ["aggregation.calibration.minRatings", null],
    ]);
  });

  it("reports malformed JSON as a shape error", () => {
    const r = validateCriteriaSet({ status: "draft", id: "x" });
    expect(r.ok ? "ok" : r.error.code).toBe("CRITERIA.SHAPE");
  });

  it("counts the shape issues in its message", () => {
    const r = validateCriteriaSet({ status: "draft", id: "x" });
    expect(r.ok ? null : [r.error.message, (r.error.details?.issues as unknown[] | undefined)?.length]).toEqual([
      {
        vi: "Bộ tiêu chí không đúng cấu trúc (4 lỗi)",
        en: "The criteria set is malformed (4 issue(s))",
      },
      4,
    ]);
  });

  it.each<[string, (d: CriteriaSetDraft) => void, Record<string, unknown>]>([
    [
      "overlapping bands",
      (d) => {
        const bands = d.scales[0]?.bands ?? [];
        if (bands[2]) bands[2].max = 21;
      },
      { code: "CRITERIA.BANDS_OVERLAP", bands: ["medium", "substantial"] },
    ],
    [
      "a band outside its scale",
      (d) => {
        const bands = d.scales[0]?.bands ?? [];
        if (bands[4]) bands[4].max = 31;
      },
      { code: "CRITERIA.BAND_OUTSIDE_SCALE", band: [27, 31], scale: [0, 30] },
    ],
    [
      "a step that does not divide the scale",
      (d) => {
        if (d.scales[0]) d.scales[0].step = 7;
      },
      { code: "CRITERIA.SCALE_STEP" },
    ],
    ["unordered tiers", (d) => d.tiers.reverse(), { code: "CRITERIA.TIERS_NOT_ORDERED" }],
    ["tiers that leave low totals without a tier", (d) => d.tiers.pop(), { code: "CRITERIA.TIERS_NOT_FROM_ZERO" }],
    [
      "a duplicate criterion id",
      (d) => (find(d, "reach").id = "novelty"),
      { code: "CRITERIA.DUPLICATE_ID", id: "novelty" },
    ],
    [
      "a formula that does not parse",
      (d) => (find(d, "sustainability").expression = "min(10, 2.5 × months_running ÷)"),
      { code: "FORMULA.UNEXPECTED_TOKEN", criterionId: "sustainability", line: 1, column: 31 },
    ],
    [
      "a formula reading an unknown input",
      (d) => (find(d, "sustainability").expression = "min(10, years * 2.5)"),
      { code: "FORMULA.UNKNOWN_INPUT", criterionId: "sustainability", column: 9 },
    ],
    [
      "a formula criterion that yields true/false",
      (d) => (find(d, "sustainability").expression = "months_running > 12"),
      { code: "CRITERIA.FORMULA_NOT_NUMBER" },
    ],
    [
      "an unknown scale",
      (d) => (find(d, "reach").scaleId = "nope"),
      { code: "CRITERIA.UNKNOWN_SCALE", scaleId: "nope" },
    ],
    [
      "an indicator rule reading an undeclared input",
      (d) => ((find(d, "replicability").rule as { input: string }).input = "votes"),
      { code: "CRITERIA.UNKNOWN_INPUT", input: "votes" },
    ],
    [
      "a threshold worth more than the criterion",
      (d) => {
        const rule = find(d, "replicability").rule as { steps: Array<{ points: number }> };
        if (rule.steps[2]) rule.steps[2].points = 25;
      },
      { code: "CRITERIA.THRESHOLD_ABOVE_POINTS" },
    ],
    [
      "an unknown tie-break criterion",
      (d) => d.tieBreaks.push({ criterionId: "running-12-months", direction: "desc" }),
      { code: "CRITERIA.UNKNOWN_TIE_BREAK" },
    ],
    [
      "a quota capping a lower tier by a higher one",
      (d) => d.quotas.push({ kind: "share-of-tier", tierId: "pass", ofTierId: "good", percent: 10, scope: "round" }),
      { code: "CRITERIA.QUOTA_ORDER" },
    ],
    [
      "mixed points and weights",
      (d) => {
        const reach = find(d, "reach");
        delete reach.points;
        reach.weight = 15;
      },
      { code: "CRITERIA.MIXED_ALLOCATION" },
    ],
    [
      "points with more than three decimals",
      (d) => (d.totalPoints = 100.0001),
      { code: "CRITERIA.NOT_EXACT", path: "totalPoints" },
    ],
    [
      "an input code that shadows a fact",
      (d) => d.inputs.push({ code: "months_running", label: { vi: "x", en: "x" } }),
      { code: "CRITERIA.RESERVED_INPUT" },
    ],
  ])("rejects %s", (_name, edit, expected) => {
    expect(issuesOf(variant(edit))).toContainEqual(expect.objectContaining(expected));
  });

  it("accepts weights that add up to 100 and derives the points", () => {
    const weighted = variant((d) => {
      for (const node of d.criteria) {
        const c = node as Record<string, unknown>;
        if (typeof c.points === "number") {
          c.weight = c.points;
          delete c.points;
        }
      }
    });
    expect(validateCriteriaSet(weighted).ok).toBe(true);
    const broken = variant((d) => {
      for (const node of d.criteria) {
        const c = node as Record<string, unknown>;
        if (typeof c.points === "number") {
          c.weight = c.id === "theme" ? 10 : c.points;
          delete c.points;
        }
      }
    });
    expect(issuesOf(broken)).toContainEqual(expect.objectContaining({ code: "CRITERIA.WEIGHTS_NOT_100", sum: 105 }));
  });

  it("checks a group's declared points against its criteria", () => {
    const grouped = variant((d) => {
      const [g1, g2, g3, novelty, effectiveness, ...rest] = d.criteria;
      d.criteria = [
        g1,
        g2,
        g3,
        {
          kind: "group",
          id: "quality",
          label: { vi: "Chất lượng", en: "Quality" },
          points: 45,
          children: [novelty, effectiveness],
        },
        ...rest,
      ] as CriteriaSetDraft["criteria"];
    });
    expect(issuesOf(grouped)).toContainEqual(
      expect.objectContaining({ code: "CRITERIA.GROUP_POINTS_MISMATCH", declared: 45, sum: 50 }),
    );
  });
});

describe("publishing", () => {
  it("freezes a published version and edits through a new draft", () => {
    const v1 = publishCriteriaSet(defaultCriteriaSet, { version: 1, publishedAt: "2025-01-06T08:00:00+07:00" });
    if (!v1.ok) throw new Error(v1.error.message.en);
    expect(v1.value.status).toBe("published");
    expect(Object.isFrozen(v1.value)).toBe(true);
    expect(Object.isFrozen(v1.value.criteria[3])).toBe(true);
    expect(() => {
      (v1.value as { totalPoints: number }).totalPoints = 1;
    }).toThrow(TypeError);

    const draft = createDraftFromCriteriaSet(v1.value);
    expect(draft).toMatchObject({ status: "draft", basedOnVersion: 1 });
    draft.totalPoints = 105;
    expect(v1.value.totalPoints).toBe(100);
    const again = publishCriteriaSet(
      { ...draft, totalPoints: 100 },
      { version: 1, publishedAt: "2025-02-01T00:00:00Z" },
    );
    expect(again.ok ? "ok" : again.error.code).toBe("CRITERIA.VERSION_NOT_INCREASING");
  });

  it("refuses to publish an invalid draft", () => {
    const r = publishCriteriaSet(
      variant((d) => (d.totalPoints = 90)),
      { version: 1, publishedAt: "2025-01-01T00:00:00Z" },
    );
    expect(r.ok ? "ok" : r.error.code).toBe("CRITERIA.INVALID");
  });
});

describe("diffCriteriaSets", () => {
  it("describes added, removed and changed criteria, bands, tiers and settings", () => {
    const next = variant((d) => {
      find(d, "novelty").points = 25;
      find(d, "reach").points = 10;
      d.criteria = d.criteria.filter((c) => c.id !== "evidence-attached");
      d.criteria.push({
        kind: "gate",
        id: "has-report",
        label: { vi: "Có báo cáo tổng kết", en: "Final report filed" },
        condition: { kind: "evidence", atLeast: 2 },
        eliminatory: false,
      });
      const bands = d.scales[0]?.bands ?? [];
      if (bands[4]) bands[4].min = 28;
      if (bands[3]) bands[3].max = 27;
      if (d.tiers[0]) d.tiers[0].min = 85;
    });
    const changes = diffCriteriaSets(defaultCriteriaSet, next);
    const summary = changes.map((c) => [c.entity, c.change, c.id, c.field ?? null]);
    expect(summary).toEqual([
      ["gate", "removed", "evidence-attached", null],
      ["criterion", "changed", "novelty", "points"],
      ["criterion", "changed", "reach", "points"],
      ["gate", "added", "has-report", null],
      ["band", "changed", "novelty-30/substantial", "max"],
      ["band", "changed", "novelty-30/entirely-new", "min"],
      ["tier", "changed", "excellent", "min"],
    ]);
    expect(changes[1]?.message).toEqual({
      vi: "Tiêu chí 'Tính mới, sáng tạo': điểm tối đa 20 → 25",
      en: "Criterion 'Novelty and creativity': points 20 → 25",
    });
    expect(changes[3]?.message.vi).toBe("Thêm điều kiện 'Có báo cáo tổng kết'");
    expect(changes[6]?.message.en).toBe("Tier 'Outstanding exemplary': min 90 → 85");
  });

  it("is empty between identical sets", () => {
    expect(
      diffCriteriaSets(
        defaultCriteriaSet,
        variant(() => {}),
      ),
    ).toEqual([]);
  });
});
