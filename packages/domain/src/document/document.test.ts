import { describe, expect, it } from "vitest";
import { administrativeDate, placeAndDate } from "./administrative-date.js";
import { defaultReportDraft } from "./default-report-draft.js";
import { placeNameOf } from "./place-name-of.js";
import { parseReportDraft } from "./report-draft.js";

describe("administrativeDate", () => {
  it("puts a zero before days under 10 and before January and February, as Nghị định 30 asks", () => {
    expect(administrativeDate("2023-01-05")).toBe("ngày 05 tháng 01 năm 2023");
    expect(administrativeDate("2023-02-10")).toBe("ngày 10 tháng 02 năm 2023");
  });

  it("writes March to December and days from 10 without a zero", () => {
    expect(administrativeDate("2022-03-09")).toBe("ngày 09 tháng 3 năm 2022");
    expect(administrativeDate("2022-12-28")).toBe("ngày 28 tháng 12 năm 2022");
  });

  it("leads with the place, or with the date alone when there is none", () => {
    expect(placeAndDate("Thanh Liêm", "2022-12-30")).toBe("Thanh Liêm, ngày 30 tháng 12 năm 2022");
    expect(placeAndDate("  ", "2022-12-30")).toBe("ngày 30 tháng 12 năm 2022");
  });
});

describe("placeNameOf", () => {
  it.each([
    ["Huyện ủy Thanh Liêm", "Thanh Liêm"],
    ["Tỉnh ủy Hà Nam", "Hà Nam"],
    ["Ban Thường vụ Huyện ủy Thanh Liêm", "Thanh Liêm"],
    ["Ban Chỉ huy Quân sự huyện Thanh Liêm", "Thanh Liêm"],
    ["Đảng ủy thị trấn Kiện Khê", "Kiện Khê"],
    ["Ủy ban nhân dân xã Thanh Hà", "Thanh Hà"],
    ["Thành ủy Phủ Lý", "Phủ Lý"],
    ["Huyện uỷ Lý Nhân", "Lý Nhân"],
  ])("reads the place of %s", (name, place) => {
    expect(placeNameOf(name)).toBe(place);
  });

  it("reads a name typed in decomposed Unicode the same way", () => {
    expect(placeNameOf("Huyện ủy Thanh Liêm".normalize("NFD"))).toBe("Thanh Liêm");
  });

  it("returns a name without an administrative word as it is", () => {
    expect(placeNameOf(" Huyện đoàn Thanh Liêm ")).toBe("Huyện đoàn Thanh Liêm");
  });
});

describe("report drafts", () => {
  const unit = {
    unitId: "u-tl",
    unitName: "Huyện ủy Thanh Liêm",
    parentName: "Tỉnh ủy Hà Nam",
    fromYear: 2017,
    toYear: 2022,
    reportDate: "2022-12-30",
  };

  it("start from the unit: its place, its superior as first recipient, a final report over several years", () => {
    const draft = defaultReportDraft(unit);
    expect(draft).toMatchObject({
      issuingBody: "Huyện ủy Thanh Liêm",
      superiorBody: "Tỉnh ủy Hà Nam",
      place: "Thanh Liêm",
      subject: "Tổng kết xây dựng, nhân rộng mô hình giai đoạn 2017 - 2022",
      recipients: ["Tỉnh ủy Hà Nam (để báo cáo)", "Lưu: VT"],
      sections: {},
    });
    expect(parseReportDraft(draft).ok).toBe(true);
  });

  it("call a one-year report an interim one, and a unit without a parent reports to nobody above", () => {
    const draft = defaultReportDraft({ ...unit, parentName: null, fromYear: 2022 });
    expect(draft.subject).toBe("Sơ kết xây dựng, nhân rộng mô hình năm 2022");
    expect(draft.recipients).toEqual(["Lưu: VT"]);
    expect(draft.superiorBody).toBe("");
  });

  it("refuse a period that ends before it starts", () => {
    const parsed = parseReportDraft({ ...defaultReportDraft(unit), fromYear: 2023 });
    expect(parsed).toMatchObject({ ok: false, error: { code: "REPORT.INVALID" } });
    expect(!parsed.ok && parsed.error.details?.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "toYear" })]),
    );
  });

  it("refuse a report dated before its period starts, and a section nobody knows", () => {
    const early = parseReportDraft({ ...defaultReportDraft(unit), reportDate: "2016-12-31" });
    expect(!early.ok && early.error.details?.issues).toEqual([expect.objectContaining({ path: "reportDate" })]);
    const unknown = parseReportDraft({ ...defaultReportDraft(unit), sections: { gossip: "…" } });
    expect(unknown).toMatchObject({ ok: false, error: { code: "REPORT.INVALID" } });
  });

  it("refuse an empty issuing body or subject once trimmed", () => {
    expect(parseReportDraft({ ...defaultReportDraft(unit), issuingBody: "  " }).ok).toBe(false);
    expect(parseReportDraft({ ...defaultReportDraft(unit), subject: "" }).ok).toBe(false);
  });
});
