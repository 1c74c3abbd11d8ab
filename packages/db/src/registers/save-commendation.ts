import { err, ok, type Result } from "@lantoa/domain/errors";
import type { Commendation } from "@lantoa/domain/register";
import type { Transaction } from "kysely";
import type { Database } from "../database.js";
import { type StaleVersionError, staleVersion } from "../shared/stale-version.js";

function commendationColumns(c: Commendation) {
  return {
    decision_number: c.decisionNumber,
    decision_date: c.decisionDate,
    issuer: c.issuerUnitId,
    level: c.levelCode,
    form: c.formCode,
    recipient_kind: c.recipient.kind,
    recipient_model_id: c.recipient.kind === "model" ? c.recipient.modelId : null,
    recipient_unit_id: c.recipient.kind === "model" ? null : c.recipient.unitId,
    recipient_person_name: c.recipient.kind === "person" ? c.recipient.personName : null,
    valid_until: c.validUntil,
    revoked_on: c.revocation?.revokedOn ?? null,
    revoked_reason: c.revocation?.reason ?? null,
    revocation_decision_number: c.revocation?.decisionNumber ?? null,
    reason: c.achievement ?? null,
  };
}

/**
 * Inserts a commendation the domain accepted (manually issued, not from a round).
 * Call inside a transaction.
 *
 * @example await insertCommendation(trx, parsed.value);
 */
export async function insertCommendation(trx: Transaction<Database>, commendation: Commendation): Promise<void> {
  await trx
    .insertInto("commendations")
    .values({ id: commendation.id, ...commendationColumns(commendation) })
    .execute();
  await writeSuspensions(trx, commendation);
}

/**
 * Saves a decided change of a commendation (revocation, suspensions) if nobody saved it
 * since `expectedVersion`; otherwise writes nothing and returns a {@link StaleVersionError}.
 *
 * @example
 * const decided = suspendCommendation(loaded.commendation, { from, reason, findingId });
 * if (decided.ok) await saveCommendation(trx, decided.value, loaded.version);
 */
export async function saveCommendation(
  trx: Transaction<Database>,
  commendation: Commendation,
  expectedVersion: number,
): Promise<Result<{ version: number }, StaleVersionError>> {
  const updated = await trx
    .updateTable("commendations")
    .set((eb) => ({ ...commendationColumns(commendation), version: eb("version", "+", 1) }))
    .where("id", "=", commendation.id)
    .where("version", "=", expectedVersion)
    .returning("version")
    .executeTakeFirst();
  if (!updated) return err(staleVersion("commendation", commendation.id, expectedVersion));
  await trx.deleteFrom("commendation_suspensions").where("commendation_id", "=", commendation.id).execute();
  await writeSuspensions(trx, commendation);
  return ok({ version: updated.version });
}

async function writeSuspensions(trx: Transaction<Database>, commendation: Commendation): Promise<void> {
  if (commendation.suspensions.length === 0) return;
  await trx
    .insertInto("commendation_suspensions")
    .values(
      commendation.suspensions.map((s) => ({
        commendation_id: commendation.id,
        suspended_from: s.from,
        suspended_until: s.until,
        reason: s.reason,
        finding_id: s.findingId,
      })),
    )
    .execute();
}
