import { createTestDatabase, type TestDatabase, testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayProcess, startOrExit } from "./support/gateway-process.js";

const LONG = 180_000;
const KEY = "signing-key-test-secret-0123456789abcdef";

/** The built gateway on `url`: running (at its banner) or exited (its code), with what it printed. */
async function start(
  url: string,
  key?: string,
): Promise<{ gateway?: GatewayProcess; code: number | null; output: string }> {
  const started = await startOrExit({ DATABASE_URL: url, LANTOA_SEED_DEMO: "false", LANTOA_FILE_SIGNING_KEY: key });
  return "url" in started ? { gateway: started, code: null, output: started.output() } : started;
}

// PGlite is one process by design (its folder is locked): this is PostgreSQL's case.
describe.runIf(testEngines().includes("postgres"))(
  "gateways sharing a PostgreSQL database and their signing key",
  () => {
    let database: TestDatabase;
    let url = "";
    const running: GatewayProcess[] = [];

    beforeAll(async () => {
      database = await createTestDatabase("postgres");
      const address = new URL(process.env.TEST_DATABASE_URL ?? "");
      address.pathname = `/${database.name}`;
      url = address.toString();
    }, LONG);
    afterAll(async () => {
      await Promise.all(running.map((gateway) => gateway.stop()));
      await database?.close();
    }, LONG);

    it(
      "refuses a second gateway while one runs with a random key, naming the variable to set",
      async () => {
        const first = await start(url);
        if (first.gateway) running.push(first.gateway);
        expect(first.code).toBeNull();
        const second = await start(url);
        expect(second.code).toBe(1);
        expect(second.output).toContain("Another gateway is running on this database");
        expect(second.output).toContain("LANTOA_FILE_SIGNING_KEY");
        // A gateway with a key of its own is refused too: the random key's links would not open there.
        const keyed = await start(url, KEY);
        expect(keyed.code).toBe(1);
        expect(keyed.output).toContain("A gateway with a random file-signing key is running on this database");
        await first.gateway?.stop();
      },
      LONG,
    );

    it(
      "runs several gateways that are given a signing key, and refuses a random-key one beside them",
      async () => {
        const a = await start(url, KEY);
        if (a.gateway) running.push(a.gateway);
        const b = await start(url, KEY);
        if (b.gateway) running.push(b.gateway);
        expect([a.code, b.code]).toEqual([null, null]);
        const random = await start(url);
        expect(random.code).toBe(1);
        expect(random.output).toContain("Another gateway is running on this database");
      },
      LONG,
    );
  },
);
