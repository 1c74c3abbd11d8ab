import { defaultCommendationForms } from "@lantoa/domain/register";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../database.js";
import { withinSubtree } from "../units/within-subtree.js";
import { type CountRow, countModels } from "./count-models.js";
import { type IndicatorTotalRow, indicatorTotals } from "./indicator-totals.js";
import { type ReplicationSpreadRow, replicationSpread } from "./replication-spread.js";
import type { ReportFilter } from "./report-filter.js";

/** A count with the Vietnamese and English label of its key. */
export interface LabelledCount extends CountRow {
  readonly label: { readonly vi: string; readonly en: string };
}

/** An indicator's total with its name. */
export interface NamedIndicatorTotal extends IndicatorTotalRow {
  readonly name: { readonly vi: string; readonly en: string };
}

/** A flagship model's spread, with who adopted it. */
export interface FlagshipSpread extends ReplicationSpreadRow {
  readonly ownerName: string;
  readonly adopters: readonly { readonly unitName: string; readonly adoptedOn: string }[];
}

/** Every figure of a periodic report, for a unit's subtree and a span of years. */
export interface PeriodicReportFigures {
  readonly unit: { readonly id: string; readonly name: string; readonly parentName: string | null };
  readonly fromYear: number;
  readonly toYear: number;
  readonly models: {
    readonly total: number;
    readonly byYear: readonly CountRow[];
    readonly byLevel: readonly LabelledCount[];
    readonly byField: readonly LabelledCount[];
  };
  /** Outcomes of the period, each indicator over the whole subtree. */
  readonly outcomes: readonly NamedIndicatorTotal[];
  /** The same per field (a model in two fields counts in both), fields with outcomes only. */
  readonly outcomesByField: readonly {
    readonly field: LabelledCount;
    readonly outcomes: readonly NamedIndicatorTotal[];
  }[];
  readonly commendations: {
    readonly total: number;
    /** Not revoked, by form and level. */
    readonly byForm: readonly (LabelledCount & { readonly level: string; readonly levelLabel: string })[];
    readonly revoked: number;
  };
  readonly goldenBook: {
    readonly total: number;
    readonly byYear: readonly CountRow[];
    readonly byField: readonly LabelledCount[];
  };
  readonly replication: readonly FlagshipSpread[];
  readonly inspections: {
    readonly total: number;
    readonly visited: number;
    readonly findingsBySeverity: readonly CountRow[];
    readonly correctiveActionsByStatus: readonly CountRow[];
    /** Findings that suspended a model or a commendation. */
    readonly suspensions: number;
  };
}

/** The years of a period as days, for date columns. */
function days(filter: { fromYear: number; toYear: number }) {
  return { first: `${filter.fromYear}-01-01`, last: `${filter.toYear}-12-31` };
}

async function labels(db: Kysely<Database>) {
  const [levels, fields, indicators] = await Promise.all([
    db.selectFrom("levels").select(["code", "name_vi", "name_en"]).orderBy("level_set", "desc").execute(),
    db.selectFrom("fields").select(["code", "name_vi", "name_en"]).execute(),
    db.selectFrom("indicators").select(["code", "name_vi", "name_en"]).execute(),
  ]);
  const map = (rows: { code: string; name_vi: string; name_en: string }[]) => {
    const byCode = new Map<string, { vi: string; en: string }>();
    for (const r of rows) if (!byCode.has(r.code)) byCode.set(r.code, { vi: r.name_vi, en: r.name_en });
    return (code: string) => byCode.get(code) ?? { vi: code, en: code };
  };
  return { level: map(levels), field: map(fields), indicator: map(indicators) };
}

async function commendationFigures(db: Kysely<Database>, unitId: string, period: { first: string; last: string }) {
  const rows = await db
    .selectFrom("commendations as c")
    .leftJoin("models as m", "m.id", "c.recipient_model_id")
    .innerJoin("units as u", (join) => join.on(sql<boolean>`u.id = coalesce(m.owner_unit_id, c.recipient_unit_id)`))
    .where(withinSubtree("u.path", unitId))
    .where("c.decision_date", ">=", period.first)
    .where("c.decision_date", "<=", period.last)
    .select([
      "c.form",
      "c.level",
      sql<boolean>`c.revoked_on is not null`.as("revoked"),
      sql<number>`count(*)::int`.as("count"),
    ])
    .groupBy(["c.form", "c.level", sql`c.revoked_on is not null`])
    .orderBy("c.level")
    .orderBy("c.form")
    .execute();
  return rows;
}

