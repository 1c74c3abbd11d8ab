import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { thanhLiemUnits } from "@lantoa/db";
import { afterAll, describe, expect, it } from "vitest";

const main = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "lantoa-main-"));

/** Starts the built gateway the way `npm start` does and waits for its banner. */
async function startMain(folder = dataDir): Promise<{ child: ChildProcess; banner: string; url: string }> {
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LANTOA_DATA_DIR: folder, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let banner = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      banner += chunk.toString("utf8");
      const match = /Admin app:\s+(http:\/\/\S+?)\/\s/.exec(banner);
      if (match?.[1] && banner.includes("Stop with")) resolve(match[1]);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      banner += chunk.toString("utf8");
    });
    child.once("exit", (code) => reject(new Error(`gateway exited with ${code}:\n${banner}`)));
  });
  return { child, banner, url };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  return exited;
}

async function unitCount(url: string): Promise<number> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ units { totalCount } }" }),
  });
  const body = (await response.json()) as { data: { units: { totalCount: number } } };
  return body.data.units.totalCount;
}

describe("the gateway as npm start runs it", () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("seeds on first start, serves GraphQL and the admin page, and keeps its data across restarts", async () => {
    const first = await startMain();
    expect(first.banner).toContain("demo data loaded");
    expect(first.banner).toContain(`${first.url}/graphql`);
    expect(await unitCount(first.url)).toBe(thanhLiemUnits.length);
    const page = await fetch(`${first.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const clientRoute = await fetch(`${first.url}/units/some-client-route`);
    expect(await clientRoute.text()).toContain('<div id="root">');
    expect(await stop(first.child)).toBe(0);

    const second = await startMain();
    expect(second.banner).not.toContain("demo data loaded");
    expect(await unitCount(second.url)).toBe(thanhLiemUnits.length);
    expect(await stop(second.child)).toBe(0);
    // Two cold starts of embedded PostgreSQL, slower when the other suites run beside it.
  }, 180_000);

  it("refuses a variable it cannot use with its problem named, exit code 1 and no stack trace", async () => {
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, PORT: "0", LANTOA_DATA_DIR: dataDir, DATABASE_URL: "", LANTOA_WORKERS: "many" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let printed = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      printed += chunk.toString("utf8");
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(printed).toMatch(/^Invalid configuration:\n {2}LANTOA_WORKERS: /);
    expect(printed).not.toContain("    at ");
  });

  it("refuses to start a second gateway on the same data folder, naming the first", async () => {
    const folder = mkdtempSync(join(tmpdir(), "lantoa-main-lock-"));
    const first = await startMain(folder);
    try {
      const second = await startMain(folder).then(
        () => "started",
        (error: Error) => error.message,
      );
      expect(second).toContain("gateway exited with 1");
      expect(second).toContain(`is in use by process ${first.child.pid}`);
    } finally {
      expect(await stop(first.child)).toBe(0);
      rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);
});
