import { type DomainError, domainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import type { IsoDate } from "../internal/iso-date.js";
import type { LevelSet } from "./level-set.js";

/**
 * The level set in force on `date` (`YYYY-MM-DD`). Fails with `ORG.NO_LEVEL_SET` when
 * none covers the date and `ORG.OVERLAPPING_LEVEL_SETS` when more than one does.
 *
 * @example
 * levelSetOn(defaultLevelSets, "2025-06-30") // ok({ code: "vn-three-tier", ... })
 * levelSetOn(defaultLevelSets, "2025-07-01") // ok({ code: "vn-two-tier", ... })
 */
export function levelSetOn(
  levelSets: readonly LevelSet[],
  date: IsoDate,
): Result<LevelSet, DomainError<"ORG.NO_LEVEL_SET" | "ORG.OVERLAPPING_LEVEL_SETS">> {
  const matching = levelSets.filter(
    (s) => (s.validFrom === null || s.validFrom <= date) && (s.validTo === null || date <= s.validTo),
  );
  const [only, second] = matching;
  if (only === undefined) {
    return err(
      domainError(
        "ORG.NO_LEVEL_SET",
        { vi: `Không có hệ thống cấp nào áp dụng vào ngày ${date}`, en: `No level set is in force on ${date}` },
        { date },
      ),
    );
  }
  if (second !== undefined) {
    return err(
      domainError(
        "ORG.OVERLAPPING_LEVEL_SETS",
        {
          vi: `Nhiều hệ thống cấp cùng áp dụng vào ngày ${date}`,
          en: `More than one level set is in force on ${date}`,
        },
        { date, levelSetCodes: matching.map((s) => s.code) },
      ),
    );
  }
  return ok(only);
}
