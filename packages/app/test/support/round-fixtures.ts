import {
  advanceRound,
  type CreateRoundInput,
  createRound,
  drawReviewerPanel,
  recordCouncilDecision,
  saveScorecard,
} from "@lantoa/app";
import { listRoundAssignments, loadRound } from "@lantoa/db";
import type { RoundStep } from "@lantoa/domain/round";
import type * as z from "zod";
import { type AppHarness, accepted } from "./app-harness.js";

/** Ratings every reviewer agrees on in the fixtures. */
export const GOOD = { novelty: 25, effectiveness: 8, reach: 8, theme: 4 };
/** Ratings far below {@link GOOD}: their totals differ by more than the set's gap of 10 points. */
export const LOW = { novelty: 10, effectiveness: 3, reach: 3, theme: 1 };

/** A scorecard's ratings as the use case takes them. */
export function ratingsOf(scores: Record<string, number>) {
  return Object.entries(scores).map(([criterionId, value]) => ({ criterionId, value }));
}

/** A round made by the fixtures, with the models nominated to it (all eligible). */
export interface RoundFixture {
  readonly id: string;
  readonly code: string;
  readonly models: ReadonlyArray<{ id: string; code: string }>;
}

/**
 * `count` active article models of Thanh Liêm (or of the unit `within` and below) running
 * since before April 2021, with evidence attached (added once here), so they pass every
 * gate of the default set.
 */
export async function eligibleModels(
  h: AppHarness,
  count: number,
  within = "TL",
): Promise<Array<{ id: string; code: string }>> {
  const db = h.database.db;
  const tl = await db.selectFrom("units").select("path").where("code", "=", within).executeTakeFirstOrThrow();
  const models = await db
    .selectFrom("models as m")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select(["m.id", "m.code"])
    .where("m.generated", "=", false)
    .where("m.status", "=", "active")
    .where("u.path", "like", `${tl.path}%`)
    .where("m.start_date", "<=", "2021-03-31")
    .orderBy("m.code")
    .limit(count)
    .execute();
  const withEvidence = await db
    .selectFrom("evidence")
    .select("model_id")
    .where(
      "model_id",
      "in",
      models.map((m) => m.id),
    )
    .execute();
  const missing = models.filter((m) => !withEvidence.some((e) => e.model_id === m.id));
  if (missing.length > 0) {
    await db
      .insertInto("evidence")
      .values(
        missing.map((m) => ({ model_id: m.id, kind: "link" as const, title: "Báo cáo", uri: "https://example.org" })),
      )
      .execute();
  }
  return models;
}

/** What `createRound` is given for a round of Thanh Liêm over `modelCodes`. */
export async function roundInput(
  h: AppHarness,
  modelCodes: readonly string[],
  overrides: Partial<z.input<typeof CreateRoundInput>> = {},
): Promise<z.input<typeof CreateRoundInput>> {
  const code = h.unique("TL-THU-");
  return {
    code,
    name: `Đợt thử ${code}`,
    criteriaSetCode: "default",
    criteriaVersion: 1,
    organizerUnitId: await h.unit("TL"),
    period: "2022",
    referenceDate: "2022-12-15",
    modelCodes: [...modelCodes],
    ...overrides,
  };
}

/** How a fixture round is made: how many eligible models, owned where (Thanh Liêm by default), and other input. */
export interface RoundOptions {
  readonly models?: number;
  readonly within?: string;
  readonly input?: Partial<z.input<typeof CreateRoundInput>>;
}

/** A draft round organized by Thanh Liêm over `models` eligible models (4 by default), made by its admin. */
export async function draftRound(h: AppHarness, options: RoundOptions = {}): Promise<RoundFixture> {
  const models = await eligibleModels(h, options.models ?? 4, options.within);
  const input = await roundInput(
    h,
    models.map((m) => m.code),
    options.input,
  );
  const created = accepted(await h.app.run(createRound, await h.as("thanhliem.admin"), input));
  return { id: created.id, code: input.code, models };
}

/** Takes a step of the round as its admin, at its current version. */
export async function step(h: AppHarness, round: RoundFixture, next: RoundStep): Promise<void> {
  const loaded = await loadRound(h.database.db, round.id);
  accepted(
    await h.app.run(advanceRound, await h.as("thanhliem.admin"), {
      roundId: round.id,
      step: next,
      expectedVersion: loaded?.row.version ?? 0,
    }),
  );
}

