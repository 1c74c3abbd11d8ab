import { type ChairDecisionRow, listChairDecisions, loadRound, roundProgress } from "@lantoa/db";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { Repeater } from "graphql-yoga";
import { type Kysely, sql } from "kysely";
import { roundResultsScopes } from "../auth/round-visibility.js";
import { holdsRoleOver, STAFF_ROLES } from "../auth/scopes.js";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { roundEvents } from "../round-events.js";
import { parseUuid, UnitRef } from "./unit.js";

const RoundSummaryRef = builder
  .objectRef<{
    code: string;
    name: string;
    status: string;
    period: string;
    results_hash: string | null;
    criteria_version: number;
  }>("RoundSummary")
  .implement({
    description: "An evaluation round (đợt bình xét).",
    fields: (t) => ({
      code: t.exposeString("code"),
      name: t.exposeString("name"),
      status: t.exposeString("status", {
        description: "draft, self-assessment, review, council, finalized or published.",
      }),
      period: t.exposeString("period"),
      resultsHash: t.exposeString("results_hash", { nullable: true, description: "SHA-256 of the finalized results." }),
      criteriaVersion: t.exposeInt("criteria_version"),
    }),
  });

builder.queryField("publishedRounds", (t) =>
  t.field({
    type: [RoundSummaryRef],
    description: "Rounds whose results are published, newest first: public.",
    resolve: (_root, _args, { db }) =>
      db
        .selectFrom("rounds as r")
        .innerJoin("criteria_set_versions as v", "v.id", "r.criteria_version_id")
        .select(["r.code", "r.name", "r.status", "r.period", "r.results_hash", "v.version_number as criteria_version"])
        .where("r.status", "=", "published")
        .orderBy("r.published_at", "desc")
        .execute(),
  }),
);

/** A round as the API reads it: its row with the organizer's path and the pinned version. */
export interface RoundNodeRow {
  id: string;
  code: string;
  name: string;
  status: string;
  period: string;
  reference_date: string;
  organizer_unit_id: string;
  organizer_path: string;
  criteria_version_number: number;
  criteria_set_code: string;
  settings: unknown;
  draw_seed: string | null;
  results_hash: string | null;
  finalized_at: Date | string | null;
  published_at: Date | string | null;
  version: number;
}

