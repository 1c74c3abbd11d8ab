import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Short-lived signed addresses of evidence files. A browser cannot send the bearer
 * token from an `<img src>` or a link, so the gateway hands a reader who may see a
 * model an address signed for that file and a deadline; whoever holds it may fetch the
 * file until then, and nothing else.
 */
export interface EvidenceLinks {
  /** `/files/evidence/<id>?expires=<unix seconds>&signature=<base64url>` */
  pathFor(evidenceId: string, now: Date): string;
  /** Whether a signature is this gateway's for that file and has not expired. */
  verify(evidenceId: string, expires: string | null, signature: string | null, now: Date): boolean;
}

/** Where signed evidence addresses start. */
export const EVIDENCE_PATH_PREFIX = "/files/evidence/";

/**
 * Signs with HMAC-SHA-256. The secret comes from `LANTOA_FILE_SIGNING_KEY`; without it a
 * random one is made per process, so addresses stop working on restart (readers just
 * reload the page).
 */
export function evidenceLinks(secret: Uint8Array = randomBytes(32), ttlSeconds = 60 * 60): EvidenceLinks {
  const sign = (evidenceId: string, expires: string) =>
    createHmac("sha256", secret).update(`${evidenceId}.${expires}`).digest("base64url");
  return {
    pathFor(evidenceId, now) {
      const expires = String(Math.floor(now.getTime() / 1000) + ttlSeconds);
      const query = new URLSearchParams({ expires, signature: sign(evidenceId, expires) });
      return `${EVIDENCE_PATH_PREFIX}${encodeURIComponent(evidenceId)}?${query}`;
    },
    verify(evidenceId, expires, signature, now) {
      if (!expires || !signature || !/^\d{1,12}$/.test(expires)) return false;
      if (Number(expires) * 1000 < now.getTime()) return false;
      const expected = Buffer.from(sign(evidenceId, expires));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
