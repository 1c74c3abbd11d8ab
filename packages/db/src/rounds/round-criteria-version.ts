import type { CriteriaSetVersionTable } from "../criteria/criteria.table.js";
import type { DbExecutor } from "../executor.js";

/**
 * A criteria set's version by the set's code and the version's number (what a round's
 * organizer names), whatever its status; undefined when there is none.
 *
 * @example
 * (await findCriteriaVersionByNumber(trx, "default", 1))?.status // "published"
 */
export function findCriteriaVersionByNumber(
  db: DbExecutor,
  setCode: string,
  versionNumber: number,
): Promise<{ id: string; status: CriteriaSetVersionTable["status"]; definition: unknown } | undefined> {
  return db
    .selectFrom("criteria_set_versions as v")
    .innerJoin("criteria_sets as s", "s.id", "v.criteria_set_id")
    .select(["v.id", "v.status", "v.definition"])
    .where("s.code", "=", setCode)
    .where("v.version_number", "=", versionNumber)
    .executeTakeFirst();
}
