import { CriteriaSetSchema, compileCriteriaSet } from "@lantoa/domain/criteria";
import { checkEligibility, hasConflictOfInterest } from "@lantoa/domain/round";
import type { Transaction } from "kysely";
import type { Database } from "../database.js";
import { loadModelFacts } from "../rounds/load-scoring-subjects.js";

/** The demo's round in progress: Thanh Liêm's 2023 review, open for reviewers. */
export const DEMO_OPEN_ROUND_CODE = "TL-XET-2023";

const reviewerUsernames = ["giamkhao.1", "giamkhao.2", "giamkhao.3", "giamkhao.4"];
const referenceDate = "2023-12-15";

/**
 * Thanh Liêm's 2023 round as it stands mid-review, so a fresh start shows a reviewer's
 * queue: the article's running models of the district, their gates evaluated at the
 * reference date with the default criteria (published by the 2022 round), every eligible
 * model's self-assessment submitted, and two reviewers of the pool (giamkhao.1…4) assigned
 * in bulk to each, never one whose unit owns the model or is above it. No review is in yet.
 */
export async function seedOpenDemoRound(trx: Transaction<Database>): Promise<{ models: number; assigned: number }> {
  const version = await trx
    .selectFrom("criteria_set_versions as v")
    .innerJoin("criteria_sets as s", "s.id", "v.criteria_set_id")
    .select(["v.id", "v.definition"])
    .where("s.code", "=", "default")
    .where("v.version_number", "=", 1)
    .executeTakeFirstOrThrow();
  const compiled = compileCriteriaSet(CriteriaSetSchema.parse(version.definition));
  if (!compiled.ok) throw new Error(`The default criteria set does not compile: ${compiled.error.message.en}`);
  const organizer = await trx
    .selectFrom("units")
    .select(["id", "path"])
    .where("code", "=", "TL")
    .executeTakeFirstOrThrow();
  const models = await trx
    .selectFrom("models as m")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select(["m.id", "m.code", "u.path"])
    .where("u.path", "like", `${organizer.path}%`)
    .where("m.generated", "=", false)
    .where("m.status", "=", "active")
    .orderBy("m.code")
    .execute();
  const facts = await loadModelFacts(
    trx,
    models.map((m) => m.id),
    { referenceDate, period: "2023" },
  );
  const entries = facts.map((f) => {
    const decided = checkEligibility(compiled.value, f.facts, referenceDate);
    if (!decided.ok) throw new Error(`Demo gates do not evaluate: ${decided.error.message.en}`);
    return {
      modelId: f.modelId,
      eligible: decided.value.eligible,
      gates: decided.value.gates.map((g) => ({
        criterionId: g.criterionId,
        label: g.label,
        passed: g.passed,
        observed: g.observed,
      })),
    };
  });

  const { id: roundId } = await trx
    .insertInto("rounds")
    .values({
      code: DEMO_OPEN_ROUND_CODE,
      name: "Bình xét mô hình học tập và làm theo Bác năm 2023",
      criteria_version_id: version.id,
      organizer_unit_id: organizer.id,
      status: "review",
      period: "2023",
      reference_date: referenceDate,
      scope: JSON.stringify({ withinUnitId: organizer.id }),
      settings: JSON.stringify({
        quorum: 2 / 3,
        approvalThreshold: 0.7,
        reviewersPerModel: 2,
        commentsRequired: false,
      }),
      draw_seed: "2023",
      created_at: "2023-10-02T08:00:00+07:00",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("round_models")
    .values(
      entries.map((e) => ({
        round_id: roundId,
        model_id: e.modelId,
        eligible: e.eligible,
        gate_outcomes: JSON.stringify(e.gates),
      })),
    )
    .execute();

  const eligible = models.filter((m) => entries.some((e) => e.modelId === m.id && e.eligible));
  if (eligible.length === 0) return { models: entries.length, assigned: 0 };
  await trx
    .insertInto("scorecards")
    .values(
      eligible.map((m, i) => ({
        round_id: roundId,
        model_id: m.id,
        reviewer_user_id: null,
        kind: "self" as const,
        ratings: JSON.stringify({ novelty: 24 + (i % 5), effectiveness: 8, reach: 7.5, theme: 4 }),
        status: "submitted" as const,
        submitted_at: "2023-11-10T17:00:00+07:00",
      })),
    )
    .execute();

  const reviewers = await trx
    .selectFrom("users as r")
    .innerJoin("units as u", "u.id", "r.unit_id")
    .select(["r.id", "u.path"])
    .where("r.username", "in", reviewerUsernames)
    .orderBy("r.username")
    .execute();
  const assignments = eligible.flatMap((m, i) => {
    const free = reviewers.filter((r) => !hasConflictOfInterest(r.path, m.path));
    const panel = [free[i % free.length], free[(i + 1) % free.length]].filter((r) => r !== undefined);
    return [...new Set(panel)].map((r) => ({
      round_id: roundId,
      model_id: m.id,
      reviewer_user_id: r.id,
      source: "bulk" as const,
      assigned_at: "2023-11-20T08:00:00+07:00",
    }));
  });
  if (assignments.length > 0) await trx.insertInto("reviewer_assignments").values(assignments).execute();
  return { models: entries.length, assigned: assignments.length };
}
