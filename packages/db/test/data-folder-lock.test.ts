import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { connect, DataFolderLockedError, lockFileOf } from "../src/index.js";

const work = mkdtempSync(join(tmpdir(), "lantoa-lock-"));
const built = fileURLToPath(new URL("../dist/index.js", import.meta.url));
let folders = 0;
const freshFolder = () => join(work, `data-${++folders}`);

/** Another Node process opening the folder as the gateway or the command line would. */
function openElsewhere(dataDir: string) {
  const script = `const { connect } = await import(${JSON.stringify(built)});
    try { const c = await connect({ engine: "pglite", dataDir: ${JSON.stringify(dataDir)} }); await c.close(); console.log("opened"); }
    catch (error) { console.log(error.name); console.log(error.message); process.exitCode = 3; }`;
  return spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 120_000 });
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the PGlite data folder lock", () => {
  it("refuses a second process, naming this one as the holder", async () => {
    const dataDir = freshFolder();
    const connection = await connect({ engine: "pglite", dataDir });
    try {
      const other = openElsewhere(dataDir);
      expect(other.status).toBe(3);
      expect(other.stdout).toContain("DataFolderLockedError");
      expect(other.stdout).toContain(`process ${process.pid}`);
      expect(other.stdout).toContain(hostname());
    } finally {
      await connection.close();
    }
  }, 150_000);

  it("refuses a second open in the same process", async () => {
    const dataDir = freshFolder();
    const connection = await connect({ engine: "pglite", dataDir });
    try {
      const second = await connect({ engine: "pglite", dataDir }).catch((error: unknown) => error);
      expect(second).toBeInstanceOf(DataFolderLockedError);
      expect((second as DataFolderLockedError).holder.pid).toBe(process.pid);
    } finally {
      await connection.close();
    }
  }, 60_000);

  it("lets go when closed, so the next process opens the folder", async () => {
    const dataDir = freshFolder();
    const connection = await connect({ engine: "pglite", dataDir });
    await connection.close();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
    const other = openElsewhere(dataDir);
    expect(other.stdout.trim()).toBe("opened");
  }, 150_000);

  it("takes over the lock of a process that died without letting go (a crash, SIGKILL)", async () => {
    const dataDir = freshFolder();
    const dead = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
    const deadPid = Number(dead.stdout.trim());
    writeFileSync(
      lockFileOf(dataDir),
      JSON.stringify({ pid: deadPid, hostname: hostname(), command: "gateway", since: "2020-01-01T00:00:00Z" }),
    );
    const connection = await connect({ engine: "pglite", dataDir });
    try {
      expect(JSON.parse(readFileSync(lockFileOf(dataDir), "utf8")).pid).toBe(process.pid);
    } finally {
      await connection.close();
    }
  }, 60_000);
});
