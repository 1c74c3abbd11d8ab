import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "@lantoa/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayYoga, loadConfig, localFolderStorage, type YogaOptions } from "../src/index.js";

// Nothing here reads the database: anonymous requests of the schema itself.
let close: () => Promise<void>;
let base: YogaOptions;
beforeAll(async () => {
  const connection = await connect({ engine: "postgres", url: "postgres://lantoa@127.0.0.1:1/unused" });
  close = connection.close;
  base = {
    db: connection.db,
    graphiql: false,
    storage: localFolderStorage(mkdtempSync(join(tmpdir(), "lantoa-exposure-"))),
  };
});
afterAll(async () => {
  await close?.();
});

async function post(options: Partial<YogaOptions>, body: string, headers: Record<string, string> = {}) {
  const yoga = createGatewayYoga({ ...base, ...options });
  return yoga.fetch("http://gateway.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}
const query = (text: string) => JSON.stringify({ query: text });

describe("CORS", () => {
  it("sends no CORS headers when no origins are configured, so browsers on other sites are refused", async () => {
    const response = await post({}, query("{ __typename }"), { origin: "https://evil.example" });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows exactly the configured origins", async () => {
    const corsOrigins = ["https://a.example", "https://b.example"];
    const allowed = await post({ corsOrigins }, query("{ __typename }"), { origin: "https://b.example" });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://b.example");
    const other = await post({ corsOrigins }, query("{ __typename }"), { origin: "https://evil.example" });
    expect(other.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
  });
});

describe("introspection and field suggestions", () => {
  it("are off in production unless configured, and on elsewhere", () => {
    expect(loadConfig({ NODE_ENV: "production" })).toMatchObject({ introspection: false, fieldSuggestions: false });
    expect(loadConfig({ NODE_ENV: "production", LANTOA_INTROSPECTION: "true" })).toMatchObject({
      introspection: true,
      fieldSuggestions: false,
    });
    expect(loadConfig({})).toMatchObject({ introspection: true, fieldSuggestions: true });
  });

  it("refuses an introspection query when turned off", async () => {
    const off = await post({ introspection: false }, query("{ __schema { queryType { name } } }"));
    const body = (await off.json()) as { data?: unknown; errors?: { message: string }[] };
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    const on = await post({}, query("{ __schema { queryType { name } } }"));
    expect(((await on.json()) as { data: unknown }).data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  it("does not suggest field names when suggestions are off", async () => {
    const off = await post({ fieldSuggestions: false }, query("{ viewr { username } }"));
    const offMessage = ((await off.json()) as { errors: { message: string }[] }).errors[0]?.message ?? "";
    expect(offMessage).toContain('Cannot query field "viewr"');
    expect(offMessage).not.toContain("viewer");
    const on = await post({}, query("{ viewr { username } }"));
    expect(((await on.json()) as { errors: { message: string }[] }).errors[0]?.message).toContain('"viewer"');
  });
});

describe("request bodies", () => {
  it("refuses a JSON body over 1 MB before parsing it", async () => {
    const ids = Array.from({ length: 40_000 }, (_, i) => `id-${String(i).padStart(40, "0")}`);
    const body = JSON.stringify({ query: "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", variables: { ids } });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const response = await post({}, body);
    expect(response.status).toBe(413);
    const result = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(result.errors[0]?.extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a body whose declared length is over 1 MB without reading it", async () => {
    const declared = String(1024 * 1024 + 1);
    const response = await post({}, query("{ __typename }"), { "content-length": declared });
    expect(response.status).toBe(413);
    const result = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(result.errors[0]?.extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a body sent without a declared length once it passes 1 MB", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    // A JSON body of spaces, streamed in 64 KB chunks: no content-length, only its bytes tell its size.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 4 * 1024 * 1024) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    });
    const yoga = createGatewayYoga(base);
    const response = await yoga.fetch("http://gateway.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    const result = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(result.errors[0]?.extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers a body of declared length within the limit", async () => {
    const body = query("{ __typename }");
    const response = await post({}, body, { "content-length": String(Buffer.byteLength(body)) });
    expect(await response.json()).toEqual({ data: { __typename: "Query" } });
  });
});
