import { findGoldenBookNominator, lockGoldenBookEntry, staleVersion, updateVersioned } from "@lantoa/db";
import { err, ok } from "@lantoa/domain/errors";
import { decideGoldenBookEntry } from "@lantoa/domain/register";
import * as z from "zod";
import { notFound } from "../errors/not-found.js";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, RecordId, requiredText } from "../shared/input-schemas.js";
import { actingUser } from "./acting-user.js";
import { goldenBookEntryFromRow } from "./golden-book-entry-from-row.js";

/** A decision on a nominated entry; a rejection needs a reason. */
export const VerifyGoldenBookEntryInput = z.object({
  entryId: RecordId,
  outcome: z.enum(["verified", "rejected"]),
  reason: requiredText(2000).nullish(),
  /** The entry's version. */
  expectedVersion: ExpectedVersion,
});

/**
 * Verifies or rejects a nominated entry as the domain's `decideGoldenBookEntry` allows
 * (not twice, not by its nominator, a rejection with a reason, not before the deed), at
 * the runner's clock. Audited as `goldenBook.verified` or `goldenBook.rejected`.
 */
export const verifyGoldenBookEntry = defineUseCase({
  name: "verifyGoldenBookEntry",
  input: VerifyGoldenBookEntryInput,
  run: async (scope, input) => {
    const { trx } = scope;
    const row = await lockGoldenBookEntry(trx, input.entryId);
    if (!row) return err(notFound("entry", input.entryId));
    if (row.version !== input.expectedVersion) {
      return err(staleVersion("golden_book_entry", input.entryId, input.expectedVersion));
    }
    const entry = goldenBookEntryFromRow(row, await findGoldenBookNominator(trx, row.id));
    if (!entry.ok) return entry;
    const decided = decideGoldenBookEntry(entry.value, {
      outcome: input.outcome,
      by: actingUser(scope.actor),
      at: scope.now.toISOString(),
      ...(input.reason == null ? {} : { reason: input.reason }),
    });
    if (!decided.ok) return decided;
    const saved = await updateVersioned(trx, "golden_book_entries", row.id, input.expectedVersion, {
      status: decided.value.status,
      verified_by: scope.actor.displayName,
      verified_at: scope.now,
      decision_reason: decided.value.decision?.reason ?? null,
    });
    if (!saved.ok) return saved;
    await scope.audit({
      action: `goldenBook.${decided.value.status}`,
      entity: "golden_book_entry",
      entityId: row.id,
      before: { status: row.status, version: row.version },
      after: {
        status: decided.value.status,
        reason: decided.value.decision?.reason ?? null,
        version: saved.value.version,
      },
    });
    return ok({ id: row.id });
  },
});
