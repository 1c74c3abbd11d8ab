import {
  advanceRoundStep,
  appendAudit,
  assignReviewers,
  computeRoundResults,
  createRound,
  declareConflict,
  drawRoundPanel,
  exportRound,
  issueRoundCommendations,
  loadRound,
  onceForKey,
  recordChairDecision,
  recordCouncilDecision,
  replayPanelDraw,
  whatIfRound,
} from "@lantoa/db";
import { domainError } from "@lantoa/domain/errors";
import { defaultCommendationForms } from "@lantoa/domain/register";
import { RoundStepSchema } from "@lantoa/domain/round";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { mayReadReviewers, type RoundAccessFacts, roundResultsScopes } from "../auth/round-visibility.js";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { publishRoundProgress } from "../round-events.js";
import { DomainFailure, fail } from "./errors.js";
import { ModelRef } from "./model.js";
import { requireViewer } from "./mutation-support.js";
import { RoundRef } from "./round.js";
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
  const round = await context.db
    .selectFrom("rounds as r")
    .innerJoin("units as u", "u.id", "r.organizer_unit_id")
    .select("u.path")
    .where("r.id", "=", roundId)
    .executeTakeFirst();
  return round ? { administersUnit: round.path } : { systemAdmin: true };
}

const RoundPayload = builder.objectRef<{ id: string }>("RoundPayload").implement({
  fields: (t) => ({ round: t.field({ type: RoundRef, resolve: (p) => p.id }) }),
});

const CreateRoundInput = builder.inputType("CreateRoundInput", {
  fields: (t) => ({
    code: t.string({
      required: true,
      validate: z
        .string()
        .trim()
        .regex(/^[\p{L}\p{N}._-]{1,64}$/u),
    }),
    name: t.string({ required: true, validate: z.string().trim().min(1).max(300) }),
    criteriaSetCode: t.string({ required: true, validate: z.string().max(64) }),
    criteriaVersion: t.int({ required: true, validate: z.number().int().min(1) }),
    organizerUnitId: t.globalID({ required: true, for: UnitRef }),
    period: t.string({ required: true, validate: z.string().regex(/^\d{4}(-(Q[1-4]|\d{2}))?$/) }),
    referenceDate: t.string({ required: true, validate: z.iso.date() }),
    withinUnitId: t.globalID({
      for: UnitRef,
      description: "Scope: models owned in this subtree (default: the organizer's).",
    }),
    level: t.string({ validate: z.string().max(64) }),
    field: t.string({ validate: z.string().max(64) }),
    startedBy: t.string({ validate: z.iso.date(), description: "Scope: models started on or before this date." }),
    modelCodes: t.stringList({
      validate: z.array(z.string().max(64)).max(10_000),
      description: "Scope: only these nominated models (by code).",
    }),
    reviewersPerModel: t.int({ validate: z.number().int().min(1).max(10) }),
    quorum: t.float({ validate: z.number().gt(0).max(1), description: "Share of members present; default 2/3." }),
    approvalThreshold: t.float({ validate: z.number().gt(0).max(1), description: "Share of votes for; default 0.7." }),
    commentsRequired: t.boolean(),
  }),
});

