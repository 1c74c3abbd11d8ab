import { type DbExecutor, listDrawnAssignments, listPanelModels, loadRound, reviewerPool } from "@lantoa/db";
import { drawPanel, type PanelDraw } from "@lantoa/domain/round";

/**
 * Re-runs a round's draw from its recorded seed against the hand-made assignments
 * (drawn ones set aside) and says whether it gives the recorded panel: anyone can
 * check that nobody hand-picked a "random" panel. A read: null when there is no such round.
 *
 * @example
 * (await replayPanelDraw(db, roundId))?.matches // true
 */
export async function replayPanelDraw(
  db: DbExecutor,
  roundId: string,
): Promise<{ seed: string; matches: boolean; draws: PanelDraw[] } | null> {
  const round = await loadRound(db, roundId);
  if (!round) return null;
  const seed = round.row.draw_seed ?? roundId;
  const drawn = drawPanel({
    seed,
    size: round.settings.reviewersPerModel,
    models: await listPanelModels(db, roundId, { sources: ["manual", "bulk"] }),
    pool: await reviewerPool(db),
  });
  const recorded = await listDrawnAssignments(db, roundId);
  const key = (pairs: Array<[string, string]>) =>
    pairs
      .map(([m, r]) => `${m}:${r}`)
      .sort()
      .join(",");
  const draws = drawn.ok ? drawn.value : [];
  const matches =
    drawn.ok &&
    key(draws.flatMap((d) => d.reviewerIds.map((r) => [d.modelId, r] as [string, string]))) ===
      key(recorded.map((r) => [r.model_id, r.reviewer_user_id]));
  return { seed, matches, draws };
}
