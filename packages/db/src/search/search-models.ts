import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../database.js";
import { withinSubtree } from "../units/within-subtree.js";

/** One search hit with its relevance in [0, 1]. */
export interface SearchHit {
  readonly id: string;
  readonly title: string;
  readonly score: number;
}

/** Options shared by the searches. */
export interface SearchOptions {
  readonly limit?: number;
  /** Only hits owned by this unit or a unit below it. */
  readonly withinUnitId?: string | undefined;
}

/**
 * The matching rule every search shares, over a document already passed through
 * `lantoa_search_text` (lower case, no diacritics): a substring, or a word-similar
 * run of trigrams (typo-tolerant). Both forms are served by the trigram GIN indexes.
 */
function matches(needle: RawBuilder<string>, document: RawBuilder<string>): RawBuilder<boolean> {
  return sql<boolean>`(${document} like '%' || ${needle} || '%' or ${needle} <% ${document})`;
}

/** Best first: word similarity, then whole-title similarity (shorter, closer titles first). */
function relevance(needle: RawBuilder<string>, title: RawBuilder<string>): RawBuilder<number> {
  return sql<number>`similarity(${needle}, ${title})`;
}

/**
 * Finds models by name, problem, solution and description, without regard to
 * diacritics or case and tolerant of typos ("duong hao" finds "Đường hoa quân sự"),
 * best first.
 *
 * @example
 * const hits = await searchModels(db, "duong hoa");
 */
export async function searchModels(
  db: Kysely<Database>,
  text: string,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  const query = text.trim();
  if (query === "") return [];
  const needle = sql<string>`lantoa_search_text(${query})`;
  const title = sql<string>`lantoa_search_text(m.name)`;
  const document = sql<string>`lantoa_search_text(m.name || ' ' || coalesce(m.problem, '') || ' ' || coalesce(m.solution, '') || ' ' || coalesce(m.description, ''))`;
  let select = db
    .selectFrom("models as m")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select([
      "m.id",
      "m.name as title",
      sql<number>`greatest(word_similarity(${needle}, ${title}), word_similarity(${needle}, ${document}) * 0.8)`.as(
        "score",
      ),
    ])
    .where(matches(needle, document));
  if (options.withinUnitId !== undefined) select = select.where(withinSubtree("u.path", options.withinUnitId));
  return select
    .orderBy("score", "desc")
    .orderBy(relevance(needle, title), "desc")
    .orderBy("m.name")
    .limit(options.limit ?? 20)
    .execute();
}

/** Finds golden-book entries by the person or collective and the deed, like {@link searchModels}. */
export async function searchGoldenBook(
  db: Kysely<Database>,
  text: string,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  const query = text.trim();
  if (query === "") return [];
  const needle = sql<string>`lantoa_search_text(${query})`;
  const document = sql<string>`lantoa_search_text(g.subject_name || ' ' || g.deed)`;
  let select = db
    .selectFrom("golden_book_entries as g")
    .innerJoin("units as u", "u.id", "g.unit_id")
    .select(["g.id", "g.subject_name as title", sql<number>`word_similarity(${needle}, ${document})`.as("score")])
    .where(matches(needle, document));
  if (options.withinUnitId !== undefined) select = select.where(withinSubtree("u.path", options.withinUnitId));
  return select
    .orderBy("score", "desc")
    .orderBy(relevance(needle, document), "desc")
    .orderBy("g.subject_name")
    .limit(options.limit ?? 20)
    .execute();
}

/** Finds units by name, like {@link searchModels}. */
export async function searchUnits(
  db: Kysely<Database>,
  text: string,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  const query = text.trim();
  if (query === "") return [];
  const needle = sql<string>`lantoa_search_text(${query})`;
  const document = sql<string>`lantoa_search_text(u.name)`;
  let select = db
    .selectFrom("units as u")
    .select(["u.id", "u.name as title", sql<number>`word_similarity(${needle}, ${document})`.as("score")])
    .where(matches(needle, document));
  if (options.withinUnitId !== undefined) select = select.where(withinSubtree("u.path", options.withinUnitId));
  return select
    .orderBy("score", "desc")
    .orderBy(relevance(needle, document), "desc")
    .orderBy("u.name")
    .limit(options.limit ?? 20)
    .execute();
}