builder.mutationField("createRound", (t) =>
  t.field({
    type: RoundPayload,
    description:
      "Creates a round in draft pinned to a published criteria version, scopes its models and evaluates their eligibility gates. Idempotent per key.",
    errors: { types: [DomainFailure] },
    args: {
      input: t.arg({ type: CreateRoundInput, required: true }),
      idempotencyKey: t.arg.string({ required: true, validate: z.string().min(8).max(100) }),
    },
    authScopes: async (_root, args, context) => {
      const unit = await context.db
        .selectFrom("units")
        .select("path")
        .where("id", "=", args.input.organizerUnitId.id)
        .executeTakeFirst();
      return unit ? { administersUnit: unit.path } : { systemAdmin: true };
    },
    resolve: async (_root, { input, idempotencyKey }, context) => {
      const viewer = requireViewer(context);
      return context.db.transaction().execute(async (trx) => {
        const result = await onceForKey(
          trx,
          { userId: viewer.userId, key: idempotencyKey, operation: "createRound", request: input },
          async () => {
            const version = await trx
              .selectFrom("criteria_set_versions as v")
              .innerJoin("criteria_sets as s", "s.id", "v.criteria_set_id")
              .select("v.id")
              .where("s.code", "=", input.criteriaSetCode)
              .where("v.version_number", "=", input.criteriaVersion)
              .executeTakeFirst();
            const created = await createRound(
              trx,
              {
                code: input.code,
                name: input.name,
                criteriaVersionId: version?.id ?? "00000000-0000-0000-0000-000000000000",
                organizerUnitId: input.organizerUnitId.id,
                period: input.period,
                referenceDate: input.referenceDate,
                scope: {
                  withinUnitId: input.withinUnitId?.id,
                  level: input.level ?? undefined,
                  field: input.field ?? undefined,
                  startedBy: input.startedBy ?? undefined,
                  modelCodes: input.modelCodes ?? undefined,
                },
                settings: {
                  ...(input.reviewersPerModel != null ? { reviewersPerModel: input.reviewersPerModel } : {}),
                  ...(input.quorum != null ? { quorum: input.quorum } : {}),
                  ...(input.approvalThreshold != null ? { approvalThreshold: input.approvalThreshold } : {}),
                  ...(input.commentsRequired != null ? { commentsRequired: input.commentsRequired } : {}),
                },
              },
              { actorUserId: viewer.userId },
            );
            if (!created.ok) fail(created.error);
            return { id: created.value.id };
          },
        );
        if (!result.ok) fail(result.error);
        return result.value.response;
      });
    },
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
      expectedVersion: t.arg.int({ required: true, validate: z.number().int().min(1) }),
    },
    authScopes: (_root, args, context) => administersRoundById(context, args.id.id),
    resolve: (_root, args, context) => {
      const viewer = requireViewer(context);
      return context.db.transaction().execute(async (trx) => {
        const moved = await advanceRoundStep(trx, args.id.id, args.step, {
          expectedVersion: args.expectedVersion,
          actorUserId: viewer.userId,
          at: context.now.toISOString(),
        });
        if (!moved.ok) fail(moved.error);
        return { id: args.id.id };
      });
    },
  }),
);

builder.mutationField("drawReviewerPanel", (t) =>
  t.field({
    type: RoundPayload,
    description:
      "Draws the missing reviewers of every eligible model from the reviewer pool with the round's recorded seed, never a conflicted reviewer.",
    errors: { types: [DomainFailure] },
    args: { roundId: t.arg.globalID({ required: true, for: RoundRef }) },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      const done = await context.db.transaction().execute(async (trx) => {
        const drawn = await drawRoundPanel(trx, args.roundId.id, { actorUserId: viewer.userId });
        if (!drawn.ok) fail(drawn.error);
        return { id: args.roundId.id };
      });
      publishRoundProgress(args.roundId.id);
      return done;
    },
  }),
);

const AssignmentInput = builder.inputType("ReviewerAssignmentInput", {
  fields: (t) => ({
    modelId: t.globalID({ required: true, for: ModelRef }),
    reviewerUsername: t.string({ required: true, validate: z.string().min(1).max(100) }),
  }),
});

