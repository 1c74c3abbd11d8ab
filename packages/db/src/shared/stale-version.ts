import { type DomainError, domainError } from "@lantoa/domain/errors";

/** Someone else saved the record since it was read: reload, reapply, retry. */
export type StaleVersionError = DomainError<"DB.STALE_VERSION">;

/** The {@link StaleVersionError} for a record of `entity` read at `expected`. */
export function staleVersion(entity: string, id: string, expected: number): StaleVersionError {
  return domainError(
    "DB.STALE_VERSION",
    {
      vi: "Bản ghi đã được người khác sửa trong lúc bạn làm việc. Hãy tải lại để xem thay đổi mới nhất rồi thực hiện lại.",
      en: "Someone else changed this record while you were working. Reload to see the latest version, then try again.",
    },
    { entity, id, expectedVersion: expected },
  );
}
