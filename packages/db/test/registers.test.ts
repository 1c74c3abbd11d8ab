import { randomUUID } from "node:crypto";
import { type Commendation, commendationStatusOn } from "@lantoa/domain/register";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  commendationFromRow,
  insertCommendation,
  listCommendations,
  loadCommendation,
  originChain,
  replicationTree,
  saveCommendation,
} from "../src/index.js";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

const ON = "2023-09-01";

describe.each(testEngines())("register repositories on %s", (engine) => {
  let database: TestDatabase;
  let modelId: (code: string) => Promise<string>;

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
    modelId = async (code) =>
      (await database.db.selectFrom("models").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("filters commendations by status in SQL exactly as the domain's commendationStatusOn judges them", async () => {
    const recipient = { kind: "model" as const, modelId: await modelId("TL-2021-DUONGHOA") };
    const base = (decisionNumber: string): Commendation => ({
      id: randomUUID(),
      decisionNumber,
      decisionDate: "2023-01-10",
      issuerUnitId: "Ban Thường vụ Huyện ủy",
      levelCode: "district",
      formCode: "certificate-of-merit",
      recipient,
      validUntil: null,
      suspensions: [],
      revocation: null,
    });
    const cases: Commendation[] = [
      base("in-force"),
      { ...base("revoked"), revocation: { revokedOn: "2023-06-01", reason: "Sai", decisionNumber: null } },
      { ...base("revoked-later"), revocation: { revokedOn: "2023-12-01", reason: "Sai", decisionNumber: "9" } },
      { ...base("expired"), validUntil: "2023-08-31" },
      { ...base("valid-through-today"), validUntil: ON },
      { ...base("suspended"), suspensions: [{ from: "2023-08-20", until: null, reason: "Kiểm tra", findingId: null }] },
      {
        ...base("suspended-through-today"),
        suspensions: [{ from: "2023-08-20", until: ON, reason: "x", findingId: null }],
      },
      {
        ...base("suspension-ended"),
        suspensions: [{ from: "2023-03-01", until: "2023-04-01", reason: "x", findingId: null }],
      },
      { ...base("not-yet"), decisionDate: "2023-10-01" },
      {
        ...base("suspended-and-revoked"),
        suspensions: [{ from: "2023-03-01", until: null, reason: "x", findingId: null }],
        revocation: { revokedOn: "2023-05-01", reason: "Sai", decisionNumber: null },
      },
    ];
    await database.db.transaction().execute(async (trx) => {
      for (const c of cases) await insertCommendation(trx, c);
    });

    const rows = await database.db.selectFrom("commendations").selectAll().execute();
    const suspensions = await database.db.selectFrom("commendation_suspensions").selectAll().execute();
    const judged = rows.map((r) => ({
      id: r.id,
      status: commendationStatusOn(
        commendationFromRow(
          r,
          suspensions.filter((s) => s.commendation_id === r.id),
        ),
        ON,
      ),
    }));
    for (const status of ["in-force", "revoked", "suspended"] as const) {
      const listed = await listCommendations(database.db, { status, on: ON, limit: 1000 });
      const expected = judged.filter((j) => j.status === status).map((j) => j.id);
      expect(listed.rows.map((r) => r.id).sort()).toEqual(expected.sort());
      expect(listed.totalCount).toBe(expected.length);
    }
    const ours = (ids: string[]) =>
      cases
        .filter((c) => ids.includes(c.id))
        .map((c) => c.decisionNumber)
        .sort();
    const suspended = await listCommendations(database.db, { status: "suspended", on: ON, limit: 1000 });
    expect(ours(suspended.rows.map((r) => r.id))).toEqual(["suspended", "suspended-through-today"]);
    const phuly = await database.db
      .selectFrom("units")
      .select("path")
      .where("code", "=", "PHULY")
      .executeTakeFirstOrThrow();
    expect((await listCommendations(database.db, { withinPath: phuly.path, on: ON, limit: 10 })).totalCount).toBe(0);
    const of2023 = await listCommendations(database.db, { year: 2023, on: ON, limit: 1000 });
    expect(of2023.totalCount).toBe(cases.length);
  });

  it("saves a commendation's suspensions only at the version it was read", async () => {
    const c: Commendation = {
      id: randomUUID(),
      decisionNumber: "5-QĐ",
      decisionDate: "2023-01-10",
      issuerUnitId: "UBND huyện",
      levelCode: "district",
      formCode: "certificate-of-commendation",
      recipient: { kind: "model", modelId: await modelId("TL-2018-LAMDUONG") },
      validUntil: null,
      suspensions: [],
      revocation: null,
    };
    await database.db.transaction().execute((trx) => insertCommendation(trx, c));
    const suspended = { ...c, suspensions: [{ from: "2023-05-01", until: null, reason: "Kiểm tra", findingId: null }] };
    const saved = await database.db.transaction().execute((trx) => saveCommendation(trx, suspended, 1));
    expect(saved).toEqual({ ok: true, value: { version: 2 } });
    const stale = await database.db.transaction().execute((trx) => saveCommendation(trx, c, 1));
    expect(stale.ok).toBe(false);
    const loaded = await loadCommendation(database.db, c.id);
    expect(loaded?.commendation.suspensions).toEqual(suspended.suspensions);
    expect(loaded?.unitPath).toMatch(/\/$/);
  });

  it("walks a replication tree down with depths and an origin chain up", async () => {
    const pilot = await modelId("TL-2021-DUONGHOA");
    const phuly = await modelId("PHULY-2023-DUONGHOA");
    const second = await modelId("TL-2018-LAMDUONG");
    await database.db
      .insertInto("replications")
      .values({ adopter_model_id: second, origin_model_id: phuly, adopted_on: "2023-07-01" })
      .execute();
    const tree = await replicationTree(database.db, pilot);
    const direct = tree.filter((r) => r.depth === 1).map((r) => r.code);
    expect(direct).toEqual(expect.arrayContaining(["PHULY-2023-DUONGHOA", "KIMBANG-2023-DUONGHOA"]));
    const grandchild = tree.find((r) => r.model_id === second);
    expect(grandchild).toMatchObject({ depth: 2, origin_model_id: phuly, adopted_on: "2023-07-01" });
    // Depth first: the grandchild comes right after its origin.
    expect(tree.findIndex((r) => r.model_id === second)).toBe(tree.findIndex((r) => r.model_id === phuly) + 1);
    expect(await originChain(database.db, second)).toEqual([
      { adopterModelId: second, originModelId: phuly, adoptedOn: "2023-07-01" },
      { adopterModelId: phuly, originModelId: pilot, adoptedOn: "2022-03-10" },
    ]);
    expect(await originChain(database.db, pilot)).toEqual([]);
  });
});