builder.mutationField("assignReviewers", (t) =>
  t.field({
    type: RoundPayload,
    description: "Assigns reviewers by hand (one) or in bulk (several); refuses conflicts of interest.",
    errors: { types: [DomainFailure] },
    args: {
      roundId: t.arg.globalID({ required: true, for: RoundRef }),
      assignments: t.arg({ type: [AssignmentInput], required: true, validate: z.array(z.any()).min(1).max(5000) }),
    },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      const done = await context.db.transaction().execute(async (trx) => {
        const names = [...new Set(args.assignments.map((a) => a.reviewerUsername))];
        const users = await trx.selectFrom("users").select(["id", "username"]).where("username", "in", names).execute();
        const idOf = new Map(users.map((u) => [u.username, u.id]));
        const missing = names.filter((n) => !idOf.has(n));
        if (missing.length > 0) {
          fail(
            domainError(
              "ROUND.NOT_A_REVIEWER",
              { vi: "Không tìm thấy giám khảo.", en: "No such reviewer." },
              { usernames: missing },
            ),
          );
        }
        const assigned = await assignReviewers(
          trx,
          args.roundId.id,
          args.assignments.map((a) => ({
            modelId: a.modelId.id,
            reviewerUserId: idOf.get(a.reviewerUsername) as string,
          })),
          { source: args.assignments.length === 1 ? "manual" : "bulk", actorUserId: viewer.userId },
        );
        if (!assigned.ok) fail(assigned.error);
        return { id: args.roundId.id };
      });
      publishRoundProgress(args.roundId.id);
      return done;
    },
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
      reason: t.arg.string({ required: true, validate: z.string().trim().min(1).max(2000) }),
    },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      const done = await context.db.transaction().execute(async (trx) => {
        const declared = await declareConflict(trx, args.roundId.id, args.modelId.id, {
          reviewerUserId: viewer.userId,
          reason: args.reason,
          at: context.now.toISOString(),
        });
        if (!declared.ok) fail(declared.error);
        return { id: args.roundId.id };
      });
      publishRoundProgress(args.roundId.id);
      return done;
    },
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
      decision: t.arg.string({ required: true, validate: z.string().trim().min(1).max(500) }),
      reason: t.arg.string({ required: true, validate: z.string().trim().min(1).max(2000) }),
    },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: (_root, args, context) => {
      const viewer = requireViewer(context);
      return context.db.transaction().execute(async (trx) => {
        const recorded = await recordChairDecision(trx, args.roundId.id, args.modelId.id, {
          decision: args.decision,
          reason: args.reason,
          actorUserId: viewer.userId,
          at: context.now.toISOString(),
        });
        if (!recorded.ok) fail(recorded.error);
        return { id: args.roundId.id };
      });
    },
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

builder.mutationField("recordCouncilDecision", (t) =>
  t.field({
    type: CouncilOutcomeRef,
    description: "Records the council's vote on a round in council; quorum and approval threshold decide the outcome.",
    errors: { types: [DomainFailure] },
    args: {
      roundId: t.arg.globalID({ required: true, for: RoundRef }),
      members: t.arg.int({ required: true, validate: z.number().int().min(1).max(1000) }),
      present: t.arg.int({ required: true, validate: z.number().int().min(0).max(1000) }),
      votesFor: t.arg.int({ required: true, validate: z.number().int().min(0).max(1000) }),
      votesAgainst: t.arg.int({ required: true, validate: z.number().int().min(0).max(1000) }),
      abstentions: t.arg.int({ required: true, validate: z.number().int().min(0).max(1000) }),
      note: t.arg.string({ validate: z.string().max(2000) }),
    },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: (_root, args, context) => {
      const viewer = requireViewer(context);
      return context.db.transaction().execute(async (trx) => {
        const decided = await recordCouncilDecision(
          trx,
          args.roundId.id,
          {
            members: args.members,
            present: args.present,
            votesFor: args.votesFor,
            votesAgainst: args.votesAgainst,
            abstentions: args.abstentions,
          },
          { note: args.note ?? null, at: context.now.toISOString(), actorUserId: viewer.userId },
        );
        if (!decided.ok) fail(decided.error);
        return { id: args.roundId.id, ...decided.value };
      });
    },
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
    resolve: (_root, args, context) => {
      const viewer = requireViewer(context);
      return context.db.transaction().execute(async (trx) => {
        const round = await loadRound(trx, args.roundId.id, { forUpdate: true });
        if (!round) return fail(domainError("ROUND.NOT_FOUND", { vi: "Không tìm thấy đợt.", en: "No such round." }));
        if (round.row.status !== "review") {
          fail(
            domainError(
              round.row.status === "finalized" || round.row.status === "published"
                ? "ROUND.LOCKED"
                : "ROUND.WRONG_STAGE",
              {
                vi: "Chỉ tính thử kết quả khi đợt đang thẩm định.",
                en: "Results can be previewed only while the round is under review.",
              },
              { status: round.row.status },
            ),
          );
        }
        const scored = await computeRoundResults(trx, round, { computedAt: context.now.toISOString() });
        if (!scored.ok) fail(scored.error);
        await appendAudit(trx, {
          actorUserId: viewer.userId,
          action: "round.computeResults",
          entity: "round",
          entityId: round.row.id,
          after: { models: scored.value.models.length, needsAnotherReviewer: scored.value.needsAnotherReviewer },
        });
        return { id: args.roundId.id };
      });
    },
  }),
);

