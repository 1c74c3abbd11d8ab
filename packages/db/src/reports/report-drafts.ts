import type { ReportDraft } from "@lantoa/domain/document";
import { err, ok, type Result } from "@lantoa/domain/errors";
import type { DbExecutor, DbTransaction } from "../executor.js";
import { type StaleVersionError, staleVersion } from "../shared/stale-version.js";
import { withinSubtree } from "../units/within-subtree.js";
import type { ReportDraftRow } from "./report-drafts.table.js";

/** A report draft with the path of its unit (what access checks compare). */
export type ReportDraftWithPath = ReportDraftRow & { unit_path: string };

/**
 * A stored draft as the domain's {@link ReportDraft}.
 *
 * @example parseReportDraft({ ...reportDraftFromRow(row), subject: "…" })
 */
export function reportDraftFromRow(row: ReportDraftRow): ReportDraft {
  return {
    unitId: row.unit_id,
    fromYear: row.from_year,
    toYear: row.to_year,
    superiorBody: row.superior_body,
    issuingBody: row.issuing_body,
    numberSymbol: row.number_symbol,
    place: row.place,
    reportDate: row.report_date,
    subject: row.subject,
    sections: row.sections,
    recipients: row.recipients,
    signerTitle: row.signer_title,
    signerName: row.signer_name,
  };
}

function columns(draft: ReportDraft) {
  return {
    unit_id: draft.unitId,
    from_year: draft.fromYear,
    to_year: draft.toYear,
    superior_body: draft.superiorBody,
    issuing_body: draft.issuingBody,
    number_symbol: draft.numberSymbol,
    place: draft.place,
    report_date: draft.reportDate,
    subject: draft.subject,
    sections: JSON.stringify(draft.sections),
    recipients: [...draft.recipients],
    signer_title: draft.signerTitle,
    signer_name: draft.signerName,
  };
}

/** Inserts a new draft under `id`. */
export async function insertReportDraft(trx: DbTransaction, id: string, draft: ReportDraft): Promise<void> {
  await trx
    .insertInto("report_drafts")
    .values({ id, ...columns(draft) })
    .execute();
}

/**
 * Saves a draft if nobody saved it since `expectedVersion`; otherwise writes nothing and
 * returns a {@link StaleVersionError}.
 *
 * @example await saveReportDraft(trx, id, parsed.value, 3, now)
 */
export async function saveReportDraft(
  trx: DbTransaction,
  id: string,
  draft: ReportDraft,
  expectedVersion: number,
  now: Date,
): Promise<Result<{ version: number }, StaleVersionError>> {
  const saved = await trx
    .updateTable("report_drafts")
    .set((eb) => ({ ...columns(draft), updated_at: now, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .returning("version")
    .executeTakeFirst();
  return saved ? ok({ version: saved.version }) : err(staleVersion("report_drafts", id, expectedVersion));
}

/** Deletes a draft. */
export async function deleteReportDraft(trx: DbTransaction, id: string): Promise<void> {
  await trx.deleteFrom("report_drafts").where("id", "=", id).execute();
}

/**
 * One draft with its unit's path; pass a transaction and `forUpdate` to lock it.
 *
 * @example (await findReportDraft(db, id))?.unit_path // "/…/"
 */
export async function findReportDraft(
  db: DbExecutor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReportDraftWithPath | undefined> {
  let query = db
    .selectFrom("report_drafts as d")
    .innerJoin("units as u", "u.id", "d.unit_id")
    .selectAll("d")
    .select("u.path as unit_path")
    .where("d.id", "=", id);
  if (options.forUpdate) query = query.forUpdate("d");
  return query.executeTakeFirst();
}

/**
 * The drafts of a unit's subtree, latest period first.
 *
 * @example await listReportDrafts(db, thanhLiem)
 */
export function listReportDrafts(db: DbExecutor, withinUnitId: string): Promise<ReportDraftWithPath[]> {
  return db
    .selectFrom("report_drafts as d")
    .innerJoin("units as u", "u.id", "d.unit_id")
    .selectAll("d")
    .select("u.path as unit_path")
    .where(withinSubtree("u.path", withinUnitId))
    .orderBy("d.to_year", "desc")
    .orderBy("d.updated_at", "desc")
    .limit(200)
    .execute();
}

/** A unit's name and its parent's name, for a new draft's defaults; undefined when there is no such unit. */
export function findUnitWithParentName(
  db: DbExecutor,
  unitId: string,
): Promise<{ id: string; name: string; path: string; parentName: string | null } | undefined> {
  return db
    .selectFrom("units as u")
    .leftJoin("units as p", "p.id", "u.parent_id")
    .select(["u.id", "u.name", "u.path", "p.name as parentName"])
    .where("u.id", "=", unitId)
    .executeTakeFirst();
}
