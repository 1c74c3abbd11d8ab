import type { NamedIndicatorTotal, PeriodicReportFigures } from "@lantoa/db";
import {
  administrativeDate,
  type ReportDraft,
  type ReportSectionKey,
  reportSectionHeadings,
} from "@lantoa/domain/document";
import { formatCount, formatOutcome } from "./format-figures.js";
import type { ReportBlock, ReportDocument, ReportTable } from "./report-document.js";

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

const severityNames: Record<string, string> = {
  observation: "lưu ý",
  minor: "nhẹ",
  major: "nghiêm trọng",
  critical: "rất nghiêm trọng",
};
const actionStatusNames: Record<string, string> = {
  open: "đang thực hiện",
  done: "đã hoàn thành",
  verified: "đã xác nhận hoàn thành",
  overdue: "quá hạn",
};

function table(headers: string[], rows: string[][], widths: number[], numeric: boolean[]): ReportTable {
  return { kind: "table", headers, rows, widths, numeric };
}

function narrative(draft: ReportDraft, key: ReportSectionKey): ReportBlock[] {
  const text = draft.sections[key]?.trim() ?? "";
  if (text === "") {
    return [{ kind: "paragraph", text: `(Phần “${reportSectionHeadings[key].vi}” chưa được viết.)`, draft: true }];
  }
  return text
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => ({ kind: "paragraph", text: p }));
}

/** The summable outcomes of a list as one phrase: "3.450 kg gạo quyên góp; 2,155 tỷ đồng…". */
function outcomesPhrase(outcomes: readonly NamedIndicatorTotal[]): string {
  return outcomes
    .filter((o) => o.aggregation === "sum" && o.value !== null && o.value > 0)
    .map((o) => `${o.name.vi.toLocaleLowerCase("vi")}: ${formatOutcome(o.value ?? 0, o.unitCode)}`)
    .join("; ");
}

function outcomeRows(outcomes: readonly NamedIndicatorTotal[]): string[][] {
  return outcomes.map((o) => [
    o.name.vi,
    o.value === null ? "không cộng dồn" : formatOutcome(o.value, o.unitCode),
    o.aggregation === "weighted-average" ? "bình quân" : o.aggregation === "sum" ? "cộng dồn" : "—",
    formatCount(o.models),
  ]);
}

function modelsPart(f: PeriodicReportFigures, period: string): ReportBlock[] {
  return [
    { kind: "heading", level: 2, text: "1. Xây dựng mô hình" },
    {
      kind: "paragraph",
      text: `${period}, ${f.unit.name} và các đơn vị trực thuộc đã xây dựng được ${formatCount(f.models.total)} mô hình ở nhiều cấp, ngành, lĩnh vực.`,
    },
    table(
      ["Năm", "Số mô hình"],
      [...f.models.byYear.map((r) => [r.key, formatCount(r.count)]), ["Tổng cộng", formatCount(f.models.total)]],
      [3, 2],
      [false, true],
    ),
    table(
      ["Cấp", "Số mô hình"],
      f.models.byLevel.map((r) => [r.label.vi, formatCount(r.count)]),
      [3, 2],
      [false, true],
    ),
    {
      kind: "paragraph",
      text: "Theo lĩnh vực (một mô hình thuộc nhiều lĩnh vực được tính ở mỗi lĩnh vực):",
    },
    table(
      ["Lĩnh vực", "Số mô hình"],
      f.models.byField.map((r) => [r.label.vi, formatCount(r.count)]),
      [3, 2],
      [false, true],
    ),
  ];
}

function outcomesPart(f: PeriodicReportFigures): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: "heading", level: 2, text: "2. Kết quả, hiệu quả của các mô hình" }];
  for (const { field, outcomes } of f.outcomesByField) {
    const phrase = outcomesPhrase(outcomes);
    if (phrase !== "") {
      blocks.push({
        kind: "paragraph",
        text: `Các mô hình lĩnh vực ${field.label.vi} (${formatCount(field.count)} mô hình): ${phrase}.`,
      });
    }
  }
  blocks.push({ kind: "paragraph", text: "Tổng hợp kết quả theo chỉ tiêu của toàn bộ các mô hình:" });
  blocks.push(
    table(
      ["Chỉ tiêu", "Kết quả", "Cách tổng hợp", "Số mô hình"],
      outcomeRows(f.outcomes),
      [4, 3, 2, 2],
      [false, true, false, true],
    ),
  );
  return blocks;
}

function replicationPart(f: PeriodicReportFigures): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: "heading", level: 2, text: "3. Nhân rộng các mô hình điểm" }];
  if (f.replication.length === 0) {
    blocks.push({ kind: "paragraph", text: "Trong kỳ chưa có mô hình nào được nhân rộng." });
    return blocks;
  }
  for (const r of f.replication) {
    const where = r.adopters.map((a) => a.unitName).join(", ");
    blocks.push({
      kind: "paragraph",
      text: `Mô hình “${r.originName}” của ${r.ownerName} được nhân rộng ra ${formatCount(r.adoptingUnits)} đơn vị${where ? `: ${where}` : ""}.`,
    });
  }
  blocks.push(
    table(
      ["Mô hình điểm", "Đơn vị chủ trì", "Số đơn vị nhân rộng", "Độ bao phủ"],
      f.replication.map((r) => [
        r.originName,
        r.ownerName,
        formatCount(r.adoptingUnits),
        `${formatCount(Math.round(r.coverage * 1000) / 10)}%`,
      ]),
      [4, 4, 2, 2],
      [false, false, true, true],
    ),
  );
  return blocks;
}

