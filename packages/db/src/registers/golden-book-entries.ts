import { type Insertable, sql } from "kysely";
import type { DbExecutor, DbTransaction } from "../executor.js";
import type { GoldenBookEntryRow, GoldenBookEntryTable } from "./registers.table.js";

/** A golden-book entry with the path of its unit (what access checks compare). */
export type GoldenBookEntryWithPath = GoldenBookEntryRow & { unit_path: string };

/**
 * One entry with its unit's path, or undefined when there is none.
 *
 * @example const entry = await findGoldenBookEntry(db, id); entry?.unit_path // "/ha-nam/thanh-liem/"
 */
export async function findGoldenBookEntry(db: DbExecutor, id: string): Promise<GoldenBookEntryWithPath | undefined> {
  return db
    .selectFrom("golden_book_entries as g")
    .innerJoin("units as u", "u.id", "g.unit_id")
    .selectAll("g")
    .select("u.path as unit_path")
    .where("g.id", "=", id)
    .executeTakeFirst();
}

/** An entry locked for the rest of the transaction (undefined when there is none). */
export async function lockGoldenBookEntry(trx: DbTransaction, id: string): Promise<GoldenBookEntryRow | undefined> {
  return trx.selectFrom("golden_book_entries").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/**
 * The user who nominated an entry, as the audit log names them; null for an entry with
 * no such record (imported, or nominated at the command line).
 *
 * @example await findGoldenBookNominator(trx, id) // "7c0e…" (a user id)
 */
export async function findGoldenBookNominator(db: DbExecutor, entryId: string): Promise<string | null> {
  const nomination = await db
    .selectFrom("audit_log")
    .select("actor_user_id")
    .where("entity", "=", "golden_book_entry")
    .where("entity_id", "=", entryId)
    .where("action", "=", "createGoldenBookEntry")
    .executeTakeFirst();
  return nomination?.actor_user_id ?? null;
}

/**
 * The id of the entry with the same natural key (unit, deed day, and subject and deed
 * compared without case, extra spaces or diacritics by `lantoa_match_key`), if any: the
 * unique index would otherwise answer a repeated nomination with a crash.
 *
 * @example await findGoldenBookTwin(trx, { unitId, deedDate: "2023-08-02", subjectName: " nguyễn  thị HOA ", deed })
 */
export async function findGoldenBookTwin(
  db: DbExecutor,
  entry: { unitId: string; deedDate: string; subjectName: string; deed: string },
): Promise<string | undefined> {
  const twin = await db
    .selectFrom("golden_book_entries")
    .select("id")
    .where("unit_id", "=", entry.unitId)
    .where("deed_date", "=", entry.deedDate)
    .where(sql`lantoa_match_key(subject_name)`, "=", sql<string>`lantoa_match_key(${entry.subjectName})`)
    .where(sql`lantoa_match_key(deed)`, "=", sql<string>`lantoa_match_key(${entry.deed})`)
    .executeTakeFirst();
  return twin?.id;
}

/** Inserts a nominated entry. */
export async function insertGoldenBookEntry(db: DbExecutor, values: Insertable<GoldenBookEntryTable>): Promise<void> {
  await db.insertInto("golden_book_entries").values(values).execute();
}
