import type { PeriodicReportFigures } from "@lantoa/db";
import { defaultReportDraft, type ReportDraft } from "@lantoa/domain/document";
import { beforeAll, describe, expect, it } from "vitest";
import { composeReport, renderReportDocx, renderReportPdf } from "../src/index.js";
import { canReadPdf, docxParagraphs, pdfText } from "../src/testing/index.js";

const figures: PeriodicReportFigures = {
  unit: { id: "u-tl", name: "Huyện ủy Thanh Liêm", parentName: "Tỉnh ủy Hà Nam" },
  fromYear: 2021,
  toYear: 2022,
  models: {
    total: 12,
    byYear: [
      { key: "2021", count: 5 },
      { key: "2022", count: 7 },
    ],
    byLevel: [{ key: "commune", count: 12, label: { vi: "Cấp xã", en: "Commune" } }],
    byField: [{ key: "social-welfare", count: 12, label: { vi: "An sinh xã hội - từ thiện", en: "Social welfare" } }],
  },
  outcomes: [
    {
      indicatorCode: "rice-donated",
      unitCode: "kg",
      aggregation: "sum",
      groupKey: null,
      value: 3450,
      models: 1,
      name: { vi: "Gạo quyên góp", en: "Rice donated" },
    },
  ],
  outcomesByField: [
    {
      field: { key: "social-welfare", count: 12, label: { vi: "An sinh xã hội - từ thiện", en: "Social welfare" } },
      outcomes: [
        {
          indicatorCode: "money-raised",
          unitCode: "vnd",
          aggregation: "sum",
          groupKey: null,
          value: 2_155_000_000,
          models: 3,
          name: { vi: "Kinh phí huy động", en: "Money raised" },
        },
      ],
    },
  ],
  commendations: {
    total: 2,
    revoked: 1,
    byForm: [
      {
        key: "certificate-of-merit",
        count: 2,
        label: { vi: "Bằng khen", en: "Merit" },
        level: "province",
        levelLabel: "Cấp tỉnh",
      },
    ],
  },
  goldenBook: { total: 3, byYear: [{ key: "2022", count: 3 }], byField: [] },
  replication: [
    {
      originModelId: "m1",
      originName: "Đường hoa quân sự",
      directAdopters: 2,
      allAdopters: 2,
      depth: 1,
      adoptingUnits: 2,
      eligibleUnits: 6,
      coverage: 2 / 6,
      levelsReached: ["district"],
      fieldsReached: ["defence-security"],
      firstAdoptionDays: 300,
      medianAdoptionDays: 320,
      ownerName: "Ban Chỉ huy Quân sự huyện Thanh Liêm",
      adopters: [
        { unitName: "Ban Chỉ huy Quân sự Phủ Lý", adoptedOn: "2022-03-10" },
        { unitName: "Ban Chỉ huy Quân sự Kim Bảng", adoptedOn: "2022-04-05" },
      ],
    },
  ],
  inspections: {
    total: 1,
    visited: 1,
    findingsBySeverity: [{ key: "minor", count: 1 }],
    correctiveActionsByStatus: [{ key: "verified", count: 1 }],
    suspensions: 0,
  },
};

const draft: ReportDraft = {
  ...defaultReportDraft({
    unitId: "u-tl",
    unitName: "Huyện ủy Thanh Liêm",
    parentName: "Tỉnh ủy Hà Nam",
    fromYear: 2021,
    toYear: 2022,
    reportDate: "2023-01-05",
  }),
  numberSymbol: "125-BC/HU",
  signerTitle: "T/M Ban Thường vụ",
  signerName: "Nguyễn Văn A",
  sections: { lessons: "Cấp ủy sâu sát cơ sở.\n\nNêu gương người đứng đầu." },
};

describe("the periodic report as DOCX", () => {
  it("has the parts of an administrative document: bodies, number, national title, place and date, subject", async () => {
    const paragraphs = docxParagraphs(await renderReportDocx(composeReport(draft, figures)));
    for (const part of [
      "TỈNH ỦY HÀ NAM",
      "HUYỆN ỦY THANH LIÊM",
      "Số: 125-BC/HU",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Thanh Liêm, ngày 05 tháng 01 năm 2023",
      "BÁO CÁO",
      "Tổng kết xây dựng, nhân rộng mô hình giai đoạn 2021 - 2022",
      "Nơi nhận:",
      "- Tỉnh ủy Hà Nam (để báo cáo);",
      "- Lưu: VT.",
      "T/M BAN THƯỜNG VỤ",
      "Nguyễn Văn A",
    ]) {
      expect(paragraphs).toContain(part);
    }
  });

  it("writes the figures with their units, in words and tables", async () => {
    const text = docxParagraphs(await renderReportDocx(composeReport(draft, figures))).join("\n");
    expect(text).toContain(
      "Giai đoạn 2021 - 2022, Huyện ủy Thanh Liêm và các đơn vị trực thuộc đã xây dựng được 12 mô hình",
    );
    expect(text).toContain("kinh phí huy động: 2,155 tỷ đồng");
    expect(text).toContain("3.450 kg");
    expect(text).toContain(
      "Mô hình “Đường hoa quân sự” của Ban Chỉ huy Quân sự huyện Thanh Liêm được nhân rộng ra 2 đơn vị: Ban Chỉ huy Quân sự Phủ Lý, Ban Chỉ huy Quân sự Kim Bảng.",
    );
    expect(text).toContain("Các cấp đã khen thưởng 2 lượt tập thể, cá nhân, mô hình (không kể 1 lượt đã thu hồi)");
    expect(text).toContain("Tổ chức 1 cuộc kiểm tra (1 cuộc đã tiến hành); 1 kết luận (1 nhẹ)");
  });

  it("prints each narrative paragraph staff wrote, and marks a section nobody wrote", async () => {
    const paragraphs = docxParagraphs(await renderReportDocx(composeReport(draft, figures)));
    expect(paragraphs).toEqual(expect.arrayContaining(["Cấp ủy sâu sát cơ sở.", "Nêu gương người đứng đầu."]));
    expect(paragraphs).toContain("(Phần “Phương hướng, nhiệm vụ thời gian tới” chưa được viết.)");
  });

  it("names Times New Roman, as Nghị định 30 asks", async () => {
    const { unzipSync, strFromU8 } = await import("fflate");
    const files = unzipSync(await renderReportDocx(composeReport(draft, figures)));
    expect(strFromU8(files["word/styles.xml"] as Uint8Array)).toContain("Times New Roman");
  });
});

describe("the periodic report as PDF", () => {
  let poppler = false;
  beforeAll(async () => {
    poppler = await canReadPdf();
  });

  it("carries the same parts and figures in its text layer", async (context) => {
    if (!poppler) context.skip();
    const text = (await pdfText(await renderReportPdf(composeReport(draft, figures)))).replace(/\s+/g, " ");
    for (const part of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Số: 125-BC/HU",
      "Thanh Liêm, ngày 05 tháng 01 năm 2023",
      "BÁO CÁO",
      "2,155 tỷ đồng",
      "Nơi nhận:",
      "Nêu gương người đứng đầu.",
    ]) {
      expect(text).toContain(part);
    }
  });
});
