import { describe, expect, it } from "vitest";
import type { CriteriaSetDraft } from "./criteria-set.js";
import { defaultCriteriaSet } from "./default-criteria-set.js";
import { diffCriteriaSets } from "./diff-criteria-sets.js";

// What an admin reads when comparing two versions, for each kind of change.
type Json = any;
const variant = (edit: (d: Json) => void): CriteriaSetDraft => {
  const copy = JSON.parse(JSON.stringify(defaultCriteriaSet));
  edit(copy);
  return copy;
};

describe("diffCriteriaSets, sentence by sentence", () => {
  it("finds nothing between a set and its copy", () => {
    expect(
      diffCriteriaSets(
        defaultCriteriaSet,
        variant(() => {}),
      ),
    ).toEqual([]);
  });

  it("describes a renamed criterion", () => {
    const next = variant((d) => {
      d.criteria.find((c: Json) => c.id === "reach").label = { vi: "Độ lan tỏa", en: "Spread" };
    });
    expect(diffCriteriaSets(defaultCriteriaSet, next)).toEqual([
      {
        entity: "criterion",
        change: "changed",
        id: "reach",
        field: "label",
        before: { vi: "Sức lan tỏa", en: "Reach" },
        after: { vi: "Độ lan tỏa", en: "Spread" },
        message: {
          vi: "Tiêu chí 'Độ lan tỏa': tên Sức lan tỏa → Độ lan tỏa",
          en: "Criterion 'Spread': label Reach → Spread",
        },
      },
    ]);
  });

  it("describes a criterion's points and scale", () => {
    const next = variant((d) => {
      const r = d.criteria.find((c: Json) => c.id === "reach");
      r.points = 10;
      r.scaleId = "theme-5";
    });
    expect(diffCriteriaSets(defaultCriteriaSet, next)).toEqual([
      {
        entity: "criterion",
        change: "changed",
        id: "reach",
        field: "points",
        before: 15,
        after: 10,
        message: { vi: "Tiêu chí 'Sức lan tỏa': điểm tối đa 15 → 10", en: "Criterion 'Reach': points 15 → 10" },
      },
      {
        entity: "criterion",
        change: "changed",
        id: "reach",
        field: "scaleId",
        before: "quality-10",
        after: "theme-5",
        message: {
          vi: 'Tiêu chí \'Sức lan tỏa\': thang điểm "quality-10" → "theme-5"',
          en: 'Criterion \'Reach\': scaleId "quality-10" → "theme-5"',
        },
      },
    ]);
  });

  it("describes an added and a removed criterion", () => {
    const next = variant((d) => {
      d.criteria = d.criteria.filter((c: Json) => c.id !== "theme");
      d.criteria.push({
        kind: "rating",
        id: "voice",
        label: { vi: "Tiếng nói", en: "Voice" },
        points: 5,
        scaleId: "theme-5",
      });
    });
    expect(diffCriteriaSets(defaultCriteriaSet, next)).toEqual([
      {
        entity: "criterion",
        change: "removed",
        id: "theme",
        message: {
          vi: "Bỏ tiêu chí 'Gắn chuyên đề, nhiệm vụ'",
          en: "Removed criterion 'Link to the annual theme and unit duties'",
        },
      },
      {
        entity: "criterion",
        change: "added",
        id: "voice",
        message: { vi: "Thêm tiêu chí 'Tiếng nói'", en: "Added criterion 'Voice'" },
      },
    ]);
  });

  it("describes a gate made non-eliminatory", () => {
    const next = variant((d) => {
      d.criteria.find((c: Json) => c.id === "evidence-attached").eliminatory = false;
    });
    expect(diffCriteriaSets(defaultCriteriaSet, next)).toEqual([
      {
        entity: "gate",
        change: "changed",
        id: "evidence-attached",
        field: "eliminatory",
        before: true,
        after: false,
        message: {
          vi: "Điều kiện 'Có minh chứng kèm theo': tính loại trừ true → false",
          en: "Gate 'Evidence attached': eliminatory true → false",
        },
      },
    ]);
  });

  it("describes a criterion moved into a new group", () => {
    const next = variant((d) => {
      const n = d.criteria.find((c: Json) => c.id === "novelty");
      d.criteria = d.criteria.filter((c: Json) => c.id !== "novelty");
      d.criteria.push({ kind: "group", id: "impact", label: { vi: "Tác động", en: "Impact" }, children: [n] });
    });
    expect(diffCriteriaSets(defaultCriteriaSet, next)).toEqual([
      {
        entity: "group",
        change: "added",
        id: "impact",
        message: { vi: "Thêm nhóm 'Tác động'", en: "Added group 'Impact'" },
      },
      {
        entity: "criterion",
        change: "changed",
        id: "novelty",
        field: "group",
        before: null,
        after: "impact",
        message: {
          vi: "Tiêu chí 'Tính mới, sáng tạo': nhóm null → \"impact\"",
          en: "Criterion 'Novelty and creativity': group null → \"impact\"",
        },
      },
    ]);
  });

  it("describes a scale's step, an added band and a removed one", () => {
    const next = variant((d) => {
      d.scales[1].step = 1;
      d.scales[1].bands = d.scales[1].bands.filter((b: Json) => b.id !== "weak");
      d.scales[1].bands.push({ id: "top", label: { vi: "Đỉnh", en: "Top" }, min: 10, max: 10 });
      d.scales[1].bands[0].min = 5.5;
    });
    expect(diffCriteriaSets(defaultCriteriaSet, next)).toEqual([
      {
        entity: "scale",
        change: "changed",
        id: "quality-10",
        field: "step",
        before: 0.5,
        after: 1,
        message: { vi: "Thang điểm 'Thang 0–10': bước 0.5 → 1", en: "Scale 'Scale 0–10': step 0.5 → 1" },
      },
      {
        entity: "band",
        change: "removed",
        id: "quality-10/weak",
        message: { vi: "Bỏ mức 'Yếu'", en: "Removed band 'Weak'" },
      },
      {
        entity: "band",
        change: "changed",
        id: "quality-10/fair",
        field: "min",
        before: 5,
        after: 5.5,
        message: { vi: "Mức 'Trung bình': ngưỡng dưới 5 → 5.5", en: "Band 'Fair': min 5 → 5.5" },
      },
      {
        entity: "band",
        change: "added",
        id: "quality-10/top",
        message: { vi: "Thêm mức 'Đỉnh'", en: "Added band 'Top'" },
      },
    ]);
  });

  it("describes an added and a removed scale", () => {
    const next = variant((d) => {
      d.scales = d.scales.filter((s: Json) => s.id !== "theme-5");
      d.scales.push({ id: "s3", label: { vi: "Thang 3", en: "Scale 3" }, min: 0, max: 3, step: 1, bands: [] });
    });
    expect(diffCriteriaSets(defaultCriteriaSet, next)).toEqual([
      {
        entity: "scale",
        change: "removed",
        id: "theme-5",
        message: { vi: "Bỏ thang điểm 'Thang 0–5'", en: "Removed scale 'Scale 0–5'" },
      },
      {
        entity: "scale",
        change: "added",
        id: "s3",
        message: { vi: "Thêm thang điểm 'Thang 3'", en: "Added scale 'Scale 3'" },
      },
    ]);
  });

  it("describes a tier's threshold, an added and a removed tier", () => {
    const next = variant((d) => {
      d.tiers[0].min = 85;
      d.tiers = d.tiers.filter((t: Json) => t.id !== "pass");
      d.tiers.splice(2, 0, { id: "ok", label: { vi: "Được", en: "Okay" }, min: 40 });
    });
    expect(diffCriteriaSets(defaultCriteriaSet, next)).toEqual([
      {
        entity: "tier",
        change: "removed",
        id: "pass",
        message: { vi: "Bỏ xếp loại 'Đạt'", en: "Removed tier 'Satisfactory'" },
      },
      {
        entity: "tier",
        change: "changed",
        id: "excellent",
        field: "min",
        before: 90,
        after: 85,
        message: {
          vi: "Xếp loại 'Tiêu biểu xuất sắc': ngưỡng dưới 90 → 85",
          en: "Tier 'Outstanding exemplary': min 90 → 85",
        },
      },
      { entity: "tier", change: "added", id: "ok", message: { vi: "Thêm xếp loại 'Được'", en: "Added tier 'Okay'" } },
    ]);
  });

  it("describes an input's default and an added input", () => {
    const next = variant((d) => {
      d.inputs[0].missingAs = 1;
      d.inputs.push({ code: "votes", label: { vi: "Phiếu", en: "Votes" } });
    });
    expect(diffCriteriaSets(defaultCriteriaSet, next)).toEqual([
      {
        entity: "input",
        change: "changed",
        id: "adopters",
        field: "missingAs",
        before: 0,
        after: 1,
        message: {
          vi: "Chỉ tiêu 'Số đơn vị nhân rộng': giá trị khi thiếu 0 → 1",
          en: "Input 'Adopting units': missingAs 0 → 1",
        },
      },
      {
        entity: "input",
        change: "added",
        id: "votes",
        message: { vi: "Thêm chỉ tiêu 'Phiếu'", en: "Added input 'Votes'" },
      },
    ]);
  });

  it("describes a removed input", () => {
    const next = variant((d) => {
      d.inputs = [];
    });
    expect(diffCriteriaSets(defaultCriteriaSet, next)).toEqual([
      {
        entity: "input",
        change: "removed",
        id: "adopters",
        message: { vi: "Bỏ chỉ tiêu 'Số đơn vị nhân rộng'", en: "Removed input 'Adopting units'" },
      },
    ]);
  });

  it("describes the settings", () => {
    const next = variant((d) => {
      d.totalPoints = 100;
      d.gatePolicy = { maxNonEliminatoryFailures: 1 };
      d.tieBreaks = [{ criterionId: "reach", direction: "desc" }];
      d.quotas = [];
      d.aggregation.minReviewers = 3;
    });
    expect(diffCriteriaSets(defaultCriteriaSet, next)).toEqual([
      {
        entity: "setting",
        change: "changed",
        id: "gatePolicy",
        field: "gatePolicy",
        before: { maxNonEliminatoryFailures: 0 },
        after: { maxNonEliminatoryFailures: 1 },
        message: {
          vi: 'Thiết lập \'số điều kiện không loại trừ được phép trượt\': số điều kiện không loại trừ được phép trượt {"maxNonEliminatoryFailures":0} → {"maxNonEliminatoryFailures":1}',
          en: 'Setting \'gatePolicy\': gatePolicy {"maxNonEliminatoryFailures":0} → {"maxNonEliminatoryFailures":1}',
        },
      },
      {
        entity: "setting",
        change: "changed",
        id: "aggregation",
        field: "aggregation",
        before: {
          method: { kind: "mean" },
          minReviewers: 2,
          disagreement: { totalGap: 10 },
          calibration: { enabled: false, minRatingsPerReviewer: 5 },
        },
        after: {
          method: { kind: "mean" },
          minReviewers: 3,
          disagreement: { totalGap: 10 },
          calibration: { enabled: false, minRatingsPerReviewer: 5 },
        },
        message: {
          vi: 'Thiết lập \'cách tổng hợp điểm\': cách tổng hợp điểm {"method":{"kind":"mean"},"minReviewers":2,"disagreement":{"totalGap":10},"calibration":{"enabled":false,"minRatingsPerReviewer":5}} → {"method":{"kind":"mean"},"minReviewers":3,"disagreement":{"totalGap":10},"calibration":{"enabled":false,"minRatingsPerReviewer":5}}',
          en: 'Setting \'aggregation\': aggregation {"method":{"kind":"mean"},"minReviewers":2,"disagreement":{"totalGap":10},"calibration":{"enabled":false,"minRatingsPerReviewer":5}} → {"method":{"kind":"mean"},"minReviewers":3,"disagreement":{"totalGap":10},"calibration":{"enabled":false,"minRatingsPerReviewer":5}}',
        },
      },
      {
        entity: "setting",
        change: "changed",
        id: "tieBreaks",
        field: "tieBreaks",
        before: [
          { criterionId: "effectiveness", direction: "desc" },
          { criterionId: "novelty", direction: "desc" },
        ],
        after: [{ criterionId: "reach", direction: "desc" }],
        message: {
          vi: 'Thiết lập \'tiêu chí phân hạng khi bằng điểm\': tiêu chí phân hạng khi bằng điểm [{"criterionId":"effectiveness","direction":"desc"},{"criterionId":"novelty","direction":"desc"}] → [{"criterionId":"reach","direction":"desc"}]',
          en: 'Setting \'tieBreaks\': tieBreaks [{"criterionId":"effectiveness","direction":"desc"},{"criterionId":"novelty","direction":"desc"}] → [{"criterionId":"reach","direction":"desc"}]',
        },
      },
      {
        entity: "setting",
        change: "changed",
        id: "quotas",
        field: "quotas",
        before: [{ kind: "share-of-tier", tierId: "excellent", ofTierId: "good", percent: 20, scope: "round" }],
        after: [],
        message: {
          vi: 'Thiết lập \'hạn mức\': hạn mức [{"kind":"share-of-tier","tierId":"excellent","ofTierId":"good","percent":20,"scope":"round"}] → []',
          en: 'Setting \'quotas\': quotas [{"kind":"share-of-tier","tierId":"excellent","ofTierId":"good","percent":20,"scope":"round"}] → []',
        },
      },
    ]);
  });
});

