import { createGoldenBookEntry } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf } from "../support/audit-of.js";

describe.each(testEngines())("createGoldenBookEntry on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A nomination by TL-HPN of a person not nominated before. */
  const nomination = async (overrides: Record<string, unknown> = {}) => ({
    unitId: await h.unit("TL-HPN"),
    subjectKind: "person" as const,
    subjectName: `Nguyễn Thị ${h.unique("Hoa ")}`,
    deed: "Nhặt được ví tiền, trả lại người đánh rơi",
    field: "social-welfare",
    deedDate: "2023-08-02",
    ...overrides,
  });
  const nominate = async (input: Awaited<ReturnType<typeof nomination>>) =>
    h.app.run(createGoldenBookEntry, await h.as("phunu.canbo"), input);

  it("stores a nominated entry with the nominator's name, and audits it with the nominator's user id", async () => {
    const officer = await h.as("phunu.canbo");
    const input = await nomination();
    const { id } = accepted(await nominate({ ...input, subjectName: `  ${input.subjectName} ` }));
    const row = await h.database.db
      .selectFrom("golden_book_entries")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      unit_id: input.unitId,
      subject_kind: "person",
      subject_name: input.subjectName,
      deed: input.deed,
      field: "social-welfare",
      deed_date: "2023-08-02",
      nominated_by: officer.displayName,
      status: "nominated",
      verified_by: null,
      version: 1,
    });
    expect(await auditOf(h, id)).toEqual([
      {
        action: "createGoldenBookEntry",
        entity: "golden_book_entry",
        actor_user_id: officer.userId,
        before: null,
        after: expect.objectContaining({
          id,
          subject: { kind: "person", personName: input.subjectName },
          nominatedBy: officer.userId,
          status: "nominated",
          decision: null,
        }),
      },
    ]);
  });

  it("stores a collective entry as the unit itself", async () => {
    const input = await nomination({ subjectKind: "collective", subjectName: h.unique("Chi hội phụ nữ thôn ") });
    const { id } = accepted(await nominate(input));
    const audit = await auditOf(h, id);
    expect(audit[0]?.after).toMatchObject({ subject: { kind: "collective", unitId: input.unitId } });
  });

  it("returns the first entry when retried with the same idempotency key", async () => {
    const officer = await h.as("phunu.canbo");
    const input = await nomination();
    const key = h.unique("nominate-retry-");
    const first = accepted(await h.app.run(createGoldenBookEntry, officer, input, { idempotencyKey: key }));
    const again = accepted(await h.app.run(createGoldenBookEntry, officer, input, { idempotencyKey: key }));
    expect(again).toEqual(first);
  });

  it("refuses the same subject, day and deed spelled differently, naming the entry, changing nothing", async () => {
    const input = await nomination();
    const { id } = accepted(await nominate(input));
    const respelled = { ...input, subjectName: ` ${input.subjectName.toUpperCase().replace(" ", "  ")} ` };
    const error = await h.expectRefusal("GOLDEN_BOOK.DUPLICATE_ENTRY", () => nominate(respelled));
    expect(error.details).toEqual({ id });
  });

  it("refuses a field that is not configured, changing nothing", async () => {
    const input = await nomination({ field: "astrology" });
    const error = await h.expectRefusal("GOLDEN_BOOK.UNKNOWN_FIELD", () => nominate(input));
    expect(error.details).toEqual({ field: "astrology" });
  });

  it("refuses a unit that does not exist, changing nothing", async () => {
    const input = await nomination({ unitId: "00000000-0000-4000-8000-00000000dead" });
    await h.expectRefusal("UNIT.NOT_FOUND", () => nominate(input));
  });

  it("refuses a blank deed as INPUT.INVALID naming the field, changing nothing", async () => {
    const input = await nomination({ deed: "  " });
    const error = await h.expectRefusal("INPUT.INVALID", () => nominate(input));
    expect(error.details).toMatchObject({ issues: [{ path: "deed" }] });
  });
});
