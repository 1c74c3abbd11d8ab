import { insertCommendation } from "@lantoa/db";
import type { AppHarness } from "./app-harness.js";

/** The first model of a unit in a status, by code order (the demo data has several). */
export async function demoModel(
  h: AppHarness,
  unitCode: string,
  status: "draft" | "submitted" | "approved" | "active" | "suspended" | "archived" = "active",
  skip = 0,
): Promise<{ id: string; code: string; version: number }> {
  return h.database.db
    .selectFrom("models as m")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select(["m.id", "m.code", "m.version"])
    .where("u.code", "=", unitCode)
    .where("m.status", "=", status)
    .orderBy("m.code")
    .offset(skip)
    .limit(1)
    .executeTakeFirstOrThrow();
}

/** A commendation in force of a model, written straight to the register (a fixture, not a workflow). */
export async function commendModel(h: AppHarness, modelId: string, id: string): Promise<string> {
  const issuer = await h.unit("TL");
  await h.database.db.transaction().execute((trx) =>
    insertCommendation(trx, {
      id,
      decisionNumber: `${id.slice(-4)}-QĐ/HU`,
      decisionDate: "2023-05-19",
      issuerUnitId: issuer,
      levelCode: "district",
      formCode: "certificate-of-commendation",
      recipient: { kind: "model", modelId },
      validUntil: null,
      revocation: null,
      suspensions: [],
    }),
  );
  return id;
}
