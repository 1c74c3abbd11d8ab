import { type Kysely, sql } from "kysely";

// Frozen in time: a migration never imports application code.

/**
 * One golden-book entry per unit, subject name, date and deed, the name and deed
 * compared as the spreadsheet import compares them (Unicode NFC, spacing collapsed,
 * ends trimmed, case folded). The import already refuses a file that repeats an entry;
 * this keeps two concurrent imports, or any other writer, from adding the same entry twice.
 * It fails on a database that already holds such twins: merge them first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION lantoa_match_key(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(regexp_replace(regexp_replace(normalize(value, NFC), '\\s+', ' ', 'g'), '^ | $', '', 'g'))
  `.execute(db);
  await sql`
    CREATE UNIQUE INDEX golden_book_natural_key ON golden_book_entries
      (unit_id, lantoa_match_key(subject_name), deed_date, lantoa_match_key(deed))
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX golden_book_natural_key`.execute(db);
  await sql`DROP FUNCTION lantoa_match_key(text)`.execute(db);
}
