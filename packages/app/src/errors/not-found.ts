import { type DomainError, domainError } from "@lantoa/domain/errors";

const names = {
  model: ["MODEL", "mô hình", "model"],
  commendation: ["COMMENDATION", "khen thưởng", "commendation"],
  inspection: ["INSPECTION", "cuộc kiểm tra", "inspection"],
  finding: ["INSPECTION", "kết luận kiểm tra", "finding"],
  action: ["INSPECTION", "biện pháp khắc phục", "corrective action"],
  entry: ["GOLDEN_BOOK", "mục sổ vàng", "golden-book entry"],
  unit: ["UNIT", "đơn vị", "unit"],
  round: ["ROUND", "đợt bình xét", "round"],
  criteria: ["CRITERIA", "bộ tiêu chí", "criteria set"],
  user: ["USER", "người dùng", "user"],
  evidence: ["EVIDENCE", "minh chứng", "evidence"],
  report: ["REPORT", "dự thảo báo cáo", "report draft"],
} as const;

/** A kind of record a use case may look for. */
export type RecordKind = keyof typeof names;

/**
 * `<ENTITY>.NOT_FOUND` for a record that does not exist (or vanished since the caller's
 * access check).
 *
 * @example notFound("model", id).code // "MODEL.NOT_FOUND"
 */
export function notFound(kind: RecordKind, id: string): DomainError {
  const [prefix, vi, en] = names[kind];
  return domainError(`${prefix}.NOT_FOUND`, { vi: `Không tìm thấy ${vi}.`, en: `No such ${en}.` }, { id });
}
