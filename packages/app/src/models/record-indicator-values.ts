import {
  findIndicatorDefinitions,
  findModelHeader,
  type IndicatorValueInput,
  recordIndicatorValues as storeIndicatorValues,
  updateVersioned,
} from "@lantoa/db";
import { domainError, err, ok } from "@lantoa/domain/errors";
import { validateIndicatorValue } from "@lantoa/domain/outcome";
import * as z from "zod";
import { notFound } from "../errors/not-found.js";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, RecordId } from "../shared/input-schemas.js";
import { PeriodKey, periodFromKey } from "./period-key.js";

/** One figure: an indicator, a period key and the value in the indicator's unit. */
export const IndicatorValueEntry = z.object({
  indicatorCode: z.string().min(1).max(64),
  period: PeriodKey,
  value: z.number(),
});

/** A model's outcomes to record, all or nothing, on a model read at `expectedVersion`. */
export const RecordIndicatorValuesInput = z.object({
  modelId: RecordId,
  values: z.array(IndicatorValueEntry).min(1).max(200),
  expectedVersion: ExpectedVersion,
});

/**
 * Records a model's outcomes per period, each checked by the domain against its
 * indicator (percent 0–100, whole counts, whole đồng); a figure already recorded for the
 * same indicator and period is corrected, never doubled. All or nothing. Audited.
 */
export const recordIndicatorValues = defineUseCase({
  name: "recordIndicatorValues",
  input: RecordIndicatorValuesInput,
  run: async (scope, input) => {
    const model = await findModelHeader(scope.trx, input.modelId);
    if (!model) return err(notFound("model", input.modelId));
    const definitions = await findIndicatorDefinitions(scope.trx, [
      ...new Set(input.values.map((v) => v.indicatorCode)),
    ]);
    const accepted: IndicatorValueInput[] = [];
    for (const [index, v] of input.values.entries()) {
      const definition = definitions.find((d) => d.code === v.indicatorCode);
      if (!definition) {
        return err(
          domainError(
            "OUTCOME.UNKNOWN_INDICATOR",
            { vi: `Không có chỉ tiêu "${v.indicatorCode}".`, en: `There is no indicator "${v.indicatorCode}".` },
            { index, indicatorCode: v.indicatorCode },
          ),
        );
      }
      const checked = validateIndicatorValue(
        {
          unitId: model.owner_unit_id,
          modelId: model.id,
          indicatorCode: v.indicatorCode,
          period: periodFromKey(v.period),
          value: v.value,
        },
        definition,
      );
      if (!checked.ok) return err({ ...checked.error, details: { ...checked.error.details, index } });
      accepted.push({
        modelId: model.id,
        indicatorCode: definition.code,
        period: v.period,
        value: v.value,
        unitCode: definition.unitCode,
      });
    }
    const saved = await updateVersioned(scope.trx, "models", model.id, input.expectedVersion, {
      updated_at: scope.now,
    });
    if (!saved.ok) return saved;
    await storeIndicatorValues(scope.trx, accepted);
    await scope.audit({
      action: "recordIndicatorValues",
      entity: "model",
      entityId: model.id,
      after: { values: accepted, version: saved.value.version },
    });
    return ok({ id: model.id });
  },
});
