import { administersRound, STAFF_ROLES } from "@lantoa/app";
import {
  type ChairDecisionRow,
  type CouncilDecisionRow,
  findRoundOrganizer,
  findRoundsByIds,
  isReviewerInRound,
  listChairDecisions,
  listCouncilDecisions,
  listPublishedRounds,
  listRoundAssignments,
  listRoundIdsFor,
  listRoundModels,
  listRoundResults,
  listSelfAssessments,
  loadRound,
  type PublishedRoundRow,
  type RoundAssignmentRow,
  type RoundNodeRow,
  type RoundResultRow,
  roundHasModelWithin,
  roundProgress,
} from "@lantoa/db";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { Repeater } from "graphql-yoga";
import { roundResultsScopes } from "../auth/round-visibility.js";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import type { RoundEvents } from "../round-events.js";
import { parseUuid, UnitRef } from "./unit.js";

const RoundSummaryRef = builder.objectRef<PublishedRoundRow>("RoundSummary").implement({
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
    organizerName: t.exposeString("organizer_name", { description: "The organizing unit's name." }),
    publishedAt: t.exposeString("published_at", { nullable: true, description: "When the results were published." }),
    resultCount: t.exposeInt("result_count", { description: "How many models the round ranked." }),
  }),
});

builder.queryField("publishedRounds", (t) =>
  t.field({
    type: [RoundSummaryRef],
    description: "Rounds whose results are published, newest first: public.",
    resolve: (_root, _args, { reportsDb }) => listPublishedRounds(reportsDb),
  }),
);

/** Whether the viewer administers the round (an admin of the organizer's subtree: `administersRound` of the use cases). */
export function viewerAdministers(context: Context, round: { organizer_path: string }): boolean {
  return administersRound(context.viewer, { organizerPath: round.organizer_path });
}

/** The unit paths where the viewer is staff (unit admin or officer): their models' self-assessments are theirs to file. */
function staffPaths(context: Context): string[] {
  return (context.viewer?.assignments ?? []).flatMap((a) =>
    STAFF_ROLES.includes(a.role) && a.unitPath !== null ? [a.unitPath] : [],
  );
}

/** Whether a model of the viewer's units (or below) takes part in the round: they file its self-assessment. */
function assessesSelfIn(context: Context, roundId: string): Promise<boolean> {
  return roundHasModelWithin(context.db, roundId, staffPaths(context));
}

/** Whether the viewer is assigned to review something in the round. */
async function isAssignedTo(context: Context, roundId: string): Promise<boolean> {
  return context.viewer ? isReviewerInRound(context.db, roundId, context.viewer.userId) : false;
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
    viewerAdministers(context, round) ||
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

const AssignmentRef = builder.objectRef<RoundAssignmentRow>("ReviewerAssignment").implement({
  description: "A reviewer assigned to a model (manual, bulk, draw, or disagreement for an extra reviewer).",
  fields: (t) => ({
    modelId: t.id({ resolve: (a) => encodeGlobalID("Model", a.model_id) }),
    modelCode: t.exposeString("model_code"),
    modelName: t.exposeString("model_name"),
    unitName: t.exposeString("unit_name", { description: "The model's owner unit." }),
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
  .objectRef<RoundResultRow & { labels: ReadonlyMap<string, string> }>("RoundResult")
  .implement({
    description:
      "A model's result in a round: total, tier after quotas, rank, per-criterion breakdown and explanation.",
    fields: (t) => ({
      modelId: t.id({ resolve: (r) => encodeGlobalID("Model", r.modelId) }),
      modelCode: t.exposeString("modelCode"),
      modelName: t.exposeString("modelName"),
      unitName: t.exposeString("unitName"),
      rank: t.exposeInt("rank", { nullable: true }),
      total: t.float({ resolve: (r) => r.totalMilli / 1000 }),
      max: t.float({ resolve: (r) => r.maxMilli / 1000 }),
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

const CouncilDecisionRef = builder.objectRef<CouncilDecisionRow>("CouncilDecision").implement({
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
    resolve: (round, _args, { db }) => listRoundModels(db, round.id),
  }),
  assignments: t.field({
    type: [AssignmentRef],
    description: "Every assignment (admins), or the viewer's own (reviewers).",
    authScopes: { signedIn: true },
    resolve: (round, _args, context) =>
      listRoundAssignments(
        context.db,
        round.id,
        viewerAdministers(context, round) ? {} : { reviewerUserId: context.viewer?.userId ?? "" },
      ),
  }),
  results: t.field({
    type: [RoundResultRef],
    description: "Results in rank order (disqualified last): admins while the round runs, everyone once published.",
    authScopes: adminsOrPublic,
    resolve: async (round, _args, { db }) => {
      const loaded = await loadRound(db, round.id);
      const labels = new Map(loaded?.set.criteria.map((c) => [c.id, c.label.vi]) ?? []);
      const rows = await listRoundResults(db, round.id);
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
    resolve: (round, _args, { db }) => listCouncilDecisions(db, round.id),
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
      const ids = await listRoundIdsFor(context.db, {
        allRounds: viewer.assignments.some((a) => a.role === "system-admin"),
        adminPaths: viewer.assignments.flatMap((a) => (a.role === "unit-admin" && a.unitPath ? [a.unitPath] : [])),
        reviewerUserId: viewer.userId,
      });
      return (await findRoundsByIds(context.db, ids)).filter((r) => r !== null);
    },
  }),
);

/**
 * The current progress first, then one event per change. A Repeater, not an async
 * generator: a generator waiting for the next event cannot be stopped until one comes,
 * so a closed stream kept its listener and ran one more progress query, possibly after
 * the database was gone. The repeater stops at once when the client goes away.
 */
function progressEvents(events: RoundEvents, roundId: string): AsyncIterable<{ roundId: string }> {
  return Repeater.merge([[{ roundId }], events.subscribe("roundProgress", roundId)]);
}

builder.subscriptionField("roundProgress", (t) =>
  t.field({
    type: RoundProgressRef,
    description:
      "Live progress of a round (over SSE: POST with `Accept: text/event-stream`): the current state at once, then an event after each assignment, draw, declared conflict and scorecard save. Admins of the organizer's subtree.",
    args: { roundId: t.arg.globalID({ required: true, for: RoundRef }) },
    authScopes: async (_root, args, context) => {
      const round = await findRoundOrganizer(context.db, args.roundId.id);
      return round ? { administersUnit: round.path } : { systemAdmin: true };
    },
    subscribe: (_root, args, context) => progressEvents(context.roundEvents, args.roundId.id),
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
    resolve: (_root, _args, context) => listSelfAssessments(context.db, staffPaths(context), MY_SELF_ASSESSMENTS_LIMIT),
  }),
);
