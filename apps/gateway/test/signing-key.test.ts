import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase, testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const main = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const LONG = 180_000;
const KEY = "signing-key-test-secret-0123456789abcdef";

/** The built gateway on `url`: running (at its banner) or exited, with what it printed. */
async function start(url: string, key?: string): Promise<{ child: ChildProcess; code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: url,
    LANTOA_SEED_DEMO: "false",
  };
  delete env.LANTOA_FILE_SIGNING_KEY;
  if (key) env.LANTOA_FILE_SIGNING_KEY = key;
  const child = spawn(process.execPath, [main], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const code = await new Promise<number | null>((resolve) => {
    const add = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("Stop with")) resolve(null);
    };
    child.stdout?.on("data", add);
    child.stderr?.on("data", add);
    child.once("exit", (exitCode) => resolve(exitCode));
  });
  return { child, code, output };
}

function stop(child: ChildProcess): Promise<unknown> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  return exited;
}

// PGlite is one process by design (its folder is locked): this is PostgreSQL's case.
describe.runIf(testEngines().includes("postgres"))(
  "gateways sharing a PostgreSQL database and their signing key",
  () => {
    let database: TestDatabase;
    let url = "";
    const running: ChildProcess[] = [];

    beforeAll(async () => {
      database = await createTestDatabase("postgres");
      const address = new URL(process.env.TEST_DATABASE_URL ?? "");
      address.pathname = `/${database.name}`;
      url = address.toString();
    }, LONG);
    afterAll(async () => {
      await Promise.all(running.map(stop));
      await database?.close();
    }, LONG);

    it(
      "refuses a second gateway while one runs with a random key, naming the variable to set",
      async () => {
        const first = await start(url);
        running.push(first.child);
        expect(first.code).toBeNull();
        const second = await start(url);
        expect(second.code).toBe(1);
        expect(second.output).toContain("Another gateway is running on this database");
        expect(second.output).toContain("LANTOA_FILE_SIGNING_KEY");
        // A gateway with a key of its own is refused too: the random key's links would not open there.
        const keyed = await start(url, KEY);
        expect(keyed.code).toBe(1);
        expect(keyed.output).toContain("A gateway with a random file-signing key is running on this database");
        await stop(first.child);
      },
      LONG,
    );

    it(
      "runs several gateways that are given a signing key, and refuses a random-key one beside them",
      async () => {
        const a = await start(url, KEY);
        running.push(a.child);
        const b = await start(url, KEY);
        running.push(b.child);
        expect([a.code, b.code]).toEqual([null, null]);
        const random = await start(url);
        expect(random.code).toBe(1);
        expect(random.output).toContain("Another gateway is running on this database");
      },
      LONG,
    );
  },
);
