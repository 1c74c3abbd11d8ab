import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { YogaServerInstance } from "graphql-yoga";
import sirv from "sirv";
import type { Context } from "./context.js";

/** The largest request body accepted (evidence uploads included). */
export const MAX_REQUEST_BYTES = 25 * 1024 * 1024;

/**
 * One HTTP server for the product: GraphQL at `/graphql`, the built admin app at
 * every other path (unknown paths fall back to `index.html` for client routing).
 */
export function createHttpServer(
  yoga: YogaServerInstance<Record<string, unknown>, Context>,
  adminDist: string,
): Server {
  const hasAdmin = existsSync(adminDist);
  const serveAdmin = hasAdmin ? sirv(adminDist, { single: true, etag: true, gzip: true }) : undefined;
  return createServer((req, res) => {
    // Refuse an oversized body before reading it: uploads are capped per file in the
    // resolver, and no request may be larger than a few files.
    if (Number(req.headers["content-length"] ?? 0) > MAX_REQUEST_BYTES) {
      res.statusCode = 413;
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({ errors: [{ message: "Request too large", extensions: { code: "PAYLOAD_TOO_LARGE" } }] }),
      );
      req.resume();
      return;
    }
    if (req.url?.startsWith("/graphql")) {
      void yoga(req, res);
      return;
    }
    if (serveAdmin) {
      serveAdmin(req, res, () => {
        res.statusCode = 404;
        res.end("Not found");
      });
      return;
    }
    res.statusCode = 503;
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end(
      `The admin app is not built (looked in ${adminDist}). Run npm start, or pnpm --filter @lantoa/admin build.`,
    );
  });
}
