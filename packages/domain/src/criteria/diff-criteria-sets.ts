import type { LocalizedText } from "../errors/index.js";
import type { CriteriaSet } from "./criteria-set.js";
import type { CriteriaNode } from "./criterion.js";

/**
 * One difference between two criteria sets, with a sentence in Vietnamese and English.
 *
 * @example
 * { entity: "tier", change: "changed", id: "excellent", field: "min", before: 90, after: 85, message: { vi: "…", en: "Tier 'Outstanding exemplary': min 90 → 85" } }
 */
export interface CriteriaChange {
  readonly entity: "criterion" | "gate" | "group" | "scale" | "band" | "tier" | "input" | "setting";
  readonly change: "added" | "removed" | "changed";
  /** The id (for a band: `scaleId/bandId`; for a setting: its name). */
  readonly id: string;
  readonly field?: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly message: LocalizedText;
}

const ENTITY_VI: Record<CriteriaChange["entity"], string> = {
  criterion: "tiêu chí",
  gate: "điều kiện",
  group: "nhóm",
  scale: "thang điểm",
  band: "mức",
  tier: "xếp loại",
  input: "chỉ tiêu",
  setting: "thiết lập",
};
const FIELD_VI: Record<string, string> = {
  label: "tên",
  kind: "loại",
  points: "điểm tối đa",
  weight: "trọng số",
  scaleId: "thang điểm",
  rule: "quy tắc tính",
  expression: "công thức",
  condition: "điều kiện",
  eliminatory: "tính loại trừ",
  group: "nhóm",
  min: "ngưỡng dưới",
  max: "ngưỡng trên",
  step: "bước",
  description: "mô tả",
  unit: "đơn vị tính",
  missingAs: "giá trị khi thiếu",
  maxNonEliminatoryFailures: "số điều kiện không loại trừ được phép trượt",
  totalPoints: "tổng điểm",
  gatePolicy: "số điều kiện không loại trừ được phép trượt",
  aggregation: "cách tổng hợp điểm",
  tieBreaks: "tiêu chí phân hạng khi bằng điểm",
  quotas: "hạn mức",
};

const show = (v: unknown): string =>
  v === undefined
    ? "—"
    : typeof v === "object" && v !== null && "vi" in v
      ? String((v as LocalizedText).vi)
      : JSON.stringify(v);
