import { sql } from "kysely";
import type { DbTransaction } from "../executor.js";

/**
 * Whose sessions a transaction changed: the ids of the users whose tokens may now stand
 * for something else (signed out, disabled, other roles, a scope unit moved), or
 * `"everyone"` when too many to list.
 */
export type SessionChange = "everyone" | ReadonlySet<string>;

/**
 * What the transaction has changed so far about who session tokens stand for, or null
 * when nothing. Triggers on `sessions`, `users`, `role_assignments` and `units` note it
 * (migration `2026_12_02_0600_session_change_marks`), whatever statement made the change;
 * read it last, just before commit. One statement.
 */
export async function sessionChangesIn(trx: DbTransaction): Promise<SessionChange | null> {
  const { rows } = await sql<{
    noted: string | null;
  }>`select current_setting('lantoa.session_changes', true) as noted`.execute(trx);
  const noted = rows[0]?.noted ?? "";
  if (noted === "") return null;
  if (noted === "*") return "everyone";
  return new Set(noted.split(",").filter((id) => id !== ""));
}