describe("diffCriteriaSets at its edges", () => {
  it("shows a description that was not there before as a dash", () => {
    const next = variant((d) => {
      d.criteria.find((c: Json) => c.id === "reach").description = { vi: "Số đơn vị biết đến", en: "Units reached" };
    });
    expect(diffCriteriaSets(defaultCriteriaSet, next).map((c) => c.message)).toEqual([
      {
        vi: "Tiêu chí 'Sức lan tỏa': mô tả — → Số đơn vị biết đến",
        en: "Criterion 'Reach': description — → Units reached",
      },
    ]);
  });

  it("shows a description that was removed as a dash", () => {
    const next = variant((d) => {
      delete d.criteria.find((c: Json) => c.id === "effectiveness").description;
    });
    expect(diffCriteriaSets(defaultCriteriaSet, next).map((c) => c.message)).toEqual([
      {
        vi: "Tiêu chí 'Hiệu quả thiết thực': mô tả Kết quả định lượng được → —",
        en: "Criterion 'Practical effectiveness': description Quantified outcomes → —",
      },
    ]);
  });

  it("names a group's allowance of failed gates in Vietnamese too", () => {
    const withGroup = (max: number) =>
      variant((d) => {
        const gates = d.criteria.filter((c: Json) => c.kind === "gate");
        d.criteria = d.criteria.filter((c: Json) => c.kind !== "gate");
        d.criteria.unshift({
          kind: "group",
          id: "records",
          label: { vi: "Hồ sơ", en: "Records" },
          maxNonEliminatoryFailures: max,
          children: gates,
        });
      });
    expect(diffCriteriaSets(withGroup(0), withGroup(1)).map((c) => c.message)).toEqual([
      {
        vi: "Nhóm 'Hồ sơ': số điều kiện không loại trừ được phép trượt 0 → 1",
        en: "Group 'Records': maxNonEliminatoryFailures 0 → 1",
      },
    ]);
  });

  it("lists a node's changed fields in name order, whatever the key order of its JSON", () => {
    // A jsonb column gives keys back in its own order; the diff must not depend on it.
    const next = variant((d) => {
      const i = d.criteria.findIndex((c: Json) => c.id === "evidence-attached");
      const { label: _label, eliminatory: _eliminatory, ...rest } = d.criteria[i];
      d.criteria[i] = { eliminatory: false, ...rest, label: { vi: "Minh chứng", en: "Evidence" } };
    });
    expect(diffCriteriaSets(defaultCriteriaSet, next).map((c) => c.field)).toEqual(["eliminatory", "label"]);
  });

  it("gives an added or removed entry no field, before or after", () => {
    const next = variant((d) => {
      d.tiers.splice(2, 1);
    });
    const changes = diffCriteriaSets(defaultCriteriaSet, next);
    expect(changes.map((c) => Object.keys(c))).toEqual([["entity", "change", "id", "message"]]);
  });
});
