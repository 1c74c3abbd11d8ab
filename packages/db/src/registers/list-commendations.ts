import { type Kysely, type Selectable, sql } from "kysely";
import type { Database } from "../database.js";
import type { CommendationTable } from "./registers.table.js";

/** What a commendations list may be narrowed to. */
export interface CommendationFilter {
  /** Recipient model owned by, or recipient unit at, this unit or below it (a materialized path). */
  readonly withinPath?: string;
  /** Where the commendation stands on `on`: in force, revoked or suspended (as `commendationStatusOn` decides). */
  readonly status?: "in-force" | "revoked" | "suspended";
  /** The day the status is judged on (YYYY-MM-DD). */
  readonly on: string;
  /** The year of the decision. */
  readonly year?: number;
  readonly limit: number;
  readonly offset?: number;
}

/**
 * Commendations, newest decision first, filtered by subtree, status on a day and
 * decision year, in one statement. The SQL status mirrors the domain's
 * `commendationStatusOn` (revocation wins, then validity, then an open suspension).
 *
 * @example
 * await listCommendations(db, { withinPath: unit.path, status: "suspended", on: "2023-09-01", limit: 50 })
 * // select c.* from commendations c left join models m … where u.path like '…%' and exists (select … suspensions …)
 */
export async function listCommendations(
  db: Kysely<Database>,
  filter: CommendationFilter,
): Promise<{ rows: Selectable<CommendationTable>[]; totalCount: number }> {
  let query = db
    .selectFrom("commendations as c")
    .leftJoin("models as m", "m.id", "c.recipient_model_id")
    .leftJoin("units as u", (join) => join.on(sql<boolean>`u.id = coalesce(m.owner_unit_id, c.recipient_unit_id)`));
  if (filter.withinPath !== undefined) query = query.where("u.path", "like", `${filter.withinPath}%`);
  if (filter.year !== undefined) {
    query = query
      .where("c.decision_date", ">=", `${filter.year}-01-01`)
      .where("c.decision_date", "<=", `${filter.year}-12-31`);
  }
  const on = filter.on;
  const revoked = sql<boolean>`(c.revoked_on is not null and c.revoked_on <= ${on}::date)`;
  const suspended = sql<boolean>`exists (select 1 from commendation_suspensions s where s.commendation_id = c.id
    and s.suspended_from <= ${on}::date and (s.suspended_until is null or ${on}::date <= s.suspended_until))`;
  const effective = sql<boolean>`(c.decision_date <= ${on}::date and (c.valid_until is null or ${on}::date <= c.valid_until))`;
  switch (filter.status) {
    case undefined:
      break;
    case "revoked":
      query = query.where(revoked);
      break;
    case "suspended":
      query = query.where(sql<boolean>`not ${revoked} and ${effective} and ${suspended}`);
      break;
    case "in-force":
      query = query.where(sql<boolean>`not ${revoked} and ${effective} and not ${suspended}`);
      break;
    default: {
      const never: never = filter.status;
      return never;
    }
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll("c")
      .orderBy("c.decision_date", "desc")
      .orderBy("c.id")
      .limit(filter.limit)
      .offset(filter.offset ?? 0)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, totalCount: Number(count.n) };
}
