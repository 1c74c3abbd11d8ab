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
 * `text` with LIKE's wildcards (`%`, `_`) and its escape character (a backslash) escaped, so a
 * search for "50%" or "a_b" finds those characters instead of matching everything.
 *
 * @example sql`name like '%' || ${likeLiteral(needle)} || '%'`
 */
export function likeLiteral(text: RawBuilder<string>): RawBuilder<string> {
  return sql<string>`replace(replace(replace(${text}, ${"\\"}, ${"\\\\"}), ${"%"}, ${"\\%"}), ${"_"}, ${"\\_"})`;
}

/**
 * The matching rule every search shares, over a document already passed through
 * `lantoa_search_text` (lower case, no diacritics): a literal substring, or a word-similar
 * run of trigrams (typo-tolerant). Both forms are served by the trigram GIN indexes.
 */
export function matchesSearch(needle: RawBuilder<string>, document: RawBuilder<string>): RawBuilder<boolean> {
  return sql<boolean>`(${document} like '%' || ${likeLiteral(needle)} || '%' or ${needle} <% ${document})`;
}

/** The search key of a query string, as the indexes store documents. */
export function searchNeedle(text: string): RawBuilder<string> {
  return sql<string>`lantoa_search_text(${text})`;
}

/**
 * A model's searchable text (name, problem, solution, description) as the
 * `models_search_idx` index stores it; `m` is the models alias.
 */
export const modelSearchDocument = sql<string>`lantoa_search_text(m.name || ' ' || coalesce(m.problem, '') || ' ' || coalesce(m.solution, '') || ' ' || coalesce(m.description, ''))`;

/** What one search reads: rows with a units alias `u` for scoping, and how to rank them. */
interface SearchTarget {
  /** FROM clause; must expose the owning (or searched) unit as `u`. */
  readonly from: RawBuilder<unknown>;
  readonly id: RawBuilder<string>;
  /** The column shown as the hit's title, and the last tie-break. */
  readonly title: RawBuilder<string>;
  /** The searched text, through `lantoa_search_text`. */
  readonly document: RawBuilder<string>;
  /** The title through `lantoa_search_text`: closer, shorter titles rank first among equals. */
  readonly titleKey: RawBuilder<string>;
  readonly score: (needle: RawBuilder<string>) => RawBuilder<number>;
}

/** Best first: the target's score, then whole-title similarity, then the title. */
async function rankedSearch(
  db: Kysely<Database>,
  target: SearchTarget,
  text: string,
  options: SearchOptions,
): Promise<SearchHit[]> {
  const query = text.trim();
  if (query === "") return [];
  const needle = searchNeedle(query);
  const scope = options.withinUnitId === undefined ? sql<boolean>`true` : withinSubtree("u.path", options.withinUnitId);
  const { rows } = await sql<SearchHit>`
    select ${target.id} as id, ${target.title} as title, ${target.score(needle)} as score
    from ${target.from}
    where ${matchesSearch(needle, target.document)} and ${scope}
    order by score desc, similarity(${needle}, ${target.titleKey}) desc, ${target.title}
    limit ${options.limit ?? 20}`.execute(db);
  return rows;
}

const modelTitleKey = sql<string>`lantoa_search_text(m.name)`;
const goldenBookDocument = sql<string>`lantoa_search_text(g.subject_name || ' ' || g.deed)`;
const unitDocument = sql<string>`lantoa_search_text(u.name)`;

/**
 * Finds models by name, problem, solution and description, without regard to
 * diacritics or case and tolerant of typos ("duong hao" finds "Đường hoa quân sự"),
 * best first.
 *
 * @example
 * const hits = await searchModels(db, "duong hoa");
 */
export function searchModels(db: Kysely<Database>, text: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  return rankedSearch(
    db,
    {
      from: sql`models m join units u on u.id = m.owner_unit_id`,
      id: sql<string>`m.id`,
      title: sql<string>`m.name`,
      document: modelSearchDocument,
      titleKey: modelTitleKey,
      score: (needle) =>
        sql<number>`greatest(word_similarity(${needle}, ${modelTitleKey}), word_similarity(${needle}, ${modelSearchDocument}) * 0.8)`,
    },
    text,
    options,
  );
}

/** Finds golden-book entries by the person or collective and the deed, like {@link searchModels}. */
export function searchGoldenBook(
  db: Kysely<Database>,
  text: string,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  return rankedSearch(
    db,
    {
      from: sql`golden_book_entries g join units u on u.id = g.unit_id`,
      id: sql<string>`g.id`,
      title: sql<string>`g.subject_name`,
      document: goldenBookDocument,
      titleKey: goldenBookDocument,
      score: (needle) => sql<number>`word_similarity(${needle}, ${goldenBookDocument})`,
    },
    text,
    options,
  );
}

/** Finds units by name, like {@link searchModels}. */
export function searchUnits(db: Kysely<Database>, text: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  return rankedSearch(
    db,
    {
      from: sql`units u`,
      id: sql<string>`u.id`,
      title: sql<string>`u.name`,
      document: unitDocument,
      titleKey: unitDocument,
      score: (needle) => sql<number>`word_similarity(${needle}, ${unitDocument})`,
    },
    text,
    options,
  );
}
