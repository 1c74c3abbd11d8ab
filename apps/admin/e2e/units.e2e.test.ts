import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { canRunBrowser, launchChromium, screenshotDir } from "./browser";

describe.runIf(canRunBrowser)("admin app in headless Chromium", () => {
  // Started once for every browser suite by global-setup.ts.
  const gateway = { url: inject("gatewayUrl") };
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lists the units that came from the gateway, and finds one without diacritics", async () => {
    const page = await browser.newPage();
    const graphqlCalls: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/graphql") graphqlCalls.push(request.method());
    });
    await page.goto(`${gateway.url}/`);

    await expect.poll(() => page.getByTestId("unit-row").count()).toBeGreaterThan(50);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Lan Tỏa");
    expect(await page.getByText("Huyện ủy Thanh Liêm", { exact: true }).isVisible()).toBe(true);
    expect(graphqlCalls).toContain("POST");

    await page.getByLabel("Tìm đơn vị").fill("cong an xa lieM son");
    await expect.poll(() => page.getByTestId("unit-row").allTextContents()).toEqual(["Chi bộ Công an xã Liêm SơnXã"]);
    await page.screenshot({ path: join(screenshotDir, "units-search.png"), fullPage: true });
    await page.close();
  });
});
