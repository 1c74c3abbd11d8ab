import { mayReview, saveScorecard } from "@lantoa/db";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { holdsRoleOver, STAFF_ROLES } from "../auth/scopes.js";
import { builder } from "../builder.js";
import { publishRoundProgress } from "../round-events.js";
import { DomainFailure, fail } from "./errors.js";
import { ModelRef } from "./model.js";
import { modelOwnerPath } from "./mutation-support.js";
import { administersRound, findRoundsByIds, RoundRef } from "./round.js";

type ScorecardRow = {
  id: string;
  kind: "self" | "review";
  reviewer_user_id: string | null;
  display_name: string | null;
  ratings: unknown;
  comments: unknown;
  status: string;
  submitted_at: Date | string | null;
  version: number;
};

const RatingRef = builder
  .objectRef<{ criterionId: string; value: number | null; comment: string | null }>("ScorecardRating")
  .implement({
    fields: (t) => ({
      criterionId: t.exposeString("criterionId"),
      value: t.exposeFloat("value", { nullable: true }),
      comment: t.exposeString("comment", { nullable: true }),
    }),
  });

const ScorecardRef = builder.objectRef<ScorecardRow>("Scorecard").implement({
  description: "A unit's self-assessment or one reviewer's scores for one model (phiếu chấm).",
  fields: (t) => ({
    kind: t.exposeString("kind", { description: "self or review." }),
    reviewerName: t.exposeString("display_name", { nullable: true }),
    status: t.exposeString("status", { description: "draft or submitted." }),
    submittedAt: t.string({
      nullable: true,
      resolve: (c) => (c.submitted_at ? new Date(c.submitted_at).toISOString() : null),
    }),
    version: t.exposeInt("version", { description: "Send back as expectedVersion when saving again." }),
    ratings: t.field({
      type: [RatingRef],
      resolve: (c) => {
        const ratings = c.ratings as Record<string, number>;
        const comments = c.comments as Record<string, string>;
        return [...new Set([...Object.keys(ratings), ...Object.keys(comments)])].sort().map((id) => ({
          criterionId: id,
          value: ratings[id] ?? null,
          comment: comments[id] ?? null,
        }));
      },
    }),
  }),
});

const ScorecardViewRef = builder
  .objectRef<{ own: ScorecardRow | null; others: ScorecardRow[]; othersHidden: number }>("ScorecardView")
  .implement({
    description:
      "The scorecards of one model as the viewer may see them: a reviewer sees the others' (and the self-assessment) only after submitting their own.",
    fields: (t) => ({
      own: t.field({ type: ScorecardRef, nullable: true, resolve: (v) => v.own }),
      others: t.field({ type: [ScorecardRef], resolve: (v) => v.others }),
      othersHidden: t.exposeInt("othersHidden", {
        description: "How many scorecards are withheld from the viewer for now.",
      }),
    }),
  });

function forbidden(): never {
  throw new GraphQLError("Bạn không có quyền xem phiếu chấm này. / You may not read this scorecard.", {
    extensions: { code: "FORBIDDEN" },
  });
}

builder.queryField("scorecards", (t) =>
  t.field({
    type: ScorecardViewRef,
    description:
      "A model's scorecards in a round: admins of the organizer see all; an assigned reviewer without a conflict sees their own, and the others once theirs is submitted; the owner unit's staff see its self-assessment.",
    authScopes: { signedIn: true },
    args: {
      roundId: t.arg.globalID({ required: true, for: RoundRef }),
      modelId: t.arg.globalID({ required: true, for: ModelRef }),
    },
    resolve: async (_root, args, context) => {
      const viewer = context.viewer;
      const [round] = await findRoundsByIds(context.db, [args.roundId.id]);
      if (!viewer || !round) return forbidden();
      const cards = await context.db
        .selectFrom("scorecards as s")
        .leftJoin("users as u", "u.id", "s.reviewer_user_id")
        .select([
          "s.id",
          "s.kind",
          "s.reviewer_user_id",
          "u.display_name",
          "s.ratings",
          "s.comments",
          "s.status",
          "s.submitted_at",
          "s.version",
        ])
        .where("s.round_id", "=", round.id)
        .where("s.model_id", "=", args.modelId.id)
        .orderBy("s.kind", "desc")
        .orderBy("u.display_name")
        .execute();
      if (administersRound(context, round)) return { own: null, others: cards, othersHidden: 0 };
      if (await mayReview(context.db, round.id, args.modelId.id, viewer.userId)) {
        const own = cards.find((c) => c.kind === "review" && c.reviewer_user_id === viewer.userId) ?? null;
        const others = cards.filter((c) => c !== own && c.status === "submitted");
        return own?.status === "submitted"
          ? { own, others, othersHidden: 0 }
          : { own, others: [], othersHidden: others.length };
      }
      const ownerPath = await modelOwnerPath(context, args.modelId.id);
      if (ownerPath !== null && holdsRoleOver(viewer, STAFF_ROLES, ownerPath)) {
        const self = cards.find((c) => c.kind === "self") ?? null;
        return { own: self, others: [], othersHidden: 0 };
      }
      return forbidden();
    },
  }),
);

