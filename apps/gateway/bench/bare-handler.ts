import type { IncomingMessage, ServerResponse } from "node:http";
import type pg from "pg";
import { DETAIL_SQL, PAGE_SQL, REPORT_SQL, UNIT_PAGE_SQL } from "./bench-queries.js";

const routes: Record<string, [sql: string, param: string]> = {
  "/page": [PAGE_SQL, "after"],
  "/unit-page": [UNIT_PAGE_SQL, "unit"],
  "/detail": [DETAIL_SQL, "id"],
  "/report": [REPORT_SQL, "unit"],
};

/**
 * The bare handler the gateway is compared with: answers a benchmark request (`/page?after=`,
 * `/unit-page?unit=`, `/detail?id=`, `/report?unit=`) with one hand-written SQL statement on
 * `pool`, the same `data` as the gateway's. Returns false, answering nothing, for another path.
 */
export function answerBare(pool: pg.Pool, req: IncomingMessage, res: ServerResponse): boolean {
  const asked = new URL(req.url ?? "/", "http://bare");
  const route = routes[asked.pathname];
  if (!route) return false;
  pool.query({ text: route[0], values: [asked.searchParams.get(route[1]) ?? ""] }).then(
    (result) => {
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.end(`{"data":${JSON.stringify(result.rows[0]?.data ?? null)}}`);
    },
    (error: Error) => {
      res.statusCode = 500;
      res.end(error.message);
    },
  );
  return true;
}
