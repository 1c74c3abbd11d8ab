import { type DomainError, domainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import type { Level, LevelSet } from "./level-set.js";

/**
 * Looks a level code up in every level set, current or past, so a record made before a
 * reform still gets its label (a 2020 "district" unit after 2025-07-01).
 *
 * @example findLevel(defaultLevelSets, "district") // ok({ code: "district", label: { vi: "Cấp huyện", ... }, rank: 1 })
 */
export function findLevel(
  levelSets: readonly LevelSet[],
  code: string,
): Result<Level, DomainError<"ORG.UNKNOWN_LEVEL">> {
  for (const set of levelSets) {
    const level = set.levels.find((l) => l.code === code);
    if (level !== undefined) return ok(level);
  }
  return err(
    domainError("ORG.UNKNOWN_LEVEL", { vi: `Không có cấp "${code}"`, en: `Unknown level "${code}"` }, { code }),
  );
}
