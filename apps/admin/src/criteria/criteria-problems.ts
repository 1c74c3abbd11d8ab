import { type CriteriaSet, validateCriteriaSet } from "@lantoa/domain/criteria";
import type { DomainError } from "@lantoa/domain/errors";

/** One problem of the edited set, placed where the editor can show it. */
export interface CriteriaProblem {
  code: string;
  message: { vi: string; en: string };
  /** Ids joined by dots (`impact.reach`, `tiers.good`) or a JSON path for shape problems. */
  path: string;
  /** The criterion, gate or group the problem belongs to, when there is one. */
  nodeId: string | null;
  /** For formulas: where the error is. */
  position: { offset: number; line: number; column: number } | null;
}

const num = (v: unknown) => (typeof v === "number" ? v : null);

function shapeMessage(path: string, raw: string): { vi: string; en: string } {
  const field = path.split(".").at(-1) ?? "";
  if (field === "id" || field === "code" || field === "scaleId" || field === "criterionId" || field === "input") {
    return {
      vi: `Mã tại “${path}” chưa hợp lệ: chỉ dùng chữ không dấu, chữ số, dấu - và _, bắt đầu bằng chữ hoặc số.`,
      en: `The code at “${path}” is invalid: use letters without diacritics, digits, - and _, starting with a letter or digit.`,
    };
  }
  if (field === "vi" || field === "en" || field === "expression") {
    return { vi: `Hãy nhập nội dung cho “${path}”.`, en: `Fill in “${path}”.` };
  }
  return {
    vi: `Giá trị tại “${path || "bộ tiêu chí"}” chưa hợp lệ (${raw}). Hãy kiểm tra lại ô này.`,
    en: `The value at “${path || "the set"}” is invalid (${raw}). Check this field.`,
  };
}

/**
 * Runs the domain's validation (the same the gateway runs on save) and flattens its
 * result into problems the editor can attach to nodes and formula positions.
 */
export function criteriaProblems(definition: unknown): { set: CriteriaSet | null; problems: CriteriaProblem[] } {
  const checked = validateCriteriaSet(definition);
  if (checked.ok) return { set: checked.value, problems: [] };
  const issues = (checked.error.details?.issues ?? []) as unknown[];
  if (checked.error.code === "CRITERIA.SHAPE") {
    const def = definition as { criteria?: unknown };
    return {
      set: null,
      problems: (issues as { path: string; message: string }[]).map((i) => ({
        code: "CRITERIA.SHAPE",
        message: shapeMessage(i.path, i.message),
        path: i.path,
        nodeId: nodeIdAtPath(def, i.path),
        position: null,
      })),
    };
  }
  return {
    set: null,
    problems: (issues as DomainError[]).map((i) => {
      const path = String(i.details?.path ?? "");
      const offset = num(i.details?.offset);
      const line = num(i.details?.line);
      const column = num(i.details?.column);
      const criterionId = typeof i.details?.criterionId === "string" ? i.details.criterionId : null;
      const top = path.split(".")[0];
      const isSetting = ["inputs", "scales", "tiers", "tieBreaks", "quotas", "totalPoints", "criteria"].includes(
        top ?? "",
      );
      return {
        code: i.code,
        message: i.message,
        path,
        nodeId: criterionId ?? (isSetting ? null : (path.split(".").at(-1) ?? null)),
        position: offset !== null && line !== null && column !== null ? { offset, line, column } : null,
      };
    }),
  };
}

/** The id of the criteria node a JSON path such as `criteria.1.children.0.label.vi` points into. */
function nodeIdAtPath(definition: { criteria?: unknown }, path: string): string | null {
  const parts = path.split(".");
  if (parts[0] !== "criteria") return null;
  let nodes = definition.criteria as { id?: string; children?: unknown }[] | undefined;
  let found: string | null = null;
  for (let i = 1; i < parts.length; i += 2) {
    const node = nodes?.[Number(parts[i])];
    if (!node) break;
    found = node.id ?? found;
    if (parts[i + 1] !== "children") break;
    nodes = node.children as typeof nodes;
  }
  return found;
}