/** Verified golden-book entries of the subtree with a deed in the period, counted by `key`. */
function verifiedDeeds(
  db: Kysely<Database>,
  unitId: string,
  period: { first: string; last: string },
  key: RawBuilder<string>,
): Promise<CountRow[]> {
  return db
    .selectFrom("golden_book_entries as g")
    .innerJoin("units as u", "u.id", "g.unit_id")
    .where(withinSubtree("u.path", unitId))
    .where("g.status", "=", "verified")
    .where("g.deed_date", ">=", period.first)
    .where("g.deed_date", "<=", period.last)
    .select([key.as("key"), sql<number>`count(*)::int`.as("count")])
    .groupBy(key)
    .orderBy(key)
    .execute();
}

async function inspectionFigures(db: Kysely<Database>, unitId: string, period: { first: string; last: string }) {
  const inspections = db
    .selectFrom("inspections as i")
    .innerJoin("units as u", "u.id", "i.unit_id")
    .where(withinSubtree("u.path", unitId))
    .where("i.planned_on", ">=", period.first)
    .where("i.planned_on", "<=", period.last);
  const [counts, severities, actions] = await Promise.all([
    inspections
      .select([
        sql<number>`count(*)::int`.as("total"),
        sql<number>`(count(*) filter (where i.status <> 'planned'))::int`.as("visited"),
      ])
      .executeTakeFirstOrThrow(),
    inspections
      .innerJoin("inspection_findings as f", "f.inspection_id", "i.id")
      .select([
        "f.severity as key",
        sql<number>`count(*)::int`.as("count"),
        sql<number>`(count(*) filter (where f.effect <> 'none'))::int`.as("suspending"),
      ])
      .groupBy("f.severity")
      .orderBy("f.severity")
      .execute(),
    inspections
      .innerJoin("inspection_findings as f", "f.inspection_id", "i.id")
      .innerJoin("corrective_actions as a", "a.finding_id", "f.id")
      .select(["a.status as key", sql<number>`count(*)::int`.as("count")])
      .groupBy("a.status")
      .orderBy("a.status")
      .execute(),
  ]);
  return {
    total: counts.total,
    visited: counts.visited,
    findingsBySeverity: severities.map(({ key, count }) => ({ key, count })),
    correctiveActionsByStatus: actions,
    suspensions: severities.reduce((sum, s) => sum + s.suspending, 0),
  };
}

async function flagshipAdopters(db: Kysely<Database>, originIds: readonly string[], lastDay: string) {
  if (originIds.length === 0) return new Map<string, { unitName: string; adoptedOn: string }[]>();
  const rows = await db
    .selectFrom("replications as r")
    .innerJoin("models as a", "a.id", "r.adopter_model_id")
    .innerJoin("units as u", "u.id", "a.owner_unit_id")
    .select(["r.origin_model_id", "u.name as unitName", "r.adopted_on as adoptedOn"])
    .where("r.origin_model_id", "in", [...originIds])
    .where("r.adopted_on", "<=", lastDay)
    .orderBy("r.adopted_on")
    .orderBy("u.name")
    .execute();
  const byOrigin = new Map<string, { unitName: string; adoptedOn: string }[]>();
  for (const row of rows) {
    const list = byOrigin.get(row.origin_model_id) ?? [];
    list.push({ unitName: row.unitName, adoptedOn: row.adoptedOn });
    byOrigin.set(row.origin_model_id, list);
  }
  return byOrigin;
}

