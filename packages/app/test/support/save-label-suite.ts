import type { saveField } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "./app-harness.js";

/**
 * What `saveField` and `saveUnitKind` (one use case over two catalogues) must each do, on
 * both engines: `useCase` writes rows of `table`.
 */
export function describeSaveLabel(useCase: typeof saveField, table: "fields" | "unit_kinds"): void {
  describe.each(testEngines())(`${useCase.name} on %s`, (engine) => {
    let h: AppHarness;
    beforeAll(async () => {
      h = await startAppHarness(engine);
    });
    afterAll(async () => {
      await h?.close();
    });

    const row = (code: string) =>
      h.database.db.selectFrom(table).selectAll().where("code", "=", code).executeTakeFirst();

    it("adds a new code with trimmed labels, audited without a before", async () => {
      const code = h.unique("new-label-");
      accepted(await h.app.run(useCase, await h.as("admin"), { code, labelVi: " Nhãn mới ", labelEn: "New label" }));
      expect(await row(code)).toEqual({ code, name_vi: "Nhãn mới", name_en: "New label" });
      const audit = await h.database.db
        .selectFrom("audit_log")
        .select(["action", "before", "after"])
        .where("entity_id", "=", code)
        .execute();
      expect(audit).toEqual([
        { action: useCase.name, before: null, after: { code, name_vi: "Nhãn mới", name_en: "New label" } },
      ]);
    });

    it("renames an existing code, audited with the labels before and after", async () => {
      const code = h.unique("renamed-label-");
      const admin = await h.as("admin");
      accepted(await h.app.run(useCase, admin, { code, labelVi: "Cũ", labelEn: "Old" }));
      accepted(await h.app.run(useCase, admin, { code, labelVi: "Mới", labelEn: "New" }));
      expect(await row(code)).toEqual({ code, name_vi: "Mới", name_en: "New" });
      const audit = await h.database.db
        .selectFrom("audit_log")
        .select(["before", "after"])
        .where("entity_id", "=", code)
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      expect(audit).toEqual({
        before: { code, name_vi: "Cũ", name_en: "Old" },
        after: { code, name_vi: "Mới", name_en: "New" },
      });
    });

    it("refuses a code that is not kebab-case as INPUT.INVALID, changing nothing", async () => {
      await h.expectRefusal("INPUT.INVALID", async () =>
        h.app.run(useCase, await h.as("admin"), { code: "Not Kebab", labelVi: "A", labelEn: "A" }),
      );
    });
  });
}
