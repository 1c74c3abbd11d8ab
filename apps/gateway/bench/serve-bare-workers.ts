/**
 * The bare handler (`bare-handler.ts`) served by BENCH_PROCESSES processes on one port, as
 * `LANTOA_WORKERS` serves the gateway: one process without node:cluster, or a primary
 * forking that many workers. Prints `{"bare": url}` as one JSON line once every process listens.
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { answerBare } from "./bare-handler.js";

const url = process.env.BENCH_DB_URL;
if (!url) throw new Error("BENCH_DB_URL is required");
const processes = Number(process.env.BENCH_PROCESSES ?? 1);

if (processes > 1 && cluster.isPrimary) {
  let listening = 0;
  cluster.on("listening", (_worker, address) => {
    listening++;
    if (listening === processes) console.log(JSON.stringify({ bare: `http://127.0.0.1:${address.port}` }));
  });
  for (let i = 0; i < processes; i++) cluster.fork();
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    cluster.on("exit", () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  });
} else {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.BENCH_POOL ?? 10) });
  pool.on("error", () => undefined);
  const server = createServer((req, res) => {
    if (answerBare(pool, req, res)) return;
    res.statusCode = 404;
    res.end();
  });
  server.listen(0, "127.0.0.1", () => {
    if (cluster.isPrimary) {
      console.log(JSON.stringify({ bare: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
    }
  });
  process.on("SIGTERM", () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}
