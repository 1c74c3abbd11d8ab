import { describe, expect, it } from "vitest";
import { unwrap } from "../test-support/unwrap.js";
import type { Commendation } from "./commendation.js";
import { commendationStatusOn } from "./commendation-status-on.js";
import { isCommendationInForce } from "./is-commendation-in-force.js";
import { liftCommendationSuspension } from "./lift-commendation-suspension.js";
import { parseCommendation } from "./parse-register-records.js";
import { suspendCommendation } from "./suspend-commendation.js";

const base: Commendation = {
  id: "c1",
  decisionNumber: "125-QĐ/HU",
  decisionDate: "2022-09-15",
  issuerUnitId: "huyen",
  levelCode: "district",
  formCode: "certificate-of-merit",
  recipient: { kind: "model", modelId: "m-qs" },
  validUntil: "2024-12-31",
  suspensions: [],
  revocation: null,
};

describe("isCommendationInForce", () => {
  it("is in force from the decision date through validUntil, both inclusive", () => {
    expect(isCommendationInForce(base, "2022-09-14")).toBe(false);
    expect(isCommendationInForce(base, "2022-09-15")).toBe(true);
    expect(isCommendationInForce(base, "2024-12-31")).toBe(true);
    expect(isCommendationInForce(base, "2025-01-01")).toBe(false);
    expect(isCommendationInForce({ ...base, validUntil: null }, "2099-01-01")).toBe(true);
  });

  it("is not in force from the revocation date on", () => {
    const revoked = { ...base, revocation: { revokedOn: "2023-03-01", reason: "Vi phạm", decisionNumber: "7-QĐ/HU" } };
    expect(isCommendationInForce(revoked, "2023-02-28")).toBe(true);
    expect(commendationStatusOn(revoked, "2023-03-01")).toBe("revoked");
    expect(commendationStatusOn(revoked, "2030-01-01")).toBe("revoked");
  });

  it("is not in force on suspended days, inclusive of both ends", () => {
    const suspended = {
      ...base,
      suspensions: [{ from: "2023-05-01", until: "2023-05-31", reason: "Kiểm tra", findingId: "f1" }],
    };
    expect(isCommendationInForce(suspended, "2023-04-30")).toBe(true);
    expect(commendationStatusOn(suspended, "2023-05-01")).toBe("suspended");
    expect(commendationStatusOn(suspended, "2023-05-31")).toBe("suspended");
    expect(isCommendationInForce(suspended, "2023-06-01")).toBe(true);
  });

  it("names each status", () => {
    expect(commendationStatusOn(base, "2022-01-01")).toBe("not-yet-effective");
    expect(commendationStatusOn(base, "2025-06-01")).toBe("expired");
  });
});

describe("suspending and lifting", () => {
  it("suspends from a date and lifts on another", () => {
    const s = unwrap(suspendCommendation(base, { from: "2023-05-01", reason: "Kết luận kiểm tra", findingId: "f1" }));
    expect(commendationStatusOn(s, "2023-09-01")).toBe("suspended");
    const lifted = unwrap(liftCommendationSuspension(s, "2023-08-31"));
    expect(isCommendationInForce(lifted, "2023-09-01")).toBe(true);
    expect(isCommendationInForce(lifted, "2023-08-31")).toBe(false);
  });

  it("refuses to suspend what is not in force, or without reason", () => {
    const s = unwrap(suspendCommendation(base, { from: "2023-05-01", reason: "x", findingId: null }));
    expect(suspendCommendation(s, { from: "2023-06-01", reason: "y", findingId: null })).toMatchObject({
      ok: false,
      error: { code: "COMMENDATION.NOT_IN_FORCE", details: { status: "suspended" } },
    });
    expect(suspendCommendation(base, { from: "2025-06-01", reason: "y", findingId: null })).toMatchObject({
      ok: false,
      error: { details: { status: "expired" } },
    });
    expect(suspendCommendation(base, { from: "2023-06-01", reason: " ", findingId: null })).toMatchObject({
      ok: false,
      error: { code: "COMMENDATION.REASON_REQUIRED" },
    });
  });

  it("refuses to lift nothing, or to end before the start", () => {
    expect(liftCommendationSuspension(base, "2023-01-01")).toMatchObject({
      ok: false,
      error: { code: "COMMENDATION.NOT_SUSPENDED" },
    });
    const s = unwrap(suspendCommendation(base, { from: "2023-05-01", reason: "x", findingId: null }));
    expect(liftCommendationSuspension(s, "2023-04-30")).toMatchObject({
      ok: false,
      error: { code: "COMMENDATION.INVALID_DATE" },
    });
  });
});

describe("parseCommendation", () => {
  it("accepts each kind of recipient", () => {
    for (const recipient of [
      { kind: "model", modelId: "m1" },
      { kind: "unit", unitId: "xa-a" },
      { kind: "person", personName: "Nguyễn Thị B", unitId: null },
    ]) {
      expect(parseCommendation({ ...base, recipient }).ok).toBe(true);
    }
  });

  it("rejects validity or revocation before the decision date", () => {
    expect(parseCommendation({ ...base, validUntil: "2022-09-14" })).toMatchObject({
      ok: false,
      error: { code: "COMMENDATION.INVALID" },
    });
    expect(
      parseCommendation({ ...base, revocation: { revokedOn: "2022-01-01", reason: "x", decisionNumber: null } }).ok,
    ).toBe(false);
    expect(parseCommendation({ ...base, recipient: { kind: "person", personName: "", unitId: null } }).ok).toBe(false);
  });
});
