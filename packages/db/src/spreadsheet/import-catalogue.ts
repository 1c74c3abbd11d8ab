import type { IndicatorDefinition } from "@lantoa/domain/outcome";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../database.js";
import { indicatorDefinitionFromRow } from "../models/indicator-definitions.js";
import { matchKey } from "./parse-cell.js";

/** The configured vocabularies a file's cells are matched against, by code or by name. */
export interface ImportCatalogue {
  readonly levels: ReadonlyMap<string, string>;
  readonly unitKinds: ReadonlyMap<string, string>;
  readonly fields: ReadonlyMap<string, string>;
  readonly indicators: ReadonlyMap<string, IndicatorDefinition>;
}

function byCodeAndNames<T extends { code: string; name_vi: string; name_en: string }, V>(
  rows: readonly T[],
  value: (row: T) => V,
): Map<string, V> {
  const map = new Map<string, V>();
  // Names first, codes last: a code always wins over another row's identical name.
  for (const row of rows) {
    map.set(matchKey(row.name_en), value(row));
    map.set(matchKey(row.name_vi), value(row));
  }
  for (const row of rows) map.set(matchKey(row.code), value(row));
  return map;
}

/** Loads levels, unit kinds, fields and indicators, keyed by code and by Vietnamese and English name. */
export async function loadImportCatalogue(db: Kysely<Database> | Transaction<Database>): Promise<ImportCatalogue> {
  const [levels, unitKinds, fields, indicators] = await Promise.all([
    db.selectFrom("levels").select(["code", "name_vi", "name_en"]).orderBy("level_set").execute(),
    db.selectFrom("unit_kinds").select(["code", "name_vi", "name_en"]).execute(),
    db.selectFrom("fields").select(["code", "name_vi", "name_en"]).execute(),
    db.selectFrom("indicators").selectAll().execute(),
  ]);
  return {
    levels: byCodeAndNames(levels, (l) => l.code),
    unitKinds: byCodeAndNames(unitKinds, (k) => k.code),
    fields: byCodeAndNames(fields, (f) => f.code),
    indicators: byCodeAndNames(indicators, indicatorDefinitionFromRow),
  };
}
