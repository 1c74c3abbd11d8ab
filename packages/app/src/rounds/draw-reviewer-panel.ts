import { insertReviewerAssignments, listPanelModels, reviewerPool } from "@lantoa/db";
import { ok } from "@lantoa/domain/errors";
import { drawPanel } from "@lantoa/domain/round";
import * as z from "zod";
import { notifyAssigned } from "../notifications/notify-assigned.js";
import { defineUseCase } from "../runner/use-case.js";
import { RecordId } from "../shared/input-schemas.js";
import { ASSIGNABLE, openRound } from "./open-round.js";

/** The round whose panel to draw. */
export const DrawReviewerPanelInput = z.object({ roundId: RecordId });

/**
 * Draws the missing reviewers of every eligible model from the pool with the round's
 * recorded seed (see the domain's `drawPanel`): reviewers already assigned are kept,
 * conflicted or declared ones never drawn. Saved as `draw` assignments; audited
 * `round.draw` with the seed.
 */
export const drawReviewerPanel = defineUseCase({
  name: "drawReviewerPanel",
  input: DrawReviewerPanelInput,
  run: async (scope, input) => {
    const round = await openRound(scope, input.roundId, { stages: ASSIGNABLE, administer: true });
    if (!round.ok) return round;
    const seed = round.value.row.draw_seed ?? input.roundId;
    const drawn = drawPanel({
      seed,
      size: round.value.settings.reviewersPerModel,
      models: await listPanelModels(scope.trx, input.roundId),
      pool: await reviewerPool(scope.trx),
    });
    if (!drawn.ok) return drawn;
    const added = drawn.value.flatMap((d) =>
      d.reviewerIds.map((reviewerUserId) => ({
        roundId: input.roundId,
        modelId: d.modelId,
        reviewerUserId,
        source: "draw" as const,
      })),
    );
    await insertReviewerAssignments(scope.trx, added);
    await notifyAssigned(scope, round.value.row, added);
    await scope.audit({
      action: "round.draw",
      entity: "round",
      entityId: input.roundId,
      after: { seed, assigned: added.length },
    });
    return ok({ id: input.roundId, assigned: added.length, seed });
  },
});
