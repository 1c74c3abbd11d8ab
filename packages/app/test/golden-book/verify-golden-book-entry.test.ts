import { commandLineActor, createGoldenBookEntry, verifyGoldenBookEntry } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, NOW, startAppHarness } from "../support/app-harness.js";
import { auditOf } from "../support/audit-of.js";

describe.each(testEngines())("verifyGoldenBookEntry on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A new entry (version 1) of TL-HPN nominated by its officer, of a deed on `deedDate`. */
  const nominated = async (deedDate = "2023-08-02", by = "phunu.canbo") => {
    const actor = by === "lantoa" ? commandLineActor : await h.as(by);
    const { id } = accepted(
      await h.app.run(createGoldenBookEntry, actor, {
        unitId: await h.unit("TL-HPN"),
        subjectKind: "person",
        subjectName: h.unique("Trần Văn Nam "),
        deed: "Hiến đất làm đường",
        field: "social-welfare",
        deedDate,
      }),
    );
    return id;
  };
  const decide = async (entryId: string, overrides: Record<string, unknown> = {}, as = "thanhliem.admin") =>
    h.app.run(verifyGoldenBookEntry, as === "lantoa" ? commandLineActor : await h.as(as), {
      entryId,
      outcome: "verified",
      expectedVersion: 1,
      ...overrides,
    });
  const stored = (id: string) =>
    h.database.db.selectFrom("golden_book_entries").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  it("verifies a nomination as the admin, now, bumps the version, and audits goldenBook.verified", async () => {
    const admin = await h.as("thanhliem.admin");
    const id = await nominated();
    expect(accepted(await decide(id))).toEqual({ id });
    const row = await stored(id);
    expect(row).toMatchObject({
      status: "verified",
      verified_by: admin.displayName,
      decision_reason: null,
      version: 2,
    });
    expect(new Date(row.verified_at ?? 0).toISOString()).toBe(NOW.toISOString());
    const audit = await auditOf(h, id);
    expect(audit.map((a) => a.action)).toEqual(["createGoldenBookEntry", "goldenBook.verified"]);
    expect(audit[1]).toEqual({
      action: "goldenBook.verified",
      entity: "golden_book_entry",
      actor_user_id: admin.userId,
      before: { status: "nominated", version: 1 },
      after: { status: "verified", reason: null, version: 2 },
    });
  });

  it("rejects a nomination with its reason", async () => {
    const id = await nominated();
    accepted(await decide(id, { outcome: "rejected", reason: " Chưa đủ minh chứng " }));
    expect(await stored(id)).toMatchObject({ status: "rejected", decision_reason: "Chưa đủ minh chứng", version: 2 });
    expect((await auditOf(h, id)).map((a) => a.action)).toEqual(["createGoldenBookEntry", "goldenBook.rejected"]);
  });

  it("refuses an entry already decided, changing nothing", async () => {
    const id = await nominated();
    accepted(await decide(id));
    await h.expectRefusal("GOLDEN_BOOK.ALREADY_DECIDED", () =>
      decide(id, { outcome: "rejected", reason: "Trùng", expectedVersion: 2 }),
    );
  });

  it("refuses the nominator deciding their own nomination, changing nothing", async () => {
    const id = await nominated("2023-08-02", "thanhliem.admin");
    await h.expectRefusal("GOLDEN_BOOK.SELF_VERIFICATION", () => decide(id));
  });

  it("refuses the command line deciding what the command line nominated, changing nothing", async () => {
    const id = await nominated("2023-08-02", "lantoa");
    await h.expectRefusal("GOLDEN_BOOK.SELF_VERIFICATION", () => decide(id, {}, "lantoa"));
  });

  it("refuses a rejection without a reason, changing nothing", async () => {
    const id = await nominated();
    await h.expectRefusal("GOLDEN_BOOK.REASON_REQUIRED", () => decide(id, { outcome: "rejected" }));
  });

  it("refuses a decision before the deed's day, changing nothing", async () => {
    const id = await nominated("2023-09-05");
    await h.expectRefusal("GOLDEN_BOOK.DECIDED_BEFORE_DEED", () => decide(id));
  });

  it("refuses a stale version, changing nothing", async () => {
    const id = await nominated();
    await h.expectRefusal("DB.STALE_VERSION", () => decide(id, { expectedVersion: 2 }));
  });

  it("refuses an entry that does not exist, changing nothing", async () => {
    await h.expectRefusal("GOLDEN_BOOK.NOT_FOUND", () => decide("00000000-0000-4000-8000-00000000dead"));
  });
});
