import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database } from "../database.js";
import type { IndicatorTable } from "../models/models.table.js";
import type { FieldTable, LevelTable, UnitKindTable } from "./config.table.js";

/** Every configured label a frontend shows, in Vietnamese and English. */
export interface ConfigurationLabels {
  readonly levels: Selectable<LevelTable>[];
  readonly unitKinds: Selectable<UnitKindTable>[];
  readonly fields: Selectable<FieldTable>[];
  readonly indicators: Selectable<IndicatorTable>[];
  /** Annual themes models link to, most used first. */
  readonly annualThemes: { theme: string; models: number }[];
}

/**
 * Loads the configuration tables (levels by level set and rank, unit kinds, fields,
 * indicators) and the annual themes in use, so frontends never hard-code labels.
 *
 * @example const { unitKinds } = await configurationLabels(db); unitKinds[0].name_vi
 */
export async function configurationLabels(db: Kysely<Database>): Promise<ConfigurationLabels> {
  const [levels, unitKinds, fields, indicators, annualThemes] = await Promise.all([
    db.selectFrom("levels").selectAll().orderBy("valid_from").orderBy("level_set").orderBy("rank").execute(),
    db.selectFrom("unit_kinds").selectAll().orderBy("code").execute(),
    db.selectFrom("fields").selectAll().orderBy("code").execute(),
    db.selectFrom("indicators").selectAll().orderBy("code").execute(),
    db
      .selectFrom("models")
      .select((eb) => ["annual_theme", eb.fn.countAll<string>().as("n")])
      .where("annual_theme", "is not", null)
      .groupBy("annual_theme")
      .orderBy("n", "desc")
      .orderBy("annual_theme")
      .execute(),
  ]);
  return {
    levels,
    unitKinds,
    fields,
    indicators,
    annualThemes: annualThemes.map((t) => ({ theme: t.annual_theme as string, models: Number(t.n) })),
  };
}

/**
 * Adds a unit kind or a field (lĩnh vực), or renames it when the code exists; returns
 * the row as it was before (null when new), for the audit log.
 *
 * @example await saveLabel(trx, "fields", { code: "digital", name_vi: "Chuyển đổi số", name_en: "Digital transformation" })
 */
export async function saveLabel(
  trx: Transaction<Database>,
  table: "unit_kinds" | "fields",
  label: { code: string; name_vi: string; name_en: string },
): Promise<{ code: string; name_vi: string; name_en: string } | null> {
  const before =
    (await trx.selectFrom(table).selectAll().where("code", "=", label.code).forUpdate().executeTakeFirst()) ?? null;
  await trx
    .insertInto(table)
    .values(label)
    .onConflict((c) => c.column("code").doUpdateSet({ name_vi: label.name_vi, name_en: label.name_en }))
    .execute();
  return before;
}