const RatingInput = builder.inputType("ScorecardRatingInput", {
  fields: (t) => ({
    criterionId: t.string({ required: true, validate: z.string().min(1).max(64) }),
    value: t.float({ validate: z.number().finite().min(-1e6).max(1e6) }),
    comment: t.string({ validate: z.string().max(4000) }),
  }),
});

const ScorecardKindEnum = builder.enumType("ScorecardKind", { values: ["SELF", "REVIEW"] as const });

const SavedScorecardRef = builder
  .objectRef<{ roundId: string; version: number; extraReviewerAssigned: boolean }>("SavedScorecard")
  .implement({
    fields: (t) => ({
      round: t.field({ type: RoundRef, resolve: (s) => s.roundId }),
      version: t.exposeInt("version"),
      extraReviewerAssigned: t.exposeBoolean("extraReviewerAssigned", {
        description: "True when this submission revealed a disagreement beyond the gap and another reviewer was drawn.",
      }),
    }),
  });

builder.mutationField("saveScorecard", (t) =>
  t.field({
    type: SavedScorecardRef,
    description:
      "Saves (draft) or submits a scorecard: the unit's self-assessment (SELF, by its staff, during self-assessment) or the viewer's review (REVIEW, assigned reviewers without a conflict, during review). Submitted scorecards are read-only.",
    errors: { types: [DomainFailure] },
    args: {
      roundId: t.arg.globalID({ required: true, for: RoundRef }),
      modelId: t.arg.globalID({ required: true, for: ModelRef }),
      kind: t.arg({ type: ScorecardKindEnum, required: true }),
      ratings: t.arg({ type: [RatingInput], required: true, validate: z.array(z.any()).max(200) }),
      submit: t.arg.boolean({ required: true }),
      expectedVersion: t.arg.int({ validate: z.number().int().min(1) }),
    },
    authScopes: async (_root, args, context) => {
      if (args.kind === "REVIEW") return { signedIn: true };
      const path = await modelOwnerPath(context, args.modelId.id);
      return path ? { worksForUnit: path } : { systemAdmin: true };
    },
    resolve: async (_root, args, context) => {
      const viewer = context.viewer;
      if (!viewer) return forbidden();
      const done = await context.db.transaction().execute(async (trx) => {
        const ratings: Record<string, number> = {};
        const comments: Record<string, string> = {};
        for (const r of args.ratings) {
          if (r.value != null) ratings[r.criterionId] = r.value;
          if (r.comment != null && r.comment.trim() !== "") comments[r.criterionId] = r.comment;
        }
        const saved = await saveScorecard(
          trx,
          {
            roundId: args.roundId.id,
            modelId: args.modelId.id,
            kind: args.kind === "SELF" ? "self" : "review",
            reviewerUserId: args.kind === "SELF" ? null : viewer.userId,
            ratings,
            comments,
            submit: args.submit,
            expectedVersion: args.expectedVersion ?? undefined,
          },
          { actorUserId: viewer.userId, at: context.now.toISOString() },
        );
        if (!saved.ok) fail(saved.error);
        return {
          roundId: args.roundId.id,
          version: saved.value.version,
          extraReviewerAssigned: saved.value.extraReviewerId !== null,
        };
      });
      publishRoundProgress(args.roundId.id);
      return done;
    },
  }),
);
