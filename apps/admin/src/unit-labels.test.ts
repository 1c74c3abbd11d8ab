import { describe, expect, it } from "vitest";
import { administers, holdsRoleOver } from "./unit-labels";

// province ← district ← commune, and a second district beside the first.
const parentOf = new Map<string, string | null>([
  ["province", null],
  ["district", "province"],
  ["commune", "district"],
  ["other-district", "province"],
]);

describe("holdsRoleOver", () => {
  it("gives a unit admin their unit and everything below it, nothing above or beside", () => {
    const roles = [{ role: "unit-admin", unitId: "district" }];
    expect(administers("district", roles, parentOf)).toBe(true);
    expect(administers("commune", roles, parentOf)).toBe(true);
    expect(administers("province", roles, parentOf)).toBe(false);
    expect(administers("other-district", roles, parentOf)).toBe(false);
  });

  it("gives a system admin every unit", () => {
    expect(administers("other-district", [{ role: "system-admin", unitId: null }], parentOf)).toBe(true);
  });

  it("counts only the roles asked for", () => {
    const officer = [{ role: "unit-officer", unitId: "district" }];
    expect(administers("commune", officer, parentOf)).toBe(false);
    expect(holdsRoleOver("commune", officer, parentOf, ["unit-officer", "unit-admin"])).toBe(true);
  });
});
