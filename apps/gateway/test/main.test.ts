import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { thanhLiemUnits } from "@lantoa/db";
import { afterAll, describe, expect, it } from "vitest";
import { runGatewayToExit, startGatewayProcess } from "./support/gateway-process.js";

const dataDir = mkdtempSync(join(tmpdir(), "lantoa-main-"));

/** Starts the built gateway the way `npm start` does on a PGlite folder and waits for its banner. */
const startMain = (folder = dataDir) => startGatewayProcess({ LANTOA_DATA_DIR: folder, DATABASE_URL: "" });

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
    expect(first.output()).toContain("demo data loaded");
    expect(first.output()).toContain(`${first.url}/graphql`);
    expect(await unitCount(first.url)).toBe(thanhLiemUnits.length);
    const page = await fetch(`${first.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const clientRoute = await fetch(`${first.url}/units/some-client-route`);
    expect(await clientRoute.text()).toContain('<div id="root">');
    expect(await first.stop()).toBe(0);

    const second = await startMain();
    expect(second.output()).not.toContain("demo data loaded");
    expect(await unitCount(second.url)).toBe(thanhLiemUnits.length);
    expect(await second.stop()).toBe(0);
    // Two cold starts of embedded PostgreSQL, slower when the other suites run beside it.
  }, 180_000);

  it("refuses a variable it cannot use with its problem named, exit code 1 and no stack trace", async () => {
    const { code, output: printed } = await runGatewayToExit({
      LANTOA_DATA_DIR: dataDir,
      DATABASE_URL: "",
      LANTOA_WORKERS: "many",
    });
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
      expect(await first.stop()).toBe(0);
      rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);
});
