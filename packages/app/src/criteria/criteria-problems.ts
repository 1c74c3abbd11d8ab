import type { DomainError, ShapeIssue } from "@lantoa/domain/errors";

/** One problem of a criteria set: what, where (`path`, ids joined by dots) and, in a formula, the position. */
export interface CriteriaProblem {
  readonly code: string;
  readonly message: { readonly vi: string; readonly en: string };
  readonly path: string;
  readonly criterionId: string | null;
  readonly offset: number | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly excerpt: string | null;
}

/** Whether a refusal is about the definition itself (malformed or unsound), carrying problems to show. */
export function isCriteriaInvalid(error: DomainError): boolean {
  return error.code === "CRITERIA.SHAPE" || error.code === "CRITERIA.INVALID";
}

const numberOrNull = (v: unknown) => (typeof v === "number" ? v : null);
const stringOrNull = (v: unknown) => (typeof v === "string" ? v : null);

/** An unknown key is refused rather than dropped: a typo must not silently change a rubric. */
function unknownKeyMessage(i: ShapeIssue): { vi: string; en: string } {
  const hint = i.suggestion
    ? { vi: ` Có phải ý bạn là “${i.suggestion}”?`, en: ` Did you mean “${i.suggestion}”?` }
    : { vi: "", en: "" };
  return {
    vi: `Khóa “${i.key}” tại “${i.path}” không có trong định nghĩa bộ tiêu chí.${hint.vi}`,
    en: `The key “${i.key}” at “${i.path}” is not part of a criteria set.${hint.en}`,
  };
}

/**
 * Flattens the domain's validation error into problems an editor can place: a shape
 * issue per field (an unknown key as `CRITERIA.UNKNOWN_KEY`, naming the key meant), or
 * each compile issue with its formula position.
 *
 * @example criteriaProblemsOf(parseCriteriaDefinition(text).error)[0].line // 2
 */
export function criteriaProblemsOf(error: DomainError): CriteriaProblem[] {
  const issues = (error.details?.issues ?? []) as unknown[];
  if (error.code === "CRITERIA.SHAPE") {
    return (issues as ShapeIssue[]).map((i) => ({
      code: i.code === "UNKNOWN_KEY" ? "CRITERIA.UNKNOWN_KEY" : "CRITERIA.SHAPE",
      message:
        i.code === "UNKNOWN_KEY"
          ? unknownKeyMessage(i)
          : {
              vi: `Dữ liệu tại “${i.path || "gốc"}” không hợp lệ (${i.messageVi}). Hãy sửa trường này.`,
              en: `The value at “${i.path || "root"}” is invalid (${i.message}). Fix this field.`,
            },
      path: i.path,
      criterionId: null,
      offset: null,
      line: null,
      column: null,
      excerpt: null,
    }));
  }
  return (issues as DomainError[]).map((i) => ({
    code: i.code,
    message: i.message,
    path: String(i.details?.path ?? ""),
    criterionId: stringOrNull(i.details?.criterionId),
    offset: numberOrNull(i.details?.offset),
    line: numberOrNull(i.details?.line),
    column: numberOrNull(i.details?.column),
    excerpt: stringOrNull(i.details?.excerpt),
  }));
}
