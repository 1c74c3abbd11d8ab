import { type DomainError, domainError, err, type LocalizedText, ok, type Result } from "../errors/index.js";
import {
  type CompiledFormula,
  compileFormula,
  FORMULA_RESERVED_WORDS,
  type FormulaReferences,
  type FormulaType,
} from "../formula/index.js";
import type { CriteriaSet, InputDefinition } from "./criteria-set.js";
import type { CriteriaNode, GateCriterion, ScoredCriterion } from "./criterion.js";
import { MILLI, toMilli } from "./milli-points.js";
import type { Quota } from "./quota.js";
import type { Scale, ScaleBand } from "./scale.js";
import { shapeCriteriaSet } from "./shape-criteria-set.js";
import type { Tier } from "./tier.js";

/**
 * Facts every model has, readable by formulas and gates beside the declared inputs.
 *
 * @example
 * FACT_INPUTS.months_running // "number"
 */
export const FACT_INPUTS: Readonly<Record<string, FormulaType>> = Object.freeze({
  months_running: "number",
  evidence_count: "number",
  disciplined: "boolean",
});

/**
 * One problem found in a criteria set; `details.path` says where.
 *
 * @example
 * { code: "CRITERIA.BANDS_OVERLAP", message: { vi: "…", en: "Band 'medium' (16–21) overlaps band 'substantial' (21–26)" }, details: { path: "scales.novelty-30" } }
 */
export type CriteriaIssue = DomainError;

/**
 * A scale with its values in milli-units.
 *
 * @example
 * compiled.scales.get("novelty-30")?.maxMilli // 30000
 */
export interface CompiledScale {
  readonly scale: Scale;
  readonly minMilli: number;
  readonly maxMilli: number;
  readonly stepMilli: number;
  readonly bands: ReadonlyArray<{
    readonly band: ScaleBand;
    readonly minMilli: number;
    readonly maxMilli: number;
    /** `{ id, label }`, shared by every score that falls in the band. */
    readonly summary: { readonly id: string; readonly label: LocalizedText };
  }>;
}

/**
 * A criterion that yields points, with what scoring needs precomputed.
 *
 * @example
 * compiled.scored[0]?.maxMilli // 20000 for novelty
 */
export interface CompiledScoredCriterion {
  readonly criterion: ScoredCriterion;
  /** Position among the scored criteria, in tree order. */
  readonly index: number;
  /** Ids of the groups above it, outermost first. */
  readonly groupPath: readonly string[];
  readonly maxMilli: number;
  readonly scale: CompiledScale | undefined;
  readonly formula: CompiledFormula | undefined;
  readonly thresholds: ReadonlyArray<{ readonly atLeast: number; readonly pointsMilli: number }> | undefined;
  /** Indices (in `scored`) of the criteria a formula reads, directly or through a group. */
  readonly dependencies: readonly number[];
  /** True for `relative-to-best` rules and formulas that read one, directly or not. */
  readonly dependsOnBest: boolean;
}

/**
 * A gate with its formula compiled, if it has one.
 *
 * @example
 * compiled.gates.map((g) => g.criterion.id) // ["running-12-months", "evidence-attached", "not-disciplined"]
 */
export interface CompiledGate {
  readonly criterion: GateCriterion;
  readonly groupPath: readonly string[];
  readonly formula: CompiledFormula | undefined;
  /** The allowance a failure of this (non-eliminatory) gate counts against, in `allowances`. */
  readonly allowance: number;
}

/**
 * An allowance of failed non-eliminatory gates: the set's `gatePolicy` (first, group
 * null) or a group's own `maxNonEliminatoryFailures`.
 *
 * @example
 * compiled.allowances[0] // { groupId: null, label: null, max: 0 }
 */
export interface CompiledAllowance {
  readonly groupId: string | null;
  readonly label: LocalizedText | null;
  readonly max: number;
}

/**
 * A validated criteria set in the form scoring uses: criteria flattened in tree order
 * with their maximum in milli-points, scales and tiers in milli-units, formulas parsed.
 *
 * @example
 * const compiled = compileCriteriaSet(defaultCriteriaSet); if (compiled.ok) compiled.value.tiers[0]?.minMilli // 90000
 */