/**
 * The figures of a periodic report (báo cáo sơ kết / tổng kết) for a unit's subtree and
 * the years `fromYear`–`toYear`: models registered (started) by year, level and field;
 * outcomes by indicator, overall and per field; commendations decided; verified
 * golden-book deeds; the spread of its flagship models (adoptions by the period's end); inspections
 * planned, their findings and corrective actions. Undefined when there is no such unit.
 *
 * @example
 * const figures = await periodicReportFigures(db, thanhLiem, 2017, 2022);
 * figures?.models.total // 698
 */
export async function periodicReportFigures(
  db: Kysely<Database>,
  unitId: string,
  fromYear: number,
  toYear: number,
): Promise<PeriodicReportFigures | undefined> {
  const unit = await db
    .selectFrom("units as u")
    .leftJoin("units as p", "p.id", "u.parent_id")
    .select(["u.id", "u.name", "p.name as parentName"])
    .where("u.id", "=", unitId)
    .executeTakeFirst();
  if (!unit) return undefined;
  const filter: ReportFilter = { withinUnitId: unitId, fromYear, toYear };
  const period = days({ fromYear, toYear });
  const [names, byYear, byLevel, byField, outcomes, commendations, goldenByYear, goldenByField, spread, inspections] =
    await Promise.all([
      labels(db),
      countModels(db, "year", filter),
      countModels(db, "level", filter),
      countModels(db, "field", filter),
      indicatorTotals(db, filter, { by: "total" }),
      commendationFigures(db, unitId, period),
      verifiedDeeds(db, unitId, period, sql<string>`extract(year from g.deed_date)::int::text`),
      verifiedDeeds(db, unitId, period, sql<string>`coalesce(g.field, '')`),
      replicationSpread(db, filter),
      inspectionFigures(db, unitId, period),
    ]);
  const named = (rows: readonly IndicatorTotalRow[]) =>
    rows.map((row) => ({ ...row, name: names.indicator(row.indicatorCode) }));
  const outcomesByField = [];
  for (const field of byField) {
    const rows = await indicatorTotals(db, { ...filter, field: field.key }, { by: "total" });
    if (rows.length > 0) {
      outcomesByField.push({ field: { ...field, label: names.field(field.key) }, outcomes: named(rows) });
    }
  }
  const owners = await (spread.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom("models as m")
        .innerJoin("units as u", "u.id", "m.owner_unit_id")
        .select(["m.id", "u.name"])
        .where(
          "m.id",
          "in",
          spread.map((s) => s.originModelId),
        )
        .execute());
  const adopters = await flagshipAdopters(
    db,
    spread.map((s) => s.originModelId),
    period.last,
  );
  const formLabel = (code: string) =>
    defaultCommendationForms.find((f) => f.code === code)?.label ?? { vi: code, en: code };
  const standing = commendations.filter((c) => !c.revoked);
  return {
    unit: { id: unit.id, name: unit.name, parentName: unit.parentName },
    fromYear,
    toYear,
    models: {
      total: byYear.reduce((sum, r) => sum + r.count, 0),
      byYear,
      byLevel: byLevel.map((r) => ({ ...r, label: names.level(r.key) })),
      byField: byField.map((r) => ({ ...r, label: names.field(r.key) })),
    },
    outcomes: named(outcomes),
    outcomesByField,
    commendations: {
      total: standing.reduce((sum, c) => sum + c.count, 0),
      byForm: standing.map((c) => ({
        key: c.form,
        count: c.count,
        label: formLabel(c.form),
        level: c.level,
        levelLabel: names.level(c.level).vi,
      })),
      revoked: commendations.filter((c) => c.revoked).reduce((sum, c) => sum + c.count, 0),
    },
    goldenBook: {
      total: goldenByYear.reduce((sum, r) => sum + r.count, 0),
      byYear: goldenByYear,
      byField: goldenByField.map((r) => ({
        ...r,
        label: r.key === "" ? { vi: "Chưa phân loại", en: "Unclassified" } : names.field(r.key),
      })),
    },
    replication: spread.map((s) => ({
      ...s,
      ownerName: owners.find((o) => o.id === s.originModelId)?.name ?? "",
      adopters: adopters.get(s.originModelId) ?? [],
    })),
    inspections,
  };
}
