import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as client from "@lantoa/client";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayYoga, localFolderStorage } from "../src/index.js";

// @lantoa/client's README is its registry page: its code block runs here, against a real
// gateway over HTTP on the demo data, as a reader would run it.
const readme = readFileSync(new URL("../../../packages/client/README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ language: m[1], code: m[2] ?? "" }));

const [engine] = testEngines();

describe(`@lantoa/client's README against a gateway on ${engine}`, () => {
  let database: TestDatabase;
  let server: Server;
  let endpoint = "";

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine as Parameters<typeof createDemoTestDatabase>[0]);
    const yoga = createGatewayYoga({
      db: database.db,
      graphiql: false,
      storage: localFolderStorage(mkdtempSync(join(tmpdir(), "lantoa-client-readme-"))),
    });
    server = createServer(yoga);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await database?.close();
  });

  it("has only TypeScript blocks, each run below", () => {
    expect(blocks.map((b) => b.language)).toEqual(["ts"]);
  });

  it("signs in, reads a page of models and gets a refused sign-in as a value", async () => {
    const code = (blocks[0]?.code ?? "")
      .replace(/^import \{([^}]+)\} from "@lantoa\/client";$/m, "const {$1} = client;")
      .replace('"http://localhost:4000/graphql"', JSON.stringify(endpoint));
    const lines: string[] = [];
    const log = { log: (...parts: unknown[]) => lines.push(parts.join(" ")) };
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
    await new AsyncFunction("client", "console", code)(client, log);
    expect(lines[0]).toMatch(/^[1-9]\d* model\(s\)$/);
    expect(lines.some((l) => l.includes("Đường hoa quân sự"))).toBe(true);
    expect(lines.at(-1)).toBe("AUTH.INVALID_CREDENTIALS");
  });
});
