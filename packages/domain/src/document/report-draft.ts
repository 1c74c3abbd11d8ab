import * as z from "zod/mini";
import type { DomainError, LocalizedText } from "../errors/domain-error.js";
import type { Result } from "../errors/result.js";
import { IsoDateSchema } from "../internal/iso-date.js";
import { parseWith } from "../internal/parse-with.js";

/**
 * The narrative sections of a periodic report (báo cáo sơ kết / tổng kết), in the order
 * they are printed. Staff write them; the figures between them come from the data.
 */
export const reportSectionKeys = [
  "situation",
  "leadership",
  "assessment",
  "shortcomings",
  "lessons",
  "directions",
  "proposals",
] as const;

/** One of {@link reportSectionKeys}. @example ReportSectionKeySchema.parse("lessons") */
export const ReportSectionKeySchema = z.enum(reportSectionKeys);
/** A value parsed by {@link ReportSectionKeySchema}. @example const value: ReportSectionKey = ReportSectionKeySchema.parse(input); */
export type ReportSectionKey = z.infer<typeof ReportSectionKeySchema>;

/**
 * The heading of each narrative section, as the document prints it.
 *
 * @example reportSectionHeadings.lessons.vi // "Bài học kinh nghiệm"
 */
export const reportSectionHeadings: Readonly<Record<ReportSectionKey, LocalizedText>> = {
  situation: { vi: "Đặc điểm tình hình", en: "Background" },
  leadership: { vi: "Công tác lãnh đạo, chỉ đạo và tổ chức thực hiện", en: "Leadership and organization" },
  assessment: { vi: "Đánh giá chung", en: "Overall assessment" },
  shortcomings: { vi: "Hạn chế và nguyên nhân", en: "Shortcomings and their causes" },
  lessons: { vi: "Bài học kinh nghiệm", en: "Lessons learned" },
  directions: { vi: "Phương hướng, nhiệm vụ thời gian tới", en: "Directions and tasks ahead" },
  proposals: { vi: "Kiến nghị, đề xuất", en: "Recommendations" },
};

const text = (max: number, min = 0) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

/**
 * A periodic report as staff keep it while writing: the parts of an administrative
 * document (Nghị định 30/2020/NĐ-CP: superior and issuing body, number and symbol, place
 * and date, subject line, recipients, signature) and the narrative sections. The unit and
 * years say which figures it carries.
 *
 * @example
 * ReportDraftSchema.parse({ unitId: "u1", fromYear: 2017, toYear: 2022, superiorBody: "Tỉnh ủy Hà Nam",
 *   issuingBody: "Huyện ủy Thanh Liêm", numberSymbol: "125-BC/HU", place: "Thanh Liêm", reportDate: "2022-12-30",
 *   subject: "Tổng kết xây dựng, nhân rộng mô hình giai đoạn 2017 - 2022", sections: { lessons: "…" },
 *   recipients: ["Ban Thường vụ Tỉnh ủy (để báo cáo)", "Lưu: VT"], signerTitle: "T/M BAN THƯỜNG VỤ", signerName: "" })
 */
export const ReportDraftSchema = z
  .strictObject({
    unitId: z.string().check(z.minLength(1)),
    fromYear: z.int().check(z.minimum(1900), z.maximum(2200)),
    toYear: z.int().check(z.minimum(1900), z.maximum(2200)),
    /** The body above the issuer (cơ quan chủ quản); empty when there is none. */
    superiorBody: text(300),
    /** The body issuing the report (cơ quan ban hành). */
    issuingBody: text(300, 1),
    /** Number and symbol (số, ký hiệu), e.g. "125-BC/HU"; empty until registered. */
    numberSymbol: text(64),
    place: text(100, 1),
    reportDate: IsoDateSchema,
    /** The subject line (trích yếu) under "BÁO CÁO". */
    subject: text(500, 1),
    sections: z.partialRecord(ReportSectionKeySchema, z.string().check(z.maxLength(20_000))),
    /** Nơi nhận, one line each. */
    recipients: z.array(text(300, 1)).check(z.maxLength(30)),
    signerTitle: text(200),
    signerName: text(200),
  })
  .check(
    z.refine((d) => d.fromYear <= d.toYear, {
      message: "the period must not end before it starts",
      params: { vi: "kỳ báo cáo không được kết thúc trước khi bắt đầu" },
      path: ["toYear"],
    }),
    z.refine((d) => d.reportDate >= `${d.fromYear}-01-01`, {
      message: "a report cannot be dated before its period starts",
      params: { vi: "ngày báo cáo không được trước ngày bắt đầu kỳ" },
      path: ["reportDate"],
    }),
  );
/** A value parsed by {@link ReportDraftSchema}. @example const value: ReportDraft = ReportDraftSchema.parse(input); */
export type ReportDraft = z.infer<typeof ReportDraftSchema>;

/**
 * Parses untrusted input into a {@link ReportDraft}; failures are `REPORT.INVALID`
 * (with each problem's path in `details.issues`).
 *
 * @example parseReportDraft({ ...draft, fromYear: 2023, toYear: 2022 }) // err REPORT.INVALID
 */
export function parseReportDraft(input: unknown): Result<ReportDraft, DomainError<"REPORT.INVALID">> {
  return parseWith(ReportDraftSchema, input, "REPORT.INVALID", {
    vi: "Dự thảo báo cáo không hợp lệ",
    en: "Invalid report draft",
  });
}
