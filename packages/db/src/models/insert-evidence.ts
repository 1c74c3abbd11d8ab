import type { Insertable } from "kysely";
import type { DbTransaction } from "../executor.js";
import type { EvidenceTable } from "./models.table.js";

/** Inserts an evidence record of a model and returns its id. */
export async function insertEvidence(trx: DbTransaction, values: Insertable<EvidenceTable>): Promise<string> {
  const { id } = await trx.insertInto("evidence").values(values).returning("id").executeTakeFirstOrThrow();
  return id;
}
