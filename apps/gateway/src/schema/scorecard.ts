import {
  holdsRoleOver,
  ratingList,
  SaveScorecardInput,
  ScorecardRatingInput,
  STAFF_ROLES,
  saveScorecard,
} from "@lantoa/app";
import { findRoundsByIds, listScorecardsOfModel, mayReview, modelOwnerPath, type ScorecardRow } from "@lantoa/db";
import { GraphQLError } from "graphql";
import * as z from "zod";
import { builder } from "../builder.js";
import { publishRoundProgress } from "../round-events.js";
import { DomainFailure } from "./errors.js";
import { ModelRef } from "./model.js";
import { perform } from "./mutation-support.js";
import { RoundRef, viewerAdministers } from "./round.js";

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
    updatedAt: t.string({
      description: "When it was last saved (a draft continued on another device shows it).",
      resolve: (c) => new Date(c.updated_at).toISOString(),
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
  .objectRef<{ own: ScorecardRow | null; others: ScorecardRow[]; othersHidden: number; self: ScorecardRow | null }>(
    "ScorecardView",
  )
  .implement({
    description:
      "The scorecards of one model as the viewer may see them: a reviewer sees the other reviewers' only after submitting their own, and the unit's submitted self-assessment at once (selfAssessment; it stays counted in othersHidden).",
    fields: (t) => ({
      own: t.field({ type: ScorecardRef, nullable: true, resolve: (v) => v.own }),
      others: t.field({ type: [ScorecardRef], resolve: (v) => v.others }),
      othersHidden: t.exposeInt("othersHidden", {
        description: "How many scorecards are withheld from the viewer's `others` for now.",
      }),
      selfAssessment: t.field({
        type: ScorecardRef,
        nullable: true,
        description:
          "The owner unit's self-assessment once submitted (null before): a reviewer reads it beside the model while scoring.",
        resolve: (v) => v.self,
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
      const cards = await listScorecardsOfModel(context.db, round.id, args.modelId.id);
      const self = cards.find((c) => c.kind === "self" && c.status === "submitted") ?? null;
      if (viewerAdministers(context, round)) return { own: null, others: cards, othersHidden: 0, self };
      if (await mayReview(context.db, round.id, args.modelId.id, viewer.userId)) {
        const own = cards.find((c) => c.kind === "review" && c.reviewer_user_id === viewer.userId) ?? null;
        const others = cards.filter((c) => c !== own && c.status === "submitted");
        return own?.status === "submitted"
          ? { own, others, othersHidden: 0, self }
          : { own, others: [], othersHidden: others.length, self };
      }
      const ownerPath = await modelOwnerPath(context.db, args.modelId.id);
      if (ownerPath !== null && holdsRoleOver(viewer, STAFF_ROLES, ownerPath)) {
        const filed = cards.find((c) => c.kind === "self") ?? null;
        return { own: filed, others: [], othersHidden: 0, self };
      }
      return forbidden();
    },
  }),
);

const RatingInput = builder.inputType("ScorecardRatingInput", {
  fields: (t) => ({
    criterionId: t.string({ required: true, validate: ScorecardRatingInput.shape.criterionId }),
    value: t.float({ validate: ScorecardRatingInput.shape.value }),
    comment: t.string({ validate: ScorecardRatingInput.shape.comment }),
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
      ratings: t.arg({ type: [RatingInput], required: true, validate: ratingList(z.any()) }),
      submit: t.arg.boolean({ required: true }),
      expectedVersion: t.arg.int({ validate: SaveScorecardInput.shape.expectedVersion }),
    },
    authScopes: async (_root, args, context) => {
      if (args.kind === "REVIEW") return { signedIn: true };
      const path = await modelOwnerPath(context.db, args.modelId.id);
      return path ? { worksForUnit: path } : { systemAdmin: true };
    },
    resolve: async (_root, args, context) => {
      const saved = await perform(context, saveScorecard, {
        ...args,
        roundId: args.roundId.id,
        modelId: args.modelId.id,
        kind: args.kind === "SELF" ? "self" : "review",
      });
      publishRoundProgress(context.roundEvents, saved.roundId);
      return { roundId: saved.roundId, version: saved.version, extraReviewerAssigned: saved.extraReviewerId !== null };
    },
  }),
);
