import { type Kysely, sql } from "kysely";
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

const modelDocument = sql<string>`lantoa_search_text(m.name || ' ' || coalesce(m.problem, '') || ' ' || coalesce(m.solution, '') || ' ' || coalesce(m.description, ''))`;

/**
 * Finds models by name, problem, solution and description, without regard to
 * diacritics or case and tolerant of typos ("duong hao" finds "Đường hoa quân sự"),
 * best first. Uses the trigram indexes on the unaccented text.
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
  let select = db
    .selectFrom("models as m")
    .select([
      "m.id",
      "m.name as title",
      sql<number>`greatest(word_similarity(${needle}, lantoa_search_text(m.name)), word_similarity(${needle}, ${modelDocument}) * 0.8)`.as(
        "score",
      ),
    ])
    .where(sql<boolean>`(${modelDocument} like '%' || ${needle} || '%' or ${needle} <% ${modelDocument})`);
  if (options.withinUnitId !== undefined) {
    select = select
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .where(withinSubtree("u.path", options.withinUnitId));
  }
  return select
    .orderBy("score", "desc")
    .orderBy("m.name")
    .limit(options.limit ?? 20)
    .execute();
}

/**
 * Finds golden-book entries by the person or collective and the deed, the same way
 * as {@link searchModels}.
 */
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
    .select(["g.id", "g.subject_name as title", sql<number>`word_similarity(${needle}, ${document})`.as("score")])
    .where(sql<boolean>`(${document} like '%' || ${needle} || '%' or ${needle} <% ${document})`);
  if (options.withinUnitId !== undefined) {
    select = select.innerJoin("units as u", "u.id", "g.unit_id").where(withinSubtree("u.path", options.withinUnitId));
  }
  return select
    .orderBy("score", "desc")
    .orderBy("g.subject_name")
    .limit(options.limit ?? 20)
    .execute();
}

/** Finds units by name, the same way as {@link searchModels}. */
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
    .where(sql<boolean>`(${document} like '%' || ${needle} || '%' or ${needle} <% ${document})`);
  if (options.withinUnitId !== undefined) {
    select = select.where(withinSubtree("u.path", options.withinUnitId));
  }
  return select
    .orderBy("score", "desc")
    .orderBy("u.name")
    .limit(options.limit ?? 20)
    .execute();
}
