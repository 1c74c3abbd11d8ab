import { describe, expect, it } from "vitest";
import { unwrap } from "../test-support/unwrap.js";
import { compareWithOrigin } from "./compare-with-origin.js";

describe("compareWithOrigin", () => {
  it("converts the adopter into the origin's unit before comparing", () => {
    const r = unwrap(
      compareWithOrigin({
        origin: [
          { indicatorCode: "road-length", value: 3, unitCode: "km" },
          { indicatorCode: "money-raised", value: 120, unitCode: "million-vnd" },
        ],
        adopter: [
          { indicatorCode: "road-length", value: 4500, unitCode: "m" },
          { indicatorCode: "money-raised", value: 0.09, unitCode: "billion-vnd" },
        ],
      }),
    );
    expect(r).toEqual([
      {
        kind: "compared",
        indicatorCode: "money-raised",
        unitCode: "million-vnd",
        origin: 120,
        adopter: 90,
        difference: -30,
        ratio: 0.75,
      },
      {
        kind: "compared",
        indicatorCode: "road-length",
        unitCode: "km",
        origin: 3,
        adopter: 4.5,
        difference: 1.5,
        ratio: 1.5,
      },
    ]);
  });

  it("marks units of different dimensions incomparable instead of converting", () => {
    const [c] = unwrap(
      compareWithOrigin({
        origin: [{ indicatorCode: "x", value: 3, unitCode: "km" }],
        adopter: [{ indicatorCode: "x", value: 3, unitCode: "kg" }],
      }),
    );
    expect(c).toMatchObject({ kind: "incomparable", originUnitCode: "km", adopterUnitCode: "kg" });
  });

  it("has no ratio against a zero origin, and reports one-sided indicators as missing", () => {
    const r = unwrap(
      compareWithOrigin({
        origin: [
          { indicatorCode: "a", value: 0, unitCode: "person" },
          { indicatorCode: "b", value: 1, unitCode: "person" },
        ],
        adopter: [
          { indicatorCode: "a", value: 10, unitCode: "person" },
          { indicatorCode: "c", value: 1, unitCode: "person" },
        ],
      }),
    );
    expect(r).toEqual([
      { kind: "compared", indicatorCode: "a", unitCode: "person", origin: 0, adopter: 10, difference: 10, ratio: null },
      { kind: "missing", indicatorCode: "b", missingFrom: "adopter" },
      { kind: "missing", indicatorCode: "c", missingFrom: "origin" },
    ]);
  });

  it("fails on an unknown unit or the same indicator twice", () => {
    expect(
      compareWithOrigin({
        origin: [{ indicatorCode: "a", value: 1, unitCode: "?" }],
        adopter: [{ indicatorCode: "a", value: 1, unitCode: "kg" }],
      }),
    ).toMatchObject({ ok: false, error: { code: "OUTCOME.UNKNOWN_UNIT" } });
    const twice = [
      { indicatorCode: "a", value: 1, unitCode: "kg" },
      { indicatorCode: "a", value: 2, unitCode: "kg" },
    ];
    expect(compareWithOrigin({ origin: twice, adopter: [] })).toMatchObject({
      ok: false,
      error: { code: "REPLICATION.DUPLICATE_FIGURE" },
    });
  });
});
