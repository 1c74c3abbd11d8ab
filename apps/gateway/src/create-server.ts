import { existsSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { YogaServerInstance } from "graphql-yoga";
import sirv from "sirv";
import type { Context } from "./context.js";
import { isPublicPath, type PublicPagesDeps, sendPublic } from "./public/public-routes.js";
import { sendResponse } from "./send-response.js";
import { type EvidenceDownloadDeps, serveEvidence } from "./storage/evidence-download.js";
import { EVIDENCE_PATH_PREFIX } from "./storage/evidence-links.js";

/** The largest request body accepted (evidence uploads included). */
export const MAX_REQUEST_BYTES = 25 * 1024 * 1024;

/**
 * One HTTP server for the product: GraphQL at `/graphql`, evidence files at their signed
 * addresses under `/files/evidence/`, the public pages (showcase, golden book,
 * verification; see `public/`), the built admin app at every other path (unknown paths
 * fall back to `index.html` for client routing).
 */
export function createHttpServer(
  yoga: YogaServerInstance<Record<string, unknown>, Context>,
  adminDist: string,
  evidence?: EvidenceDownloadDeps,
  publicPages?: PublicPagesDeps,
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
    if (evidence && req.url?.startsWith(EVIDENCE_PATH_PREFIX) && (req.method === "GET" || req.method === "HEAD")) {
      void sendEvidence(req.url, evidence, req.method === "HEAD", res);
      return;
    }
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    if (publicPages && (req.method === "GET" || req.method === "HEAD") && isPublicPath(pathname)) {
      void sendPublic(req, res, publicPages, new Date());
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

async function sendEvidence(
  path: string,
  deps: EvidenceDownloadDeps,
  headOnly: boolean,
  res: ServerResponse,
): Promise<void> {
  try {
    const response = await serveEvidence(new URL(path, "http://gateway"), deps, new Date());
    await sendResponse(response, headOnly, res);
  } catch {
    if (res.headersSent) {
      // The store failed mid-file: cut the connection so the reader sees an incomplete download.
      res.destroy();
      return;
    }
    res.statusCode = 500;
    res.end("Could not read the file");
  }
}
