import { snapshotDatabase, testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../src/schema/index.js";
import {
  AUTHORIZATION_MATRIX,
  MATRIX_ROLES,
  type MatrixRow,
  matrixTarget,
  ROLE_TARGETS,
} from "./support/authorization-matrix.js";
import { type GatewayHarness, type GraphQLResponse, startGatewayHarness } from "./support/gateway-harness.js";

const operations = [
  ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
  ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
  ...Object.keys(schema.getSubscriptionType()?.getFields() ?? {}),
].sort();

describe("the authorization matrix", () => {
  it("has a row for every query, mutation and subscription of the schema, and none for operations that are gone", () => {
    expect(Object.keys(AUTHORIZATION_MATRIX).sort()).toEqual(operations);
  });
});

/** `+` when the operation did its work, `-` when it was refused without data, `?` for anything between. */
function outcome(row: MatrixRow, field: string, response: GraphQLResponse): "+" | "-" | "?" {
  const value = response.data?.[field];
  if (row.judge && value !== null && value !== undefined) return response.errors?.length ? "?" : row.judge(value);
  const refusedAtEdge = (response.errors ?? []).every((e) =>
    ["FORBIDDEN", "UNAUTHENTICATED"].includes(e.extensions?.code ?? ""),
  );
  if (row.kind === "read") {
    const empty =
      value === null ||
      value === undefined ||
      (Array.isArray(value) && value.length > 0 && value.every((v) => v === null));
    if (empty) return response.errors?.length && refusedAtEdge ? "-" : field === "viewer" ? "-" : "?";
    return response.errors?.length ? "?" : "+";
  }
  if (value === null || value === undefined) return response.errors?.length && refusedAtEdge ? "-" : "?";
  if (value === true || /Success$/.test(value.__typename ?? "")) return response.errors?.length ? "?" : "+";
  // A typed refusal names authorization or the lifecycle, not a crash or bad input.
  return value.__typename === "DomainError" && /^(AUTH|MODEL)\./.test(value.code) ? "-" : "?";
}

describe.each(testEngines())("who may do what, on %s", (engine) => {
  let h: GatewayHarness;
  let counter = 0;
  beforeAll(async () => {
    h = await startGatewayHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(operations)(
    "%s: each role, inside and outside its subtree",
    async (field) => {
      const row = AUTHORIZATION_MATRIX[field];
      if (!row) throw new Error(`No matrix row for ${field}`);
      const expected = row.expect.replaceAll(" ", "");
      const actual: string[] = [];
      const leaks: string[] = [];
      for (const [r, role] of MATRIX_ROLES.entries()) {
        let pair = "";
        for (const [side, where] of (["home", "away"] as const).entries()) {
          const target = matrixTarget(h, ROLE_TARGETS[role][where], () => ++counter);
          // Fresh things a case needs are made before the snapshot, by the system admin.
          const prepared = await row.prepare(h, target);
          const before = row.kind === "write" ? await snapshotDatabase(h.database.db) : undefined;
          const response = await row.run(h, prepared, h.tokens[role], role);
          const got = outcome(row, field, response);
          pair += got;
          if (got !== "+" && before) {
            const after = await snapshotDatabase(h.database.db);
            if (JSON.stringify(after) !== JSON.stringify(before)) leaks.push(`${role} ${where} wrote despite refusal`);
          }
          if (got === "?" || got !== expected[r * 2 + side]) {
            leaks.push(`${role} ${where}: ${JSON.stringify(response).slice(0, 300)}`);
          }
        }
        actual.push(pair);
      }
      expect({ matrix: actual.join(" "), leaks }).toEqual({ matrix: row.expect, leaks: [] });
      // Twelve cases, each with two snapshots of every table (login and logout hash a password
      // in each): more than the default 30 s under load.
    },
    180_000,
  );
});
