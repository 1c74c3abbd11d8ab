import type { Context } from "../context.js";

/** Round steps after which a reviewer has nothing left to read: the scores are final. */
const FINISHED_ROUNDS = ["finalized", "published"] as const;

const cache = new WeakMap<Context, Promise<ReadonlySet<string>>>();

/**
 * The models the viewer is assigned to review, without a declared conflict, in rounds not
 * yet finalized: they may read those models wherever their owner units are. Loaded once
 * per request (a list of models costs one query, not one per model), and only for a
 * viewer who holds the reviewer role.
 */
export function modelsUnderReviewBy(context: Context): Promise<ReadonlySet<string>> {
  const viewer = context.viewer;
  if (!viewer?.assignments.some((a) => a.role === "reviewer")) return Promise.resolve(new Set());
  let loaded = cache.get(context);
  if (!loaded) {
    loaded = context.db
      .selectFrom("reviewer_assignments as a")
      .innerJoin("rounds as r", "r.id", "a.round_id")
      .select("a.model_id")
      .where("a.reviewer_user_id", "=", viewer.userId)
      .where("a.conflict_declared_at", "is", null)
      .where("r.status", "not in", FINISHED_ROUNDS)
      .execute()
      .then((rows) => new Set(rows.map((r) => r.model_id)));
    cache.set(context, loaded);
  }
  return loaded;
}
