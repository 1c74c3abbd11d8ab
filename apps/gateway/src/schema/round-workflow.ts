import {
  AdvanceRoundInput,
  advanceRound,
  assignmentList,
  assignReviewers,
  CreateRoundInput as CreateRound,
  computeRoundResults,
  createRound,
  DeclareConflictInput,
  declareConflict,
  drawReviewerPanel,
  IdempotencyKey,
  IssueRoundCommendationsInput,
  issueRoundCommendations,
  RecordChairDecisionInput,
  RecordCouncilDecisionInput,
  ReviewerAssignmentInput,
  RoundWhatIfInput,
  recordChairDecision,
  recordCouncilDecision,
  replayPanelDraw,
  roundWhatIf,
  type SkippedNomination,
} from "@lantoa/app";
import { exportRound, findRoundOrganizer } from "@lantoa/db";
import { defaultCommendationForms } from "@lantoa/domain/register";
import { RoundStepSchema } from "@lantoa/domain/round";
import { encodeGlobalID } from "@pothos/plugin-relay";
import * as z from "zod";
import { mayReadReviewers, type RoundAccessFacts, roundResultsScopes } from "../auth/round-visibility.js";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { publishRoundProgress } from "../round-events.js";
import { DomainFailure } from "./errors.js";
import { ModelRef } from "./model.js";
import { perform, unitPathOf } from "./mutation-support.js";
import { RoundRef } from "./round.js";
import { RoundDeadlinesInputRef } from "./round-deadlines.js";
import { UnitRef } from "./unit.js";

const RoundStepEnum = builder.enumType("RoundStep", {
  description: "open-self-assessment, open-review, open-council, finalize, publish.",
  values: Object.fromEntries(
    RoundStepSchema.options.map((s) => [s.replaceAll("-", "_").toUpperCase(), { value: s }]),
  ) as {
    [K in (typeof RoundStepSchema.options)[number] as Uppercase<K>]: { value: K };
  },
});

/** The access a round's admin actions need: administering the organizer's subtree. */
export async function administersRoundById(context: Context, roundId: string) {
  const round = await findRoundOrganizer(context.db, roundId);
  return round ? { administersUnit: round.path } : { systemAdmin: true };
}

const RoundPayload = builder.objectRef<{ id: string }>("RoundPayload").implement({
  fields: (t) => ({ round: t.field({ type: RoundRef, resolve: (p) => p.id }) }),
});

const SkippedReasonEnum = builder.enumType("SkippedNominationReason", {
  description: "Why a nominated code was left out: no such model, not running (not active), or outside the scope.",
  values: ["UNKNOWN", "NOT_RUNNING", "OUTSIDE_SCOPE"] as const,
});

const SkippedNominationRef = builder.objectRef<SkippedNomination>("SkippedNomination").implement({
  description: "A nominated model code the round did not take, as typed, and why.",
  fields: (t) => ({
    code: t.exposeString("code", { nullable: false }),
    reason: t.field({ type: SkippedReasonEnum, nullable: false, resolve: (s) => s.reason }),
  }),
});

const CreateRoundPayload = builder
  .objectRef<{ id: string; skipped: readonly SkippedNomination[] }>("CreateRoundPayload")
  .implement({
    fields: (t) => ({
      round: t.field({ type: RoundRef, resolve: (p) => p.id }),
      skipped: t.field({
        type: [SkippedNominationRef],
        nullable: false,
        description: "Every nominated code the round left out, with why (empty when all were taken).",
        resolve: (p) => [...p.skipped],
      }),
    }),
  });

const Create = CreateRound.shape;
const CreateRoundInput = builder.inputType("CreateRoundInput", {
  fields: (t) => ({
    code: t.string({ required: true, validate: Create.code }),
    name: t.string({ required: true, validate: Create.name }),
    criteriaSetCode: t.string({ required: true, validate: Create.criteriaSetCode }),
    criteriaVersion: t.int({ required: true, validate: Create.criteriaVersion }),
    organizerUnitId: t.globalID({ required: true, for: UnitRef }),
    period: t.string({ required: true, validate: Create.period }),
    referenceDate: t.string({ required: true, validate: Create.referenceDate }),
    withinUnitId: t.globalID({
      for: UnitRef,
      description: "Scope: models owned in this subtree (default: the organizer's).",
    }),
    level: t.string({ validate: Create.level }),
    field: t.string({ validate: Create.field }),
    startedBy: t.string({ validate: Create.startedBy, description: "Scope: models started on or before this date." }),
    modelCodes: t.stringList({
      validate: Create.modelCodes,
      description: "Scope: only these nominated models (by code).",
    }),
    reviewersPerModel: t.int({ validate: Create.reviewersPerModel }),
    quorum: t.float({ validate: Create.quorum, description: "Share of members present; default 2/3." }),
    approvalThreshold: t.float({ validate: Create.approvalThreshold, description: "Share of votes for; default 0.7." }),
    commentsRequired: t.boolean(),
    deadlines: t.field({ type: RoundDeadlinesInputRef, description: "Due dates of the steps." }),
  }),
});