function registersPart(f: PeriodicReportFigures): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: "heading", level: 2, text: "4. Khen thưởng và ghi danh Sổ vàng" },
    {
      kind: "paragraph",
      text: `Các cấp đã khen thưởng ${formatCount(f.commendations.total)} lượt tập thể, cá nhân, mô hình${f.commendations.revoked > 0 ? ` (không kể ${formatCount(f.commendations.revoked)} lượt đã thu hồi)` : ""}; ghi danh ${formatCount(f.goldenBook.total)} việc tốt vào Sổ vàng người tốt, việc tốt.`,
    },
  ];
  if (f.commendations.byForm.length > 0) {
    blocks.push(
      table(
        ["Hình thức", "Cấp khen", "Số lượt"],
        f.commendations.byForm.map((c) => [c.label.vi, c.levelLabel, formatCount(c.count)]),
        [4, 3, 2],
        [false, false, true],
      ),
    );
  }
  if (f.goldenBook.byYear.length > 0) {
    blocks.push(
      table(
        ["Năm", "Số việc tốt được ghi danh"],
        f.goldenBook.byYear.map((r) => [r.key, formatCount(r.count)]),
        [3, 3],
        [false, true],
      ),
    );
  }
  return blocks;
}

function inspectionsPart(f: PeriodicReportFigures): ReportBlock[] {
  const i = f.inspections;
  const findings = i.findingsBySeverity.reduce((sum, r) => sum + r.count, 0);
  const bySeverity = i.findingsBySeverity
    .map((r) => `${formatCount(r.count)} ${severityNames[r.key] ?? r.key}`)
    .join(", ");
  const actions = i.correctiveActionsByStatus
    .map((r) => `${formatCount(r.count)} ${actionStatusNames[r.key] ?? r.key}`)
    .join(", ");
  return [
    { kind: "heading", level: 2, text: "5. Kiểm tra, giám sát" },
    {
      kind: "paragraph",
      text:
        i.total === 0
          ? "Trong kỳ chưa tổ chức cuộc kiểm tra nào."
          : `Tổ chức ${formatCount(i.total)} cuộc kiểm tra (${formatCount(i.visited)} cuộc đã tiến hành); ${formatCount(findings)} kết luận${bySeverity ? ` (${bySeverity})` : ""}${i.suspensions > 0 ? `, trong đó ${formatCount(i.suspensions)} kết luận tạm đình chỉ mô hình hoặc khen thưởng` : ""}${actions ? `; biện pháp khắc phục: ${actions}` : ""}.`,
    },
  ];
}

/**
 * Lays a periodic report out from its draft and the figures of its unit and period: the
 * narrative sections staff wrote, between them the results with every figure from the
 * data (models by year, level and field; outcomes by field and by indicator with units;
 * the spread of flagship models; commendations and golden-book deeds; inspections), in
 * the order of a Vietnamese báo cáo sơ kết / tổng kết.
 *
 * @example const report = composeReport(draft, await periodicReportFigures(db, unitId, 2017, 2022));
 */
export function composeReport(draft: ReportDraft, figures: PeriodicReportFigures): ReportDocument {
  const period =
    figures.fromYear === figures.toYear ? `Năm ${figures.toYear}` : `Giai đoạn ${figures.fromYear} - ${figures.toYear}`;
  let part = 0;
  const heading = (text: string): ReportBlock => ({ kind: "heading", level: 1, text: `${ROMAN[part++]}. ${text}` });
  const blocks: ReportBlock[] = [
    heading(reportSectionHeadings.situation.vi.toLocaleUpperCase("vi")),
    ...narrative(draft, "situation"),
    heading(reportSectionHeadings.leadership.vi.toLocaleUpperCase("vi")),
    ...narrative(draft, "leadership"),
    heading("KẾT QUẢ THỰC HIỆN"),
    ...modelsPart(figures, period),
    ...outcomesPart(figures),
    ...replicationPart(figures),
    ...registersPart(figures),
    ...inspectionsPart(figures),
    { kind: "heading", level: 2, text: `6. ${reportSectionHeadings.assessment.vi}` },
    ...narrative(draft, "assessment"),
    heading("HẠN CHẾ, NGUYÊN NHÂN VÀ BÀI HỌC KINH NGHIỆM"),
    { kind: "heading", level: 2, text: `1. ${reportSectionHeadings.shortcomings.vi}` },
    ...narrative(draft, "shortcomings"),
    { kind: "heading", level: 2, text: `2. ${reportSectionHeadings.lessons.vi}` },
    ...narrative(draft, "lessons"),
    heading(reportSectionHeadings.directions.vi.toLocaleUpperCase("vi")),
    ...narrative(draft, "directions"),
    heading(reportSectionHeadings.proposals.vi.toLocaleUpperCase("vi")),
    ...narrative(draft, "proposals"),
    {
      kind: "paragraph",
      text: `Số liệu trong báo cáo được tổng hợp từ hệ thống Lan Tỏa đến ${administrativeDate(draft.reportDate)}.`,
      draft: false,
    },
  ];
  return { draft, blocks };
}
