import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDecimals,
  decimalFromNumber,
  decimalFromString,
  decimalToNumber,
  decimalToString,
  divideDecimal,
  isWholeDecimal,
  multiplyDecimals,
} from "./exact-decimal.js";

describe("exact decimals", () => {
  it("reads numbers as written, including exponents", () => {
    expect(decimalToString(decimalFromNumber(0.1))).toBe("0.1");
    expect(decimalToString(decimalFromNumber(1e21))).toBe("1000000000000000000000");
    expect(decimalToString(decimalFromNumber(1.5e-7))).toBe("0.00000015");
    expect(decimalToString(decimalFromNumber(-2.5))).toBe("-2.5");
    expect(decimalToString(decimalFromString("120.500"))).toBe("120.5");
    expect(() => decimalFromNumber(Number.NaN)).toThrow();
  });

  it("adds 0.1 + 0.2 to exactly 0.3", () => {
    expect(decimalToNumber(addDecimals(decimalFromNumber(0.1), decimalFromNumber(0.2)))).toBe(0.3);
  });

  it("divides exactly by powers of ten and rounds a repeating quotient", () => {
    expect(decimalToString(divideDecimal(decimalFromNumber(3), 1000n))).toBe("0.003");
    expect(decimalToString(divideDecimal(decimalFromNumber(2), 3n))).toBe("0.6666666666666666666666667");
    expect(decimalToString(divideDecimal(decimalFromNumber(-2), 3n))).toBe("-0.6666666666666666666666667");
  });

  it("knows whole from fractional", () => {
    expect(isWholeDecimal(decimalFromNumber(1200))).toBe(true);
    expect(isWholeDecimal(multiplyDecimals(decimalFromNumber(0.5), decimalFromNumber(10)))).toBe(true);
    expect(isWholeDecimal(decimalFromNumber(0.5))).toBe(false);
  });

  it("round-trips any finite number through its decimal string", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) =>
        Object.is(decimalToNumber(decimalFromNumber(x)), x === 0 ? 0 : x),
      ),
    );
  });
});
