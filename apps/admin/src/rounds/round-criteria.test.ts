import { defaultCriteriaSet } from "@lantoa/domain/criteria";
import { describe, expect, it } from "vitest";
import { bandOf, ratedCriteria } from "./round-criteria";

const definition = JSON.stringify(defaultCriteriaSet);

describe("ratedCriteria", () => {
  it("keeps only the rated criteria of the default rubric, in order, with their scales", () => {
    const rated = ratedCriteria(definition, "vi");
    expect(rated.map((c) => c.id)).toEqual(["novelty", "effectiveness", "reach", "theme"]);
    expect(rated[0]).toMatchObject({ label: "Tính mới, sáng tạo", points: 20, min: 0, max: 30, step: 1 });
    expect(rated[1]).toMatchObject({ description: "Kết quả định lượng được", max: 10, step: 0.5 });
    expect(rated[0]?.bands.map((b) => b.label)).toContain("Hoàn toàn mới");
  });

  it("speaks English when asked and walks into groups", () => {
    const grouped = JSON.stringify({
      scales: [
        { id: "s", min: 0, max: 4, step: 1, bands: [{ id: "a", label: { vi: "Tốt", en: "Good" }, min: 3, max: 4 }] },
      ],
      criteria: [
        {
          kind: "group",
          id: "g",
          children: [
            { kind: "rating", id: "inner", label: { vi: "Bên trong", en: "Inside" }, points: 10, scaleId: "s" },
          ],
        },
        { kind: "gate", id: "gate", label: { vi: "Cổng", en: "Gate" } },
      ],
    });
    const [inner, ...rest] = ratedCriteria(grouped, "en");
    expect(rest).toEqual([]);
    expect(inner).toMatchObject({ id: "inner", label: "Inside", max: 4, bands: [{ label: "Good" }] });
  });
});

describe("bandOf", () => {
  const novelty = ratedCriteria(definition, "vi")[0];
  it("finds the band at both edges and none between bands or without a value", () => {
    if (!novelty) throw new Error("no novelty criterion");
    expect(bandOf(novelty, 27)?.id).toBe("entirely-new");
    expect(bandOf(novelty, 30)?.id).toBe("entirely-new");
    expect(bandOf(novelty, 26)?.id).toBe("substantial");
    expect(bandOf(novelty, 0)?.id).toBe("none");
    expect(bandOf(novelty, 0.5)).toBeUndefined();
    expect(bandOf(novelty, null)).toBeUndefined();
  });
});
