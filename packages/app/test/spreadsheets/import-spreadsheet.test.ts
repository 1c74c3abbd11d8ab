import { importSpreadsheet } from "@lantoa/app";
import { importColumns } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";

/** A units CSV with the template's Vietnamese headers and these rows (code, name, parent code). */
function unitsCsv(rows: ReadonlyArray<readonly [code: string, name: string, parentCode: string]>, name = "don-vi.csv") {
  const header = importColumns.units.map((c) => c.header.vi).join(",");
  const lines = rows.map(([code, unitName, parent]) =>
    [code, unitName, parent, "Cấp xã", "party-committee", ""].join(","),
  );
  return new File([`\uFEFF${header}\r\n${lines.join("\r\n")}\r\n`], name, { type: "text/csv" });
}

describe.each(testEngines())("importSpreadsheet on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const unitsNamed = (code: string) =>
    h.database.db.selectFrom("units").select(["code", "name"]).where("code", "=", code).execute();

  it("lets a unit admin import units inside their subtree, audited once with the admin as actor", async () => {
    const code = h.unique("TL-XA-MOI-");
    const admin = await h.as("thanhliem.admin");
    const report = accepted(
      await h.app.run(importSpreadsheet, admin, {
        kind: "units",
        dryRun: false,
        file: unitsCsv([[code, "Đảng ủy xã mới", "TL"]]),
      }),
    );
    expect({ applied: report.applied, problems: report.problems, units: report.counts.units }).toEqual({
      applied: true,
      problems: [],
      units: { inserted: 1, updated: 0, unchanged: 0 },
    });
    expect(await unitsNamed(code)).toEqual([{ code, name: "Đảng ủy xã mới" }]);
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id", "entity_id"])
      .where("action", "=", "import")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: "import", actor_user_id: admin.userId, entity_id: "units" });
  });

  it("lists a row outside the unit admin's subtree as IMPORT.OUTSIDE_SCOPE and writes nothing", async () => {
    const inside = h.unique("TL-XA-TRONG-");
    const outside = h.unique("HN-XA-NGOAI-");
    const report = accepted(
      await h.app.run(importSpreadsheet, await h.as("thanhliem.admin"), {
        kind: "units",
        dryRun: false,
        file: unitsCsv([
          [inside, "Đảng ủy xã trong", "TL"],
          [outside, "Đảng ủy xã ngoài", "HN"],
        ]),
      }),
    );
    expect(report.applied).toBe(false);
    expect(report.problems.map((p) => [p.row, p.code])).toEqual([[3, "IMPORT.OUTSIDE_SCOPE"]]);
    expect([...(await unitsNamed(inside)), ...(await unitsNamed(outside))]).toEqual([]);
  });

  it("checks and counts a dry run without writing it", async () => {
    const code = h.unique("TL-XA-THU-");
    const report = accepted(
      await h.app.run(importSpreadsheet, await h.as("admin"), {
        kind: "units",
        dryRun: true,
        file: unitsCsv([[code, "Đảng ủy xã chạy thử", "TL"]]),
      }),
    );
    expect({ applied: report.applied, units: report.counts.units }).toEqual({
      applied: false,
      units: { inserted: 1, updated: 0, unchanged: 0 },
    });
    expect(await unitsNamed(code)).toEqual([]);
  });

  it("refuses an account that administers no unit with AUTH.FORBIDDEN, changing nothing", async () => {
    const officer = await h.as("phunu.canbo");
    await h.expectRefusal("AUTH.FORBIDDEN", () =>
      h.app.run(importSpreadsheet, officer, {
        kind: "units",
        dryRun: false,
        file: unitsCsv([[h.unique("TL-XA-CAM-"), "Đảng ủy xã", "TL"]]),
      }),
    );
  });

  it("refuses a file that is not XLSX or CSV with IMPORT.FILE_NOT_ACCEPTED, changing nothing", async () => {
    const admin = await h.as("admin");
    await h.expectRefusal("IMPORT.FILE_NOT_ACCEPTED", () =>
      h.app.run(importSpreadsheet, admin, {
        kind: "units",
        dryRun: false,
        file: unitsCsv([[h.unique("TL-XA-PDF-"), "Đảng ủy xã", "TL"]], "don-vi.pdf"),
      }),
    );
  });

  it("reports its phases to onProgress, ending with every row written", async () => {
    const phases: string[] = [];
    let written = { done: 0, total: -1 };
    accepted(
      await h.app.run(importSpreadsheet, await h.as("admin"), {
        kind: "units",
        dryRun: false,
        file: unitsCsv([
          [h.unique("TL-XA-TIEN-"), "Đảng ủy xã một", "TL"],
          [h.unique("TL-XA-TIEN-"), "Đảng ủy xã hai", "TL"],
        ]),
        onProgress: (progress) => {
          if (!phases.includes(progress.phase)) phases.push(progress.phase);
          if (progress.phase === "write") written = { done: progress.done, total: progress.total };
        },
      }),
    );
    expect(phases).toEqual(["read", "check", "write"]);
    expect(written.done).toBe(written.total);
  });
});
