import type { Database } from "@lantoa/db";
import type { Kysely } from "kysely";
import { EVIDENCE_PATH_PREFIX, type EvidenceLinks } from "./evidence-links.js";
import type { EvidenceStorage } from "./evidence-storage.js";

/** What serving an evidence file needs. */
export interface EvidenceDownloadDeps {
  readonly db: Kysely<Database>;
  readonly storage: EvidenceStorage;
  readonly links: EvidenceLinks;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Answers `GET /files/evidence/<id>?expires=…&signature=…` with the stored file, or 403
 * for a missing, forged or expired signature and 404 for a file that is gone. The file
 * is sent with its recorded type, `nosniff` and a sandboxing CSP so an uploaded document
 * cannot run script on the gateway's origin.
 */
export async function serveEvidence(url: URL, deps: EvidenceDownloadDeps, now: Date): Promise<Response> {
  const id = decodeURIComponent(url.pathname.slice(EVIDENCE_PATH_PREFIX.length));
  if (!UUID.test(id)) return plain(404, "Not found");
  if (!deps.links.verify(id, url.searchParams.get("expires"), url.searchParams.get("signature"), now)) {
    return plain(403, "This link has expired or is not valid. Reload the page to get a new one.");
  }
  const row = await deps.db
    .selectFrom("evidence")
    .select(["storage_key", "mime_type", "title"])
    .where("id", "=", id)
    .executeTakeFirst();
  const file = row?.storage_key ? await deps.storage.get(row.storage_key) : null;
  if (!row || !file) return plain(404, "Not found");
  const inline = row.mime_type === "application/pdf" || (row.mime_type ?? "").startsWith("image/");
  // Streamed from the store as it is sent: a file is never held in memory whole.
  return new Response(file.stream, {
    status: 200,
    headers: {
      "content-type": row.mime_type ?? "application/octet-stream",
      "content-length": String(file.size),
      "content-disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(row.title)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "cache-control": "private, max-age=300",
    },
  });
}
