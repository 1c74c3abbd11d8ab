/**
 * The benchmark's servers, in a process of their own so the load generator does not
 * share their event loop: the real gateway (createGatewayYoga behind createHttpServer,
 * as `lantoa-gateway` serves it) and a bare node:http handler answering the same
 * requests with one hand-written SQL statement each. Prints their URLs as one JSON line.
 * `GET /stats` on the bare server tells the runner how many requests each server answered,
 * how many SQL statements each sent, and this process's memory.
 */
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "@lantoa/db";
import { createGatewayYoga, createHttpServer, localFolderStorage } from "@lantoa/gateway";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { answerBare } from "./bare-handler.js";

const url = process.env.BENCH_DB_URL;
if (!url) throw new Error("BENCH_DB_URL is required");
const poolSize = Number(process.env.BENCH_POOL ?? 10);

/**
 * With BENCH_PREPARED=1, every statement of the gateway is sent as a named prepared
 * statement (named by its text's hash): PostgreSQL parses and plans each once per
 * connection instead of on every request.
 */
class NamedStatementClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this forwards them all.
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === "string" && Array.isArray(values)) {
      const name = `b${createHash("sha1").update(config).digest("hex").slice(0, 20)}`;
      return super.query({ name, text: config, values }, callback);
    }
    return super.query(config, values, callback);
  }
}

const stats = { requests: 0, statements: 0, bareRequests: 0, bareStatements: 0 };
const gatewayPool = new pg.Pool({
  connectionString: url,
  max: poolSize,
  ...(process.env.BENCH_PREPARED === "1" ? { Client: NamedStatementClient } : {}),
});
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: gatewayPool }),
  log: () => {
    stats.statements++;
  },
});
const yoga = createGatewayYoga({
  db,
  graphiql: false,
  storage: localFolderStorage(mkdtempSync(join(tmpdir(), "lantoa-bench-"))),
  responseCacheTtlMs: Number(process.env.BENCH_CACHE_TTL_MS ?? 0),
  sessionCacheTtlMs: Number(process.env.BENCH_SESSION_CACHE_MS ?? 10_000),
});
const gateway = createHttpServer(yoga, join(tmpdir(), "lantoa-bench-no-admin"));
gateway.on("request", (_req, res) => {
  res.on("finish", () => {
    stats.requests++;
  });
});

const barePool = new pg.Pool({ connectionString: url, max: poolSize });
// Every statement the bare handler sends, counted as it is sent (the unit page sends two).
const bareQuery = barePool.query.bind(barePool);
barePool.query = ((...args: Parameters<typeof bareQuery>) => {
  stats.bareStatements++;
  return bareQuery(...args);
}) as typeof barePool.query;
const bare = createServer((req, res) => {
  if (req.url === "/stats") {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ...stats, rss: process.memoryUsage().rss }));
    return;
  }
  if (answerBare(barePool, req, res)) {
    stats.bareRequests++;
    return;
  }
  res.statusCode = 404;
  res.end();
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
