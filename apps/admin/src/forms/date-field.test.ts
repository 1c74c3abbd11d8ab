import { describe, expect, it } from "vitest";
import { parseDayText } from "./date-field";

describe("parseDayText", () => {
  it("reads a day written day first, as offices write it", () => {
    expect(parseDayText("15/03/2019")).toBe("2019-03-15");
    expect(parseDayText("5-3-2019")).toBe("2019-03-05");
    expect(parseDayText("05.03.2019")).toBe("2019-03-05");
  });

  it("reads an ISO day too", () => {
    expect(parseDayText("2019-03-15")).toBe("2019-03-15");
  });

  it("refuses a day that does not exist or a half-typed one", () => {
    expect(parseDayText("31/02/2019")).toBeNull();
    expect(parseDayText("15/03/20")).toBeNull();
    expect(parseDayText("")).toBeNull();
  });
});
