import { hasConflictOfInterest } from "@lantoa/domain/round";
import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DbExecutor } from "../executor.js";

/** A row of the grid: an eligible model of the round. */
export interface AssignmentGridModel {
  readonly modelId: string;
  readonly code: string;
  readonly name: string;
  readonly unitName: string;
}

/** A column of the grid: a reviewer of the pool, or anyone still assigned in the round. */
export interface AssignmentGridReviewer {
  readonly username: string;
  readonly displayName: string;
  readonly unitName: string | null;
  /** Models they review in the round, declared conflicts not counted. */
  readonly load: number;
  /** In the reviewer pool now (an enabled account with the reviewer role). */
  readonly inPool: boolean;
}

/**
 * A cell of the grid that is not blank: an assignment, a conflict, or both (a reviewer
 * may declare a conflict with a model they were assigned).
 */
export interface AssignmentGridCell {
  readonly modelId: string;
  readonly username: string;
  readonly assigned: boolean;
  /** `TREE`: the reviewer's unit owns the model or is above its owner; `DECLARED`: they declared one. */
  readonly conflict: "TREE" | "DECLARED" | null;
  readonly source: "manual" | "bulk" | "draw" | "disagreement" | null;
  /** Their review scorecard's status, null while none is saved. */
  readonly scorecardStatus: "draft" | "submitted" | null;
}

/** Everything the assignment grid of a round shows. */
export interface AssignmentGrid {
  readonly models: AssignmentGridModel[];
  readonly reviewers: AssignmentGridReviewer[];
  readonly cells: AssignmentGridCell[];
}

/**
 * The assignment grid of a round in two statements: its eligible models (rows, by code)
 * and the reviewer pool plus anyone assigned in the round (columns, by name), each with
 * their load and their assignments in the round. Only the cells that are not blank are
 * listed; conflicts by the unit tree are judged with the domain's rule.
 *
 * @example
 * const grid = await assignmentGrid(db, roundId);
 * grid.cells.filter((c) => c.conflict === "TREE")
 */
export async function assignmentGrid(db: DbExecutor, roundId: string): Promise<AssignmentGrid> {
  const models = await db
    .selectFrom("round_models as rm")
    .innerJoin("models as m", "m.id", "rm.model_id")
    .innerJoin("units as o", "o.id", "m.owner_unit_id")
    .select(["rm.model_id", "m.code", "m.name", "o.name as unit_name", "m.owner_path"])
    .where("rm.round_id", "=", roundId)
    .where("rm.eligible", "=", true)
    .orderBy("m.code")
    .execute();
  const reviewers = await db
    .selectFrom("users as r")
    .leftJoin("units as u", "u.id", "r.unit_id")
    .select((eb) => [
      "r.username",
      "r.display_name",
      "u.name as unit_name",
      "u.path as unit_path",
      eb
        .and([
          eb("r.disabled_at", "is", null),
          eb("r.id", "in", eb.selectFrom("role_assignments").select("user_id").where("role", "=", "reviewer")),
        ])
        .as("in_pool"),
      jsonArrayFrom(
        eb
          .selectFrom("reviewer_assignments as a")
          .leftJoin("scorecards as s", (join) =>
            join
              .onRef("s.round_id", "=", "a.round_id")
              .onRef("s.model_id", "=", "a.model_id")
              .onRef("s.reviewer_user_id", "=", "a.reviewer_user_id"),
          )
          .select([
            "a.model_id",
            "a.source",
            sql<boolean>`a.conflict_declared_at IS NOT NULL`.as("declared"),
            "s.status",
          ])
          .whereRef("a.reviewer_user_id", "=", "r.id")
          .where("a.round_id", "=", roundId),
      ).as("assignments"),
    ])
    .where((eb) =>
      eb.or([
        eb.and([
          eb("r.disabled_at", "is", null),
          eb("r.id", "in", eb.selectFrom("role_assignments").select("user_id").where("role", "=", "reviewer")),
        ]),
        eb(
          "r.id",
          "in",
          eb.selectFrom("reviewer_assignments").select("reviewer_user_id").where("round_id", "=", roundId),
        ),
      ]),
    )
    .orderBy("r.display_name")
    .orderBy("r.username")
    .execute();

  const cells: AssignmentGridCell[] = [];
  for (const r of reviewers) {
    const mine = new Map(r.assignments.map((a) => [a.model_id, a]));
    for (const m of models) {
      const a = mine.get(m.model_id);
      const tree = hasConflictOfInterest(r.unit_path, m.owner_path);
      if (!a && !tree) continue;
      cells.push({
        modelId: m.model_id,
        username: r.username,
        assigned: a !== undefined && !a.declared,
        conflict: a?.declared ? "DECLARED" : tree ? "TREE" : null,
        source: a?.source ?? null,
        scorecardStatus: a?.status ?? null,
      });
    }
  }
  return {
    models: models.map((m) => ({ modelId: m.model_id, code: m.code, name: m.name, unitName: m.unit_name })),
    reviewers: reviewers.map((r) => ({
      username: r.username,
      displayName: r.display_name,
      unitName: r.unit_name,
      load: r.assignments.filter((a) => !a.declared).length,
      inPool: Boolean(r.in_pool),
    })),
    cells,
  };
}
