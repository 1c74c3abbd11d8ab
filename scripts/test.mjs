// `npm test`: install what is missing, then every check through turbo: typecheck,
// lint, the layering check, unit tests, the published packages' contents and size
// budgets (check:package), integration tests (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set) and the browser tests in headless Chromium.
import { existsSync } from "node:fs";
import { bootstrap, run } from "./bootstrap.mjs";

// Said here as well as in the suites' own setup, because turbo does not replay
// the logs of a cached task: the line must show on every run.
const skipped = [];
if (!process.env.TEST_DATABASE_URL) {
  skipped.push(
    "PostgreSQL integration suites: set TEST_DATABASE_URL=postgres://user@127.0.0.1:5432/postgres (a role that may CREATE DATABASE), or run bash .ci/run",
  );
}
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  skipped.push(
    `browser suite: no Chromium at ${chromium}; apt-get install chromium or set CHROMIUM_PATH, or run bash .ci/run`,
  );
}
for (const line of skipped) process.stdout.write(`skipped: ${line}\n`);
if (skipped.length > 0 && process.env.CI === "true") {
  process.stderr.write("CI=true: every suite must run, so a skipped suite is a failure.\n");
  process.exit(1);
}

bootstrap();
run("turbo", [
  "run",
  "typecheck",
  "lint",
  "depcheck",
  "changeset-status",
  "test",
  "check:package",
  "test:integration",
  "test:e2e",
  "--output-logs=new-only",
  "--continue=dependencies-successful",
  // Two at a time: the integration and browser suites each start embedded PostgreSQL
  // or Chromium, and more than two of them on a two-core machine starve each other.
  "--concurrency=2",
  ...process.argv.slice(2),
]);