/** Every model's self-assessment, submitted by the district's admin. */
export async function submitSelfAssessments(h: AppHarness, round: RoundFixture): Promise<void> {
  for (const model of round.models) {
    accepted(
      await h.app.run(saveScorecard, await h.as("thanhliem.admin"), {
        roundId: round.id,
        modelId: model.id,
        kind: "self",
        ratings: ratingsOf(GOOD),
        submit: true,
      }),
    );
  }
}

/** Draws the round's panel as its admin. */
export async function drawPanel(h: AppHarness, round: RoundFixture): Promise<void> {
  accepted(await h.app.run(drawReviewerPanel, await h.as("thanhliem.admin"), { roundId: round.id }));
}

/**
 * Every assigned reviewer without a declared conflict, and without a submitted review
 * yet, submits `scores` for the model (by its code and the reviewer's place among the
 * model's assignments, 0 first), GOOD by default.
 */
export async function submitReviews(
  h: AppHarness,
  round: RoundFixture,
  scores: (modelCode: string, nth: number) => Record<string, number> = () => GOOD,
): Promise<void> {
  const assignments = await listRoundAssignments(h.database.db, round.id);
  for (const a of assignments) {
    if (a.conflict_declared_at !== null || a.scorecard_status === "submitted") continue;
    const nth = assignments.filter((b) => b.model_id === a.model_id).indexOf(a);
    accepted(
      await h.app.run(saveScorecard, await h.as(a.username), {
        roundId: round.id,
        modelId: a.model_id,
        kind: "review",
        ratings: ratingsOf(scores(a.model_code, nth)),
        submit: true,
      }),
    );
  }
}

/** Where a fixture round may be brought: a status, or review with the panel drawn or every review in. */
export type RoundStage =
  | "draft"
  | "self-assessment"
  | "review"
  | "review-drawn"
  | "review-done"
  | "council"
  | "finalized"
  | "published";

const order: readonly RoundStage[] = [
  "draft",
  "self-assessment",
  "review",
  "review-drawn",
  "review-done",
  "council",
  "finalized",
  "published",
];

/**
 * A new round of Thanh Liêm brought to `stage` through the use cases, as its admin and
 * reviewers would: self-assessments and agreeing reviews submitted, the council
 * approving with 7 of 8 present.
 *
 * @example const round = await roundAt(h, "finalized");
 */
export async function roundAt(h: AppHarness, stage: RoundStage, options: RoundOptions = {}): Promise<RoundFixture> {
  const round = await draftRound(h, options);
  const reached = (s: RoundStage) => order.indexOf(stage) >= order.indexOf(s);
  if (reached("self-assessment")) await step(h, round, "open-self-assessment");
  if (reached("review")) {
    await submitSelfAssessments(h, round);
    await step(h, round, "open-review");
  }
  if (reached("review-drawn")) await drawPanel(h, round);
  if (reached("review-done")) await submitReviews(h, round);
  if (reached("council")) await step(h, round, "open-council");
  if (reached("finalized")) {
    const votes = { members: 9, present: 8, votesFor: 7, votesAgainst: 1, abstentions: 0 };
    accepted(await h.app.run(recordCouncilDecision, await h.as("thanhliem.admin"), { roundId: round.id, ...votes }));
    await step(h, round, "finalize");
  }
  if (reached("published")) await step(h, round, "publish");
  return round;
}

/** The audit entries of a record, oldest first. */
export function auditOf(h: AppHarness, entityId: string) {
  return h.database.db
    .selectFrom("audit_log")
    .select(["action", "actor_user_id", "before", "after"])
    .where("entity_id", "=", entityId)
    .orderBy("id")
    .execute();
}

/** Makes a demo user a member of the reviewer pool too (scoped to their own unit). */
export async function joinReviewerPool(h: AppHarness, username: string): Promise<void> {
  const user = await h.database.db
    .selectFrom("users")
    .select(["id", "unit_id"])
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  await h.database.db
    .insertInto("role_assignments")
    .values({ user_id: user.id, role: "reviewer", unit_id: user.unit_id })
    .execute();
}
