import type { IncomingMessage, ServerResponse } from "node:http";
import type pg from "pg";
import { DETAIL_SQL, PAGE_SQL, REPORT_SQL, UNIT_PAGE_SQL, UNIT_PATH_SQL } from "./bench-queries.js";

type Route = (pool: pg.Pool, value: string) => Promise<pg.QueryResult>;

const one =
  (text: string): Route =>
  (pool, value) =>
    pool.query({ text, values: [value] });

const routes: Record<string, [route: Route, param: string]> = {
  "/page": [one(PAGE_SQL), "after"],
  // Two statements, as the gateway sends: the unit's path, then the page within it.
  "/unit-page": [
    async (pool, unit) => {
      const path: string = (await pool.query({ text: UNIT_PATH_SQL, values: [unit] })).rows[0]?.path ?? "";
      return pool.query({ text: UNIT_PAGE_SQL, values: [path, `${path}~`] });
    },
    "unit",
  ],
  "/detail": [one(DETAIL_SQL), "id"],
  "/report": [one(REPORT_SQL), "unit"],
};

/**
 * The bare handler the gateway is compared with: answers a benchmark request (`/page?after=`,
 * `/unit-page?unit=`, `/detail?id=`, `/report?unit=`) with hand-written SQL on `pool` (one
 * statement; two for the unit page), the same `data` as the gateway's. Returns false,
 * answering nothing, for another path.
 */
export function answerBare(pool: pg.Pool, req: IncomingMessage, res: ServerResponse): boolean {
  const asked = new URL(req.url ?? "/", "http://bare");
  const route = routes[asked.pathname];
  if (!route) return false;
  route[0](pool, asked.searchParams.get(route[1]) ?? "").then(
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
