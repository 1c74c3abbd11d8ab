import type { Kysely } from "kysely";
import type { Database } from "../database.js";
import { contentDigest } from "./certificates.js";

/** What a golden-book entry's verification page says: the entry as recorded, its digest and its decision. */
export interface GoldenBookVerification {
  readonly content: {
    readonly verificationCode: string;
    readonly subjectKind: "person" | "collective";
    readonly subjectName: string;
    readonly unitName: string;
    readonly deed: string;
    readonly deedDate: string;
  };
  /** SHA-256 (hex) of the content's canonical JSON. */
  readonly contentHash: string;
  readonly status: "nominated" | "verified" | "rejected";
  /** When it was verified or rejected, as a day. */
  readonly decidedOn: string | null;
  readonly decidedBy: string | null;
  readonly fieldCode: string | null;
}

/**
 * A golden-book entry found by its verification code, or undefined.
 *
 * @example (await findGoldenBookVerification(db, "SV-0A1B2C3D4E"))?.status // "verified"
 */
export async function findGoldenBookVerification(
  db: Kysely<Database>,
  verificationCode: string,
): Promise<GoldenBookVerification | undefined> {
  const row = await db
    .selectFrom("golden_book_entries as g")
    .innerJoin("units as u", "u.id", "g.unit_id")
    .select([
      "g.verification_code",
      "g.subject_kind",
      "g.subject_name",
      "g.deed",
      "g.deed_date",
      "g.status",
      "g.verified_at",
      "g.verified_by",
      "g.field",
      "u.name as unitName",
    ])
    .where("g.verification_code", "=", verificationCode)
    .executeTakeFirst();
  if (!row) return undefined;
  const content = {
    verificationCode: row.verification_code,
    subjectKind: row.subject_kind,
    subjectName: row.subject_name,
    unitName: row.unitName,
    deed: row.deed,
    deedDate: row.deed_date,
  };
  return {
    content,
    contentHash: contentDigest(content),
    status: row.status,
    decidedOn: row.verified_at === null ? null : new Date(row.verified_at).toISOString().slice(0, 10),
    decidedBy: row.verified_by,
    fieldCode: row.field,
  };
}
