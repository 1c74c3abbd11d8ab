// Brings a fresh clone to a runnable state with nothing but Node and npm:
// installs the pinned pnpm (tools/pnpm, through npm's lock), then the workspace.
// Used by `npm start` and `npm test`; safe to run again (a no-op when up to date).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = dirname(dirname(fileURLToPath(import.meta.url)));
const pnpmDir = join(root, "tools", "pnpm");
const pnpmBin = join(pnpmDir, "node_modules", ".bin");

function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}

/** Runs a command in the repo, streaming its output; exits the process when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env, ...options });
  if (result.error) fail(`Could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function pinnedPnpmVersion() {
  const pkg = JSON.parse(execFileSync("node", ["-p", "JSON.stringify(require('./package.json'))"], { cwd: root }));
  return pkg.packageManager.replace(/^pnpm@/, "");
}

export function bootstrap() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19))
    fail(`Lan Tỏa needs Node.js 20.19 or newer (this is ${process.version}).`);

  const wanted = pinnedPnpmVersion();
  const pnpm = join(pnpmBin, "pnpm");
  const have = existsSync(pnpm) ? spawnSync(pnpm, ["--version"], { encoding: "utf8" }).stdout?.trim() : undefined;
  if (have !== wanted) {
    process.stdout.write(`Installing pnpm ${wanted} (tools/pnpm)…\n`);
    run("npm", ["ci", "--prefix", pnpmDir, "--no-audit", "--no-fund", "--loglevel=error"]);
  }

  process.env.PATH = [pnpmBin, join(root, "node_modules", ".bin"), process.env.PATH].join(delimiter);
  process.env.TURBO_TELEMETRY_DISABLED = "1";
  process.env.DO_NOT_TRACK = "1";
  run("pnpm", ["install", "--frozen-lockfile", "--reporter=append-only"]);
}
