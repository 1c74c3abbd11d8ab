import * as client from "@lantoa/client";
import { describe, expect, it } from "vitest";
import { operationName } from "./graphql";
import { mutationsWithChanges, queriesChangedBy } from "./invalidation";

/** Every operation of the typed client, by kind. */
function operations(kind: "query" | "mutation"): string[] {
  return Object.entries(client)
    .filter(([name, value]) => name.endsWith("Document") && value instanceof String)
    .map(([, value]) => String(value))
    .filter((text) => new RegExp(`^\\s*${kind}\\s`).test(text))
    .map((text) => operationName(text as never));
}

describe("what each mutation invalidates", () => {
  const queries = new Set(operations("query"));

  it("has a row for every mutation of the client (a new one must say what it changes)", () => {
    const missing = operations("mutation").filter((name) => !mutationsWithChanges.includes(name));
    expect(missing).toEqual([]);
  });

  it("names only queries that exist", () => {
    const unknown = mutationsWithChanges.flatMap((m) => queriesChangedBy(m).filter((q) => !queries.has(q)));
    expect(unknown).toEqual([]);
  });

  it("re-reads the audit log after every change, and nothing after signing in", () => {
    expect(queriesChangedBy("TransitionModel")).toContain("AuditLog");
    expect(queriesChangedBy("TransitionModel")).toContain("ModelDetail");
    expect(queriesChangedBy("Login")).toEqual([]);
  });
});

describe("operationName", () => {
  it("reads the name of a query, a mutation and a subscription", () => {
    expect(operationName(client.ModelsDocument)).toBe("Models");
    expect(operationName(client.TransitionModelDocument)).toBe("TransitionModel");
    expect(operationName(client.RoundProgressDocument)).toBe("RoundProgress");
  });
});
