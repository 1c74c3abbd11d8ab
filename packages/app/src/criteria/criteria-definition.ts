import { validateCriteriaSet } from "@lantoa/domain/criteria";
import { domainError } from "@lantoa/domain/errors";
import * as z from "zod";

/** A criteria set's definition as JSON text; the default set is about 8 KB. */
export const CriteriaDefinitionText = z.string().max(200_000);

/**
 * Parses a definition sent as JSON text and validates it with the domain: text that is
 * not JSON is `CRITERIA.SHAPE` like a wrong structure, so callers meet one set of
 * problems whether they save a draft or only check it.
 *
 * @example parseCriteriaDefinition("{ not json").error.code // "CRITERIA.SHAPE"
 */
export function parseCriteriaDefinition(text: string): ReturnType<typeof validateCriteriaSet> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: domainError(
        "CRITERIA.SHAPE",
        { vi: "Định nghĩa bộ tiêu chí không phải JSON hợp lệ", en: "The definition is not valid JSON" },
        { issues: [{ path: "", message: "not JSON" }] },
      ),
    };
  }
  return validateCriteriaSet(json);
}