/** Rounds by id, in the order asked (null where missing), with what access checks need. */
export async function findRoundsByIds(db: Kysely<import("@lantoa/db").Database>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("rounds as r")
    .innerJoin("units as u", "u.id", "r.organizer_unit_id")
    .innerJoin("criteria_set_versions as v", "v.id", "r.criteria_version_id")
    .innerJoin("criteria_sets as s", "s.id", "v.criteria_set_id")
    .select([
      "r.id",
      "r.code",
      "r.name",
      "r.status",
      "r.period",
      "r.reference_date",
      "r.organizer_unit_id",
      "u.path as organizer_path",
      "v.version_number as criteria_version_number",
      "s.code as criteria_set_code",
      "r.settings",
      "r.draw_seed",
      "r.results_hash",
      "r.finalized_at",
      "r.published_at",
      "r.version",
    ])
    .where("r.id", "in", ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, { ...r, reference_date: String(r.reference_date).slice(0, 10) }]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Whether the viewer administers the round (an admin of the organizer's subtree). */
export function administersRound(context: Context, round: { organizer_path: string }): boolean {
  return holdsRoleOver(context.viewer, ["unit-admin"], round.organizer_path);
}

/** The unit paths where the viewer is staff (unit admin or officer): their models' self-assessments are theirs to file. */
function staffPaths(context: Context): string[] {
  return (context.viewer?.assignments ?? []).flatMap((a) =>
    STAFF_ROLES.includes(a.role) && a.unitPath !== null ? [a.unitPath] : [],
  );
}

/** Whether a model of the viewer's units (or below) takes part in the round: they file its self-assessment. */
async function assessesSelfIn(context: Context, roundId: string): Promise<boolean> {
  const paths = staffPaths(context);
  if (paths.length === 0) return false;
  const row = await context.db
    .selectFrom("round_models as rm")
    .innerJoin("models as m", "m.id", "rm.model_id")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select("rm.model_id")
    .where("rm.round_id", "=", roundId)
    .where((eb) => eb.or(paths.map((path) => eb("u.path", "like", `${path}%`))))
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** Whether the viewer is assigned to review something in the round. */
async function isAssignedTo(context: Context, roundId: string): Promise<boolean> {
  if (!context.viewer) return false;
  const row = await context.db
    .selectFrom("reviewer_assignments")
    .select("id")
    .where("round_id", "=", roundId)
    .where("reviewer_user_id", "=", context.viewer.userId)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/**
 * An evaluation round. Readable by admins of the organizer's subtree, by its reviewers
 * and by the staff of units whose models take part while it runs, by everyone once published; results by admins, and by
 * everyone after publication.
 */
export const RoundRef = builder.loadableNode("Round", {
  description: "An evaluation round (đợt bình xét) pinned to one published criteria-set version.",
  id: { resolve: (round: RoundNodeRow) => round.id, parse: parseUuid },
  load: (ids: string[], { db }) => findRoundsByIds(db, ids),
  runScopesOnType: true,
  authScopes: async (round, context) =>
    round.status === "published" ||
    administersRound(context, round) ||
    (await isAssignedTo(context, round.id)) ||
    (await assessesSelfIn(context, round.id))
      ? true
      : { administersUnit: round.organizer_path },
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    status: t.exposeString("status", {
      description: "draft, self-assessment, review, council, finalized or published.",
    }),
    period: t.exposeString("period"),
    referenceDate: t.exposeString("reference_date", { description: "Gates measure time running at this date." }),
    organizerUnit: t.field({ type: UnitRef, resolve: (r) => r.organizer_unit_id }),
    criteriaSetCode: t.exposeString("criteria_set_code"),
    criteriaVersion: t.exposeInt("criteria_version_number"),
    reviewersPerModel: t.int({ resolve: (r) => (r.settings as { reviewersPerModel?: number }).reviewersPerModel ?? 2 }),
    commentsRequired: t.boolean({
      description: "Whether every rating of a submitted scorecard needs a comment.",
      resolve: (r) => (r.settings as { commentsRequired?: boolean }).commentsRequired ?? false,
    }),
    quorum: t.float({ resolve: (r) => (r.settings as { quorum?: number }).quorum ?? 2 / 3 }),
    approvalThreshold: t.float({
      resolve: (r) => (r.settings as { approvalThreshold?: number }).approvalThreshold ?? 0.7,
    }),
    drawSeed: t.exposeString("draw_seed", {
      nullable: true,
      description: "The panel draw's seed: re-running the draw with it gives the same panel (see panelReplay).",
    }),
    resultsHash: t.exposeString("results_hash", {
      nullable: true,
      description: "SHA-256 of the results' canonical JSON, stored at finalization.",
    }),
    finalizedAt: t.string({
      nullable: true,
      resolve: (r) => (r.finalized_at ? new Date(r.finalized_at).toISOString() : null),
    }),
    publishedAt: t.string({
      nullable: true,
      resolve: (r) => (r.published_at ? new Date(r.published_at).toISOString() : null),
    }),
    version: t.exposeInt("version", { description: "Send back as expectedVersion when taking a step." }),
  }),
});

const RoundProgressRef = builder
  .objectRef<{
    eligibleModels: number;
    missingSelfAssessments: number;
    missingReviews: number;
    reviewsSubmitted: number;
    reviewsAssigned: number;
  }>("RoundProgress")
  .implement({
    description: "How far the round's work has come.",
    fields: (t) => ({
      eligibleModels: t.exposeInt("eligibleModels"),
      missingSelfAssessments: t.exposeInt("missingSelfAssessments"),
      missingReviews: t.exposeInt("missingReviews", { description: "Models still short of submitted reviews." }),
      reviewsSubmitted: t.exposeInt("reviewsSubmitted"),
      reviewsAssigned: t.exposeInt("reviewsAssigned"),
    }),
  });

/** The progress figures of a round (also what the live subscription sends). */
export async function progressOf(db: Context["db"], roundId: string) {
  const round = await loadRound(db, roundId);
  if (!round) throw new GraphQLError("No such round.", { extensions: { code: "NOT_FOUND" } });
  const p = await roundProgress(db, round);
  return {
    eligibleModels: p.eligibleModels,
    missingSelfAssessments: p.missingSelfAssessments.length,
    missingReviews: p.missingReviews.length,
    reviewsSubmitted: p.reviewsSubmitted,
    reviewsAssigned: p.reviewsAssigned,
  };
}

const GateOutcomeRef = builder
  .objectRef<{ criterionId: string; label: { vi: string; en: string }; passed: boolean; observed: unknown }>(
    "RoundGateOutcome",
  )
  .implement({
    fields: (t) => ({
      criterionId: t.exposeString("criterionId"),
      label: t.string({ resolve: (g) => g.label.vi }),
      passed: t.exposeBoolean("passed"),
      observed: t.string({ nullable: true, resolve: (g) => (g.observed === null ? null : String(g.observed)) }),
    }),
  });

const RoundModelRef = builder
  .objectRef<{ model_id: string; code: string; name: string; eligible: boolean; gate_outcomes: unknown }>("RoundModel")
  .implement({
    description: "A model in a round's scope, with its eligibility gates evaluated before the round opens.",
    fields: (t) => ({
      modelId: t.id({ resolve: (m) => encodeGlobalID("Model", m.model_id) }),
      code: t.exposeString("code"),
      name: t.exposeString("name"),
      eligible: t.exposeBoolean("eligible"),
      gates: t.field({
        type: [GateOutcomeRef],
        resolve: (m) =>
          m.gate_outcomes as Array<{
            criterionId: string;
            label: { vi: string; en: string };
            passed: boolean;
            observed: unknown;
          }>,
      }),
    }),
  });

const AssignmentRef = builder
  .objectRef<{
    model_id: string;
    model_code: string;
    username: string;
    display_name: string;
    source: string;
    conflict_declared_at: Date | string | null;
    conflict_reason: string | null;
    scorecard_status: string | null;
  }>("ReviewerAssignment")
  .implement({
    description: "A reviewer assigned to a model (manual, bulk, draw, or disagreement for an extra reviewer).",
    fields: (t) => ({
      modelId: t.id({ resolve: (a) => encodeGlobalID("Model", a.model_id) }),
      modelCode: t.exposeString("model_code"),
      reviewerUsername: t.exposeString("username"),
      reviewerName: t.exposeString("display_name"),
      source: t.exposeString("source"),
      conflictDeclared: t.boolean({ resolve: (a) => a.conflict_declared_at !== null }),
      conflictReason: t.exposeString("conflict_reason", { nullable: true }),
      scorecardStatus: t.exposeString("scorecard_status", { nullable: true, description: "draft, submitted or null." }),
    }),
  });

type CriterionPoints = { criterionId: string; label: string; pointsMilli: number; maxMilli: number };

const CriterionPointsRef = builder.objectRef<CriterionPoints>("CriterionPoints").implement({
  fields: (t) => ({
    criterionId: t.exposeString("criterionId"),
    label: t.exposeString("label", { description: "In Vietnamese, from the round's criteria set." }),
    points: t.float({ resolve: (c) => c.pointsMilli / 1000 }),
    max: t.float({ resolve: (c) => c.maxMilli / 1000 }),
  }),
});

const RoundResultRef = builder
  .objectRef<{
    model_id: string;
    code: string;
    name: string;
    unit_name: string;
    rank: number | null;
    total_milli: number;
    max_milli: number;
    tier: string | null;
    eliminated: boolean;
    breakdown: unknown;
    explanation: unknown;
    labels: ReadonlyMap<string, string>;
  }>("RoundResult")
  .implement({
    description:
      "A model's result in a round: total, tier after quotas, rank, per-criterion breakdown and explanation.",
    fields: (t) => ({
      modelId: t.id({ resolve: (r) => encodeGlobalID("Model", r.model_id) }),
      modelCode: t.exposeString("code"),
      modelName: t.exposeString("name"),
      unitName: t.exposeString("unit_name"),
      rank: t.exposeInt("rank", { nullable: true }),
      total: t.float({ resolve: (r) => r.total_milli / 1000 }),
      max: t.float({ resolve: (r) => r.max_milli / 1000 }),
      tier: t.exposeString("tier", { nullable: true }),
      demotedFrom: t.string({
        nullable: true,
        description: "The tier a quota demoted it from.",
        resolve: (r) => (r.breakdown as { demotedFrom?: string | null }).demotedFrom ?? null,
      }),
      eliminated: t.exposeBoolean("eliminated"),
      criteria: t.field({
        type: [CriterionPointsRef],
        resolve: (r) =>
          (r.breakdown as { criteria: Omit<CriterionPoints, "label">[] }).criteria.map((c) => ({
            ...c,
            label: r.labels.get(c.criterionId) ?? c.criterionId,
          })),
      }),
      explanation: t.string({
        nullable: true,
        description: "In Vietnamese.",
        resolve: (r) => (r.explanation as { vi?: string } | null)?.vi ?? null,
      }),
      explanationEn: t.string({
        nullable: true,
        resolve: (r) => (r.explanation as { en?: string } | null)?.en ?? null,
      }),
    }),
  });

const ChairDecisionRef = builder.objectRef<ChairDecisionRow>("ChairDecision").implement({
  description: "The chair's decision on a model whose reviewers disagree beyond the gap, with the reason.",
  fields: (t) => ({
    modelId: t.id({ resolve: (d) => encodeGlobalID("Model", d.modelId) }),
    modelCode: t.exposeString("modelCode"),
    decision: t.exposeString("decision"),
    reason: t.exposeString("reason"),
    decidedBy: t.exposeString("decidedBy", { nullable: true, description: "The deciding admin's display name." }),
    decidedAt: t.string({ resolve: (d) => new Date(d.decidedAt).toISOString() }),
  }),
});

const CouncilDecisionRef = builder
  .objectRef<{
    members: number;
    present: number;
    votes_for: number;
    votes_against: number;
    abstentions: number;
    outcome: string;
    chair_note: string | null;
    decided_at: Date | string;
  }>("CouncilDecision")
  .implement({
    fields: (t) => ({
      members: t.exposeInt("members"),
      present: t.exposeInt("present"),
      votesFor: t.exposeInt("votes_for"),
      votesAgainst: t.exposeInt("votes_against"),
      abstentions: t.exposeInt("abstentions"),
      outcome: t.exposeString("outcome", { description: "approved, rejected or no-quorum." }),
      chairNote: t.exposeString("chair_note", { nullable: true }),
      decidedAt: t.string({ resolve: (d) => new Date(d.decided_at).toISOString() }),
    }),
  });

const adminsOnly = (round: RoundNodeRow) => ({ administersUnit: round.organizer_path });
const adminsOrPublic = (round: RoundNodeRow) =>
  roundResultsScopes({ status: round.status, organizerPath: round.organizer_path });

builder.objectFields(RoundRef, (t) => ({
  progress: t.field({
    type: RoundProgressRef,
    authScopes: adminsOnly,
    resolve: (round, _args, { db }) => progressOf(db, round.id),
  }),
  models: t.field({
    type: [RoundModelRef],
    description: "The scope: every model with its eligibility gates.",
    authScopes: adminsOnly,
    resolve: (round, _args, { db }) =>
      db
        .selectFrom("round_models as rm")
        .innerJoin("models as m", "m.id", "rm.model_id")
        .select(["rm.model_id", "m.code", "m.name", "rm.eligible", "rm.gate_outcomes"])
        .where("rm.round_id", "=", round.id)
        .orderBy("m.code")
        .execute(),
  }),
  assignments: t.field({
    type: [AssignmentRef],
    description: "Every assignment (admins), or the viewer's own (reviewers).",
    authScopes: { signedIn: true },
    resolve: (round, _args, context) => {
      let query = context.db
        .selectFrom("reviewer_assignments as a")
        .innerJoin("models as m", "m.id", "a.model_id")
        .innerJoin("users as u", "u.id", "a.reviewer_user_id")
        .leftJoin("scorecards as s", (join) =>
          join
            .onRef("s.round_id", "=", "a.round_id")
            .onRef("s.model_id", "=", "a.model_id")
            .onRef("s.reviewer_user_id", "=", "a.reviewer_user_id"),
        )
        .select([
          "a.model_id",
          "m.code as model_code",
          "u.username",
          "u.display_name",
          "a.source",
          "a.conflict_declared_at",
          "a.conflict_reason",
          "s.status as scorecard_status",
        ])
        .where("a.round_id", "=", round.id);
      if (!administersRound(context, round))
        query = query.where("a.reviewer_user_id", "=", context.viewer?.userId ?? "");
      return query.orderBy("m.code").orderBy("u.username").execute();
    },
  }),
  results: t.field({
    type: [RoundResultRef],
    description: "Results in rank order (disqualified last): admins while the round runs, everyone once published.",
    authScopes: adminsOrPublic,
    resolve: async (round, _args, { db }) => {
      const loaded = await loadRound(db, round.id);
      const labels = new Map(loaded?.set.criteria.map((c) => [c.id, c.label.vi]) ?? []);
      const rows = await db
        .selectFrom("round_results as r")
        .innerJoin("models as m", "m.id", "r.model_id")
        .innerJoin("units as u", "u.id", "m.owner_unit_id")
        .select([
          "r.model_id",
          "m.code",
          "m.name",
          "u.name as unit_name",
          "r.rank",
          "r.total_milli",
          "r.max_milli",
          "r.tier",
          "r.eliminated",
          "r.breakdown",
          "r.explanation",
        ])
        .where("r.round_id", "=", round.id)
        // The engine's total order: ties broken, quota demotions applied in it.
        .orderBy(sql`(r.breakdown->>'position')::int`)
        .orderBy("m.code")
        .execute();
      return rows.map((r) => ({ ...r, labels }));
    },
  }),
  chairDecisions: t.field({
    type: [ChairDecisionRef],
    description: "The chair's decisions on models whose reviewers disagree, by model code.",
    authScopes: adminsOnly,
    resolve: (round, _args, { db }) => listChairDecisions(db, round.id),
  }),
  councilDecisions: t.field({
    type: [CouncilDecisionRef],
    authScopes: adminsOrPublic,
    resolve: (round, _args, { db }) =>
      db.selectFrom("council_decisions").selectAll().where("round_id", "=", round.id).orderBy("decided_at").execute(),
  }),
}));

builder.queryField("rounds", (t) =>
  t.field({
    type: [RoundRef],
    description: "Rounds the viewer administers or reviews in, newest first.",
    authScopes: { signedIn: true },
    resolve: async (_root, _args, context) => {
      const viewer = context.viewer;
      if (!viewer) return [];
      const admin = viewer.assignments.filter((a) => a.role === "system-admin" || a.role === "unit-admin");
      const ids = await context.db
        .selectFrom("rounds as r")
        .innerJoin("units as u", "u.id", "r.organizer_unit_id")
        .select("r.id")
        .where((eb) =>
          eb.or([
            ...admin.map((a) => (a.role === "system-admin" ? eb.lit(true) : eb("u.path", "like", `${a.unitPath}%`))),
            eb(
              "r.id",
              "in",
              eb.selectFrom("reviewer_assignments").select("round_id").where("reviewer_user_id", "=", viewer.userId),
            ),
          ]),
        )
        .orderBy("r.created_at", "desc")
        .execute();
      return (
        await findRoundsByIds(
          context.db,
          ids.map((r) => r.id),
        )
      ).filter((r) => r !== null);
    },
  }),
);

/**
 * The current progress first, then one event per change. A Repeater, not an async
 * generator: a generator waiting for the next event cannot be stopped until one comes,
 * so a closed stream kept its listener and ran one more progress query, possibly after
 * the database was gone. The repeater stops at once when the client goes away.
 */
function progressEvents(roundId: string): AsyncIterable<{ roundId: string }> {
  return Repeater.merge([[{ roundId }], roundEvents.subscribe("roundProgress", roundId)]);
}

builder.subscriptionField("roundProgress", (t) =>
  t.field({
    type: RoundProgressRef,
    description:
      "Live progress of a round (over SSE: POST with `Accept: text/event-stream`): the current state at once, then an event after each assignment, draw, declared conflict and scorecard save. Admins of the organizer's subtree.",
    args: { roundId: t.arg.globalID({ required: true, for: RoundRef }) },
    authScopes: async (_root, args, context) => {
      const round = await context.db
        .selectFrom("rounds as r")
        .innerJoin("units as u", "u.id", "r.organizer_unit_id")
        .select("u.path")
        .where("r.id", "=", args.roundId.id)
        .executeTakeFirst();
      return round ? { administersUnit: round.path } : { systemAdmin: true };
    },
    subscribe: (_root, args) => progressEvents(args.roundId.id),
    resolve: (event: { roundId: string }, _args, { db }) => progressOf(db, event.roundId),
  }),
);

const SelfAssessmentRef = builder
  .objectRef<{
    round_id: string;
    model_id: string;
    model_code: string;
    model_name: string;
    unit_name: string;
    scorecard_status: string | null;
  }>("SelfAssessment")
  .implement({
    description:
      "A model of the viewer's unit (or one below) taking part in a round: the self-assessment its unit files.",
    fields: (t) => ({
      round: t.field({ type: RoundRef, resolve: (a) => a.round_id }),
      modelId: t.id({ resolve: (a) => encodeGlobalID("Model", a.model_id) }),
      modelCode: t.exposeString("model_code"),
      modelName: t.exposeString("model_name"),
      unitName: t.exposeString("unit_name"),
      scorecardStatus: t.exposeString("scorecard_status", {
        nullable: true,
        description: "draft or submitted; null while nothing is saved.",
      }),
    }),
  });

/** A district admin over a very large round would otherwise get every model of it. */
const MY_SELF_ASSESSMENTS_LIMIT = 1000;

builder.queryField("mySelfAssessments", (t) =>
  t.field({
    type: [SelfAssessmentRef],
    description:
      "The self-assessments the viewer's units owe or have filed: eligible models owned within the subtrees where the viewer is a unit admin or officer, in rounds past their draft, newest round first (at most 1,000).",
    authScopes: { signedIn: true },
    resolve: (_root, _args, context) => {
      const paths = staffPaths(context);
      if (paths.length === 0) return [];
      return context.db
        .selectFrom("round_models as rm")
        .innerJoin("rounds as r", "r.id", "rm.round_id")
        .innerJoin("models as m", "m.id", "rm.model_id")
        .innerJoin("units as u", "u.id", "m.owner_unit_id")
        .leftJoin("scorecards as s", (join) =>
          join
            .onRef("s.round_id", "=", "rm.round_id")
            .onRef("s.model_id", "=", "rm.model_id")
            .on("s.kind", "=", "self"),
        )
        .select([
          "rm.round_id",
          "rm.model_id",
          "m.code as model_code",
          "m.name as model_name",
          "u.name as unit_name",
          "s.status as scorecard_status",
        ])
        .where("rm.eligible", "=", true)
        .where("r.status", "!=", "draft")
        .where((eb) => eb.or(paths.map((path) => eb("u.path", "like", `${path}%`))))
        .orderBy("r.created_at", "desc")
        .orderBy("m.code")
        .limit(MY_SELF_ASSESSMENTS_LIMIT)
        .execute();
    },
  }),
);
