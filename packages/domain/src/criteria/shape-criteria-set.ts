import { type DomainError, domainError, err, ok, type Result } from "../errors/index.js";
import { safeParseShape } from "../internal/shape-issues.js";
import { type CriteriaSet, CriteriaSetSchema } from "./criteria-set.js";

/**
 * Parses unknown JSON as a criteria set's shape, defaults filled in: `CRITERIA.SHAPE`
 * with each issue's path and message (an unknown key with the key probably meant).
 *
 * @example
 * shapeCriteriaSet({ status: "draft", id: "x" }) // err CRITERIA.SHAPE { issues: [{ path: "name", ... }, ...] }
 */
export function shapeCriteriaSet(input: unknown): Result<CriteriaSet, DomainError<"CRITERIA.SHAPE">> {
  const parsed = safeParseShape(CriteriaSetSchema, input);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.issues;
  return err(
    domainError(
      "CRITERIA.SHAPE",
      {
        vi: `Bộ tiêu chí không đúng cấu trúc (${issues.length} lỗi)`,
        en: `The criteria set is malformed (${issues.length} issue(s))`,
      },
      { issues },
    ),
  );
}
