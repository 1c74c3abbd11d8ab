import type { ShowcaseModel } from "@lantoa/db";
import { formatQuantity } from "@lantoa/domain/outcome";
import type { Lang } from "./public-text.js";

/** One line of a model's public outcomes: the indicator, what it reached, and over which periods. */
export interface OutcomeLine {
  readonly name: string;
  readonly value: string;
  readonly periods: string;
}

/**
 * A model's recorded values as its public page states them: a summable indicator as its
 * total over the periods recorded, any other as its latest value.
 *
 * @example outcomeLines(model, "vi") // [{ name: "Chiều dài tuyến đường", value: "3 km", periods: "2021" }]
 */
export function outcomeLines(model: ShowcaseModel, lang: Lang): OutcomeLine[] {
  const byIndicator = new Map<string, ShowcaseModel["outcomes"]>();
  for (const o of model.outcomes) byIndicator.set(o.indicatorCode, [...(byIndicator.get(o.indicatorCode) ?? []), o]);
  return [...byIndicator.values()].map((values) => {
    const first = values[0] as ShowcaseModel["outcomes"][number];
    const last = values[values.length - 1] as ShowcaseModel["outcomes"][number];
    const value = first.aggregation === "sum" ? values.reduce((sum, v) => sum + v.value, 0) : last.value;
    const written = formatQuantity(
      { value, unitCode: first.unitCode },
      {
        locale: lang === "vi" ? "vi-VN" : "en",
        ...(first.unitCode.endsWith("vnd") ? { maximumFractionDigits: 3 } : {}),
      },
    );
    const periods =
      first.aggregation === "sum" && first.period !== last.period ? `${first.period}–${last.period}` : last.period;
    return { name: lang === "vi" ? first.vi : first.en, value: written.ok ? written.value : String(value), periods };
  });
}
