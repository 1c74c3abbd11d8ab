import { type Kysely, sql } from "kysely";
import type { Database } from "../database.js";
import { likeLiteral, matchesSearch, modelSearchDocument, searchNeedle } from "../search/search-models.js";
import { type BatchRead, runBatchRead } from "../shared/batch-read.js";
import { withinSubtree } from "../units/within-subtree.js";
import type { ModelRow, ModelStatus } from "./models.table.js";

const MODEL_TIMESTAMPS = ["registered_at", "updated_at"] as const;

/** A model row with its owner unit's materialized path (for scope checks). */
export type ScopedModelRow = ModelRow & { owner_path: string };

/** Filters of {@link listModels}; all optional, combined with AND. */
export interface ModelFilter {
  /** Owned by this unit or a unit below it. */
  readonly withinUnitId?: string | undefined;
  /** Owner unit's level code. */
  readonly level?: string | undefined;
  /** Owner unit's kind code. */
  readonly unitKind?: string | undefined;
  readonly field?: string | undefined;
  readonly status?: ModelStatus | undefined;
  readonly annualTheme?: string | undefined;
  /** Started in these years, inclusive. */
  readonly fromYear?: number | undefined;
  readonly toYear?: number | undefined;
  /**
   * A search: the model's code (exactly, at its start or inside it, "HUGAO" finds
   * "TL-2018-HUGAO") or its words (name, problem, solution and description, without
   * regard to diacritics and tolerant of typos). `%` and `_` are plain characters.
   */
  readonly text?: string | undefined;
  /** Leave out generated (demo) models. */
  readonly excludeGenerated?: boolean | undefined;
  /** Only pilots (models chosen to be replicated). */
  readonly pilotsOnly?: boolean | undefined;
}

/** A keyset page over model codes (unique): rows after/before a code, at most `limit`. */
export interface ModelPage {
  readonly afterCode?: string | undefined;
  readonly beforeCode?: string | undefined;
  readonly limit: number;
  readonly inverted?: boolean;
}

function filtered(db: Kysely<Database>, filter: ModelFilter) {
  let query = db.selectFrom("models as m").innerJoin("units as u", "u.id", "m.owner_unit_id");
  if (filter.withinUnitId !== undefined) query = query.where(withinSubtree("u.path", filter.withinUnitId));
  if (filter.level !== undefined) query = query.where("u.level", "=", filter.level);
  if (filter.unitKind !== undefined) query = query.where("u.kind", "=", filter.unitKind);
  if (filter.field !== undefined) query = query.where(sql<boolean>`${filter.field} = any(m.fields)`);
  if (filter.status !== undefined) query = query.where("m.status", "=", filter.status);
  if (filter.annualTheme !== undefined) query = query.where("m.annual_theme", "=", filter.annualTheme);
  if (filter.fromYear !== undefined) query = query.where("m.start_date", ">=", `${filter.fromYear}-01-01`);
  if (filter.toYear !== undefined) query = query.where("m.start_date", "<=", `${filter.toYear}-12-31`);
  if (filter.excludeGenerated) query = query.where("m.generated", "=", false);
  if (filter.pilotsOnly) query = query.where("m.is_pilot", "=", true);
  const text = filter.text?.trim();
  if (text) {
    const needle = searchNeedle(text);
    query = query.where(
      sql<boolean>`(${modelCodeKey} like '%' || ${likeLiteral(needle)} || '%' or ${matchesSearch(needle, modelSearchDocument)})`,
    );
  }
  return query;
}

const modelCodeKey = sql<string>`lantoa_search_text(m.code)`;
const modelNameKey = sql<string>`lantoa_search_text(m.name)`;

/**
 * Models matching the filter's search, best first: the code typed exactly, then codes
 * starting with it, then codes holding it, then by how closely the name (and, less, the
 * rest of the text) matches the words — the trigram ranking of `searchModels`. Paged by
 * offset, since relevance is no key to page on.
 *
 * @example
 * await searchModelsPage(db, { text: "duong hoa" }, { offset: 0, limit: 20 });
 * // [{ code: "TL-2021-DUONGHOA", name: "Đường hoa quân sự", … }, …]
 */
