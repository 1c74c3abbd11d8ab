import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const schemaDir = join(import.meta.dirname, "..", "src", "schema");
const files = readdirSync(schemaDir).filter((f) => f.endsWith(".ts"));

// Workflows live in @lantoa/app: a schema file declares types, inputs and access, and maps
// a mutation's arguments to a use case. Any of these in a schema file is a workflow
// written in a resolver again.
const forbidden = ["transaction()", "appendAudit(", "insertInto(", "updateTable(", "deleteFrom(", "onceForKey("];

describe("the GraphQL schema files", () => {
  it.each(files)("%s writes nothing itself", (file) => {
    const text = readFileSync(join(schemaDir, file), "utf8");
    expect(forbidden.filter((call) => text.includes(call))).toEqual([]);
  });
});
