import type { ScoringSubject, SubjectFacts } from "@lantoa/domain/scoring";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../database.js";

type Db = Kysely<Database> | Transaction<Database>;

/** What scoring needs to know about a model apart from its scorecards. */
export interface ModelFactsRow {
  readonly modelId: string;
  readonly ownerUnitId: string;
  readonly ownerPath: string;
  readonly unitGroup: string;
  readonly registeredAt: string;
  readonly facts: SubjectFacts;
}

/**
 * The facts gates and indicators read, for many models in a few set-based queries:
 * start date, evidence attached, adopters known by the reference date (replications),
 * and the period's indicator values summed per indicator. `disciplined` has no source
 * in the database yet and is false.
 *
 * @example
 * const facts = await loadModelFacts(db, ids, { referenceDate: "2022-12-15", period: "2022" });
 */
export async function loadModelFacts(
  db: Db,
  modelIds: readonly string[] | { roundId: string },
  at: { referenceDate: string; period: string },
): Promise<ModelFactsRow[]> {
  if ("length" in modelIds && modelIds.length === 0) return [];
  const scope =
    "roundId" in modelIds
      ? db.selectFrom("round_models").select("model_id").where("round_id", "=", modelIds.roundId)
      : (modelIds as readonly string[]);
  const models = await db
    .selectFrom("models as m")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select(["m.id", "m.owner_unit_id", "u.path", "u.unit_group", "m.registered_at", "m.start_date"])
    .where("m.id", "in", scope)
    .execute();
  const evidence = await db
    .selectFrom("evidence")
    .select(["model_id"])
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("model_id", "in", scope)
    .groupBy("model_id")
    .execute();
  const adopters = await db
    .selectFrom("replications")
    .select(["origin_model_id"])
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("adopted_on", "<=", at.referenceDate)
    .where("origin_model_id", "in", scope)
    .groupBy("origin_model_id")
    .execute();
  const indicators = await db
    .selectFrom("indicator_values")
    .select(["model_id", "indicator_code"])
    .select((eb) => eb.fn.sum<number>("value").as("total"))
    .where("period", "=", at.period)
    .where("model_id", "in", scope)
    .groupBy(["model_id", "indicator_code"])
    .execute();
  const evidenceOf = new Map(evidence.map((e) => [e.model_id, Number(e.n)]));
  const adoptersOf = new Map(adopters.map((a) => [a.origin_model_id, Number(a.n)]));
  const indicatorsOf = new Map<string, Record<string, number>>();
  for (const i of indicators) {
    const values = indicatorsOf.get(i.model_id) ?? {};
    values[i.indicator_code] = Number(i.total);
    indicatorsOf.set(i.model_id, values);
  }
  return models.map((m) => ({
    modelId: m.id,
    ownerUnitId: m.owner_unit_id,
    ownerPath: m.path,
    unitGroup: m.unit_group ?? "other",
    registeredAt: new Date(m.registered_at).toISOString(),
    facts: {
      startDate: String(m.start_date).slice(0, 10),
      evidenceCount: evidenceOf.get(m.id) ?? 0,
      disciplined: false,
      indicators: { ...indicatorsOf.get(m.id), adopters: adoptersOf.get(m.id) ?? 0 },
    },
  }));
}

/**
 * The scoring subjects of a round's eligible models: facts plus submitted scorecards
 * (the unit's self-assessment, and reviewers' unless they declared a conflict).
 *
 * @example
 * const subjects = await loadScoringSubjects(db, round.row);
 */
export async function loadScoringSubjects(
  db: Db,
  round: { id: string; reference_date: string; period: string },
  onlyModelIds?: readonly string[],
): Promise<ScoringSubject[]> {
  const at = { referenceDate: round.reference_date, period: round.period };
  const facts = await loadModelFacts(db, onlyModelIds ?? { roundId: round.id }, at);
  const eligible = await db
    .selectFrom("round_models")
    .select("model_id")
    .where("round_id", "=", round.id)
    .where("eligible", "=", true)
    .$if(onlyModelIds !== undefined, (q) => q.where("model_id", "in", onlyModelIds?.length ? onlyModelIds : [""]))
    .execute();
  const isEligible = new Set(eligible.map((e) => e.model_id));
  // Two plain reads joined here: a three-column join of scorecards to assignments
  // makes planners without fresh statistics (PGlite never auto-analyzes) loop.
  const cards = await db
    .selectFrom("scorecards")
    .select(["model_id", "kind", "reviewer_user_id", "ratings"])
    .where("round_id", "=", round.id)
    .where("status", "=", "submitted")
    .$if(onlyModelIds !== undefined, (q) => q.where("model_id", "in", onlyModelIds?.length ? onlyModelIds : [""]))
    .execute();
  const declared = await db
    .selectFrom("reviewer_assignments")
    .select(["model_id", "reviewer_user_id"])
    .where("round_id", "=", round.id)
    .where("conflict_declared_at", "is not", null)
    .execute();
  const conflicted = new Set(declared.map((d) => `${d.model_id}:${d.reviewer_user_id}`));
  const cardsOf = new Map<string, ScoringSubject["scorecards"]>();
  for (const c of cards) {
    if (c.kind === "review" && conflicted.has(`${c.model_id}:${c.reviewer_user_id}`)) continue;
    const list = cardsOf.get(c.model_id) ?? [];
    list.push({
      reviewerId: c.kind === "self" ? "self" : (c.reviewer_user_id as string),
      role: c.kind === "self" ? "self" : "verifier",
      scores: c.ratings as Record<string, number>,
    });
    cardsOf.set(c.model_id, list);
  }
  return facts
    .filter((f) => isEligible.has(f.modelId))
    .map((f) => ({
      modelId: f.modelId,
      unitId: f.ownerUnitId,
      unitGroup: f.unitGroup,
      registeredAt: f.registeredAt,
      facts: f.facts,
      scorecards: cardsOf.get(f.modelId) ?? [],
    }));
}
