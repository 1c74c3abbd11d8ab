import { type DomainError, domainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import type { IsoDateTime } from "../internal/iso-date.js";
import type { GoldenBookEntry } from "./golden-book-entry.js";

/**
 * Verifies or rejects a nominated golden-book entry. Refuses an entry already decided
 * (`GOLDEN_BOOK.ALREADY_DECIDED`), a decision by the person who nominated it
 * (`GOLDEN_BOOK.SELF_VERIFICATION`), a rejection without reason
 * (`GOLDEN_BOOK.REASON_REQUIRED`) and a decision dated before the deed
 * (`GOLDEN_BOOK.DECIDED_BEFORE_DEED`). Time and actor are passed in.
 *
 * @example
 * decideGoldenBookEntry(entry, { outcome: "verified", by: "user-9", at: "2021-07-01T09:00:00+07:00" })
 */
export function decideGoldenBookEntry(
  entry: GoldenBookEntry,
  decision: {
    readonly outcome: "verified" | "rejected";
    readonly by: string;
    readonly at: IsoDateTime;
    readonly reason?: string;
  },
): Result<
  GoldenBookEntry,
  DomainError<
    | "GOLDEN_BOOK.ALREADY_DECIDED"
    | "GOLDEN_BOOK.SELF_VERIFICATION"
    | "GOLDEN_BOOK.REASON_REQUIRED"
    | "GOLDEN_BOOK.DECIDED_BEFORE_DEED"
  >
> {
  if (entry.status !== "nominated") {
    return err(
      domainError(
        "GOLDEN_BOOK.ALREADY_DECIDED",
        { vi: "Việc tốt này đã được xét trước đó", en: "This entry has already been decided" },
        { entryId: entry.id, status: entry.status },
      ),
    );
  }
  if (decision.by === entry.nominatedBy) {
    return err(
      domainError(
        "GOLDEN_BOOK.SELF_VERIFICATION",
        { vi: "Người đề cử không được tự xác minh", en: "The nominator cannot verify their own nomination" },
        { entryId: entry.id, userId: decision.by },
      ),
    );
  }
  const reason = decision.reason?.trim() || null;
  if (decision.outcome === "rejected" && reason === null) {
    return err(
      domainError(
        "GOLDEN_BOOK.REASON_REQUIRED",
        { vi: "Cần nêu lý do không xác nhận", en: "A rejection needs a reason" },
        { entryId: entry.id },
      ),
    );
  }
  if (decision.at.slice(0, 10) < entry.date) {
    return err(
      domainError(
        "GOLDEN_BOOK.DECIDED_BEFORE_DEED",
        { vi: "Không thể xác minh trước ngày diễn ra việc tốt", en: "An entry cannot be decided before the deed" },
        { entryId: entry.id, deedDate: entry.date, at: decision.at },
      ),
    );
  }
  return ok({ ...entry, status: decision.outcome, decision: { by: decision.by, at: decision.at, reason } });
}
