import type { DomainError, Result } from "../errors/index.js";
import { checkCriteriaSet } from "./compile-criteria-set.js";
import type { CriteriaSet } from "./criteria-set.js";
import { shapeCriteriaSet } from "./shape-criteria-set.js";

/**
 * Validates unknown JSON as a criteria set: its shape with zod (`CRITERIA.SHAPE`, with
 * each issue's path and message; an unknown key, such as `eliminatry` or `quota`, is an
 * issue with `code: "UNKNOWN_KEY"` and the nearest known key as `suggestion`), then its meaning with {@link checkCriteriaSet} (`CRITERIA.INVALID`,
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
  const shaped = shapeCriteriaSet(input);
  if (!shaped.ok) return shaped;
  const compiled = checkCriteriaSet(shaped.value);
  return compiled.ok ? shaped : compiled;
}
