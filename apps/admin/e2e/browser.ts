import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningGateway, startGateway } from "@lantoa/gateway";
import { type Browser, chromium } from "playwright-core";

/** The Chromium the browser tests drive: Debian's by default, or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Whether this machine can run the browser suite (the global setup has said why not). */
export const canRunBrowser = existsSync(chromiumPath);

/** Screenshots land here, ignored by git, for a person to look at. */
export const screenshotDir = fileURLToPath(new URL("../screenshots/", import.meta.url));

/** The built admin app, as the gateway serves it in production. */
const adminDist = fileURLToPath(new URL("../dist/", import.meta.url));

/** A gateway on a free port over a fresh in-memory PGlite with the demo data. */
export async function startTestGateway(): Promise<RunningGateway> {
  return startGateway({
    port: 0,
    host: "127.0.0.1",
    databaseUrl: undefined,
    dataDir: undefined,
    adminDist,
    seedDemo: true,
    graphiql: false,
    corsOrigins: [],
    uploadDir: mkdtempSync(join(tmpdir(), "lantoa-e2e-uploads-")),
    sessionTtlHours: 12,
  });
}

/**
 * Debian's Chromium, headless, with the flags this machine's closed network needs.
 * Playwright gives each launch a fresh, empty profile.
 */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
