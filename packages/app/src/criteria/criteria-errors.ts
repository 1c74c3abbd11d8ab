import type { CriteriaVersionRow } from "@lantoa/db";
import { type DomainError, domainError } from "@lantoa/domain/errors";

/** No such version (or a draft the reader may not see). */
export function criteriaVersionNotFound(id: string): DomainError<"CRITERIA.VERSION_NOT_FOUND"> {
  return domainError(
    "CRITERIA.VERSION_NOT_FOUND",
    { vi: "Không tìm thấy phiên bản bộ tiêu chí.", en: "No such criteria-set version." },
    { id },
  );
}

/** A published version never changes; the way forward is a new draft from it. */
export function criteriaPublishedImmutable(row: CriteriaVersionRow): DomainError<"CRITERIA.PUBLISHED_IMMUTABLE"> {
  return domainError(
    "CRITERIA.PUBLISHED_IMMUTABLE",
    {
      vi: `Phiên bản ${row.version_number} của “${row.set_name}” đã ban hành nên không sửa được. Hãy tạo bản nháp mới từ phiên bản này rồi sửa bản nháp.`,
      en: `Version ${row.version_number} of “${row.set_name}” is published and cannot change. Start a new draft from it and edit the draft.`,
    },
    { id: row.id, versionNumber: row.version_number },
  );
}
