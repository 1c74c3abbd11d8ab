import type { TestProject } from "vitest/node";
import { canRunBrowser, chromiumPath, startTestGateway } from "./browser";

declare module "vitest" {
  export interface ProvidedContext {
    /** The one gateway every browser suite talks to, e.g. http://127.0.0.1:40123. */
    gatewayUrl: string;
  }
}

/**
 * Starts one gateway (in-memory PGlite with the demo data) for all browser suites: seeding
 * takes seconds on a two-core machine, so it is done once, not per file.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!canRunBrowser) {
    const why = `no Chromium at ${chromiumPath}; install Debian's (apt-get install chromium) or set CHROMIUM_PATH — bash .ci/run installs it`;
    if (process.env.CI === "true") throw new Error(`CI=true but the browser suite cannot run: ${why}`);
    process.stdout.write(`\n  skipped: browser suite (admin app in headless Chromium), because ${why}.\n\n`);
    return undefined;
  }
  const gateway = await startTestGateway();
  project.provide("gatewayUrl", gateway.url);
  return () => gateway.close();
}
