import { type Kysely, sql } from "kysely";
import type { Database } from "../database.js";
import { matchesSearch, modelSearchDocument, searchNeedle } from "../search/search-models.js";
import { withinSubtree } from "../units/within-subtree.js";

/**
 * The one rule of what the public sees of models: a model its unit marked public, once
 * it runs or has run (active or archived) — never a draft, one under review, returned
 * or suspended. `m` is the models alias.
 */
export const shownInShowcase = sql<boolean>`(m.is_public and m.status in ('active', 'archived'))`;

/** What the public list of models may be narrowed to. */
export interface ShowcaseFilter {
  readonly field?: string | undefined;
  /** Owned by this unit or below it. */
  readonly unitId?: string | undefined;
  /** Started in this year. */
  readonly year?: number | undefined;
  /** Words of the name, problem or solution, without regard to diacritics or case. */
  readonly text?: string | undefined;
}

/** A model as the public list shows it. */
export interface ShowcaseCard {
  readonly code: string;
  readonly name: string;
  readonly unitName: string;
  readonly fields: string[];
  readonly startDate: string;
  readonly isPilot: boolean;
  readonly problem: string | null;
  /** Its commendations not revoked. */
  readonly commendations: number;
  /** Models that adopted it (public or not: only the number is told). */
  readonly adopters: number;
}

function shownModels(db: Kysely<Database>, filter: ShowcaseFilter) {
  let query = db.selectFrom("models as m").innerJoin("units as u", "u.id", "m.owner_unit_id").where(shownInShowcase);
  if (filter.field !== undefined) query = query.where(sql<boolean>`${filter.field} = any(m.fields)`);
  if (filter.unitId !== undefined) query = query.where(withinSubtree("u.path", filter.unitId));
  if (filter.year !== undefined) {
    query = query
      .where("m.start_date", ">=", `${filter.year}-01-01`)
      .where("m.start_date", "<=", `${filter.year}-12-31`);
  }
  const text = filter.text?.trim();
  if (text) query = query.where(matchesSearch(searchNeedle(text), modelSearchDocument));
  return query;
}

/**
 * The public list of models: best matches first when searching, otherwise pilots, then
 * the most commended, then the newest; with the total.
 *
 * @example await listShowcaseModels(db, { text: "duong hoa" }, { limit: 20, offset: 0 })
 */
