import { defaultModelFields } from "@lantoa/domain/model";
import { defaultLevelSets, defaultUnitKinds } from "@lantoa/domain/org";
import { defaultIndicatorDefinitions } from "@lantoa/domain/outcome";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../database.js";

/**
 * Loads the domain's default configuration (level sets, unit kinds, fields,
 * indicators) where missing. Existing rows are left as admins configured them, so
 * this runs safely at every start.
 */
export async function seedConfiguration(db: Kysely<Database> | Transaction<Database>): Promise<void> {
  const levels = defaultLevelSets.flatMap((set) =>
    set.levels.map((level) => ({
      level_set: set.code,
      code: level.code,
      name_vi: level.label.vi,
      name_en: level.label.en,
      rank: level.rank,
      valid_from: set.validFrom,
      valid_to: set.validTo,
    })),
  );
  await db
    .insertInto("levels")
    .values(levels)
    .onConflict((c) => c.doNothing())
    .execute();
  await db
    .insertInto("unit_kinds")
    .values(defaultUnitKinds.map((k) => ({ code: k.code, name_vi: k.label.vi, name_en: k.label.en })))
    .onConflict((c) => c.doNothing())
    .execute();
  await db
    .insertInto("fields")
    .values(defaultModelFields.map((f) => ({ code: f.code, name_vi: f.label.vi, name_en: f.label.en })))
    .onConflict((c) => c.doNothing())
    .execute();
  // Weights first: a weighted indicator refers to its weight.
  const indicators = [...defaultIndicatorDefinitions].sort(
    (a, b) => Number(a.aggregation.kind === "weighted-average") - Number(b.aggregation.kind === "weighted-average"),
  );
  await db
    .insertInto("indicators")
    .values(
      indicators.map((i) => ({
        code: i.code,
        name_vi: i.name.vi,
        name_en: i.name.en,
        unit_code: i.unitCode,
        aggregation: i.aggregation.kind,
        weight_indicator_code: i.aggregation.kind === "weighted-average" ? i.aggregation.weightIndicatorCode : null,
      })),
    )
    .onConflict((c) => c.doNothing())
    .execute();
}