const formCodes = defaultCommendationForms.map((f) => f.code) as [string, ...string[]];

const CommendInput = builder.inputType("RoundCommendationInput", {
  fields: (t) => ({
    tiers: t.stringList({ required: true, validate: z.array(z.string().max(64)).min(1).max(10) }),
    decisionNumber: t.string({ required: true, validate: z.string().trim().min(1).max(100) }),
    decisionDate: t.string({ required: true, validate: z.iso.date() }),
    issuer: t.string({ required: true, validate: z.string().trim().min(1).max(300) }),
    level: t.string({ required: true, validate: z.string().trim().min(1).max(64) }),
    form: t.string({ required: true, validate: z.enum(formCodes), description: formCodes.join(", ") }),
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
      idempotencyKey: t.arg.string({ required: true, validate: z.string().min(8).max(100) }),
    },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: (_root, args, context) => {
      const viewer = requireViewer(context);
      return context.db.transaction().execute(async (trx) => {
        const result = await onceForKey(
          trx,
          {
            userId: viewer.userId,
            key: args.idempotencyKey,
            operation: "issueRoundCommendations",
            request: { roundId: args.roundId.id, ...args.input },
          },
          async () => {
            const issued = await issueRoundCommendations(
              trx,
              args.roundId.id,
              { ...args.input, goldenBook: args.input.goldenBook ?? false },
              { actorUserId: viewer.userId, at: context.now.toISOString() },
            );
            if (!issued.ok) fail(issued.error);
            return { id: args.roundId.id, ...issued.value };
          },
        );
        if (!result.ok) fail(result.error);
        return result.value.response;
      });
    },
  }),
);

const ExportFormatEnum = builder.enumType("RoundExportFormat", { values: ["XLSX", "CSV"] as const });

const ExportFileRef = builder
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
  const round = await context.db
    .selectFrom("rounds as r")
    .innerJoin("units as u", "u.id", "r.organizer_unit_id")
    .select(["u.path", "r.status"])
    .where("r.id", "=", roundId)
    .executeTakeFirst();
  return round ? { status: round.status, organizerPath: round.path } : null;
};

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
      const file = await exportRound(context.db, args.roundId.id, args.format === "XLSX" ? "xlsx" : "csv", {
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
      criteriaSetCode: t.arg.string({ required: true, validate: z.string().max(64) }),
      criteriaVersion: t.arg.int({ required: true, validate: z.number().int().min(1) }),
    },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: async (_root, args, { db }) => {
      const version = await db
        .selectFrom("criteria_set_versions as v")
        .innerJoin("criteria_sets as s", "s.id", "v.criteria_set_id")
        .select("v.id")
        .where("s.code", "=", args.criteriaSetCode)
        .where("v.version_number", "=", args.criteriaVersion)
        .where("v.status", "=", "published")
        .executeTakeFirst();
      const compared = await whatIfRound(db, args.roundId.id, version?.id ?? "00000000-0000-0000-0000-000000000000");
      if (!compared.ok) fail(compared.error);
      return [...compared.value.rows];
    },
  }),
);
