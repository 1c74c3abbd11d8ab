import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script, shared with the command line.
import { firstLoadSize } from "../scripts/first-load-size.mjs";

/** What a phone on a slow line may download before the first screen: 400 KB of gzipped JavaScript. */
const budget = 400 * 1024;

describe("the built app's first load", () => {
  it("stays under 400 KB gzipped for the public first page", () => {
    const { gzipped } = firstLoadSize();
    process.stdout.write(`  first load: ${(gzipped / 1024).toFixed(1)} KB gzipped\n`);
    expect(gzipped).toBeLessThan(budget);
  });

  it("stays under 400 KB gzipped for the signed-in first page (the dashboard, with its charts)", () => {
    const { gzipped } = firstLoadSize("dashboard-page");
    process.stdout.write(`  first load + dashboard: ${(gzipped / 1024).toFixed(1)} KB gzipped\n`);
    expect(gzipped).toBeLessThan(budget);
  });
});
