import { type DomainError, domainError, err, ok, type Result } from "../errors/index.js";
import { safeParseShape } from "../internal/shape-issues.js";
import { compileCriteriaSet } from "./compile-criteria-set.js";
import { type CriteriaSet, CriteriaSetSchema } from "./criteria-set.js";

/**
 * Validates unknown JSON as a criteria set: its shape with zod (`CRITERIA.SHAPE`, with
 * each issue's path and message; an unknown key, such as `eliminatry` or `quota`, is an
 * issue with `code: "UNKNOWN_KEY"` and the nearest known key as `suggestion`), then its meaning with {@link compileCriteriaSet} (`CRITERIA.INVALID`,
 * with every issue in `details.issues`). What a save does.
 *
 * @example
 * const r = validateCriteriaSet({ ...draft, totalPoints: 95 });
 * // r.ok === false; r.error.details.issues[0].code === "CRITERIA.POINTS_MISMATCH",
 * // message.en: "The declared total is 95 points but the criteria add up to 100"
 */
export function validateCriteriaSet(
  input: unknown,
): Result<CriteriaSet, DomainError<"CRITERIA.SHAPE" | "CRITERIA.INVALID">> {
  const parsed = safeParseShape(CriteriaSetSchema, input);
  if (!parsed.success) {
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
  const compiled = compileCriteriaSet(parsed.data);
  return compiled.ok ? ok(parsed.data) : compiled;
}
