import { describe, expect, it } from "vitest";
import type { Commendation } from "./commendation.js";
import { commendationStatusOn } from "./commendation-status-on.js";
import { revokeCommendation } from "./revoke-commendation.js";

const base: Commendation = {
  id: "c1",
  decisionNumber: "125-QĐ/HU",
  decisionDate: "2022-09-15",
  issuerUnitId: "huyen",
  levelCode: "district",
  formCode: "certificate-of-merit",
  recipient: { kind: "model", modelId: "m-qs" },
  validUntil: null,
  suspensions: [{ from: "2023-01-01", until: null, reason: "Kiểm tra", findingId: "f1" }],
  revocation: null,
};

describe("revokeCommendation", () => {
  it("revokes from the day given, over a suspension, on the decision day at the earliest", () => {
    const revoked = revokeCommendation(base, { revokedOn: "2022-09-15", reason: " Sai sót ", decisionNumber: " " });
    expect(revoked).toMatchObject({
      ok: true,
      value: { revocation: { revokedOn: "2022-09-15", reason: "Sai sót", decisionNumber: null } },
    });
    expect(revoked.ok && commendationStatusOn(revoked.value, "2023-02-01")).toBe("revoked");
    expect(base.revocation).toBeNull();
  });

  it("refuses a second revocation, a blank reason and a day before the decision", () => {
    const once = revokeCommendation(base, { revokedOn: "2023-03-01", reason: "Sai", decisionNumber: "7" });
    if (!once.ok) throw new Error("expected a revocation");
    expect(
      revokeCommendation(once.value, { revokedOn: "2023-04-01", reason: "Lại", decisionNumber: null }),
    ).toMatchObject({
      ok: false,
      error: { code: "COMMENDATION.ALREADY_REVOKED", details: { revokedOn: "2023-03-01" } },
    });
    expect(revokeCommendation(base, { revokedOn: "2023-03-01", reason: "  ", decisionNumber: null })).toMatchObject({
      ok: false,
      error: { code: "COMMENDATION.REASON_REQUIRED" },
    });
    expect(revokeCommendation(base, { revokedOn: "2022-09-14", reason: "Sai", decisionNumber: null })).toMatchObject({
      ok: false,
      error: { code: "COMMENDATION.INVALID_DATE" },
    });
  });
});
