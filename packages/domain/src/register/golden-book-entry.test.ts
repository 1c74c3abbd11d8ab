import { describe, expect, it } from "vitest";
import { unwrap } from "../test-support/unwrap.js";
import { decideGoldenBookEntry } from "./decide-golden-book-entry.js";
import type { GoldenBookEntry } from "./golden-book-entry.js";
import { parseGoldenBookEntry } from "./parse-register-records.js";

const entry: GoldenBookEntry = {
  id: "g1",
  subject: { kind: "person", personName: "Trần Văn C" },
  deed: "Hiến 200 m² đất mở rộng đường làng",
  fieldCode: "economy",
  date: "2021-06-01",
  unitId: "xa-a",
  nominatedBy: "nominator",
  status: "nominated",
  decision: null,
};

describe("golden book", () => {
  it("verifies a nomination, recording who and when", () => {
    const verified = unwrap(
      decideGoldenBookEntry(entry, { outcome: "verified", by: "checker", at: "2021-06-01T09:00:00+07:00" }),
    );
    expect(verified).toMatchObject({ status: "verified", decision: { by: "checker", reason: null } });
    expect(parseGoldenBookEntry(verified).ok).toBe(true);
  });

  it("rejects only with a reason", () => {
    expect(
      decideGoldenBookEntry(entry, { outcome: "rejected", by: "checker", at: "2021-07-01T09:00:00Z" }),
    ).toMatchObject({
      ok: false,
      error: { code: "GOLDEN_BOOK.REASON_REQUIRED" },
    });
    const rejected = unwrap(
      decideGoldenBookEntry(entry, { outcome: "rejected", by: "checker", at: "2021-07-01T09:00:00Z", reason: "Trùng" }),
    );
    expect(rejected.decision?.reason).toBe("Trùng");
  });

  it("refuses self-verification, a second decision and a decision before the deed", () => {
    expect(
      decideGoldenBookEntry(entry, { outcome: "verified", by: "nominator", at: "2021-07-01T09:00:00Z" }),
    ).toMatchObject({
      ok: false,
      error: { code: "GOLDEN_BOOK.SELF_VERIFICATION" },
    });
    const verified = unwrap(
      decideGoldenBookEntry(entry, { outcome: "verified", by: "checker", at: "2021-07-01T09:00:00Z" }),
    );
    expect(
      decideGoldenBookEntry(verified, { outcome: "rejected", by: "x", at: "2021-08-01T09:00:00Z", reason: "r" }),
    ).toMatchObject({
      ok: false,
      error: { code: "GOLDEN_BOOK.ALREADY_DECIDED" },
    });
    expect(
      decideGoldenBookEntry(entry, { outcome: "verified", by: "checker", at: "2021-05-31T23:00:00Z" }),
    ).toMatchObject({
      ok: false,
      error: { code: "GOLDEN_BOOK.DECIDED_BEFORE_DEED" },
    });
  });

  it("keeps status and decision consistent in the schema", () => {
    expect(parseGoldenBookEntry({ ...entry, status: "verified" })).toMatchObject({
      ok: false,
      error: { code: "GOLDEN_BOOK.INVALID" },
    });
    expect(parseGoldenBookEntry({ ...entry, decision: { by: "x", at: "2021-07-01T00:00:00Z", reason: null } }).ok).toBe(
      false,
    );
    expect(
      parseGoldenBookEntry({
        ...entry,
        status: "rejected",
        decision: { by: "x", at: "2021-07-01T00:00:00Z", reason: null },
      }).ok,
    ).toBe(false);
    expect(parseGoldenBookEntry({ ...entry, subject: { kind: "collective", unitId: "xa-a-doan" } }).ok).toBe(true);
  });
});
