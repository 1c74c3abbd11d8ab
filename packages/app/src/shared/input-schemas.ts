import * as z from "zod";

/** A record's id (a UUID, any version: demo and scale data use deterministic ones). */
export const RecordId = z.guid();

/** A calendar day, YYYY-MM-DD. */
export const IsoDay = z.iso.date();

/** The version of a record the caller read; a save refuses with DB.STALE_VERSION when it moved on. */
export const ExpectedVersion = z.number().int().min(1);

/** A client-chosen key that makes a create safe to retry (see `RunOptions.idempotencyKey`). */
export const IdempotencyKey = z.string().min(8).max(100);

/** A free text of at most `max` characters, trimmed, not empty. */
export function requiredText(max: number) {
  return z.string().trim().min(1).max(max);
}