builder.mutationField("createRound", (t) =>
  t.field({
    type: CreateRoundPayload,
    description:
      "Creates a round in draft pinned to a published criteria version, scopes its models and evaluates their eligibility gates. Idempotent per key.",
    errors: { types: [DomainFailure] },
    args: {
      input: t.arg({ type: CreateRoundInput, required: true }),
      idempotencyKey: t.arg.string({ required: true, validate: IdempotencyKey }),
    },
    authScopes: async (_root, args, context) => {
      const path = await unitPathOf(context, args.input.organizerUnitId.id);
      return path ? { administersUnit: path } : { systemAdmin: true };
    },
    resolve: (_root, { input, idempotencyKey }, context) =>
      perform(
        context,
        createRound,
        { ...input, organizerUnitId: input.organizerUnitId.id, withinUnitId: input.withinUnitId?.id },
        { idempotencyKey },
      ),
  }),
);

builder.mutationField("advanceRound", (t) =>
  t.field({
    type: RoundPayload,
    description:
      "Moves a round one step (draft → self-assessment → review → council → finalized → published) when its requirements are met; opening the council computes the results, finalizing stores their hash and locks the round.",
    errors: { types: [DomainFailure] },
    args: {
      id: t.arg.globalID({ required: true, for: RoundRef }),
      step: t.arg({ type: RoundStepEnum, required: true }),
      expectedVersion: t.arg.int({ required: true, validate: AdvanceRoundInput.shape.expectedVersion }),
    },
    authScopes: (_root, args, context) => administersRoundById(context, args.id.id),
    resolve: (_root, args, context) =>
      perform(context, advanceRound, { roundId: args.id.id, step: args.step, expectedVersion: args.expectedVersion }),
  }),
);

/** Runs a use case that changes a round's assignments or scorecards, then tells the progress subscribers. */
async function performAndNotify<Output extends { id: string }>(
  context: Context,
  roundId: string,
  run: (context: Context) => Promise<Output>,
): Promise<Output> {
  const done = await run(context);
  publishRoundProgress(context.roundEvents, roundId);
  return done;
}

builder.mutationField("drawReviewerPanel", (t) =>
  t.field({
    type: RoundPayload,
    description:
      "Draws the missing reviewers of every eligible model from the reviewer pool with the round's recorded seed, never a conflicted reviewer.",
    errors: { types: [DomainFailure] },
    args: { roundId: t.arg.globalID({ required: true, for: RoundRef }) },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: (_root, args, context) =>
      performAndNotify(context, args.roundId.id, (c) => perform(c, drawReviewerPanel, { roundId: args.roundId.id })),
  }),
);

const AssignmentInput = builder.inputType("ReviewerAssignmentInput", {
  fields: (t) => ({
    modelId: t.globalID({ required: true, for: ModelRef }),
    reviewerUsername: t.string({ required: true, validate: ReviewerAssignmentInput.shape.reviewerUsername }),
  }),
});

builder.mutationField("assignReviewers", (t) =>
  t.field({
    type: RoundPayload,
    description:
      "Assigns reviewers of the pool by hand (one) or in bulk (several); refuses conflicts of interest and anyone without the reviewer role.",
    errors: { types: [DomainFailure] },
    args: {
      roundId: t.arg.globalID({ required: true, for: RoundRef }),
      assignments: t.arg({ type: [AssignmentInput], required: true, validate: assignmentList(z.any()) }),
    },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: (_root, args, context) =>
      performAndNotify(context, args.roundId.id, (c) =>
        perform(c, assignReviewers, {
          roundId: args.roundId.id,
          assignments: args.assignments.map((a) => ({ modelId: a.modelId.id, reviewerUsername: a.reviewerUsername })),
        }),
      ),
  }),
);

builder.mutationField("declareConflict", (t) =>
  t.field({
    type: RoundPayload,
    description: "The signed-in reviewer declares a conflict of interest with a model they were assigned.",
    errors: { types: [DomainFailure] },
    authScopes: { signedIn: true },
    args: {
      roundId: t.arg.globalID({ required: true, for: RoundRef }),
      modelId: t.arg.globalID({ required: true, for: ModelRef }),
      reason: t.arg.string({ required: true, validate: DeclareConflictInput.shape.reason }),
    },
    resolve: (_root, args, context) =>
      performAndNotify(context, args.roundId.id, (c) =>
        perform(c, declareConflict, { roundId: args.roundId.id, modelId: args.modelId.id, reason: args.reason }),
      ),
  }),
);

