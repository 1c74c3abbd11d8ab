import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database } from "../database.js";
import type { CriteriaSetTable, CriteriaSetVersionTable } from "./criteria.table.js";

/** A criteria set as the API shows it; `has_published` says whether anyone may read it. */
export type CriteriaSetRow = Selectable<CriteriaSetTable> & { has_published: boolean };

/** A criteria-set version with its set's code and name beside it. */
export type CriteriaVersionRow = Selectable<CriteriaSetVersionTable> & { set_code: string; set_name: string };

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Criteria sets by code. With `includeDrafts: false` only sets that have a published
 * version are listed (what anyone may read).
 *
 * @example
 * const sets = await listCriteriaSets(db, { includeDrafts: isSystemAdmin });
 */
export function listCriteriaSets(db: Db, options: { includeDrafts: boolean }): Promise<CriteriaSetRow[]> {
  let query = setQuery(db).orderBy("s.code");
  if (!options.includeDrafts) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("criteria_set_versions as v")
          .select("v.id")
          .whereRef("v.criteria_set_id", "=", "s.id")
          .where("v.status", "=", "published"),
      ),
    );
  }
  return query.execute();
}

/**
 * Criteria sets by id, in the order asked (undefined where none), for a DataLoader.
 *
 * @example
 * const [set] = await findCriteriaSetsByIds(db, [id]);
 */
export async function findCriteriaSetsByIds(db: Db, ids: readonly string[]): Promise<(CriteriaSetRow | undefined)[]> {
  if (ids.length === 0) return [];
  const rows = await setQuery(db)
    .where("s.id", "in", [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id));
}

/**
 * The id of the criteria set with this code, if any (codes are unique).
 *
 * @example
 * const taken = await findCriteriaSetIdByCode(trx, "hoi-thi-2026"); // undefined when free
 */
export async function findCriteriaSetIdByCode(db: Db, code: string): Promise<string | undefined> {
  const row = await db.selectFrom("criteria_sets").select("id").where("code", "=", code).executeTakeFirst();
  return row?.id;
}

function setQuery(db: Db) {
  return db
    .selectFrom("criteria_sets as s")
    .selectAll("s")
    .select(({ exists, selectFrom }) =>
      exists(
        selectFrom("criteria_set_versions as p")
          .select("p.id")
          .whereRef("p.criteria_set_id", "=", "s.id")
          .where("p.status", "=", "published"),
      )
        .$castTo<boolean>()
        .as("has_published"),
    );
}

function versionQuery(db: Db) {
  return db
    .selectFrom("criteria_set_versions as v")
    .innerJoin("criteria_sets as s", "s.id", "v.criteria_set_id")
    .selectAll("v")
    .select(["s.code as set_code", "s.name as set_name"]);
}

/**
 * Versions by id, in the order asked (undefined where none), for a DataLoader.
 *
 * @example
 * const [version] = await findCriteriaVersionsByIds(db, [id]);
 */
export async function findCriteriaVersionsByIds(
  db: Db,
  ids: readonly string[],
): Promise<(CriteriaVersionRow | undefined)[]> {
  if (ids.length === 0) return [];
  const rows = await versionQuery(db)
    .where("v.id", "in", [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id));
}

/**
 * The versions of each set, newest first, in the order of `setIds`; drafts only when
 * `includeDrafts`. One query for any number of sets.
 *
 * @example
 * const [versionsOfA, versionsOfB] = await criteriaVersionsOfSets(db, [a, b], { includeDrafts: false });
 */
export async function criteriaVersionsOfSets(
  db: Db,
  setIds: readonly string[],
  options: { includeDrafts: boolean },
): Promise<CriteriaVersionRow[][]> {
  if (setIds.length === 0) return [];
  let query = versionQuery(db)
    .where("v.criteria_set_id", "in", [...setIds])
    .orderBy("v.version_number", "desc");
  if (!options.includeDrafts) query = query.where("v.status", "=", "published");
  const rows = await query.execute();
  return setIds.map((id) => rows.filter((r) => r.criteria_set_id === id));
}

/**
 * Every published version, by set code then newest first: the public rubric list.
 *
 * @example
 * const rubrics = await publishedCriteriaVersions(db);
 */
export function publishedCriteriaVersions(db: Db): Promise<CriteriaVersionRow[]> {
  return versionQuery(db)
    .where("v.status", "=", "published")
    .orderBy("s.code")
    .orderBy("v.version_number", "desc")
    .execute();
}