export async function listShowcaseModels(
  db: Kysely<Database>,
  filter: ShowcaseFilter,
  page: { readonly limit: number; readonly offset: number },
): Promise<{ rows: ShowcaseCard[]; total: number }> {
  const query = shownModels(db, filter);
  const text = filter.text?.trim();
  const commendations = sql<number>`(select count(*)::int from commendations c where c.recipient_model_id = m.id and c.revoked_on is null)`;
  const adopters = sql<number>`(select count(*)::int from replications r where r.origin_model_id = m.id)`;
  let ordered = query.select([
    "m.code",
    "m.name",
    "u.name as unitName",
    "m.fields",
    "m.start_date as startDate",
    "m.is_pilot as isPilot",
    "m.problem",
    commendations.as("commendations"),
    adopters.as("adopters"),
  ]);
  if (text) {
    ordered = ordered.orderBy(sql`word_similarity(${searchNeedle(text)}, lantoa_search_text(m.name))`, "desc");
  } else {
    ordered = ordered.orderBy("m.is_pilot", "desc").orderBy(commendations, "desc").orderBy("m.start_date", "desc");
  }
  const [rows, count] = await Promise.all([
    ordered.orderBy("m.name").orderBy("m.code").limit(page.limit).offset(page.offset).execute(),
    query.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

/** The choices of the public list's filters: fields, units and years that have shown models, with counts. */
export async function showcaseFacets(db: Kysely<Database>): Promise<{
  fields: { code: string; vi: string; en: string; count: number }[];
  units: { id: string; code: string; name: string; count: number }[];
  years: { year: number; count: number }[];
}> {
  const shown = db.selectFrom("models as m").innerJoin("units as u", "u.id", "m.owner_unit_id").where(shownInShowcase);
  const [fields, units, years] = await Promise.all([
    shown
      .innerJoin(sql<{ f: string }>`unnest(m.fields)`.as("f"), (join) => join.onTrue())
      .innerJoin("fields as fl", (join) => join.on(sql<boolean>`fl.code = f.f`))
      .select(["fl.code", "fl.name_vi as vi", "fl.name_en as en", sql<number>`count(*)::int`.as("count")])
      .groupBy(["fl.code", "fl.name_vi", "fl.name_en"])
      .orderBy("fl.name_vi")
      .execute(),
    shown
      .select(["u.id", "u.code", "u.name", sql<number>`count(*)::int`.as("count")])
      .groupBy(["u.id", "u.code", "u.name"])
      .orderBy("u.name")
      .execute(),
    shown
      .select([sql<number>`extract(year from m.start_date)::int`.as("year"), sql<number>`count(*)::int`.as("count")])
      .groupBy(sql`extract(year from m.start_date)`)
      .orderBy(sql`extract(year from m.start_date)`, "desc")
      .execute(),
  ]);
  return { fields, units, years };
}

/** A shown model in full, as its public page tells it. */
export interface ShowcaseModel {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly unitName: string;
  readonly fields: { code: string; vi: string; en: string }[];
  readonly annualTheme: string | null;
  readonly problem: string | null;
  readonly solution: string | null;
  readonly description: string | null;
  readonly startDate: string;
  readonly status: string;
  readonly isPilot: boolean;
  /** Every recorded value, by indicator and period. */
  readonly outcomes: {
    indicatorCode: string;
    vi: string;
    en: string;
    aggregation: "sum" | "weighted-average" | "none";
    unitCode: string;
    period: string;
    value: number;
  }[];
  /** Photos marked public. */
  readonly photos: { id: string; title: string }[];
  /** The model it replicates, when that one is shown too. */
  readonly origin: { code: string; name: string; unitName: string; adoptedOn: string } | null;
  /** Adopters that are shown, and how many there are in all. */
  readonly adopters: { code: string; name: string; unitName: string; adoptedOn: string }[];
  readonly adopterCount: number;
  readonly commendations: {
    decisionNumber: string;
    decisionDate: string;
    issuer: string;
    form: string;
    verificationCode: string;
    revokedOn: string | null;
  }[];
}

/**
 * A shown model by code, with its outcomes, public photos, replication (only shown
 * models are named) and commendations; undefined when there is none or it is not shown.
 *
 * @example (await loadShowcaseModel(db, "TL-2021-DUONGHOA"))?.adopterCount // 5
 */
export async function loadShowcaseModel(db: Kysely<Database>, code: string): Promise<ShowcaseModel | undefined> {
  const model = await db
    .selectFrom("models as m")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .where(shownInShowcase)
    .where("m.code", "=", code)
    .select([
      "m.id",
      "m.code",
      "m.name",
      "u.name as unitName",
      "m.fields",
      "m.annual_theme as annualTheme",
      "m.problem",
      "m.solution",
      "m.description",
      "m.start_date as startDate",
      "m.status",
      "m.is_pilot as isPilot",
    ])
    .executeTakeFirst();
  if (!model) return undefined;
  const [fields, outcomes, photos, origin, adopters, adopterCount, commendations] = await Promise.all([
    db
      .selectFrom("fields")
      .select(["code", "name_vi as vi", "name_en as en"])
      .where("code", "in", model.fields.length ? model.fields : [""])
      .execute(),
    db
      .selectFrom("indicator_values as v")
      .innerJoin("indicators as i", "i.code", "v.indicator_code")
      .select([
        "v.indicator_code as indicatorCode",
        "i.name_vi as vi",
        "i.name_en as en",
        "i.aggregation",
        "v.unit_code as unitCode",
        "v.period",
        "v.value",
      ])
      .where("v.model_id", "=", model.id)
      .orderBy("i.name_vi")
      .orderBy("v.period")
      .execute(),
    db
      .selectFrom("evidence")
      .select(["id", "title"])
      .where("model_id", "=", model.id)
      .where("is_public", "=", true)
      .where("kind", "=", "photo")
      .where("storage_key", "is not", null)
      .orderBy("uploaded_at")
      .execute(),
    db
      .selectFrom("replications as r")
      .innerJoin("models as m", "m.id", "r.origin_model_id")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .where(shownInShowcase)
      .where("r.adopter_model_id", "=", model.id)
      .select(["m.code", "m.name", "u.name as unitName", "r.adopted_on as adoptedOn"])
      .executeTakeFirst(),
    db
      .selectFrom("replications as r")
      .innerJoin("models as m", "m.id", "r.adopter_model_id")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .where(shownInShowcase)
      .where("r.origin_model_id", "=", model.id)
      .select(["m.code", "m.name", "u.name as unitName", "r.adopted_on as adoptedOn"])
      .orderBy("r.adopted_on")
      .orderBy("m.code")
      .execute(),
    db
      .selectFrom("replications")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("origin_model_id", "=", model.id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("commendations")
      .select([
        "decision_number as decisionNumber",
        "decision_date as decisionDate",
        "issuer",
        "form",
        "verification_code as verificationCode",
        "revoked_on as revokedOn",
      ])
      .where("recipient_model_id", "=", model.id)
      .orderBy("decision_date", "desc")
      .execute(),
  ]);
  return {
    ...model,
    fields,
    outcomes,
    photos,
    origin: origin ?? null,
    adopters,
    adopterCount: adopterCount.n,
    commendations,
  };
}

/**
 * A public photo's stored file: the evidence must be a photo marked public of a shown
 * model; undefined otherwise (the caller answers 404 either way).
 *
 * @example await findPublicPhoto(db, "TL-2021-DUONGHOA", evidenceId)
 */
export function findPublicPhoto(
  db: Kysely<Database>,
  modelCode: string,
  evidenceId: string,
): Promise<{ storageKey: string | null; mimeType: string | null; title: string } | undefined> {
  return db
    .selectFrom("evidence as e")
    .innerJoin("models as m", "m.id", "e.model_id")
    .where(shownInShowcase)
    .where("m.code", "=", modelCode)
    .where("e.id", "=", evidenceId)
    .where("e.is_public", "=", true)
    .where("e.kind", "=", "photo")
    .select(["e.storage_key as storageKey", "e.mime_type as mimeType", "e.title"])
    .executeTakeFirst();
}

/** A verified golden-book entry as the public book shows it. */
export interface PublicGoldenBookEntry {
  readonly subjectName: string;
  readonly subjectKind: "person" | "collective";
  readonly unitName: string;
  readonly deed: string;
  readonly deedDate: string;
  readonly fieldCode: string | null;
  readonly verificationCode: string;
}

/**
 * The public golden book: verified entries only (a nomination or a rejection is never
 * shown), newest deed first, optionally of one year; with the total and the years.
 *
 * @example await publicGoldenBook(db, { year: 2022, limit: 50, offset: 0 })
 */
export async function publicGoldenBook(
  db: Kysely<Database>,
  options: { readonly year?: number | undefined; readonly limit: number; readonly offset: number },
): Promise<{ rows: PublicGoldenBookEntry[]; total: number; years: number[] }> {
  let query = db
    .selectFrom("golden_book_entries as g")
    .innerJoin("units as u", "u.id", "g.unit_id")
    .where("g.status", "=", "verified");
  const all = query;
  if (options.year !== undefined) {
    query = query
      .where("g.deed_date", ">=", `${options.year}-01-01`)
      .where("g.deed_date", "<=", `${options.year}-12-31`);
  }
  const [rows, count, years] = await Promise.all([
    query
      .select([
        "g.subject_name as subjectName",
        "g.subject_kind as subjectKind",
        "u.name as unitName",
        "g.deed",
        "g.deed_date as deedDate",
        "g.field as fieldCode",
        "g.verification_code as verificationCode",
      ])
      .orderBy("g.deed_date", "desc")
      .orderBy("g.subject_name")
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
    all
      .select(sql<number>`extract(year from g.deed_date)::int`.as("year"))
      .groupBy(sql`extract(year from g.deed_date)`)
      .orderBy(sql`extract(year from g.deed_date)`, "desc")
      .execute(),
  ]);
  return { rows, total: count.n, years: years.map((y) => y.year) };
}