builder.mutationField("recordChairDecision", (t) =>
  t.field({
    type: RoundPayload,
    description:
      "The chair's decision, with the reason, on a model whose reviewers disagree beyond the gap (e.g. when no further reviewer is free).",
    errors: { types: [DomainFailure] },
    args: {
      roundId: t.arg.globalID({ required: true, for: RoundRef }),
      modelId: t.arg.globalID({ required: true, for: ModelRef }),
      decision: t.arg.string({ required: true, validate: RecordChairDecisionInput.shape.decision }),
      reason: t.arg.string({ required: true, validate: RecordChairDecisionInput.shape.reason }),
    },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: (_root, args, context) =>
      perform(context, recordChairDecision, {
        roundId: args.roundId.id,
        modelId: args.modelId.id,
        decision: args.decision,
        reason: args.reason,
      }),
  }),
);

const CouncilOutcomeRef = builder
  .objectRef<{ id: string; outcome: string; quorumNeeded: number; approvalsNeeded: number }>("CouncilOutcome")
  .implement({
    fields: (t) => ({
      round: t.field({ type: RoundRef, resolve: (o) => o.id }),
      outcome: t.exposeString("outcome", { description: "approved, rejected or no-quorum." }),
      quorumNeeded: t.exposeInt("quorumNeeded"),
      approvalsNeeded: t.exposeInt("approvalsNeeded"),
    }),
  });

const Votes = RecordCouncilDecisionInput.shape;
builder.mutationField("recordCouncilDecision", (t) =>
  t.field({
    type: CouncilOutcomeRef,
    description: "Records the council's vote on a round in council; quorum and approval threshold decide the outcome.",
    errors: { types: [DomainFailure] },
    args: {
      roundId: t.arg.globalID({ required: true, for: RoundRef }),
      members: t.arg.int({ required: true, validate: Votes.members }),
      present: t.arg.int({ required: true, validate: Votes.present }),
      votesFor: t.arg.int({ required: true, validate: Votes.votesFor }),
      votesAgainst: t.arg.int({ required: true, validate: Votes.votesAgainst }),
      abstentions: t.arg.int({ required: true, validate: Votes.abstentions }),
      note: t.arg.string({ validate: Votes.note }),
    },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: (_root, { roundId, ...votes }, context) =>
      perform(context, recordCouncilDecision, { ...votes, roundId: roundId.id }),
  }),
);

builder.mutationField("computeRoundResults", (t) =>
  t.field({
    type: RoundPayload,
    description:
      "Computes the results of a round under review, as a preview for admins (opening the council computes them again).",
    errors: { types: [DomainFailure] },
    args: { roundId: t.arg.globalID({ required: true, for: RoundRef }) },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: (_root, args, context) => perform(context, computeRoundResults, { roundId: args.roundId.id }),
  }),
);

const Commend = IssueRoundCommendationsInput.shape;
const CommendInput = builder.inputType("RoundCommendationInput", {
  fields: (t) => ({
    tiers: t.stringList({ required: true, validate: Commend.tiers }),
    decisionNumber: t.string({ required: true, validate: Commend.decisionNumber }),
    decisionDate: t.string({ required: true, validate: Commend.decisionDate }),
    issuer: t.string({ required: true, validate: Commend.issuer }),
    level: t.string({ required: true, validate: Commend.level }),
    form: t.string({
      required: true,
      validate: Commend.form,
      description: defaultCommendationForms.map((f) => f.code).join(", "),
    }),
    goldenBook: t.boolean({ description: "Also enter the commended models in their units' golden book." }),
  }),
});

const CommendPayload = builder
  .objectRef<{ id: string; commended: number; goldenBookEntries: number }>("RoundCommendations")
  .implement({
    fields: (t) => ({
      round: t.field({ type: RoundRef, resolve: (p) => p.id }),
      commended: t.exposeInt("commended"),
      goldenBookEntries: t.exposeInt("goldenBookEntries"),
    }),
  });

builder.mutationField("issueRoundCommendations", (t) =>
  t.field({
    type: CommendPayload,
    description:
      "Issues commendations by one decision to the models of the chosen tiers of a finalized round. Idempotent per key.",
    errors: { types: [DomainFailure] },
    args: {
      roundId: t.arg.globalID({ required: true, for: RoundRef }),
      input: t.arg({ type: CommendInput, required: true }),
      idempotencyKey: t.arg.string({ required: true, validate: IdempotencyKey }),
    },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: (_root, args, context) =>
      perform(
        context,
        issueRoundCommendations,
        { ...args.input, roundId: args.roundId.id },
        { idempotencyKey: args.idempotencyKey },
      ),
  }),
);

const ExportFormatEnum = builder.enumType("RoundExportFormat", { values: ["XLSX", "CSV"] as const });

