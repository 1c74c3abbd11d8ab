import type { IndicatorValue } from "@lantoa/domain/outcome";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database } from "../database.js";
import { type BatchRead, runBatchRead } from "../shared/batch-read.js";
import type { IndicatorValueTable } from "./models.table.js";

/** One value to record: the model, the indicator, the period key ("2022", "2022-Q1", "2022-03") and the value in the indicator's unit. */
export interface IndicatorValueInput {
  readonly modelId: string;
  readonly indicatorCode: string;
  readonly period: string;
  readonly value: number;
  readonly unitCode: string;
}

/**
 * Records indicator values, replacing a value already recorded for the same model,
 * indicator and period (re-entering a figure corrects it; it never doubles it).
 * Validate with `validateIndicatorValue` from `@lantoa/domain/outcome` first.
 */
export async function recordIndicatorValues(
  db: Kysely<Database> | Transaction<Database>,
  values: readonly IndicatorValueInput[],
): Promise<void> {
  if (values.length === 0) return;
  await db
    .insertInto("indicator_values")
    .values(
      values.map((v) => ({
        model_id: v.modelId,
        indicator_code: v.indicatorCode,
        period: v.period,
        period_year: Number(v.period.slice(0, 4)),
        value: v.value,
        unit_code: v.unitCode,
      })),
    )
    .onConflict((c) =>
      c.columns(["model_id", "indicator_code", "period"]).doUpdateSet((eb) => ({
        value: eb.ref("excluded.value"),
        unit_code: eb.ref("excluded.unit_code"),
        recorded_at: eb.fn("now"),
      })),
    )
    .execute();
}

/** Every value of these models, grouped per model in the order asked (a DataLoader batch). */
export function indicatorValuesRead(
  db: Kysely<Database>,
  modelIds: readonly string[],
): BatchRead<Selectable<IndicatorValueTable>, Selectable<IndicatorValueTable>[][]> {
  return {
    query: db
      .selectFrom("indicator_values")
      .selectAll()
      .where((eb) => (modelIds.length > 0 ? eb("model_id", "in", modelIds) : eb.lit(false)))
      .orderBy("indicator_code")
      .orderBy("period"),
    timestamps: ["recorded_at"],
    arrange: (rows) => {
      const byModel = new Map<string, Selectable<IndicatorValueTable>[]>();
      for (const row of rows) byModel.set(row.model_id, [...(byModel.get(row.model_id) ?? []), row]);
      return modelIds.map((id) => byModel.get(id) ?? []);
    },
  };
}

/** {@link indicatorValuesRead} as a statement of its own. */
export async function indicatorValuesOfModels(
  db: Kysely<Database>,
  modelIds: readonly string[],
): Promise<Selectable<IndicatorValueTable>[][]> {
  return modelIds.length === 0 ? [] : runBatchRead(indicatorValuesRead(db, modelIds));
}

/** Re-export for callers that build values from the domain type. */
export type { IndicatorValue };
