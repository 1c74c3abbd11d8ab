/**
 * The benchmark's servers, in a process of their own so the load generator does not
 * share their event loop: the real gateway (createGatewayYoga behind createHttpServer,
 * as `lantoa-gateway` serves it) and a bare node:http handler answering the same
 * requests with one hand-written SQL statement each. Prints their URLs as one JSON line.
 */
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "@lantoa/db";
import { createGatewayYoga, createHttpServer, localFolderStorage } from "@lantoa/gateway";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { DETAIL_SQL, PAGE_SQL, REPORT_SQL } from "./bench-queries.js";

const url = process.env.BENCH_DB_URL;
if (!url) throw new Error("BENCH_DB_URL is required");
const poolSize = Number(process.env.BENCH_POOL ?? 10);

const gatewayPool = new pg.Pool({ connectionString: url, max: poolSize });
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: gatewayPool }) });
const yoga = createGatewayYoga({
  db,
  graphiql: false,
  storage: localFolderStorage(mkdtempSync(join(tmpdir(), "lantoa-bench-"))),
  // As lantoa-gateway starts by default (LANTOA_RESPONSE_CACHE_MS); BENCH_CACHE_TTL_MS=0 measures without.
  responseCacheTtlMs: Number(process.env.BENCH_CACHE_TTL_MS ?? 5_000),
});
const gateway = createHttpServer(yoga, join(tmpdir(), "lantoa-bench-no-admin"));

const barePool = new pg.Pool({ connectionString: url, max: poolSize });
const bare = createServer((req, res) => {
  const asked = new URL(req.url ?? "/", "http://bare");
  const [text, values] =
    asked.pathname === "/page"
      ? [PAGE_SQL, []]
      : asked.pathname === "/detail"
        ? [DETAIL_SQL, [asked.searchParams.get("id")]]
        : asked.pathname === "/report"
          ? [REPORT_SQL, [asked.searchParams.get("unit")]]
          : [null, []];
  if (text === null) {
    res.statusCode = 404;
    res.end();
    return;
  }
  barePool.query({ text, values }).then(
    (result) => {
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.end(`{"data":${JSON.stringify(result.rows[0]?.data ?? null)}}`);
    },
    (error: Error) => {
      res.statusCode = 500;
      res.end(error.message);
    },
  );
});

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

console.log(JSON.stringify({ gateway: await listen(gateway), bare: await listen(bare) }));
process.on("SIGTERM", () => {
  gateway.close();
  bare.close();
  void Promise.all([db.destroy(), barePool.end()]).then(() => process.exit(0));
});