export interface CompiledCriteriaSet {
  readonly set: CriteriaSet;
  readonly totalMilli: number;
  readonly scored: readonly CompiledScoredCriterion[];
  readonly gates: readonly CompiledGate[];
  readonly scales: ReadonlyMap<string, CompiledScale>;
  /** Highest first. */
  readonly tiers: ReadonlyArray<{ readonly tier: Tier; readonly minMilli: number }>;
  readonly inputs: ReadonlyMap<string, InputDefinition>;
  readonly tieBreaks: ReadonlyArray<{ readonly index: number; readonly direction: "asc" | "desc" }>;
  readonly quotas: readonly Quota[];
  readonly criterionGapMilli: number | undefined;
  readonly totalGapMilli: number | undefined;
  /** Indices of `scored` in an order where every criterion comes after those it reads. */
  readonly order: readonly number[];
  /** Group id → indices (in `scored`) of the criteria below it. */
  readonly groups: ReadonlyMap<string, readonly number[]>;
  /** The set's allowance of failed non-eliminatory gates first, then the groups' own. */
  readonly allowances: readonly CompiledAllowance[];
}

const MAX_DEPTH = 6;
const MAX_SCALE_MAGNITUDE = 100_000;
const pts = (milli: number) => `${milli / MILLI}`;

/**
 * Compiles a criteria set for scoring: its shape first (`CRITERIA.SHAPE`, as
 * {@link validateCriteriaSet} reports it; raw JSON gets its defaults), then its meaning
 * (`CRITERIA.INVALID`, see {@link checkCriteriaSet}). Never throws.
 *
 * @example
 * const compiled = compileCriteriaSet(defaultCriteriaSet);
 * if (compiled.ok) compiled.value.totalMilli // 100000
 */
export function compileCriteriaSet(
  set: unknown,
): Result<CompiledCriteriaSet, DomainError<"CRITERIA.SHAPE" | "CRITERIA.INVALID">> {
  const shaped = shapeCriteriaSet(set);
  return shaped.ok ? checkCriteriaSet(shaped.value) : shaped;
}

/**
 * Checks everything about a parsed criteria set beyond its shape and compiles it for scoring.
 * Finds every issue at once: duplicate ids; declared total ≠ sum of criteria
 * (`CRITERIA.POINTS_MISMATCH` with both numbers) or weights not summing to 100; group
 * totals; scales, overlapping or out-of-scale bands; unordered tiers or tiers not
 * starting at 0; formulas that do not parse or read unknown inputs (`FORMULA.*` with
 * the position), formulas that read each other in a cycle (`CRITERIA.FORMULA_CYCLE`) and
 * gates that read criteria (`CRITERIA.GATE_REFERENCE`); unknown inputs, scales,
 * tie-break criteria and quota tiers; a tier capped against itself (`CRITERIA.QUOTA_SELF`).
 *
 * @example
 * const compiled = checkCriteriaSet(CriteriaSetSchema.parse(json));
 * if (!compiled.ok) compiled.error.details?.issues // every issue at once
 */
