import { modelOwnerPath, type ReviewerCandidate, reviewerCandidates } from "@lantoa/db";
import { builder } from "../builder.js";
import { ModelRef } from "./model.js";
import { RoundRef } from "./round.js";

const ReviewerCandidateRef = builder.objectRef<ReviewerCandidate>("ReviewerCandidate").implement({
  description: "A reviewer of the pool, as a choice for one model of a round.",
  fields: (t) => ({
    username: t.exposeString("username"),
    displayName: t.exposeString("displayName"),
    unitName: t.exposeString("unitName", { nullable: true }),
    conflicted: t.exposeBoolean("conflicted", {
      description: "Their unit owns the model or is above its owner: they may not review it.",
    }),
    conflictDeclared: t.exposeBoolean("conflictDeclared", { description: "They declared a conflict with the model." }),
    assigned: t.exposeBoolean("assigned", { description: "Already assigned to the model." }),
    load: t.exposeInt("load", { description: "Models they review in this round (declared conflicts not counted)." }),
  }),
});

builder.objectField(RoundRef, "reviewerCandidates", (t) =>
  t.field({
    type: [ReviewerCandidateRef],
    description:
      "The reviewer pool for one of the round's models, least loaded first: who may take it (not conflicted by the unit tree, no declared conflict, not yet assigned) and who may not, and why. Admins of the organizer.",
    authScopes: (round) => ({ administersUnit: round.organizer_path }),
    args: { modelId: t.arg.globalID({ required: true, for: ModelRef }) },
    resolve: async (round, args, context) => {
      const ownerPath = await modelOwnerPath(context.db, args.modelId.id);
      return ownerPath === null ? [] : reviewerCandidates(context.db, round.id, args.modelId.id, ownerPath);
    },
  }),
);
