import type { DomainError } from "@lantoa/domain/errors";

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

/**
 * Flattens the domain's validation error into problems an editor can place: a shape
 * issue per field, or each compile issue with its formula position.
 *
 * @example criteriaProblemsOf(parseCriteriaDefinition(text).error)[0].line // 2
 */
export function criteriaProblemsOf(error: DomainError): CriteriaProblem[] {
  const issues = (error.details?.issues ?? []) as unknown[];
  if (error.code === "CRITERIA.SHAPE") {
    return (issues as { path: string; message: string }[]).map((i) => ({
      code: "CRITERIA.SHAPE",
      message: {
        vi: `Dữ liệu tại “${i.path || "gốc"}” không hợp lệ (${i.message}). Hãy sửa trường này.`,
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
