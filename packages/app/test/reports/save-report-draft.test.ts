import { createReportDraft, saveReportDraft } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf } from "../support/audit-of.js";

describe.each(testEngines())("saveReportDraft on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function draft(): Promise<string> {
    const admin = await h.as("thanhliem.admin");
    return accepted(
      await h.app.run(createReportDraft, admin, { unitId: await h.unit("TL"), fromYear: 2017, toYear: 2022 }),
    ).id;
  }

  const input = (draftId: string, overrides: Record<string, unknown> = {}) => ({
    draftId,
    fromYear: 2017,
    toYear: 2022,
    superiorBody: "Tỉnh ủy Hà Nam",
    issuingBody: " Huyện ủy Thanh Liêm ",
    numberSymbol: "125-BC/HU",
    place: "Thanh Liêm",
    reportDate: "2022-12-30",
    subject: "Tổng kết 5 năm xây dựng, nhân rộng mô hình học tập và làm theo Bác",
    sections: [
      { key: "lessons" as const, text: "Cấp ủy phải sâu sát, cụ thể hóa từng bước." },
      { key: "directions" as const, text: "   " },
    ],
    recipients: ["Ban Thường vụ Tỉnh ủy (để báo cáo)", " ", "Lưu: VT"],
    signerTitle: "T/M BAN THƯỜNG VỤ",
    signerName: "Nguyễn Văn A",
    expectedVersion: 1,
    ...overrides,
  });

  it("saves the parts staff wrote, trimmed, leaving blank sections and recipient lines out, and audits before and after", async () => {
    const id = await draft();
    const admin = await h.as("thanhliem.admin");
    expect(accepted(await h.app.run(saveReportDraft, admin, input(id)))).toEqual({ id, version: 2 });
    const row = await h.database.db
      .selectFrom("report_drafts")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      issuing_body: "Huyện ủy Thanh Liêm",
      number_symbol: "125-BC/HU",
      report_date: "2022-12-30",
      sections: { lessons: "Cấp ủy phải sâu sát, cụ thể hóa từng bước." },
      recipients: ["Ban Thường vụ Tỉnh ủy (để báo cáo)", "Lưu: VT"],
      signer_name: "Nguyễn Văn A",
      version: 2,
    });
    const audit = await auditOf(h, id);
    expect(audit.at(-1)).toMatchObject({
      action: "saveReportDraft",
      before: { numberSymbol: "" },
      after: { numberSymbol: "125-BC/HU" },
    });
  });

  it("refuses a draft saved by someone else since it was read, changing nothing", async () => {
    const id = await draft();
    const admin = await h.as("thanhliem.admin");
    accepted(await h.app.run(saveReportDraft, admin, input(id)));
    await h.expectRefusal("DB.STALE_VERSION", () => h.app.run(saveReportDraft, admin, input(id)));
  });

  it("refuses a report dated before its period, changing nothing", async () => {
    const id = await draft();
    const admin = await h.as("thanhliem.admin");
    const error = await h.expectRefusal("REPORT.INVALID", () =>
      h.app.run(saveReportDraft, admin, input(id, { reportDate: "2016-05-01" })),
    );
    expect(error.details?.issues).toEqual([expect.objectContaining({ path: "reportDate" })]);
  });

  it("refuses a section twice, before anything is read", async () => {
    const id = await draft();
    const admin = await h.as("thanhliem.admin");
    const sections = [
      { key: "lessons", text: "a" },
      { key: "lessons", text: "b" },
    ];
    await h.expectRefusal("INPUT.INVALID", () => h.app.run(saveReportDraft, admin, input(id, { sections })));
  });

  it("refuses staff of another unit, changing nothing", async () => {
    const id = await draft();
    const officer = await h.as("thanhha.canbo");
    await h.expectRefusal("AUTH.FORBIDDEN", () => h.app.run(saveReportDraft, officer, input(id)));
  });

  it("refuses a draft that does not exist", async () => {
    await h.expectRefusal("REPORT.NOT_FOUND", async () =>
      h.app.run(saveReportDraft, await h.as("admin"), input("00000000-0000-4000-8000-00000000dead")),
    );
  });
});
