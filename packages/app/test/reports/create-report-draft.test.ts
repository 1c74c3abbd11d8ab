import { createReportDraft } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf } from "../support/audit-of.js";

describe.each(testEngines())("createReportDraft on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("starts a final report from the unit's defaults, dated on the period's last day when that is past, and audits it", async () => {
    const admin = await h.as("thanhliem.admin");
    const unitId = await h.unit("TL");
    const { id } = accepted(await h.app.run(createReportDraft, admin, { unitId, fromYear: 2017, toYear: 2022 }));
    const row = await h.database.db
      .selectFrom("report_drafts")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      unit_id: unitId,
      from_year: 2017,
      to_year: 2022,
      issuing_body: "Huyện ủy Thanh Liêm",
      superior_body: "Tỉnh ủy Hà Nam",
      place: "Thanh Liêm",
      report_date: "2022-12-31",
      subject: "Tổng kết xây dựng, nhân rộng mô hình giai đoạn 2017 - 2022",
      recipients: ["Tỉnh ủy Hà Nam (để báo cáo)", "Lưu: VT"],
      sections: {},
      version: 1,
    });
    expect(await auditOf(h, id)).toEqual([
      expect.objectContaining({ action: "createReportDraft", entity: "report_draft", actor_user_id: admin.userId }),
    ]);
  });

  it("dates a report on the current period today", async () => {
    const officer = await h.as("phunu.canbo");
    const unitId = await h.unit("TL-HPN");
    const { id } = accepted(await h.app.run(createReportDraft, officer, { unitId, fromYear: 2023, toYear: 2023 }));
    const row = await h.database.db
      .selectFrom("report_drafts")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.report_date).toBe("2023-09-01");
    expect(row.subject).toBe("Sơ kết xây dựng, nhân rộng mô hình năm 2023");
  });

  it("refuses a period that ends before it starts, changing nothing", async () => {
    const unitId = await h.unit("TL");
    await h.expectRefusal("REPORT.INVALID", async () =>
      h.app.run(createReportDraft, await h.as("thanhliem.admin"), { unitId, fromYear: 2022, toYear: 2017 }),
    );
  });

  it("refuses a unit outside the actor's subtree, and a reviewer or viewer anywhere", async () => {
    const haNam = await h.unit("HN");
    await h.expectRefusal("AUTH.FORBIDDEN", async () =>
      h.app.run(createReportDraft, await h.as("thanhliem.admin"), { unitId: haNam, fromYear: 2022, toYear: 2022 }),
    );
    const thanhLiem = await h.unit("TL");
    await h.expectRefusal("AUTH.FORBIDDEN", async () =>
      h.app.run(createReportDraft, await h.as("xem"), { unitId: thanhLiem, fromYear: 2022, toYear: 2022 }),
    );
  });

  it("refuses a unit that does not exist", async () => {
    await h.expectRefusal("UNIT.NOT_FOUND", async () =>
      h.app.run(createReportDraft, await h.as("admin"), {
        unitId: "00000000-0000-4000-8000-00000000dead",
        fromYear: 2022,
        toYear: 2022,
      }),
    );
  });
});