export const ExportFileRef = builder
  .objectRef<{ filename: string; mimeType: string; base64: string; bytes: number }>("ExportFile")
  .implement({
    description: "A file, base64-encoded: decode and save it under `filename`.",
    fields: (t) => ({
      filename: t.exposeString("filename"),
      mimeType: t.exposeString("mimeType"),
      base64: t.exposeString("base64"),
      bytes: t.exposeInt("bytes"),
    }),
  });

/** A round's step and organizer path, for the rules of round-visibility.ts; null when there is no such round. */
const roundFacts = async (context: Context, roundId: string): Promise<RoundAccessFacts | null> => {
  const round = await findRoundOrganizer(context.db, roundId);
  return round ? { status: round.status, organizerPath: round.path } : null;
};

/** Who reads a round's results: its admins, and everyone once published. */
const roundAccess = async (context: Context, roundId: string) => {
  const round = await roundFacts(context, roundId);
  return round ? roundResultsScopes(round) : { systemAdmin: true };
};

builder.queryField("roundExport", (t) =>
  t.field({
    type: ExportFileRef,
    nullable: true,
    description:
      "The round's leaderboard with per-criterion points, as XLSX or CSV with Vietnamese headers: the organizer's admins, and everyone once published. Every scorecard with its reviewer and comments is added for the organizer's admins only.",
    args: {
      roundId: t.arg.globalID({ required: true, for: RoundRef }),
      format: t.arg({ type: ExportFormatEnum, required: true }),
    },
    authScopes: (_root, args, context) => roundAccess(context, args.roundId.id),
    resolve: async (_root, args, context) => {
      const round = await roundFacts(context, args.roundId.id);
      const file = await exportRound(context.reportsDb, args.roundId.id, args.format === "XLSX" ? "xlsx" : "csv", {
        withScorecards: round !== null && mayReadReviewers(context.viewer, round),
      });
      if (!file) return null;
      return {
        filename: file.filename,
        mimeType: file.mimeType,
        base64: Buffer.from(file.bytes).toString("base64"),
        bytes: file.bytes.byteLength,
      };
    },
  }),
);

const PanelReplayRef = builder.objectRef<{ seed: string; matches: boolean }>("PanelReplay").implement({
  description: "The panel draw re-run from its recorded seed, compared with the assignments on record.",
  fields: (t) => ({ seed: t.exposeString("seed"), matches: t.exposeBoolean("matches") }),
});

builder.queryField("panelReplay", (t) =>
  t.field({
    type: PanelReplayRef,
    nullable: true,
    args: { roundId: t.arg.globalID({ required: true, for: RoundRef }) },
    authScopes: (_root, args, context) => roundAccess(context, args.roundId.id),
    resolve: (_root, args, { db }) => replayPanelDraw(db, args.roundId.id),
  }),
);

const WhatIfRowRef = builder
  .objectRef<{
    modelId: string;
    before: { totalMilli: number; tierId: string | null; rank: number | null } | null;
    after: { totalMilli: number; tierId: string | null; rank: number | null } | null;
    tierChanged: boolean;
  }>("WhatIfRow")
  .implement({
    fields: (t) => ({
      modelId: t.id({ resolve: (r) => encodeGlobalID("Model", r.modelId) }),
      totalBefore: t.float({ nullable: true, resolve: (r) => (r.before ? r.before.totalMilli / 1000 : null) }),
      totalAfter: t.float({ nullable: true, resolve: (r) => (r.after ? r.after.totalMilli / 1000 : null) }),
      tierBefore: t.string({ nullable: true, resolve: (r) => r.before?.tierId ?? null }),
      tierAfter: t.string({ nullable: true, resolve: (r) => r.after?.tierId ?? null }),
      rankBefore: t.int({ nullable: true, resolve: (r) => r.before?.rank ?? null }),
      rankAfter: t.int({ nullable: true, resolve: (r) => r.after?.rank ?? null }),
      tierChanged: t.exposeBoolean("tierChanged"),
    }),
  });

builder.queryField("roundWhatIf", (t) =>
  t.field({
    type: [WhatIfRowRef],
    description: "A finalized round rescored under another published criteria version, side by side; nothing is saved.",
    errors: { types: [DomainFailure] },
    args: {
      roundId: t.arg.globalID({ required: true, for: RoundRef }),
      criteriaSetCode: t.arg.string({ required: true, validate: RoundWhatIfInput.shape.criteriaSetCode }),
      criteriaVersion: t.arg.int({ required: true, validate: RoundWhatIfInput.shape.criteriaVersion }),
    },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: async (_root, args, context) => {
      const compared = await perform(context, roundWhatIf, { ...args, roundId: args.roundId.id });
      return [...compared.rows];
    },
  }),
);
