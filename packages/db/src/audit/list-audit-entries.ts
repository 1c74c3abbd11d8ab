import { type Kysely, sql } from "kysely";
import type { Database } from "../database.js";
import { withinSubtree } from "../units/within-subtree.js";

/** What the audit log can be narrowed to; every filter is optional and they combine with AND. */
export interface AuditFilter {
  /**
   * Only entries about records of these units' subtrees (a unit admin's scope). Undefined
   * reads everything, including entries about no unit (criteria sets, configuration).
   */
  readonly withinUnitIds?: readonly string[] | undefined;
  /** The actor's username. */
  readonly actor?: string | undefined;
  /** An action or the start of one: "model" matches "model.approve" and "model.submit". */
  readonly action?: string | undefined;
  /** The kind of record: unit, model, commendation, golden_book_entry, inspection, round… */
  readonly entity?: string | undefined;
  readonly entityId?: string | undefined;
  /** From this day and up to this day, inclusive (YYYY-MM-DD, the server's time zone). */
  readonly fromDate?: string | undefined;
  readonly toDate?: string | undefined;
}

/** One audit entry as people read it: who, what, when, about which record (and its unit), before and after. */
export interface AuditEntryRow {
  readonly id: number;
  readonly at: string;
  readonly actorUsername: string | null;
  readonly actorName: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  /** The unit the record belongs to, when it belongs to one. */
  readonly unitId: string | null;
  readonly unitName: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * The unit an audited record belongs to, by the kind of record: a unit itself, a model's
 * owner, a commendation's model owner or recipient unit, a golden-book entry's unit, an
 * inspection's inspected unit (and its findings' corrective actions), a round's organizer
 * (and its scorecards'). Other records (criteria sets, configuration, imports) belong to no
 * unit. Each branch only runs for its kind, so `entity_id` is a uuid wherever it is cast.
 */
const auditUnitId = sql<string | null>`case a.entity
  when 'unit' then a.entity_id::uuid
  when 'model' then (select m.owner_unit_id from models m where m.id = a.entity_id::uuid)
  when 'commendation' then (
    select coalesce(m.owner_unit_id, c.recipient_unit_id) from commendations c
    left join models m on m.id = c.recipient_model_id where c.id = a.entity_id::uuid)
  when 'golden_book_entry' then (select g.unit_id from golden_book_entries g where g.id = a.entity_id::uuid)
  when 'inspection' then (select i.unit_id from inspections i where i.id = a.entity_id::uuid)
  when 'corrective_action' then (
    select i.unit_id from corrective_actions ca
    join inspection_findings f on f.id = ca.finding_id
    join inspections i on i.id = f.inspection_id where ca.id = a.entity_id::uuid)
  when 'round' then (select r.organizer_unit_id from rounds r where r.id = a.entity_id::uuid)
  when 'scorecard' then (
    select r.organizer_unit_id from scorecards s join rounds r on r.id = s.round_id where s.id = a.entity_id::uuid)
  else null end`;

function filtered(db: Kysely<Database>, filter: AuditFilter) {
  let query = db
    .selectFrom("audit_log as a")
    .leftJoin("users as actor", "actor.id", "a.actor_user_id")
    .leftJoin(
      (eb) =>
        eb
          .selectFrom("units")
          .select(["units.id as unit_id", "units.name as unit_name", "units.path as unit_path"])
          .as("owner"),
      (join) => join.on(sql<boolean>`owner.unit_id = ${auditUnitId}`),
    );
  if (filter.withinUnitIds !== undefined) {
    const scopes = filter.withinUnitIds.map((unitId) => withinSubtree("owner.unit_path", unitId));
    query = query.where(scopes.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(scopes, sql` or `)})`);
  }
  if (filter.actor !== undefined) query = query.where("actor.username", "=", filter.actor);
  if (filter.action !== undefined) {
    const action = filter.action;
    query = query.where((eb) =>
      eb.or([eb("a.action", "=", action), eb("a.action", "like", `${escapeLike(action)}.%`)]),
    );
  }
  if (filter.entity !== undefined) query = query.where("a.entity", "=", filter.entity);
  if (filter.entityId !== undefined) query = query.where("a.entity_id", "=", filter.entityId);
  if (filter.fromDate !== undefined) query = query.where("a.at", ">=", sql<Date>`${filter.fromDate}::date`);
  if (filter.toDate !== undefined) query = query.where("a.at", "<", sql<Date>`${filter.toDate}::date + 1`);
  return query;
}

/**
 * A keyset page, newest first: entries older than `beforeId` and newer than `afterId`, at
 * most `limit`; `inverted` reads back from `afterId`, oldest first, nearest it first, as
 * Relay's `last`/`before` helpers (Pothos' `resolveCursorConnection`) expect: they trim the
 * extra row from that end, then reverse.
 */
export interface AuditPage {
  readonly beforeId?: number | undefined;
  readonly afterId?: number | undefined;
  readonly limit: number;
  readonly inverted?: boolean | undefined;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The audit log, newest first, filtered and paged by keyset on the entry id (entries are
 * only ever appended, so ids follow time).
 *
 * @example
 * await listAuditEntries(db, { withinUnitIds: [thanhLiem], action: "model" }, { limit: 50 });
 * // [{ action: "model.approve", entity: "model", actorName: "Ban Tuyên giáo…", before: { status: "submitted" }, … }]
 */
export async function listAuditEntries(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: AuditPage,
): Promise<AuditEntryRow[]> {
  let query = filtered(db, filter).select([
    "a.id",
    "a.at",
    "actor.username as actorUsername",
    "actor.display_name as actorName",
    "a.action",
    "a.entity",
    "a.entity_id as entityId",
    "owner.unit_id as unitId",
    "owner.unit_name as unitName",
    "a.before",
    "a.after",
  ]);
  if (page.beforeId !== undefined) query = query.where("a.id", "<", page.beforeId);
  if (page.afterId !== undefined) query = query.where("a.id", ">", page.afterId);
  const rows = await query
    .orderBy("a.id", page.inverted ? "asc" : "desc")
    .limit(page.limit)
    .execute();
  return rows.map((row) => ({ ...row, id: Number(row.id), at: new Date(row.at).toISOString() }));
}

/** How many entries match the filter. */
export async function countAuditEntries(db: Kysely<Database>, filter: AuditFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
