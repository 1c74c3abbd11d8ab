import { describe, expect, it } from "vitest";
import type { CriteriaSetDraft } from "./criteria-set.js";
import { defaultCriteriaSet } from "./default-criteria-set.js";
import { validateCriteriaSet } from "./validate-criteria-set.js";

// Every issue compileCriteriaSet reports, each from one change to the default set, with
// its code, both messages and its details: what the criteria editor shows an admin.
type Json = any;
const variant = (edit: (d: Json) => void): CriteriaSetDraft => {
  const copy = JSON.parse(JSON.stringify(defaultCriteriaSet));
  edit(copy);
  return copy;
};
const issuesOf = (set: CriteriaSetDraft) => {
  const r = validateCriteriaSet(set);
  return r.ok ? [] : (r.error.details?.issues ?? []);
};

describe("compileCriteriaSet's issues, word for word", () => {
  it("reports a duplicate input code", () => {
    const set = variant((d) => {
      d.inputs.push({ ...d.inputs[0] });
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.DUPLICATE_ID",
        message: { vi: "Trùng mã đầu vào 'adopters'", en: "Duplicate input code 'adopters'" },
        details: { path: "inputs.adopters", id: "adopters" },
      },
    ]);
  });

  it("reports a reserved input code", () => {
    const set = variant((d) => {
      d.inputs.push({ code: "months_running", label: d.inputs[0].label });
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.RESERVED_INPUT",
        message: { vi: "Mã 'months_running' đã được dành riêng", en: "The code 'months_running' is reserved" },
        details: { path: "inputs.months_running", id: "months_running" },
      },
    ]);
  });

  it("reports the input code __proto__ as reserved", () => {
    const set = variant((d) => {
      d.inputs.push({ code: "__proto__", label: d.inputs[0].label });
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.RESERVED_INPUT",
        message: { vi: "Mã '__proto__' đã được dành riêng", en: "The code '__proto__' is reserved" },
        details: { path: "inputs.__proto__", id: "__proto__" },
      },
    ]);
  });

  it("reports a scale bound with four decimals", () => {
    const set = variant((d) => {
      d.scales[0].max = 30.0001;
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.NOT_EXACT",
        message: {
          vi: "Giá trị 30.0001 tại scales.novelty-30.max phải có tối đa 3 chữ số thập phân và không quá 100000",
          en: "The value 30.0001 at scales.novelty-30.max must have at most 3 decimals and magnitude at most 100000",
        },
        details: { path: "scales.novelty-30.max", value: 30.0001 },
      },
      {
        code: "CRITERIA.SCALE_EMPTY",
        message: { vi: "Thang 'novelty-30': min phải nhỏ hơn max", en: "Scale 'novelty-30': min must be below max" },
        details: { path: "scales.novelty-30", min: 0, max: 30.0001 },
      },
      {
        code: "CRITERIA.BAND_OUTSIDE_SCALE",
        message: {
          vi: "Mức 'minor' (1–15) nằm ngoài thang 0–30.0001",
          en: "Band 'minor' (1–15) lies outside the scale 0–30.0001",
        },
        details: { path: "scales.novelty-30.bands.minor", band: [1, 15], scale: [0, 30.0001] },
      },
      {
        code: "CRITERIA.BAND_OUTSIDE_SCALE",
        message: {
          vi: "Mức 'medium' (16–20) nằm ngoài thang 0–30.0001",
          en: "Band 'medium' (16–20) lies outside the scale 0–30.0001",
        },
        details: { path: "scales.novelty-30.bands.medium", band: [16, 20], scale: [0, 30.0001] },
      },
      {
        code: "CRITERIA.BAND_OUTSIDE_SCALE",
        message: {
          vi: "Mức 'substantial' (21–26) nằm ngoài thang 0–30.0001",
          en: "Band 'substantial' (21–26) lies outside the scale 0–30.0001",
        },
        details: { path: "scales.novelty-30.bands.substantial", band: [21, 26], scale: [0, 30.0001] },
      },
      {
        code: "CRITERIA.BAND_OUTSIDE_SCALE",
        message: {
          vi: "Mức 'entirely-new' (27–30) nằm ngoài thang 0–30.0001",
          en: "Band 'entirely-new' (27–30) lies outside the scale 0–30.0001",
        },
        details: { path: "scales.novelty-30.bands.entirely-new", band: [27, 30], scale: [0, 30.0001] },
      },
    ]);
  });

  it("reports a duplicate scale id", () => {
    const set = variant((d) => {
      d.scales.push({ ...d.scales[0], bands: [] });
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.DUPLICATE_ID",
        message: { vi: "Trùng mã thang điểm 'novelty-30'", en: "Duplicate scale id 'novelty-30'" },
        details: { path: "scales.novelty-30", id: "novelty-30" },
      },
    ]);
  });

  it("reports an empty scale", () => {
    const set = variant((d) => {
      d.scales[0].min = 30;
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.SCALE_EMPTY",
        message: { vi: "Thang 'novelty-30': min phải nhỏ hơn max", en: "Scale 'novelty-30': min must be below max" },
        details: { path: "scales.novelty-30", min: 30, max: 30 },
      },
      {
        code: "CRITERIA.BAND_OUTSIDE_SCALE",
        message: { vi: "Mức 'none' (0–0) nằm ngoài thang 30–30", en: "Band 'none' (0–0) lies outside the scale 30–30" },
        details: { path: "scales.novelty-30.bands.none", band: [0, 0], scale: [30, 30] },
      },
      {
        code: "CRITERIA.BAND_OUTSIDE_SCALE",
        message: {
          vi: "Mức 'minor' (1–15) nằm ngoài thang 30–30",
          en: "Band 'minor' (1–15) lies outside the scale 30–30",
        },
        details: { path: "scales.novelty-30.bands.minor", band: [1, 15], scale: [30, 30] },
      },
      {
        code: "CRITERIA.BAND_OUTSIDE_SCALE",
        message: {
          vi: "Mức 'medium' (16–20) nằm ngoài thang 30–30",
          en: "Band 'medium' (16–20) lies outside the scale 30–30",
        },
        details: { path: "scales.novelty-30.bands.medium", band: [16, 20], scale: [30, 30] },
      },
      {
        code: "CRITERIA.BAND_OUTSIDE_SCALE",
        message: {
          vi: "Mức 'substantial' (21–26) nằm ngoài thang 30–30",
          en: "Band 'substantial' (21–26) lies outside the scale 30–30",
        },
        details: { path: "scales.novelty-30.bands.substantial", band: [21, 26], scale: [30, 30] },
      },
      {
        code: "CRITERIA.BAND_OUTSIDE_SCALE",
        message: {
          vi: "Mức 'entirely-new' (27–30) nằm ngoài thang 30–30",
          en: "Band 'entirely-new' (27–30) lies outside the scale 30–30",
        },
        details: { path: "scales.novelty-30.bands.entirely-new", band: [27, 30], scale: [30, 30] },
      },
    ]);
  });

  it("reports a step that does not divide its scale", () => {
    const set = variant((d) => {
      d.scales[0].step = 7;
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.SCALE_STEP",
        message: {
          vi: "Thang 'novelty-30': bước 7 không chia hết khoảng 0–30",
          en: "Scale 'novelty-30': step 7 does not divide 0–30",
        },
        details: { path: "scales.novelty-30", step: 7 },
      },
    ]);
  });

  it("reports a duplicate band id", () => {
    const set = variant((d) => {
      d.scales[0].bands[1].id = d.scales[0].bands[0].id;
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.DUPLICATE_ID",
        message: { vi: "Trùng mã mức 'none'", en: "Duplicate band id 'none'" },
        details: { path: "scales.novelty-30.bands.none", id: "none" },
      },
    ]);
  });

  it("reports an inverted band", () => {
    const set = variant((d) => {
      d.scales[0].bands[1].min = 16;
      d.scales[0].bands[1].max = 1;
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.BAND_INVERTED",
        message: { vi: "Mức 'minor': 16 lớn hơn 1", en: "Band 'minor': 16 is above 1" },
        details: { path: "scales.novelty-30.bands.minor" },
      },
    ]);
  });

  it("reports a band outside its scale", () => {
    const set = variant((d) => {
      d.scales[0].bands[4].max = 31;
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.BAND_OUTSIDE_SCALE",
        message: {
          vi: "Mức 'entirely-new' (27–31) nằm ngoài thang 0–30",
          en: "Band 'entirely-new' (27–31) lies outside the scale 0–30",
        },
        details: { path: "scales.novelty-30.bands.entirely-new", band: [27, 31], scale: [0, 30] },
      },
    ]);
  });

  it("reports overlapping bands", () => {
    const set = variant((d) => {
      d.scales[0].bands[2].max = 21;
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.BANDS_OVERLAP",
        message: {
          vi: "Mức 'medium' (16–21) chồng lên mức 'substantial' (21–26)",
          en: "Band 'medium' (16–21) overlaps band 'substantial' (21–26)",
        },
        details: { path: "scales.novelty-30", bands: ["medium", "substantial"] },
      },
    ]);
  });

  it("reports groups nested too deep", () => {
    const set = variant((d) => {
      let node = d.criteria.find((c: Json) => c.id === "novelty");
      for (let i = 0; i < 6; i++) node = { kind: "group", id: `g${i}`, label: node.label, children: [node] };
      d.criteria = d.criteria.filter((c: Json) => c.id !== "novelty");
      d.criteria.push(node);
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.TOO_DEEP",
        message: { vi: "Nhóm lồng quá 6 mức", en: "Groups nest deeper than 6" },
        details: { path: "g5.g4.g3.g2.g1.g0" },
      },
      {
        code: "CRITERIA.POINTS_MISMATCH",
        message: {
          vi: "Tổng điểm khai báo là 100 nhưng các tiêu chí cộng lại 80",
          en: "The declared total is 100 points but the criteria add up to 80",
        },
        details: { path: "totalPoints", declared: 100, sum: 80 },
      },
      {
        code: "CRITERIA.UNKNOWN_TIE_BREAK",
        message: {
          vi: "Tiêu chí phân hạng 'novelty' không phải tiêu chí có điểm của bộ",
          en: "Tie-break 'novelty' is not a scored criterion of the set",
        },
        details: { path: "tieBreaks.1" },
      },
    ]);
  });

  it("reports a duplicate criterion id", () => {
    const set = variant((d) => {
      d.criteria.push({ ...d.criteria.find((c: Json) => c.id === "reach") });
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.DUPLICATE_ID",
        message: { vi: "Trùng mã tiêu chí 'reach'", en: "Duplicate criterion id 'reach'" },
        details: { path: "reach", id: "reach" },
      },
      {
        code: "CRITERIA.POINTS_MISMATCH",
        message: {
          vi: "Tổng điểm khai báo là 100 nhưng các tiêu chí cộng lại 115",
          en: "The declared total is 100 points but the criteria add up to 115",
        },
        details: { path: "totalPoints", declared: 100, sum: 115 },
      },
    ]);
  });

  it("reports a gate reading an undeclared input", () => {
    const set = variant((d) => {
      d.criteria.push({
        kind: "gate",
        id: "g",
        label: d.criteria[0].label,
        condition: { kind: "indicator", input: "budget", op: ">", value: 0 },
      });
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.UNKNOWN_INPUT",
        message: {
          vi: "Điều kiện 'g' dùng chỉ tiêu chưa khai báo 'budget'",
          en: "Gate 'g' reads the undeclared input 'budget'",
        },
        details: { path: "g", input: "budget" },
      },
    ]);
  });

  it("reports a gate formula that is a number", () => {
    const set = variant((d) => {
      d.criteria.push({
        kind: "gate",
        id: "g",
        label: d.criteria[0].label,
        condition: { kind: "formula", expression: "evidence_count + 1" },
      });
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.GATE_NOT_BOOLEAN",
        message: { vi: "Công thức của 'g' phải cho đúng/sai", en: "The formula of 'g' must give true or false" },
        details: { path: "g", criterionId: "g" },
      },
    ]);
  });

  it("reports a criterion formula that is true or false", () => {
    const set = variant((d) => {
      d.criteria.find((c: Json) => c.id === "sustainability").expression = "months_running > 12";
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.FORMULA_NOT_NUMBER",
        message: {
          vi: "Công thức của 'sustainability' phải cho một số",
          en: "The formula of 'sustainability' must give a number",
        },
        details: { path: "sustainability", criterionId: "sustainability" },
      },
    ]);
  });

  it("reports a criterion with both points and a weight", () => {
    const set = variant((d) => {
      d.criteria.find((c: Json) => c.id === "theme").weight = 5;
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.ALLOCATION",
        message: {
          vi: "Tiêu chí 'theme' phải có đúng một trong: điểm tối đa hoặc trọng số",
          en: "Criterion 'theme' needs exactly one of points or weight",
        },
        details: { path: "theme" },
      },
      {
        code: "CRITERIA.MIXED_ALLOCATION",
        message: {
          vi: "Một bộ tiêu chí dùng điểm tối đa hoặc trọng số, không trộn cả hai",
          en: "A criteria set uses either points or weights, not both",
        },
        details: { path: "criteria" },
      },
      {
        code: "CRITERIA.THRESHOLD_ABOVE_POINTS",
        message: {
          vi: "Tiêu chí 'replicability': ngưỡng cho 8 điểm, vượt tối đa 0",
          en: "Criterion 'replicability': a step gives 8 points, above the maximum 0",
        },
        details: { path: "replicability.rule.steps.0" },
      },
      {
        code: "CRITERIA.THRESHOLD_ABOVE_POINTS",
        message: {
          vi: "Tiêu chí 'replicability': ngưỡng cho 14 điểm, vượt tối đa 0",
          en: "Criterion 'replicability': a step gives 14 points, above the maximum 0",
        },
        details: { path: "replicability.rule.steps.1" },
      },
      {
        code: "CRITERIA.THRESHOLD_ABOVE_POINTS",
        message: {
          vi: "Tiêu chí 'replicability': ngưỡng cho 20 điểm, vượt tối đa 0",
          en: "Criterion 'replicability': a step gives 20 points, above the maximum 0",
        },
        details: { path: "replicability.rule.steps.2" },
      },
    ]);
  });

  it("reports points and weights mixed", () => {
    const set = variant((d) => {
      const t = d.criteria.find((c: Json) => c.id === "theme");
      delete t.points;
      t.weight = 5;
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.MIXED_ALLOCATION",
        message: {
          vi: "Một bộ tiêu chí dùng điểm tối đa hoặc trọng số, không trộn cả hai",
          en: "A criteria set uses either points or weights, not both",
        },
        details: { path: "criteria" },
      },
      {
        code: "CRITERIA.THRESHOLD_ABOVE_POINTS",
        message: {
          vi: "Tiêu chí 'replicability': ngưỡng cho 8 điểm, vượt tối đa 0",
          en: "Criterion 'replicability': a step gives 8 points, above the maximum 0",
        },
        details: { path: "replicability.rule.steps.0" },
      },
      {
        code: "CRITERIA.THRESHOLD_ABOVE_POINTS",
        message: {
          vi: "Tiêu chí 'replicability': ngưỡng cho 14 điểm, vượt tối đa 0",
          en: "Criterion 'replicability': a step gives 14 points, above the maximum 0",
        },
        details: { path: "replicability.rule.steps.1" },
      },
      {
        code: "CRITERIA.THRESHOLD_ABOVE_POINTS",
        message: {
          vi: "Tiêu chí 'replicability': ngưỡng cho 20 điểm, vượt tối đa 0",
          en: "Criterion 'replicability': a step gives 20 points, above the maximum 0",
        },
        details: { path: "replicability.rule.steps.2" },
      },
    ]);
  });

  it("reports weights that do not add up to 100", () => {
    const set = variant((d) => {
      for (const c of d.criteria)
        if (c.kind !== "gate") {
          c.weight = c.points;
          delete c.points;
        }
      d.criteria.find((c: Json) => c.id === "theme").weight = 4;
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.WEIGHTS_NOT_100",
        message: { vi: "Tổng trọng số là 99%, phải bằng 100%", en: "Weights add up to 99%, they must add up to 100%" },
        details: { path: "criteria", sum: 99 },
      },
    ]);
  });

  it("reports a weight that gives points beyond 0.001", () => {
    const set = variant((d) => {
      d.totalPoints = 0.01;
      for (const c of d.criteria)
        if (c.kind !== "gate") {
          c.weight = c.points;
          delete c.points;
        }
      d.tiers = [{ ...d.tiers[3] }];
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.NOT_EXACT",
        message: {
          vi: "Trọng số của 'reach' không cho số điểm chính xác đến 0,001",
          en: "The weight of 'reach' does not give points exact to 0.001",
        },
        details: { path: "criteria.reach.weight" },
      },
      {
        code: "CRITERIA.NOT_EXACT",
        message: {
          vi: "Trọng số của 'theme' không cho số điểm chính xác đến 0,001",
          en: "The weight of 'theme' does not give points exact to 0.001",
        },
        details: { path: "criteria.theme.weight" },
      },
      {
        code: "CRITERIA.THRESHOLD_ABOVE_POINTS",
        message: {
          vi: "Tiêu chí 'replicability': ngưỡng cho 8 điểm, vượt tối đa 0.002",
          en: "Criterion 'replicability': a step gives 8 points, above the maximum 0.002",
        },
        details: { path: "replicability.rule.steps.0" },
      },
      {
        code: "CRITERIA.THRESHOLD_ABOVE_POINTS",
        message: {
          vi: "Tiêu chí 'replicability': ngưỡng cho 14 điểm, vượt tối đa 0.002",
          en: "Criterion 'replicability': a step gives 14 points, above the maximum 0.002",
        },
        details: { path: "replicability.rule.steps.1" },
      },
      {
        code: "CRITERIA.THRESHOLD_ABOVE_POINTS",
        message: {
          vi: "Tiêu chí 'replicability': ngưỡng cho 20 điểm, vượt tối đa 0.002",
          en: "Criterion 'replicability': a step gives 20 points, above the maximum 0.002",
        },
        details: { path: "replicability.rule.steps.2" },
      },
      {
        code: "CRITERIA.UNKNOWN_TIER",
        message: { vi: "Hạn mức dùng xếp loại không có 'excellent'", en: "A quota names the unknown tier 'excellent'" },
        details: { path: "quotas.0" },
      },
      {
        code: "CRITERIA.UNKNOWN_TIER",
        message: { vi: "Hạn mức dùng xếp loại không có 'good'", en: "A quota names the unknown tier 'good'" },
        details: { path: "quotas.0" },
      },
    ]);
  });

  it("reports a group whose points differ from its criteria", () => {
    const set = variant((d) => {
      const n = d.criteria.find((c: Json) => c.id === "novelty");
      d.criteria = d.criteria.filter((c: Json) => c.id !== "novelty");
      d.criteria.push({ kind: "group", id: "impact", label: n.label, points: 25, children: [n] });
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.GROUP_POINTS_MISMATCH",
        message: {
          vi: "Nhóm 'impact' khai báo 25 điểm nhưng các tiêu chí trong nhóm cộng lại 20",
          en: "Group 'impact' declares 25 points but its criteria add up to 20",
        },
        details: { path: "impact", declared: 25, sum: 20 },
      },
    ]);
  });

  it("reports an unknown scale", () => {
    const set = variant((d) => {
      d.criteria.find((c: Json) => c.id === "reach").scaleId = "nope";
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.UNKNOWN_SCALE",
        message: {
          vi: "Tiêu chí 'reach' dùng thang chưa khai báo 'nope'",
          en: "Criterion 'reach' uses the undeclared scale 'nope'",
        },
        details: { path: "reach", scaleId: "nope" },
      },
    ]);
  });

  it("reports an indicator reading an undeclared input", () => {
    const set = variant((d) => {
      d.criteria.find((c: Json) => c.id === "replicability").rule.input = "budget";
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.UNKNOWN_INPUT",
        message: {
          vi: "Tiêu chí 'replicability' dùng chỉ tiêu chưa khai báo 'budget'",
          en: "Criterion 'replicability' reads the undeclared input 'budget'",
        },
        details: { path: "replicability", input: "budget" },
      },
    ]);
  });

  it("reports an empty linear range", () => {
    const set = variant((d) => {
      d.criteria.find((c: Json) => c.id === "replicability").rule = {
        kind: "linear",
        input: "adopters",
        from: 3,
        to: 3,
      };
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.LINEAR_EMPTY_RANGE",
        message: {
          vi: "Tiêu chí 'replicability': khoảng tuyến tính rỗng",
          en: "Criterion 'replicability': the linear range is empty",
        },
        details: { path: "replicability" },
      },
    ]);
  });

  it("reports thresholds not increasing", () => {
    const set = variant((d) => {
      d.criteria.find((c: Json) => c.id === "replicability").rule.steps[1].atLeast = 1;
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.THRESHOLDS_NOT_ORDERED",
        message: {
          vi: "Tiêu chí 'replicability': các ngưỡng phải tăng dần",
          en: "Criterion 'replicability': thresholds must increase",
        },
        details: { path: "replicability.rule.steps.1" },
      },
    ]);
  });

  it("reports a threshold above the points", () => {
    const set = variant((d) => {
      d.criteria.find((c: Json) => c.id === "replicability").rule.steps[2].points = 21;
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.THRESHOLD_ABOVE_POINTS",
        message: {
          vi: "Tiêu chí 'replicability': ngưỡng cho 21 điểm, vượt tối đa 20",
          en: "Criterion 'replicability': a step gives 21 points, above the maximum 20",
        },
        details: { path: "replicability.rule.steps.2" },
      },
    ]);
  });

  it("reports formulas reading each other", () => {
    const set = variant((d) => {
      d.criteria.find((c: Json) => c.id === "sustainability").expression = 'points("sustainability")';
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.FORMULA_CYCLE",
        message: {
          vi: "Các công thức đọc lẫn nhau thành vòng: sustainability → sustainability",
          en: "Formulas read each other in a cycle: sustainability → sustainability",
        },
        details: { path: "sustainability", criterionId: "sustainability", cycle: ["sustainability", "sustainability"] },
      },
    ]);
  });

  it("reports a duplicate tier id", () => {
    const set = variant((d) => {
      d.tiers[1].id = d.tiers[0].id;
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.DUPLICATE_ID",
        message: { vi: "Trùng mã xếp loại 'excellent'", en: "Duplicate tier id 'excellent'" },
        details: { path: "tiers.excellent", id: "excellent" },
      },
      {
        code: "CRITERIA.UNKNOWN_TIER",
        message: { vi: "Hạn mức dùng xếp loại không có 'good'", en: "A quota names the unknown tier 'good'" },
        details: { path: "quotas.0" },
      },
    ]);
  });

  it("reports tiers not from the highest down", () => {
    const set = variant((d) => {
      d.tiers[1].min = 95;
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.TIERS_NOT_ORDERED",
        message: {
          vi: "Các xếp loại phải xếp từ ngưỡng cao xuống thấp, không trùng ngưỡng",
          en: "Tiers must be listed from the highest threshold down, without equal thresholds",
        },
        details: { path: "tiers.good" },
      },
    ]);
  });

  it("reports a tier above the total", () => {
    const set = variant((d) => {
      d.tiers[0].min = 101;
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.TIER_ABOVE_TOTAL",
        message: {
          vi: "Ngưỡng xếp loại 'excellent' (101) vượt tổng điểm 100",
          en: "Tier 'excellent' starts at 101, above the total 100",
        },
        details: { path: "tiers.excellent" },
      },
    ]);
  });

  it("reports tiers not starting at 0", () => {
    const set = variant((d) => {
      d.tiers[3].min = 10;
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.TIERS_NOT_FROM_ZERO",
        message: {
          vi: "Xếp loại thấp nhất phải bắt đầu từ 0 (đang là 10) để mọi tổng điểm đều có xếp loại",
          en: "The lowest tier must start at 0 (it starts at 10) so every total has a tier",
        },
        details: { path: "tiers.fail" },
      },
    ]);
  });

  it("reports an unknown tie-break", () => {
    const set = variant((d) => {
      d.tieBreaks = [{ criterionId: "running-12-months" }];
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.UNKNOWN_TIE_BREAK",
        message: {
          vi: "Tiêu chí phân hạng 'running-12-months' không phải tiêu chí có điểm của bộ",
          en: "Tie-break 'running-12-months' is not a scored criterion of the set",
        },
        details: { path: "tieBreaks.0" },
      },
    ]);
  });

  it("reports a quota naming an unknown tier", () => {
    const set = variant((d) => {
      d.quotas[0].ofTierId = "great";
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.UNKNOWN_TIER",
        message: { vi: "Hạn mức dùng xếp loại không có 'great'", en: "A quota names the unknown tier 'great'" },
        details: { path: "quotas.0" },
      },
    ]);
  });

  it("reports a quota capping a tier against a higher one", () => {
    const set = variant((d) => {
      d.quotas[0] = { kind: "share-of-tier", tierId: "good", ofTierId: "excellent", percent: 20 };
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.QUOTA_ORDER",
        message: {
          vi: "Hạn mức: 'good' phải là xếp loại cao hơn 'excellent' (xếp loại được tính theo)",
          en: "Quota: 'good' must be a higher tier than 'excellent', the tier it is counted against",
        },
        details: { path: "quotas.0" },
      },
    ]);
  });

  it("reports a quota on the lowest tier", () => {
    const set = variant((d) => {
      d.quotas[0] = { kind: "share-of-qualified", tierId: "fail", percent: 20 };
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.QUOTA_ORDER",
        message: {
          vi: "Hạn mức không áp dụng cho xếp loại thấp nhất 'fail'",
          en: "A quota cannot cap the lowest tier 'fail'",
        },
        details: { path: "quotas.0" },
      },
    ]);
  });

  it("reports a disagreement gap with four decimals", () => {
    const set = variant((d) => {
      d.aggregation.disagreement = { criterionGap: 1.0001 };
    });
    expect(issuesOf(set)).toEqual([
      {
        code: "CRITERIA.NOT_EXACT",
        message: {
          vi: "Giá trị 1.0001 tại aggregation.disagreement.criterionGap phải có tối đa 3 chữ số thập phân và không quá 9007199254740.99",
          en: "The value 1.0001 at aggregation.disagreement.criterionGap must have at most 3 decimals and magnitude at most 9007199254740.99",
        },
        details: { path: "aggregation.disagreement.criterionGap", value: 1.0001 },
      },
    ]);
  });

  it("sums the issues up, naming the first", () => {
    const r = validateCriteriaSet(
      variant((d) => {
        d.inputs.push({ ...d.inputs[0] });
        d.tiers[0].min = 101;
      }),
    );
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual([
      "CRITERIA.INVALID",
      {
        vi: "Bộ tiêu chí có 2 lỗi; đầu tiên: Trùng mã đầu vào 'adopters'",
        en: "The criteria set has 2 issue(s); first: Duplicate input code 'adopters'",
      },
    ]);
  });
});

