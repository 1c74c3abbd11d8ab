import { hasConflictOfInterest } from "@lantoa/domain/round";
import { builder } from "../builder.js";
import { ModelRef } from "./model.js";
import { modelOwnerPath } from "./mutation-support.js";
import { RoundRef } from "./round.js";

interface ReviewerCandidate {
  username: string;
  displayName: string;
  unitName: string | null;
  conflicted: boolean;
  conflictDeclared: boolean;
  assigned: boolean;
  load: number;
}

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
      const ownerPath = await modelOwnerPath(context, args.modelId.id);
      if (ownerPath === null) return [];
      const rows = await context.db
        .selectFrom("users as u")
        .leftJoin("units as un", "un.id", "u.unit_id")
        .leftJoin("reviewer_assignments as mine", (join) =>
          join
            .onRef("mine.reviewer_user_id", "=", "u.id")
            .on("mine.round_id", "=", round.id)
            .on("mine.model_id", "=", args.modelId.id),
        )
        .select((eb) => [
          "u.username",
          "u.display_name",
          "un.name as unit_name",
          "un.path as unit_path",
          "mine.id as assignment_id",
          "mine.conflict_declared_at",
          eb
            .selectFrom("reviewer_assignments as a")
            .select((inner) => inner.fn.countAll<number>().as("n"))
            .whereRef("a.reviewer_user_id", "=", "u.id")
            .where("a.round_id", "=", round.id)
            .where("a.conflict_declared_at", "is", null)
            .as("load"),
        ])
        .where("u.disabled_at", "is", null)
        .where("u.id", "in", (eb) => eb.selectFrom("role_assignments").select("user_id").where("role", "=", "reviewer"))
        .execute();
      return rows
        .map((r) => ({
          username: r.username,
          displayName: r.display_name,
          unitName: r.unit_name,
          conflicted: hasConflictOfInterest(r.unit_path, ownerPath),
          conflictDeclared: r.conflict_declared_at !== null,
          assigned: r.assignment_id !== null,
          load: Number(r.load ?? 0),
        }))
        .sort((a, b) => a.load - b.load || a.displayName.localeCompare(b.displayName, "vi"));
    },
  }),
);
