import { RoundDeadlinesInput, SetRoundDeadlinesInput, setRoundDeadlines } from "@lantoa/app";
import { type LateScorecard, lateScorecards, type RoundNodeRow } from "@lantoa/db";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.js";
import { DomainFailure } from "./errors.js";
import { perform, today } from "./mutation-support.js";
import { RoundRef, viewerAdministers } from "./round.js";
import { administersRoundById } from "./round-workflow.js";

const RoundDeadlinesRef = builder
  .objectRef<{ selfAssessment: string | null; review: string | null; council: string | null }>("RoundDeadlines")
  .implement({
    description: "When each step of a round is due (YYYY-MM-DD); null where the organizer set none.",
    fields: (t) => ({
      selfAssessment: t.exposeString("selfAssessment", { nullable: true }),
      review: t.exposeString("review", { nullable: true }),
      council: t.exposeString("council", { nullable: true }),
    }),
  });

builder.objectField(RoundRef, "deadlines", (t) =>
  t.field({
    type: RoundDeadlinesRef,
    resolve: (round: RoundNodeRow) => ({
      selfAssessment: round.self_assessment_due,
      review: round.review_due,
      council: round.council_due,
    }),
  }),
);

const LateScorecardRef = builder.objectRef<LateScorecard>("LateScorecard").implement({
  description: "A scorecard assigned and not submitted while the round's review deadline has passed.",
  fields: (t) => ({
    modelId: t.id({ resolve: (s) => encodeGlobalID("Model", s.modelId) }),
    modelCode: t.exposeString("modelCode"),
    modelName: t.exposeString("modelName"),
    reviewerName: t.exposeString("reviewerName"),
    due: t.exposeString("due"),
  }),
});

builder.objectField(RoundRef, "lateScorecards", (t) =>
  t.field({
    type: [LateScorecardRef],
    description: "For the round's admins: scorecards past the review deadline and not submitted (empty for others).",
    resolve: (round: RoundNodeRow, _args, context) =>
      viewerAdministers(context, round) ? lateScorecards(context.db, round.id, today(context)) : [],
  }),
);

export const RoundDeadlinesInputRef = builder.inputType("RoundDeadlinesInput", {
  description: "Due dates of a round's steps (YYYY-MM-DD); null or absent for none.",
  fields: (t) => ({
    selfAssessment: t.string({ validate: RoundDeadlinesInput.shape.selfAssessment }),
    review: t.string({ validate: RoundDeadlinesInput.shape.review }),
    council: t.string({ validate: RoundDeadlinesInput.shape.council }),
  }),
});

const DeadlinesSetRef = builder.objectRef<{ id: string }>("RoundDeadlinesPayload").implement({
  fields: (t) => ({ round: t.field({ type: RoundRef, resolve: (p) => p.id }) }),
});

builder.mutationField("setRoundDeadlines", (t) =>
  t.field({
    type: DeadlinesSetRef,
    description:
      "Sets the due dates of a round's steps (an admin of the organizer, before it is finalized); reminders go out before each.",
    errors: { types: [DomainFailure] },
    args: {
      roundId: t.arg.globalID({ required: true, for: RoundRef }),
      deadlines: t.arg({ type: RoundDeadlinesInputRef, required: true }),
      expectedVersion: t.arg.int({ required: true, validate: SetRoundDeadlinesInput.shape.expectedVersion }),
    },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: (_root, args, context) =>
      perform(context, setRoundDeadlines, {
        roundId: args.roundId.id,
        deadlines: args.deadlines,
        expectedVersion: args.expectedVersion,
      }),
  }),
);