const showEn = (v: unknown): string =>
  v === undefined
    ? "—"
    : typeof v === "object" && v !== null && "en" in v
      ? String((v as LocalizedText).en)
      : JSON.stringify(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A readable diff of two criteria sets (typically two versions): criteria, gates and
 * groups added, removed or changed field by field (points, scale, rule, formula,
 * condition...), scales and their bands, tiers, inputs and settings (total, aggregation,
 * gate policy, tie-breaks, quotas). Entries come in a stable order.
 *
 * @example
 * diffCriteriaSets(v1, v2)
 * // [{ entity: "criterion", change: "changed", id: "novelty", field: "points", before: 20, after: 25,
 * //    message: { vi: "Tiêu chí 'Tính mới, sáng tạo': điểm tối đa 20 → 25", en: "Criterion 'Novelty': points 20 → 25" } }]
 */
export function diffCriteriaSets(a: CriteriaSet, b: CriteriaSet): CriteriaChange[] {
  const changes: CriteriaChange[] = [];
  const push = (
    entity: CriteriaChange["entity"],
    change: CriteriaChange["change"],
    id: string,
    label: LocalizedText | undefined,
    field?: string,
    before?: unknown,
    after?: unknown,
  ) => {
    const nameVi = `${ENTITY_VI[entity][0]?.toUpperCase()}${ENTITY_VI[entity].slice(1)} '${label?.vi ?? id}'`;
    const nameEn = `${entity[0]?.toUpperCase()}${entity.slice(1)} '${label?.en ?? id}'`;
    const message: LocalizedText =
      change === "added"
        ? { vi: `Thêm ${ENTITY_VI[entity]} '${label?.vi ?? id}'`, en: `Added ${entity} '${label?.en ?? id}'` }
        : change === "removed"
          ? { vi: `Bỏ ${ENTITY_VI[entity]} '${label?.vi ?? id}'`, en: `Removed ${entity} '${label?.en ?? id}'` }
          : {
              vi: `${nameVi}: ${FIELD_VI[field ?? ""] ?? field} ${show(before)} → ${show(after)}`,
              en: `${nameEn}: ${field} ${showEn(before)} → ${showEn(after)}`,
            };
    changes.push({
      entity,
      change,
      id,
      ...(field === undefined ? {} : { field, before, after }),
      message,
    });
  };
  const compareFields = (
    entity: CriteriaChange["entity"],
    id: string,
    label: LocalizedText,
    x: Record<string, unknown>,
    y: Record<string, unknown>,
    skip: readonly string[] = [],
  ) => {
    const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => !skip.includes(k)).sort();
    for (const key of keys) if (!same(x[key], y[key])) push(entity, "changed", id, label, key, x[key], y[key]);
  };

  // Criteria tree, compared by id wherever the node sits.
  const flatten = (
    nodes: readonly CriteriaNode[],
    group: string | null,
    out: Map<string, [CriteriaNode, string | null]>,
  ) => {
    for (const node of nodes) {
      out.set(node.id, [node, group]);
      if (node.kind === "group") flatten(node.children, node.id, out);
    }
    return out;
  };
  const entityOf = (node: CriteriaNode): CriteriaChange["entity"] =>
    node.kind === "group" ? "group" : node.kind === "gate" ? "gate" : "criterion";
  const before = flatten(a.criteria, null, new Map());
  const after = flatten(b.criteria, null, new Map());
  for (const [id, [node]] of before) if (!after.has(id)) push(entityOf(node), "removed", id, node.label);
  for (const [id, [node, group]] of after) {
    const old = before.get(id);
    if (old === undefined) {
      push(entityOf(node), "added", id, node.label);
      continue;
    }
    const [oldNode, oldGroup] = old;
    const { children: _c1, ...x } = { children: undefined, ...oldNode };
    const { children: _c2, ...y } = { children: undefined, ...node };
    compareFields(entityOf(node), id, node.label, { ...x, group: oldGroup }, { ...y, group }, ["id"]);
  }

  // Scales and bands.
  const scalesA = new Map(a.scales.map((s) => [s.id, s]));
  const scalesB = new Map(b.scales.map((s) => [s.id, s]));
  for (const [id, s] of scalesA) if (!scalesB.has(id)) push("scale", "removed", id, s.label);
  for (const [id, s] of scalesB) {
    const old = scalesA.get(id);
    if (old === undefined) {
      push("scale", "added", id, s.label);
      continue;
    }
    const { bands: bandsA, ...x } = old;
    const { bands: bandsB, ...y } = s;
    compareFields("scale", id, s.label, x, y, ["id"]);
    const mapA = new Map(bandsA.map((band) => [band.id, band]));
    const mapB = new Map(bandsB.map((band) => [band.id, band]));
    for (const [bid, band] of mapA) if (!mapB.has(bid)) push("band", "removed", `${id}/${bid}`, band.label);
    for (const [bid, band] of mapB) {
      const oldBand = mapA.get(bid);
      if (oldBand === undefined) push("band", "added", `${id}/${bid}`, band.label);
      else compareFields("band", `${id}/${bid}`, band.label, oldBand, band, ["id"]);
    }
  }

  // Tiers and inputs.
  const tiersA = new Map(a.tiers.map((t) => [t.id, t]));
  const tiersB = new Map(b.tiers.map((t) => [t.id, t]));
  for (const [id, t] of tiersA) if (!tiersB.has(id)) push("tier", "removed", id, t.label);
  for (const [id, t] of tiersB) {
    const old = tiersA.get(id);
    if (old === undefined) push("tier", "added", id, t.label);
    else compareFields("tier", id, t.label, old, t, ["id"]);
  }
  const inputsA = new Map(a.inputs.map((i) => [i.code, i]));
  const inputsB = new Map(b.inputs.map((i) => [i.code, i]));
  for (const [id, i] of inputsA) if (!inputsB.has(id)) push("input", "removed", id, i.label);
  for (const [id, i] of inputsB) {
    const old = inputsA.get(id);
    if (old === undefined) push("input", "added", id, i.label);
    else compareFields("input", id, i.label, old, i, ["code"]);
  }

  // Settings.
  for (const key of ["totalPoints", "gatePolicy", "aggregation", "tieBreaks", "quotas"] as const) {
    if (!same(a[key], b[key])) {
      push("setting", "changed", key, { vi: FIELD_VI[key] ?? key, en: key }, key, a[key], b[key]);
    }
  }
  return changes;
}
