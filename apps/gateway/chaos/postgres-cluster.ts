import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PG_BIN = process.env.CHAOS_PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** A throwaway PostgreSQL cluster of the chaos run's own, on a free port under /tmp. */
export interface Cluster {
  readonly url: string;
  /** `pg_ctl restart -m fast`: every connection is ended, as in the incident. Returns its duration in ms. */
  restart(): number;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** PostgreSQL refuses to run as root: run its programs as the postgres user then. */
function pg(program: string, args: string[]): void {
  const command = join(PG_BIN, program);
  if (process.getuid?.() === 0) execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" });
  else execFileSync(command, args, { stdio: "pipe" });
}

/** initdb + start on 127.0.0.1 (fsync off: it is thrown away). */
export async function startCluster(): Promise<Cluster> {
  const root = mkdtempSync(join(tmpdir(), "lantoa-chaos-pg-"));
  chmodSync(root, 0o777);
  const data = join(root, "data");
  const port = await freePort();
  pg("initdb", ["-D", data, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "-U", "postgres"]);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off -c full_page_writes=off -c max_connections=60`;
  const ctl = (...args: string[]) => pg("pg_ctl", ["-D", data, "-l", join(root, "server.log"), "-w", ...args]);
  ctl("-o", options, "start");
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => {
      const started = performance.now();
      ctl("-m", "fast", "-o", options, "restart");
      return performance.now() - started;
    },
    stop: () => {
      try {
        ctl("-m", "fast", "stop");
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
