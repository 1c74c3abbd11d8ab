import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../database.js";
import { likeLiteral, matchesSearch, modelSearchDocument, searchNeedle } from "../search/search-models.js";
import { type BatchRead, runBatchRead } from "../shared/batch-read.js";
import { type ModelOrder, type ModelPosition, modelOrderKeys } from "./model-order.js";
import type { ModelRow, ModelStatus } from "./models.table.js";

const MODEL_TIMESTAMPS = ["registered_at", "updated_at"] as const;

/** A model row with its owner unit's materialized path (for scope checks); `owner_path` is a column of `models`. */
export type ScopedModelRow = ModelRow & { owner_path: string };

/** Filters of {@link listModels}; all optional, combined with AND. */
export interface ModelFilter {
  /** Owned by this unit or a unit below it. */
  readonly withinUnitId?: string | undefined;
  /**
   * Owned by the unit with this materialized path or a unit below it: what
   * `withinUnitId` comes to, for a caller that holds the path already (it spares
   * {@link listModels} the statement that looks the path up).
   */
  readonly withinPath?: string | undefined;
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

/**
 * A keyset page in one of the {@link ModelOrder}s (default `code`): the rows after or
 * before a position, at most `limit`; `inverted` reads backwards from `before` and
 * returns the rows nearest it first, as Relay's `last`/`before` helpers (Pothos'
 * `resolveCursorConnection`) expect: they trim the extra row from that end and reverse.
 */
export interface ModelPage {
  readonly order?: ModelOrder | undefined;
  readonly after?: ModelPosition | undefined;
  readonly before?: ModelPosition | undefined;
  readonly limit: number;
  readonly inverted?: boolean;
}

/**
 * The models of a subtree, as a range on `models.owner_path` (collation "C", where
 * '~' sorts after the hex digits, '-' and '/' of a path). A path given as a value lets
 * the planner estimate the subtree's size and pick its plan; the unit id form reads
 * the path in a subquery, which the planner can only guess at.
 */
function ownedWithin(path: string | RawBuilder<string>) {
  const end = typeof path === "string" ? `${path}~` : sql<string>`(${path} || '~')`;
  return sql<boolean>`(m.owner_path >= ${path} and m.owner_path < ${end})`;
}

function filtered(db: Kysely<Database>, filter: ModelFilter) {
  let query = db.selectFrom("models as m");
  if (filter.withinPath !== undefined) query = query.where(ownedWithin(filter.withinPath));
  if (filter.withinUnitId !== undefined) {
    query = query.where(ownedWithin(sql<string>`(select s.path from units s where s.id = ${filter.withinUnitId})`));
  }
  if (filter.level !== undefined || filter.unitKind !== undefined) {
    const { level, unitKind } = filter;
    query = query.where("m.owner_unit_id", "in", (eb) => {
      let owners = eb.selectFrom("units as u").select("u.id");
      if (level !== undefined) owners = owners.where("u.level", "=", level);
      if (unitKind !== undefined) owners = owners.where("u.kind", "=", unitKind);
      return owners;
    });
  }
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
    .orderBy(codeRank)
    .orderBy(sql`${wordScore} desc`)
    .orderBy(sql`similarity(${needle}, ${modelNameKey}) desc`)
    .orderBy("m.code")
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

/**
 * Models matching the filter in one of the {@link ModelOrder}s, paged by keyset (a
 * search is better read best first, with {@link searchModelsPage}). Give the scope as
 * `withinPath` when it is known: the planner then sees how large the subtree is (a
 * commune's models are read by the `owner_path` range and sorted, a province's by walking
 * the order's index); a `withinUnitId` is read in a subquery, which it can only guess at.
 *
 * @example
 * await runBatchRead(listModelsRead(db, { withinPath: thanhLiem.path }, { order: "newest", limit: 50 }));
 */
export function listModelsRead(
  db: Kysely<Database>,
  filter: ModelFilter,
  page: ModelPage,
): BatchRead<ScopedModelRow, ScopedModelRow[]> {
  const keys: { column: string | null; keyFunction?: string; descending: boolean } =
    modelOrderKeys[page.order ?? "code"];
  const { column, keyFunction, descending } = keys;
  // The sort key as its index holds it, of a row's column or of a cursor's value.
  const keyOf = (value: RawBuilder<unknown>) =>
    keyFunction === undefined ? value : sql`${sql.id(keyFunction)}(${value})`;
  const key = column === null ? null : keyOf(sql.ref(column));
  // Reading backwards flips the direction.
  const down = descending !== (page.inverted ?? false);
  const direction = down ? "desc" : "asc";
  const beyond = (position: ModelPosition, forwards: boolean) => {
    const operator = forwards !== descending ? ">" : "<";
    if (key === null) return sql<boolean>`m.code ${sql.raw(operator)} ${position.code}`;
    return sql<boolean>`(${key}, m.code) ${sql.raw(operator)} (${keyOf(sql`${position.value ?? null}`)}, ${position.code})`;
  };
  let query = filtered(db, filter).selectAll("m");
  if (page.after !== undefined) query = query.where(beyond(page.after, true));
  if (page.before !== undefined) query = query.where(beyond(page.before, false));
  if (key !== null) query = query.orderBy(key, direction);
  return {
    query: query.orderBy("m.code", direction).limit(page.limit),
    timestamps: MODEL_TIMESTAMPS,
    arrange: (rows) => [...rows],
  };
}

/**
 * {@link listModelsRead} as statements of its own: a `withinUnitId` is first resolved to
 * its path (one short statement; pass `withinPath` to spare it), for the planner's sake.
 *
 * @example
 * await listModels(db, { withinUnitId: thanhLiem, field: "social-welfare" }, { limit: 50 });
 * await listModels(db, { withinUnitId: thanhLiem }, { order: "newest", after: { value: "2024-05-01", code: "TL-2024-HOA" }, limit: 50 });
 */
export async function listModels(
  db: Kysely<Database>,
  filter: ModelFilter,
  page: ModelPage,
): Promise<ScopedModelRow[]> {
  let scoped = filter;
  if (filter.withinUnitId !== undefined) {
    const unit = await db.selectFrom("units").select("path").where("id", "=", filter.withinUnitId).executeTakeFirst();
    if (!unit) return [];
    scoped = { ...filter, withinUnitId: undefined, withinPath: unit.path };
  }
  return runBatchRead(listModelsRead(db, scoped, page));
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
      .selectAll("m")
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
