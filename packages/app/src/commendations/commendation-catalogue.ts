import { type DbExecutor, hasLabel } from "@lantoa/db";
import { type DomainError, domainError } from "@lantoa/domain/errors";
import { defaultCommendationForms } from "@lantoa/domain/register";
import * as z from "zod";

/** A level or form code: lower-case words joined by hyphens. */
export const CatalogueCode = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(64);

/**
 * The one rule on what a commendation may be, for a single decision and a round's alike:
 * its level configured (see the levels catalogue) and its form one the domain knows.
 * Null when both are; otherwise COMMENDATION.UNKNOWN_LEVEL_OR_FORM naming both.
 */
export async function unknownLevelOrForm(
  trx: DbExecutor,
  level: string,
  form: string,
): Promise<DomainError<"COMMENDATION.UNKNOWN_LEVEL_OR_FORM"> | null> {
  const known = defaultCommendationForms.some((f) => f.code === form) && (await hasLabel(trx, "levels", level));
  if (known) return null;
  return domainError(
    "COMMENDATION.UNKNOWN_LEVEL_OR_FORM",
    {
      vi: "Cấp hoặc hình thức khen thưởng không có trong danh mục.",
      en: "The commendation level or form is not configured.",
    },
    { level, form },
  );
}
