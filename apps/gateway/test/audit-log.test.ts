import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayHarness, globalId, startGatewayHarness } from "./support/gateway-harness.js";

const AUDIT = /* GraphQL */ `
  query ($filter: AuditFilter, $after: String, $first: Int) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id action entity entityId actorUsername actorName unit { name } before after } }
    }
  }
`;

describe.each(testEngines())("the audit log over GraphQL on %s", (engine) => {
  let h: GatewayHarness;
  let unitAdmin: string;
  let systemAdmin: string;
  let createdUnitId: string;

  beforeAll(async () => {
    h = await startGatewayHarness(engine);
    unitAdmin = await h.signInAs("thanhliem.admin");
    systemAdmin = await h.signInAs("admin");
    const created = await h.call(
      `mutation($p: ID!) { createUnit(parentId: $p, code: "TL-AUDIT-1", name: "Chi bộ kiểm thử nhật ký", level: "commune", kind: "party-cell") { __typename ... on MutationCreateUnitSuccess { data { unit { id } } } } }`,
      { p: globalId("Unit", h.units.TL as string) },
      unitAdmin,
    );
    createdUnitId = created.data.createUnit.data.unit.id;
    await h.call(
      `mutation { createCriteriaSet(input: { code: "audit-test", name: "Bộ thử", startFrom: BLANK }, idempotencyKey: "audit-test-key") { __typename } }`,
      {},
      systemAdmin,
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  it("shows a unit admin who did what to a unit of their subtree, with what it became", async () => {
    const result = await h.call(AUDIT, { filter: { action: "createUnit" } }, unitAdmin);
    expect(result.errors).toBeUndefined();
    const entry = result.data.auditLog.edges.map((e: any) => e.node).find((n: any) => n.after?.includes("TL-AUDIT-1"));
    expect(entry).toMatchObject({ action: "createUnit", entity: "unit", actorUsername: "thanhliem.admin" });
    expect(entry.actorName).toBeTruthy();
    expect(entry.unit.name).toBe("Chi bộ kiểm thử nhật ký");
    expect(globalId("Unit", entry.entityId)).toBe(createdUnitId);
  });

  it("keeps entries about no unit (criteria sets) from a unit admin, not from a system admin", async () => {
    const asUnitAdmin = await h.call(AUDIT, { filter: { entity: "criteria_set" } }, unitAdmin);
    expect(asUnitAdmin.data.auditLog.totalCount).toBe(0);
    const asSystemAdmin = await h.call(AUDIT, { filter: { entity: "criteria_set" } }, systemAdmin);
    expect(asSystemAdmin.data.auditLog.totalCount).toBeGreaterThan(0);
  });

  it("refuses a unit admin another unit's records", async () => {
    const result = await h.call(
      AUDIT,
      { filter: { withinUnitId: globalId("Unit", h.units.PHULY as string) } },
      unitAdmin,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses an officer, a reviewer and a viewer", async () => {
    for (const username of ["phunu.canbo", "giamkhao.3", "xem"]) {
      const result = await h.call(AUDIT, {}, await h.signInAs(username));
      expect(result.errors?.[0]?.extensions?.code, username).toBe("FORBIDDEN");
    }
  });

  it("pages newest first with cursors, each entry once", async () => {
    const first = await h.call(AUDIT, { first: 1 }, systemAdmin);
    const second = await h.call(AUDIT, { first: 1, after: first.data.auditLog.pageInfo.endCursor }, systemAdmin);
    const [a] = first.data.auditLog.edges;
    const [b] = second.data.auditLog.edges;
    expect(Number(b.node.id)).toBeLessThan(Number(a.node.id));
  });

  it("pages back with last/before to the entries right before the cursor, newest first", async () => {
    const first = await h.call(`{ auditLog(first: 6) { edges { cursor node { id } } } }`, {}, systemAdmin);
    const ids = first.data.auditLog.edges.map((e: { node: { id: string } }) => e.node.id);
    const back = await h.call(
      `query($before: String!) { auditLog(last: 3, before: $before) { edges { node { id } } } }`,
      { before: first.data.auditLog.edges[5].cursor },
      systemAdmin,
    );
    expect(back.data.auditLog.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(ids.slice(2, 5));
  });

  it("exports the entries the filter finds as a spreadsheet", async () => {
    const result = await h.call(
      `query { auditLogExport(format: CSV, filter: { action: "createUnit" }) { filename mimeType base64 } }`,
      {},
      unitAdmin,
    );
    expect(result.errors).toBeUndefined();
    const text = Buffer.from(result.data.auditLogExport.base64, "base64").toString("utf8");
    expect(text).toContain("createUnit");
    expect(text).toContain("Chi bộ kiểm thử nhật ký");
    expect(result.data.auditLogExport.filename).toMatch(/\.csv$/);
  });
});
