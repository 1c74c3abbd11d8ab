import { existsSync } from "node:fs";

/** The Chromium the browser tests drive: Debian's by default, or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default function setup(): void {
  if (existsSync(chromiumPath)) return;
  const why = `no Chromium at ${chromiumPath}; install Debian's (apt-get install chromium) or set CHROMIUM_PATH — bash .ci/run installs it`;
  if (process.env.CI === "true") throw new Error(`CI=true but the browser suite cannot run: ${why}`);
  process.stdout.write(`\n  skipped: browser suite (admin app in headless Chromium), because ${why}.\n\n`);
}
