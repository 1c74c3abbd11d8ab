import type { IsoDate } from "../internal/iso-date.js";
import { placeNameOf } from "./place-name-of.js";
import type { ReportDraft } from "./report-draft.js";

/**
 * A new draft's parts, filled from the unit: it issues the report from its own place,
 * reports to the unit above (its superior body and first recipient), and is dated
 * `reportDate`. One year is an interim report (sơ kết), several a final one (tổng kết).
 *
 * @example defaultReportDraft({ unitId: "u1", unitName: "Huyện ủy Thanh Liêm", parentName: "Tỉnh ủy Hà Nam",
 *   fromYear: 2017, toYear: 2022, reportDate: "2022-12-30" }).subject
 * // "Tổng kết xây dựng, nhân rộng mô hình giai đoạn 2017 - 2022"
 */
export function defaultReportDraft(unit: {
  readonly unitId: string;
  readonly unitName: string;
  readonly parentName: string | null;
  readonly fromYear: number;
  readonly toYear: number;
  readonly reportDate: IsoDate;
}): ReportDraft {
  const subject =
    unit.fromYear === unit.toYear
      ? `Sơ kết xây dựng, nhân rộng mô hình năm ${unit.toYear}`
      : `Tổng kết xây dựng, nhân rộng mô hình giai đoạn ${unit.fromYear} - ${unit.toYear}`;
  return {
    unitId: unit.unitId,
    fromYear: unit.fromYear,
    toYear: unit.toYear,
    superiorBody: unit.parentName ?? "",
    issuingBody: unit.unitName,
    numberSymbol: "",
    place: placeNameOf(unit.unitName),
    reportDate: unit.reportDate,
    subject,
    sections: {},
    recipients: [...(unit.parentName ? [`${unit.parentName} (để báo cáo)`] : []), "Lưu: VT"],
    signerTitle: "",
    signerName: "",
  };
}
