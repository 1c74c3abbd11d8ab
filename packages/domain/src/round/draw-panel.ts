import { type DomainError, domainError, err, ok, type Result } from "../errors/index.js";
import { hasConflictOfInterest } from "./has-conflict-of-interest.js";
import { seededPrng } from "./seeded-prng.js";

/** A model to draw reviewers for: its owner's path and the reviewers it already has. */
export interface PanelModel {
  readonly modelId: string;
  readonly ownerPath: string;
  /** Reviewers already assigned (kept, counted towards the panel size, never drawn again). */
  readonly assigned: readonly string[];
  /** Reviewers who declared a conflict with this model. */
  readonly declaredConflicts?: readonly string[];
}

/** A reviewer of the pool, with the path of their unit (null when they have none). */
export interface PanelReviewer {
  readonly userId: string;
  readonly unitPath: string | null;
}

/** The reviewers drawn for one model (only the new ones). */
export interface PanelDraw {
  readonly modelId: string;
  readonly reviewerIds: readonly string[];
}

/**
 * Draws a panel of `size` reviewers for each model from a pool, reproducibly: the same
 * seed, models and pool give the same panel whatever order they are passed in. A
 * reviewer with a conflict (the model's owner is their unit or below it, or declared)
 * is never drawn; among the others, the least loaded so far are preferred and ties go
 * by the seeded generator, so work spreads evenly. Fails with `ROUND.POOL_TOO_SMALL`
 * (naming the models) when some model cannot get a full panel.
 *
 * @example
 * drawPanel({ seed: "2022", size: 2, models: [{ modelId: "m1", ownerPath: "a/b/", assigned: [] }],
 *   pool: [{ userId: "r1", unitPath: "a/c/" }, { userId: "r2", unitPath: "x/" }, { userId: "r3", unitPath: "a/" }] })
 * // ok([{ modelId: "m1", reviewerIds: [two of r1, r2] }]): r3's unit is above the owner
 */
export function drawPanel(input: {
  seed: string;
  size: number;
  models: readonly PanelModel[];
  pool: readonly PanelReviewer[];
}): Result<PanelDraw[], DomainError<"ROUND.POOL_TOO_SMALL">> {
  const random = seededPrng(input.seed);
  // Stryker disable next-line EqualityOperator,ConditionalExpression: ids are unique, never equal
  const byId = (a: string, b: string) => (a < b ? -1 : 1);
  const pool = [...input.pool].sort((a, b) => byId(a.userId, b.userId));
  const models = [...input.models].sort((a, b) => byId(a.modelId, b.modelId));
  const load = new Map<string, number>(pool.map((r) => [r.userId, 0]));
  // Only reviewers of the pool carry load; ones assigned from outside it are never drawn.
  for (const m of models) for (const r of m.assigned) if (load.has(r)) load.set(r, (load.get(r) as number) + 1);
  const draws: PanelDraw[] = [];
  const short: string[] = [];
  for (const model of models) {
    const needed = input.size - model.assigned.length;
    if (needed <= 0) {
      draws.push({ modelId: model.modelId, reviewerIds: [] });
      continue;
    }
    // Stryker disable next-line ArrayDeclaration: a placeholder id excludes nobody
    const excluded = new Set([...model.assigned, ...(model.declaredConflicts ?? [])]);
    // One random key per pool member per model, drawn in a fixed order, so the
    // sequence does not depend on who happens to be free.
    const candidates = pool
      .map((r) => ({ r, key: random() }))
      .filter(({ r }) => !excluded.has(r.userId) && !hasConflictOfInterest(r.unitPath, model.ownerPath))
      .sort((a, b) => (load.get(a.r.userId) as number) - (load.get(b.r.userId) as number) || a.key - b.key);
    if (candidates.length < needed) short.push(model.modelId);
    const chosen = candidates.slice(0, needed).map(({ r }) => r.userId);
    for (const id of chosen) load.set(id, (load.get(id) as number) + 1);
    draws.push({ modelId: model.modelId, reviewerIds: chosen });
  }
  if (short.length > 0) {
    return err(
      domainError(
        "ROUND.POOL_TOO_SMALL",
        {
          vi: `Không đủ giám khảo không xung đột lợi ích cho ${short.length} mô hình.`,
          en: `Not enough reviewers free of conflicts of interest for ${short.length} model(s).`,
        },
        { modelIds: short },
      ),
    );
  }
  return ok(draws);
}