// Where an issue points: the editor highlights the field at `details.path`, so each
// kind of value names its own place, inside groups too.
describe("compileCriteriaSet's issues, at the value they are about", () => {
  type Listed = { code: string; message: { vi: string; en: string }; details: Record<string, unknown> };
  const listed = (set: CriteriaSetDraft) => issuesOf(set) as Listed[];
  const notExactPaths = (set: CriteriaSetDraft) =>
    listed(set)
      .filter((i) => i.code === "CRITERIA.NOT_EXACT")
      .map((i) => i.details.path);

  it("names a scale's min, step and band bounds when they have four decimals", () => {
    const set = variant((d) => {
      d.scales[2] = {
        ...d.scales[2],
        min: 0.0001,
        step: 1.0001,
        bands: [{ id: "all", label: d.scales[2].label, min: 0.0002, max: 4.9999 }],
      };
    });
    expect(notExactPaths(set)).toEqual([
      "scales.theme-5.min",
      "scales.theme-5.step",
      "scales.theme-5.bands.all.min",
      "scales.theme-5.bands.all.max",
    ]);
  });

  it("names a weight with four decimals", () => {
    const set = variant((d) => {
      for (const c of d.criteria) if (c.kind !== "gate") delete c.points;
      const weights: Record<string, number> = {
        novelty: 20.0001,
        effectiveness: 29.9999,
        replicability: 20,
        reach: 15,
        sustainability: 10,
        theme: 5,
      };
      for (const c of d.criteria) if (c.kind !== "gate") c.weight = weights[c.id];
      d.criteria.find((c: Json) => c.id === "replicability").rule.steps = [{ atLeast: 1, points: 8 }];
    });
    expect(notExactPaths(set)).toEqual(["criteria.novelty.weight", "criteria.effectiveness.weight"]);
  });

  it("names a threshold's points and a tier's min with four decimals", () => {
    const set = variant((d) => {
      d.criteria.find((c: Json) => c.id === "replicability").rule.steps[0].points = 8.0001;
      d.tiers[1].min = 70.0001;
    });
    expect(notExactPaths(set)).toEqual(["replicability.rule.steps.0.points", "tiers.good.min"]);
  });

  it("names the total disagreement gap with four decimals", () => {
    const set = variant((d) => {
      d.aggregation.disagreement = { totalGap: 10.0001 };
    });
    expect(notExactPaths(set)).toEqual(["aggregation.disagreement.totalGap"]);
  });

  it("names a criterion's points and a group's points inside their group", () => {
    const set = variant((d) => {
      const reach = d.criteria.find((c: Json) => c.id === "reach");
      reach.points = 15.0001;
      d.criteria = d.criteria.filter((c: Json) => c.id !== "reach");
      d.criteria.push({ kind: "group", id: "impact", label: reach.label, points: 15.0001, children: [reach] });
    });
    // A refused value counts as 0: the group agrees with its criterion, the set's total does not.
    expect(listed(set).map((i) => [i.code, i.details.path])).toEqual([
      ["CRITERIA.NOT_EXACT", "impact.reach.points"],
      ["CRITERIA.POINTS_MISMATCH", "totalPoints"],
      ["CRITERIA.NOT_EXACT", "impact.points"],
    ]);
  });

  it("names a criterion inside a group by its group path", () => {
    const set = variant((d) => {
      const reach = d.criteria.find((c: Json) => c.id === "reach");
      delete reach.points;
      reach.scaleId = "quality-100";
      d.criteria = d.criteria.filter((c: Json) => c.id !== "reach");
      d.criteria.push({ kind: "group", id: "impact", label: reach.label, children: [reach] });
    });
    expect(listed(set).map((i) => [i.code, i.details.path])).toEqual([
      ["CRITERIA.ALLOCATION", "impact.reach"],
      ["CRITERIA.POINTS_MISMATCH", "totalPoints"],
      ["CRITERIA.UNKNOWN_SCALE", "impact.reach"],
    ]);
  });

  it("reports a quota capping a tier against itself, pointing to the other base", () => {
    const set = variant((d) => {
      d.quotas[0].ofTierId = "excellent";
    });
    expect(listed(set)).toEqual([
      {
        code: "CRITERIA.QUOTA_SELF",
        message: {
          vi: `Hạn mức không thể giới hạn xếp loại 'excellent' theo chính nó; để giới hạn theo tỷ lệ trên số mô hình đủ điều kiện, dùng kind "share-of-qualified"`,
          en: `A quota cannot cap the tier 'excellent' against itself; to cap it at a share of the qualified models, use kind "share-of-qualified"`,
        },
        details: { path: "quotas.0", tierId: "excellent" },
      },
    ]);
  });

  it("reports a share-of-qualified quota naming an unknown tier", () => {
    const set = variant((d) => {
      d.quotas[0] = { kind: "share-of-qualified", tierId: "great", percent: 20 };
    });
    expect(listed(set)).toEqual([
      {
        code: "CRITERIA.UNKNOWN_TIER",
        message: { vi: "Hạn mức dùng xếp loại không có 'great'", en: "A quota names the unknown tier 'great'" },
        details: { path: "quotas.0" },
      },
    ]);
  });

  it("reports a gate formula reading a criterion, with its position", () => {
    const set = variant((d) => {
      d.criteria.push({
        kind: "gate",
        id: "g",
        label: d.criteria[0].label,
        condition: { kind: "formula", expression: 'points("reach") > 5' },
      });
    });
    const issues = listed(set);
    expect(issues.map((i) => [i.code, i.message])).toEqual([
      [
        "CRITERIA.GATE_REFERENCE",
        {
          vi: "Điều kiện 'g' được xét trước khi chấm điểm, nên không đọc được rating(), points() hay group_total() (dòng 1, cột 1)",
          en: "Gate 'g' is decided before any criterion is scored, so it cannot read rating(), points() or group_total() (line 1, column 1)",
        },
      ],
    ]);
    expect(issues[0]?.details).toMatchObject({ path: "g", criterionId: "g", line: 1, column: 1 });
  });

  it("reports a gate formula that does not parse as the formula error, not as a reference", () => {
    const set = variant((d) => {
      d.criteria.push({
        kind: "gate",
        id: "g",
        label: d.criteria[0].label,
        condition: { kind: "formula", expression: "evidence_count >" },
      });
    });
    const issues = listed(set);
    expect(issues.map((i) => i.code)).toEqual(["FORMULA.UNEXPECTED_END"]);
    expect(issues[0]?.details).toMatchObject({ path: "g", criterionId: "g" });
  });

  it("refuses rating() of a criterion that is not a rating", () => {
    const set = variant((d) => {
      d.criteria.find((c: Json) => c.id === "sustainability").expression = 'min(10, rating("replicability"))';
    });
    expect(listed(set).map((i) => [i.code, i.details.path])).toEqual([["FORMULA.UNKNOWN_REFERENCE", "sustainability"]]);
  });

  it("names only the criteria on a cycle, not the one that led to it, inside their group", () => {
    const set = variant((d) => {
      const sustainability = d.criteria.find((c: Json) => c.id === "sustainability");
      d.criteria = d.criteria.filter((c: Json) => c.id !== "sustainability");
      d.criteria.unshift({ ...sustainability, expression: 'min(10, points("a"))' });
      d.criteria.push({
        kind: "group",
        id: "loop",
        label: sustainability.label,
        children: [
          { kind: "formula", id: "a", label: sustainability.label, points: 0, expression: 'points("b")' },
          { kind: "formula", id: "b", label: sustainability.label, points: 0, expression: 'points("a")' },
        ],
      });
    });
    expect(listed(set).map((i) => [i.code, i.details])).toEqual([
      ["CRITERIA.FORMULA_CYCLE", { path: "loop.a", criterionId: "a", cycle: ["a", "b", "a"] }],
    ]);
  });

  it("refuses two tiers at the same threshold", () => {
    const set = variant((d) => {
      d.tiers[1].min = 90;
    });
    expect(listed(set).map((i) => [i.code, i.details.path])).toEqual([["CRITERIA.TIERS_NOT_ORDERED", "tiers.good"]]);
  });

  it("accepts a top tier starting at the total itself", () => {
    const set = variant((d) => {
      d.tiers[0].min = 100;
    });
    expect(listed(set)).toEqual([]);
  });

  it("accepts a group whose points equal its criteria's", () => {
    const set = variant((d) => {
      const reach = d.criteria.find((c: Json) => c.id === "reach");
      const theme = d.criteria.find((c: Json) => c.id === "theme");
      d.criteria = d.criteria.filter((c: Json) => c !== reach && c !== theme);
      d.criteria.push({ kind: "group", id: "impact", label: reach.label, points: 20, children: [reach, theme] });
    });
    expect(listed(set)).toEqual([]);
  });
});