export async function searchModelsPage(
  db: Kysely<Database>,
  filter: ModelFilter & { readonly text: string },
  page: { readonly offset: number; readonly limit: number },
): Promise<ScopedModelRow[]> {
  const needle = searchNeedle(filter.text.trim());
  const codeRank = sql<number>`case
      when ${modelCodeKey} = ${needle} then 0
      when ${modelCodeKey} like ${likeLiteral(needle)} || '%' then 1
      when ${modelCodeKey} like '%' || ${likeLiteral(needle)} || '%' then 2
      else 3 end`;
  const wordScore = sql<number>`greatest(word_similarity(${needle}, ${modelNameKey}), word_similarity(${needle}, ${modelSearchDocument}) * 0.8)`;
  return filtered(db, filter)
    .selectAll("m")
    .select("u.path as owner_path")
    .orderBy(codeRank)
    .orderBy(sql`${wordScore} desc`)
    .orderBy(sql`similarity(${needle}, ${modelNameKey}) desc`)
    .orderBy("m.code")
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

/**
 * Models matching the filter, ordered by code, paged by keyset (a search is better read
 * best first, with {@link searchModelsPage}).
 *
 * @example
 * await runBatchRead(listModelsRead(db, { withinUnitId: thanhLiem, field: "social-welfare" }, { limit: 50 }));
 */
export function listModelsRead(
  db: Kysely<Database>,
  filter: ModelFilter,
  page: ModelPage,
): BatchRead<ScopedModelRow, ScopedModelRow[]> {
  let query = filtered(db, filter).selectAll("m").select("u.path as owner_path");
  if (page.afterCode !== undefined) query = query.where("m.code", ">", page.afterCode);
  if (page.beforeCode !== undefined) query = query.where("m.code", "<", page.beforeCode);
  return {
    query: query.orderBy("m.code", page.inverted ? "desc" : "asc").limit(page.limit),
    timestamps: MODEL_TIMESTAMPS,
    arrange: (rows) => (page.inverted ? [...rows].reverse() : [...rows]),
  };
}

/** {@link listModelsRead} as a statement of its own. */
export async function listModels(
  db: Kysely<Database>,
  filter: ModelFilter,
  page: ModelPage,
): Promise<ScopedModelRow[]> {
  return runBatchRead(listModelsRead(db, filter, page));
}

/** How many models match the filter. */
export function countModelsMatchingRead(
  db: Kysely<Database>,
  filter: ModelFilter,
): BatchRead<{ count: number }, number> {
  return {
    query: filtered(db, filter).select((eb) => eb.fn.countAll<number>().as("count")),
    timestamps: [],
    arrange: (rows) => Number(rows[0]?.count ?? 0),
  };
}

/** {@link countModelsMatchingRead} as a statement of its own. */
export async function countModelsMatching(db: Kysely<Database>, filter: ModelFilter): Promise<number> {
  return runBatchRead(countModelsMatchingRead(db, filter));
}

/** Models by id, in the order asked, `null` for unknown ids (a DataLoader batch). */
export function findModelsByIdsRead(
  db: Kysely<Database>,
  ids: readonly string[],
): BatchRead<ScopedModelRow, (ScopedModelRow | null)[]> {
  return {
    query: db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .selectAll("m")
      .select("u.path as owner_path")
      .where((eb) => (ids.length > 0 ? eb("m.id", "in", ids) : eb.lit(false))),
    timestamps: MODEL_TIMESTAMPS,
    arrange: (rows) => {
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    },
  };
}

/** {@link findModelsByIdsRead} as a statement of its own. */
export async function findModelsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<(ScopedModelRow | null)[]> {
  return ids.length === 0 ? [] : runBatchRead(findModelsByIdsRead(db, ids));
}