export function checkCriteriaSet(set: CriteriaSet): Result<CompiledCriteriaSet, DomainError<"CRITERIA.INVALID">> {
  const issues: CriteriaIssue[] = [];
  const issue = (code: string, vi: string, en: string, details: Record<string, unknown>) =>
    issues.push(domainError(code, { vi, en }, details));
  const exact = (value: number, path: string, limit = Number.MAX_SAFE_INTEGER / MILLI): number => {
    const milli = toMilli(value);
    if (milli === null || Math.abs(value) > limit) {
      issue(
        "CRITERIA.NOT_EXACT",
        `Giá trị ${value} tại ${path} phải có tối đa 3 chữ số thập phân và không quá ${limit}`,
        `The value ${value} at ${path} must have at most 3 decimals and magnitude at most ${limit}`,
        { path, value },
      );
      return 0;
    }
    return milli;
  };

  // Inputs.
  const inputs = new Map<string, InputDefinition>();
  const formulaInputs: Record<string, FormulaType> = { ...FACT_INPUTS };
  for (const input of set.inputs) {
    const path = `inputs.${input.code}`;
    if (inputs.has(input.code)) {
      issue("CRITERIA.DUPLICATE_ID", `Trùng mã đầu vào '${input.code}'`, `Duplicate input code '${input.code}'`, {
        path,
        id: input.code,
      });
    } else if (
      Object.hasOwn(FACT_INPUTS, input.code) ||
      FORMULA_RESERVED_WORDS.has(input.code) ||
      // A record (a formula's values) cannot hold it as its own key: no formula could read it.
      input.code === "__proto__"
    ) {
      issue(
        "CRITERIA.RESERVED_INPUT",
        `Mã '${input.code}' đã được dành riêng`,
        `The code '${input.code}' is reserved`,
        { path, id: input.code },
      );
    }
    inputs.set(input.code, input);
    formulaInputs[input.code] = "number";
  }

  // Scales and bands.
  const scales = new Map<string, CompiledScale>();
  for (const scale of set.scales) {
    const path = `scales.${scale.id}`;
    if (scales.has(scale.id)) {
      issue("CRITERIA.DUPLICATE_ID", `Trùng mã thang điểm '${scale.id}'`, `Duplicate scale id '${scale.id}'`, {
        path,
        id: scale.id,
      });
      continue;
    }
    const minMilli = exact(scale.min, `${path}.min`, MAX_SCALE_MAGNITUDE);
    const maxMilli = exact(scale.max, `${path}.max`, MAX_SCALE_MAGNITUDE);
    const stepMilli = exact(scale.step, `${path}.step`, MAX_SCALE_MAGNITUDE);
    if (minMilli >= maxMilli) {
      issue(
        "CRITERIA.SCALE_EMPTY",
        `Thang '${scale.id}': min phải nhỏ hơn max`,
        `Scale '${scale.id}': min must be below max`,
        {
          path,
          min: scale.min,
          max: scale.max,
        },
      );
    } else if (stepMilli <= 0 || (maxMilli - minMilli) % stepMilli !== 0) {
      issue(
        "CRITERIA.SCALE_STEP",
        `Thang '${scale.id}': bước ${scale.step} không chia hết khoảng ${scale.min}–${scale.max}`,
        `Scale '${scale.id}': step ${scale.step} does not divide ${scale.min}–${scale.max}`,
        { path, step: scale.step },
      );
    }
    const bands = scale.bands.map((band) => ({
      band,
      summary: { id: band.id, label: band.label },
      minMilli: exact(band.min, `${path}.bands.${band.id}.min`, MAX_SCALE_MAGNITUDE),
      maxMilli: exact(band.max, `${path}.bands.${band.id}.max`, MAX_SCALE_MAGNITUDE),
    }));
    const bandIds = new Set<string>();
    for (const b of bands) {
      const bandPath = `${path}.bands.${b.band.id}`;
      if (bandIds.has(b.band.id)) {
        issue("CRITERIA.DUPLICATE_ID", `Trùng mã mức '${b.band.id}'`, `Duplicate band id '${b.band.id}'`, {
          path: bandPath,
          id: b.band.id,
        });
      }
      bandIds.add(b.band.id);
      if (b.minMilli > b.maxMilli) {
        issue(
          "CRITERIA.BAND_INVERTED",
          `Mức '${b.band.id}': ${b.band.min} lớn hơn ${b.band.max}`,
          `Band '${b.band.id}': ${b.band.min} is above ${b.band.max}`,
          { path: bandPath },
        );
      } else if (b.minMilli < minMilli || b.maxMilli > maxMilli) {
        issue(
          "CRITERIA.BAND_OUTSIDE_SCALE",
          `Mức '${b.band.id}' (${b.band.min}–${b.band.max}) nằm ngoài thang ${scale.min}–${scale.max}`,
          `Band '${b.band.id}' (${b.band.min}–${b.band.max}) lies outside the scale ${scale.min}–${scale.max}`,
          { path: bandPath, band: [b.band.min, b.band.max], scale: [scale.min, scale.max] },
        );
      }
    }
    const sorted = [...bands].sort((a, b) => a.minMilli - b.minMilli || a.maxMilli - b.maxMilli);
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1] as (typeof sorted)[number];
      const b = sorted[i] as (typeof sorted)[number];
      if (b.minMilli <= a.maxMilli) {
        issue(
          "CRITERIA.BANDS_OVERLAP",
          `Mức '${a.band.id}' (${a.band.min}–${a.band.max}) chồng lên mức '${b.band.id}' (${b.band.min}–${b.band.max})`,
          `Band '${a.band.id}' (${a.band.min}–${a.band.max}) overlaps band '${b.band.id}' (${b.band.min}–${b.band.max})`,
          { path, bands: [a.band.id, b.band.id] },
        );
      }
    }
    scales.set(scale.id, { scale, minMilli, maxMilli, stepMilli, bands: sorted });
  }

  // The tree.
  const totalMilli = exact(set.totalPoints, "totalPoints");
  const ids = new Set<string>();
  const flat: Array<{ criterion: ScoredCriterion; groupPath: string[] }> = [];
  const gates: CompiledGate[] = [];
  const groups: Array<{ id: string; points: number; members: ScoredCriterion[]; path: string }> = [];
  const groupMembers = new Map<string, ScoredCriterion[]>();
  const allowances: CompiledAllowance[] = [
    { groupId: null, label: null, max: set.gatePolicy.maxNonEliminatoryFailures },
  ];
  let allowance = 0;
  const walk = (nodes: readonly CriteriaNode[], groupPath: string[], depth: number): ScoredCriterion[] => {
    const below: ScoredCriterion[] = [];
    for (const node of nodes) {
      const path = [...groupPath, node.id].join(".");
      if (ids.has(node.id)) {
        issue("CRITERIA.DUPLICATE_ID", `Trùng mã tiêu chí '${node.id}'`, `Duplicate criterion id '${node.id}'`, {
          path,
          id: node.id,
        });
      }
      ids.add(node.id);
      switch (node.kind) {
        case "group": {
          if (depth >= MAX_DEPTH) {
            issue("CRITERIA.TOO_DEEP", `Nhóm lồng quá ${MAX_DEPTH} mức`, `Groups nest deeper than ${MAX_DEPTH}`, {
              path,
            });
            break;
          }
          const outer = allowance;
          if (node.maxNonEliminatoryFailures !== undefined) {
            allowance = allowances.length;
            allowances.push({ groupId: node.id, label: node.label, max: node.maxNonEliminatoryFailures });
          }
          const members = walk(node.children, [...groupPath, node.id], depth + 1);
          allowance = outer;
          if (node.points !== undefined) groups.push({ id: node.id, points: node.points, members, path });
          if (!groupMembers.has(node.id)) groupMembers.set(node.id, members);
          below.push(...members);
          break;
        }
        case "gate": {
          let formula: CompiledFormula | undefined;
          const condition = node.condition;
          if (condition.kind === "indicator" && !inputs.has(condition.input)) {
            issue(
              "CRITERIA.UNKNOWN_INPUT",
              `Điều kiện '${node.id}' dùng chỉ tiêu chưa khai báo '${condition.input}'`,
              `Gate '${node.id}' reads the undeclared input '${condition.input}'`,
              { path, input: condition.input },
            );
          }
          if (condition.kind === "formula") {
            formula = compileInto(condition.expression, "boolean", path, node.id, undefined);
          }
          gates.push({ criterion: node, groupPath, formula, allowance });
          break;
        }
        case "rating":
        case "indicator":
        case "formula":
          flat.push({ criterion: node, groupPath });
          below.push(node);
          break;
        default: {
          const never: never = node;
          throw new Error(`unknown node ${JSON.stringify(never)}`);
        }
      }
    }
    return below;
  };
  // Gates are decided before any criterion is scored, so their formulas get no references.
  const compileInto = (
    expression: string,
    type: FormulaType,
    path: string,
    id: string,
    references: FormulaReferences | undefined,
  ): CompiledFormula | undefined => {
    const compiled = compileFormula(expression, formulaInputs, undefined, references);
    if (!compiled.ok) {
      const details: Record<string, unknown> = { ...compiled.error.details, path, criterionId: id };
      if (references === undefined && compiled.error.code === "FORMULA.UNKNOWN_REFERENCE") {
        issue(
          "CRITERIA.GATE_REFERENCE",
          `Điều kiện '${id}' được xét trước khi chấm điểm, nên không đọc được rating(), points() hay group_total() (dòng ${details.line}, cột ${details.column})`,
          `Gate '${id}' is decided before any criterion is scored, so it cannot read rating(), points() or group_total() (line ${details.line}, column ${details.column})`,
          details,
        );
        return undefined;
      }
      issues.push(domainError(compiled.error.code, compiled.error.message, details));
      return undefined;
    }
    if (compiled.value.type !== type) {
      const vi = type === "number" ? "một số" : "đúng/sai";
      const en = type === "number" ? "a number" : "true or false";
      issue(
        type === "number" ? "CRITERIA.FORMULA_NOT_NUMBER" : "CRITERIA.GATE_NOT_BOOLEAN",
        `Công thức của '${id}' phải cho ${vi}`,
        `The formula of '${id}' must give ${en}`,
        { path, criterionId: id },
      );
      return undefined;
    }
    return compiled.value;
  };
  walk(set.criteria, [], 1);

  // Allocation: points or weights, one mode per set.
  const withPoints = flat.filter((f) => f.criterion.points !== undefined);
  const withWeights = flat.filter((f) => f.criterion.weight !== undefined);
  const maxById = new Map<string, number>();
  for (const { criterion, groupPath } of flat) {
    const path = [...groupPath, criterion.id].join(".");
    if ((criterion.points === undefined) === (criterion.weight === undefined)) {
      issue(
        "CRITERIA.ALLOCATION",
        `Tiêu chí '${criterion.id}' phải có đúng một trong: điểm tối đa hoặc trọng số`,
        `Criterion '${criterion.id}' needs exactly one of points or weight`,
        { path },
      );
    }
  }
  if (withPoints.length > 0 && withWeights.length > 0) {
    issue(
      "CRITERIA.MIXED_ALLOCATION",
      "Một bộ tiêu chí dùng điểm tối đa hoặc trọng số, không trộn cả hai",
      "A criteria set uses either points or weights, not both",
      { path: "criteria" },
    );
  } else if (withWeights.length > 0) {
    let sum = 0;
    for (const { criterion } of withWeights)
      sum += exact(criterion.weight as number, `criteria.${criterion.id}.weight`);
    if (sum !== 100 * MILLI) {
      issue(
        "CRITERIA.WEIGHTS_NOT_100",
        `Tổng trọng số là ${pts(sum)}%, phải bằng 100%`,
        `Weights add up to ${pts(sum)}%, they must add up to 100%`,
        { path: "criteria", sum: sum / MILLI },
      );
    }
    for (const { criterion } of withWeights) {
      const weightMilli = toMilli(criterion.weight as number) ?? 0;
      const scaled = totalMilli * weightMilli;
      if (scaled % (100 * MILLI) !== 0) {
        issue(
          "CRITERIA.NOT_EXACT",
          `Trọng số của '${criterion.id}' không cho số điểm chính xác đến 0,001`,
          `The weight of '${criterion.id}' does not give points exact to 0.001`,
          { path: `criteria.${criterion.id}.weight` },
        );
      }
      maxById.set(criterion.id, Math.floor(scaled / (100 * MILLI)));
    }
  } else {
    let sum = 0;
    for (const { criterion, groupPath } of withPoints) {
      const milli = exact(criterion.points as number, [...groupPath, criterion.id, "points"].join("."));
      maxById.set(criterion.id, milli);
      sum += milli;
    }
    if (sum !== totalMilli) {
      issue(
        "CRITERIA.POINTS_MISMATCH",
        `Tổng điểm khai báo là ${pts(totalMilli)} nhưng các tiêu chí cộng lại ${pts(sum)}`,
        `The declared total is ${pts(totalMilli)} points but the criteria add up to ${pts(sum)}`,
        { path: "totalPoints", declared: totalMilli / MILLI, sum: sum / MILLI },
      );
    }
  }
  for (const group of groups) {
    const declared = exact(group.points, `${group.path}.points`);
    const sum = group.members.reduce((acc, c) => acc + (maxById.get(c.id) ?? 0), 0);
    if (declared !== sum) {
      issue(
        "CRITERIA.GROUP_POINTS_MISMATCH",
        `Nhóm '${group.id}' khai báo ${pts(declared)} điểm nhưng các tiêu chí trong nhóm cộng lại ${pts(sum)}`,
        `Group '${group.id}' declares ${pts(declared)} points but its criteria add up to ${pts(sum)}`,
        { path: group.path, declared: declared / MILLI, sum: sum / MILLI },
      );
    }
  }

  // Per-kind checks.
  const references: FormulaReferences = {
    rating: new Set(flat.filter((f) => f.criterion.kind === "rating").map((f) => f.criterion.id)),
    points: new Set(flat.map((f) => f.criterion.id)),
    group_total: new Set(groupMembers.keys()),
  };
  const scored: Array<Omit<CompiledScoredCriterion, "dependencies" | "dependsOnBest">> = flat.map(
    ({ criterion, groupPath }, index) => {
      const path = [...groupPath, criterion.id].join(".");
      const maxMilli = maxById.get(criterion.id) ?? 0;
      let scale: CompiledScale | undefined;
      let formula: CompiledFormula | undefined;
      let thresholds: Array<{ atLeast: number; pointsMilli: number }> | undefined;
      switch (criterion.kind) {
        case "rating":
          scale = scales.get(criterion.scaleId);
          if (scale === undefined) {
            issue(
              "CRITERIA.UNKNOWN_SCALE",
              `Tiêu chí '${criterion.id}' dùng thang chưa khai báo '${criterion.scaleId}'`,
              `Criterion '${criterion.id}' uses the undeclared scale '${criterion.scaleId}'`,
              { path, scaleId: criterion.scaleId },
            );
          }
          break;
        case "indicator": {
          const rule = criterion.rule;
          if (!inputs.has(rule.input)) {
            issue(
              "CRITERIA.UNKNOWN_INPUT",
              `Tiêu chí '${criterion.id}' dùng chỉ tiêu chưa khai báo '${rule.input}'`,
              `Criterion '${criterion.id}' reads the undeclared input '${rule.input}'`,
              { path, input: rule.input },
            );
          }
          if (rule.kind === "linear" && rule.from === rule.to) {
            issue(
              "CRITERIA.LINEAR_EMPTY_RANGE",
              `Tiêu chí '${criterion.id}': khoảng tuyến tính rỗng`,
              `Criterion '${criterion.id}': the linear range is empty`,
              { path },
            );
          }
          if (rule.kind === "thresholds") {
            thresholds = rule.steps.map((step, i) => ({
              atLeast: step.atLeast,
              pointsMilli: exact(step.points, `${path}.rule.steps.${i}.points`),
            }));
            for (let i = 0; i < thresholds.length; i++) {
              const step = thresholds[i] as { atLeast: number; pointsMilli: number };
              if (i > 0 && step.atLeast <= (thresholds[i - 1] as { atLeast: number }).atLeast) {
                issue(
                  "CRITERIA.THRESHOLDS_NOT_ORDERED",
                  `Tiêu chí '${criterion.id}': các ngưỡng phải tăng dần`,
                  `Criterion '${criterion.id}': thresholds must increase`,
                  { path: `${path}.rule.steps.${i}` },
                );
              }
              if (step.pointsMilli > maxMilli) {
                issue(
                  "CRITERIA.THRESHOLD_ABOVE_POINTS",
                  `Tiêu chí '${criterion.id}': ngưỡng cho ${pts(step.pointsMilli)} điểm, vượt tối đa ${pts(maxMilli)}`,
                  `Criterion '${criterion.id}': a step gives ${pts(step.pointsMilli)} points, above the maximum ${pts(maxMilli)}`,
                  { path: `${path}.rule.steps.${i}` },
                );
              }
            }
          }
          break;
        }
        case "formula":
          formula = compileInto(criterion.expression, "number", path, criterion.id, references);
          break;
        default: {
          const never: never = criterion;
          throw new Error(`unknown criterion ${JSON.stringify(never)}`);
        }
      }
      return { criterion, index, groupPath, maxMilli, scale, formula, thresholds };
    },
  );

  // What each formula reads, and an order in which everything it reads comes first.
  const indexOf = new Map(flat.map((f, i) => [f.criterion.id, i]));
  const dependencies = scored.map((c) => {
    const deps = new Set<number>();
    for (const r of c.formula?.references ?? []) {
      const ids = r.ref === "group_total" ? (groupMembers.get(r.id) ?? []).map((m) => m.id) : [r.id];
      for (const id of ids) deps.add(indexOf.get(id) as number);
    }
    return [...deps].sort((a, b) => a - b);
  });
  const order: number[] = [];
  const state = new Uint8Array(scored.length); // 0 new, 1 on the path, 2 placed
  const visit = (i: number, path: number[]): void => {
    if (state[i] === 2) return;
    if (state[i] === 1) {
      const cycle = [...path.slice(path.indexOf(i)), i].map((k) => scored[k]?.criterion.id);
      const first = scored[path[path.indexOf(i)] as number] as (typeof scored)[number];
      issue(
        "CRITERIA.FORMULA_CYCLE",
        `Các công thức đọc lẫn nhau thành vòng: ${cycle.join(" → ")}`,
        `Formulas read each other in a cycle: ${cycle.join(" → ")}`,
        { path: [...first.groupPath, first.criterion.id].join("."), criterionId: first.criterion.id, cycle },
      );
      return;
    }
    state[i] = 1;
    for (const d of dependencies[i] as number[]) visit(d, [...path, i]);
    state[i] = 2;
    order.push(i);
  };
  for (let i = 0; i < scored.length; i++) visit(i, []);
  const dependsOnBest: boolean[] = [];
  for (const i of order) {
    const c = scored[i] as (typeof scored)[number];
    dependsOnBest[i] =
      (c.criterion.kind === "indicator" && c.criterion.rule.kind === "relative-to-best") ||
      (dependencies[i] as number[]).some((d) => dependsOnBest[d] === true);
  }
  const compiledScored: CompiledScoredCriterion[] = scored.map((c, i) => ({
    ...c,
    dependencies: dependencies[i] as number[],
    dependsOnBest: dependsOnBest[i] ?? false,
  }));
  const groupIndices = new Map(
    [...groupMembers].map(([id, members]) => [id, members.map((m) => indexOf.get(m.id) as number)] as const),
  );

  // Tiers.
  const tiers = set.tiers.map((tier) => ({ tier, minMilli: exact(tier.min, `tiers.${tier.id}.min`) }));
  const tierIds = new Set<string>();
  for (let i = 0; i < tiers.length; i++) {
    const { tier, minMilli } = tiers[i] as (typeof tiers)[number];
    if (tierIds.has(tier.id)) {
      issue("CRITERIA.DUPLICATE_ID", `Trùng mã xếp loại '${tier.id}'`, `Duplicate tier id '${tier.id}'`, {
        path: `tiers.${tier.id}`,
        id: tier.id,
      });
    }
    tierIds.add(tier.id);
    if (i > 0 && minMilli >= (tiers[i - 1] as (typeof tiers)[number]).minMilli) {
      issue(
        "CRITERIA.TIERS_NOT_ORDERED",
        "Các xếp loại phải xếp từ ngưỡng cao xuống thấp, không trùng ngưỡng",
        "Tiers must be listed from the highest threshold down, without equal thresholds",
        { path: `tiers.${tier.id}` },
      );
    }
    if (minMilli > totalMilli) {
      issue(
        "CRITERIA.TIER_ABOVE_TOTAL",
        `Ngưỡng xếp loại '${tier.id}' (${tier.min}) vượt tổng điểm ${set.totalPoints}`,
        `Tier '${tier.id}' starts at ${tier.min}, above the total ${set.totalPoints}`,
        { path: `tiers.${tier.id}` },
      );
    }
  }
  const lowest = tiers[tiers.length - 1];
  if (lowest !== undefined && lowest.minMilli !== 0) {
    issue(
      "CRITERIA.TIERS_NOT_FROM_ZERO",
      `Xếp loại thấp nhất phải bắt đầu từ 0 (đang là ${lowest.tier.min}) để mọi tổng điểm đều có xếp loại`,
      `The lowest tier must start at 0 (it starts at ${lowest.tier.min}) so every total has a tier`,
      { path: `tiers.${lowest.tier.id}` },
    );
  }

  // Tie-breaks and quotas.
  const byId = new Map(compiledScored.map((c) => [c.criterion.id, c]));
  const tieBreaks = set.tieBreaks.flatMap((tb, i) => {
    const target = byId.get(tb.criterionId);
    if (target === undefined) {
      issue(
        "CRITERIA.UNKNOWN_TIE_BREAK",
        `Tiêu chí phân hạng '${tb.criterionId}' không phải tiêu chí có điểm của bộ`,
        `Tie-break '${tb.criterionId}' is not a scored criterion of the set`,
        { path: `tieBreaks.${i}` },
      );
      return [];
    }
    return [{ index: target.index, direction: tb.direction }];
  });
  const tierRank = new Map(set.tiers.map((t, i) => [t.id, i]));
  set.quotas.forEach((quota, i) => {
    const top = tierRank.get(quota.tierId);
    const named = quota.kind === "share-of-tier" ? [quota.tierId, quota.ofTierId] : [quota.tierId];
    for (const id of named) {
      if (!tierRank.has(id)) {
        issue(
          "CRITERIA.UNKNOWN_TIER",
          `Hạn mức dùng xếp loại không có '${id}'`,
          `A quota names the unknown tier '${id}'`,
          {
            path: `quotas.${i}`,
          },
        );
      }
    }
    if (quota.kind === "share-of-tier" && quota.tierId === quota.ofTierId) {
      issue(
        "CRITERIA.QUOTA_SELF",
        `Hạn mức không thể giới hạn xếp loại '${quota.tierId}' theo chính nó; để giới hạn theo tỷ lệ trên số mô hình đủ điều kiện, dùng kind "share-of-qualified"`,
        `A quota cannot cap the tier '${quota.tierId}' against itself; to cap it at a share of the qualified models, use kind "share-of-qualified"`,
        { path: `quotas.${i}`, tierId: quota.tierId },
      );
    } else if (quota.kind === "share-of-tier") {
      const below = tierRank.get(quota.ofTierId);
      if (top !== undefined && below !== undefined && top > below) {
        issue(
          "CRITERIA.QUOTA_ORDER",
          `Hạn mức: '${quota.tierId}' phải là xếp loại cao hơn '${quota.ofTierId}' (xếp loại được tính theo)`,
          `Quota: '${quota.tierId}' must be a higher tier than '${quota.ofTierId}', the tier it is counted against`,
          { path: `quotas.${i}` },
        );
      }
    }
    if (top !== undefined && top === set.tiers.length - 1) {
      issue(
        "CRITERIA.QUOTA_ORDER",
        `Hạn mức không áp dụng cho xếp loại thấp nhất '${quota.tierId}'`,
        `A quota cannot cap the lowest tier '${quota.tierId}'`,
        { path: `quotas.${i}` },
      );
    }
  });
  const gap = set.aggregation.disagreement;
  const criterionGapMilli =
    gap?.criterionGap === undefined ? undefined : exact(gap.criterionGap, "aggregation.disagreement.criterionGap");
  const totalGapMilli =
    gap?.totalGap === undefined ? undefined : exact(gap.totalGap, "aggregation.disagreement.totalGap");

  if (issues.length > 0) {
    const first = issues[0] as CriteriaIssue;
    const message: LocalizedText = {
      vi: `Bộ tiêu chí có ${issues.length} lỗi; đầu tiên: ${first.message.vi}`,
      en: `The criteria set has ${issues.length} issue(s); first: ${first.message.en}`,
    };
    return err(domainError("CRITERIA.INVALID", message, { issues }));
  }
  return ok({
    set,
    totalMilli,
    scored: compiledScored,
    gates,
    scales,
    tiers,
    inputs,
    tieBreaks,
    quotas: set.quotas,
    criterionGapMilli,
    totalGapMilli,
    order,
    groups: groupIndices,
    allowances,
  });
}
