import { createHash } from "node:crypto";
import { placeNameOf } from "@lantoa/domain/document";
import {
  type CertificateContent,
  type CommendationStanding,
  certificateContent,
  commendationStanding,
  defaultCommendationForms,
} from "@lantoa/domain/register";
import { canonicalJson } from "@lantoa/domain/round";
import type { Kysely } from "kysely";
import type { Database } from "../database.js";
import { commendationFromRow } from "./commendation-from-row.js";
import { suspensionsOfCommendations } from "./load-commendation.js";

/** A commendation's certificate: what it says, the digest of that, and where it stands today. */
export interface Certificate {
  readonly commendationId: string;
  readonly content: CertificateContent;
  /** SHA-256 (hex) of the content's canonical JSON: equal text, equal digest. */
  readonly contentHash: string;
  readonly standing: CommendationStanding;
  /** The commended model, for a link to it when it is public. */
  readonly model: { readonly code: string; readonly isPublic: boolean } | null;
  /** The path of the unit it belongs to (the model's owner or the recipient unit), for access checks. */
  readonly unitPath: string | null;
  readonly roundId: string | null;
}

/** Which certificates to load. */
export type CertificateSelection =
  | { readonly ids: readonly string[] }
  | { readonly roundId: string }
  | { readonly verificationCode: string };

/**
 * SHA-256 of a value's canonical JSON, in hex: the digest printed on a certificate and
 * shown on its verification page.
 *
 * @example contentDigest({ b: 1, a: 2 }) === contentDigest({ a: 2, b: 1 }) // true
 */
export function contentDigest(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

function tierLabel(definition: unknown, tier: string | null): string | null {
  if (tier === null) return null;
  const tiers = (definition as { tiers?: { id: string; label: { vi: string } }[] } | null)?.tiers ?? [];
  return tiers.find((t) => t.id === tier)?.label.vi ?? null;
}

/**
 * Certificates of commendations, by ids (in that order), of a whole round (by decision
 * number, then the model's rank), or by verification code; standings judged on `today`.
 *
 * @example const [certificate] = await loadCertificates(db, { verificationCode: "KT-3F9A2C7B1D" }, "2023-09-01");
 */
export async function loadCertificates(
  db: Kysely<Database>,
  selection: CertificateSelection,
  today: string,
): Promise<Certificate[]> {
  let query = db
    .selectFrom("commendations as c")
    .leftJoin("models as m", "m.id", "c.recipient_model_id")
    .leftJoin("units as mu", "mu.id", "m.owner_unit_id")
    .leftJoin("units as ru", "ru.id", "c.recipient_unit_id")
    .leftJoin("rounds as r", "r.id", "c.round_id")
    .leftJoin("round_results as rr", (join) =>
      join.onRef("rr.round_id", "=", "c.round_id").onRef("rr.model_id", "=", "c.recipient_model_id"),
    )
    .leftJoin("criteria_set_versions as v", "v.id", "r.criteria_version_id")
    .selectAll("c")
    .select([
      "m.code as modelCode",
      "m.name as modelName",
      "m.is_public as modelIsPublic",
      "mu.name as ownerName",
      "mu.path as ownerPath",
      "ru.name as recipientUnitName",
      "ru.path as recipientUnitPath",
      "r.name as roundName",
      "rr.tier",
      "rr.rank",
      "v.definition",
    ]);
  if ("ids" in selection) {
    if (selection.ids.length === 0) return [];
    query = query.where("c.id", "in", [...selection.ids]);
  } else if ("roundId" in selection) {
    query = query.where("c.round_id", "=", selection.roundId);
  } else {
    query = query.where("c.verification_code", "=", selection.verificationCode);
  }
  const rows = await query.orderBy("c.decision_number").orderBy("rr.rank").orderBy("c.id").execute();
  const suspensions = await suspensionsOfCommendations(
    db,
    rows.map((r) => r.id),
  );
  const certificates = rows.map((row, i): Certificate => {
    const commendation = commendationFromRow(row, suspensions[i] ?? []);
    const content = certificateContent({
      commendation,
      verificationCode: row.verification_code,
      formLabel: defaultCommendationForms.find((f) => f.code === row.form)?.label.vi ?? row.form,
      place: placeNameOf(row.issuer),
      model:
        row.modelName === null ? null : { name: row.modelName, unitName: row.ownerName ?? row.recipientUnitName ?? "" },
      unitName: row.recipientUnitName,
      round: row.roundName === null ? null : { name: row.roundName, tierLabel: tierLabel(row.definition, row.tier) },
    });
    return {
      commendationId: row.id,
      content,
      contentHash: contentDigest(content),
      standing: commendationStanding(commendation, today),
      model: row.modelCode === null ? null : { code: row.modelCode, isPublic: row.modelIsPublic ?? false },
      unitPath: row.ownerPath ?? row.recipientUnitPath,
      roundId: row.round_id,
    };
  });
  if ("ids" in selection) {
    const order = new Map(selection.ids.map((id, i) => [id, i]));
    certificates.sort((a, b) => (order.get(a.commendationId) ?? 0) - (order.get(b.commendationId) ?? 0));
  }
  return certificates;
}
