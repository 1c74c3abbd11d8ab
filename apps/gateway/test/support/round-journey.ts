import {
  type Actor,
  advanceRound,
  createApp,
  createRound,
  drawReviewerPanel,
  recordCouncilDecision,
  saveScorecard,
} from "@lantoa/app";
import { type Db, listRoundAssignments, loadRound, sessionUserByUsername } from "@lantoa/db";
import type { DomainError, Result } from "@lantoa/domain/errors";
import type { RoundStep } from "@lantoa/domain/round";

/** Ratings most models get from their reviewers (and every self-assessment). */
export const good = { novelty: 30, effectiveness: 10, reach: 9, theme: 5 };
/** Full marks: what the three models with adopters get, enough for "excellent". */
export const top = { novelty: 30, effectiveness: 10, reach: 10, theme: 5 };
/** A harsh review, far enough from {@link good} to call for a third reviewer. */
export const low = { novelty: 15, effectiveness: 5, reach: 5, theme: 2 };

/** A scorecard's ratings with a comment on each (the journey's round requires comments). */
export const ratingsOf = (scores: Record<string, number>) =>
  Object.entries(scores).map(([criterionId, value]) => ({ criterionId, value, comment: `Nhận xét ${criterionId}` }));

/**
 * The models of the journey: the three with adopters (they can reach "excellent"), one of
 * the Thanh Hà commune officer's unit, six more article models (the first is disputed),
 * and one without evidence (ineligible).
 */
export interface JourneyScope {
  readonly top: readonly string[];
  readonly conflicted: string;
  readonly others: readonly string[];
  readonly ineligible: string;
}

/** How far a journey round is taken before a test starts on it. */
export type JourneyStage = "draft" | "review" | "review-drawn" | "reviewed" | "council" | "finalized" | "published";

const stages: readonly JourneyStage[] = [
  "draft",
  "review",
  "review-drawn",
  "reviewed",
  "council",
  "finalized",
  "published",
];

/**
 * Builds the round a test of the journey starts from, through the use cases as the
 * people of the journey would, on the gateway's clock: the district's admin creates it
 * over the scope's models (comments required), files the self-assessments and opens
 * review; the panel is drawn; reviewers submit (the disputed model's second reviewer
 * harshly, so a third is drawn and submits too; the top models get full marks); the
 * council opens, approves with 7 of 8 present, the round is finalized and published.
 * Returns the round's id.
 */
export async function journeyRound(
  db: Db,
  options: {
    readonly at: Date;
    readonly code: string;
    readonly scope: JourneyScope;
    readonly models: Readonly<Record<string, { id: string }>>;
    readonly stage: JourneyStage;
  },
): Promise<string> {
  const app = createApp({ db, clock: () => options.at });
  const as = async (username: string): Promise<Actor> => {
    const user = await sessionUserByUsername(db, username);
    if (!user) throw new Error(`no demo account ${username}`);
    return user;
  };
  const admin = await as("thanhliem.admin");
  const { scope, models } = options;
  const idOf = (code: string) => models[code]?.id ?? "";
  const reached = (stage: JourneyStage) => stages.indexOf(options.stage) >= stages.indexOf(stage);
  const organizer = await db.selectFrom("units").select("id").where("code", "=", "TL").executeTakeFirstOrThrow();
  const { id } = accepted(
    await app.run(createRound, admin, {
      code: options.code,
      name: "Bình xét mô hình năm 2023",
      criteriaSetCode: "default",
      criteriaVersion: 1,
      organizerUnitId: organizer.id,
      period: "2022",
      referenceDate: "2022-12-15",
      modelCodes: [...scope.top, scope.conflicted, ...scope.others, scope.ineligible],
      commentsRequired: true,
    }),
  );
  const take = async (step: RoundStep) => {
    const round = await loadRound(db, id);
    accepted(await app.run(advanceRound, admin, { roundId: id, step, expectedVersion: round?.row.version ?? 0 }));
  };
  const review = async (username: string, modelId: string, scores: Record<string, number>) =>
    accepted(
      await app.run(saveScorecard, await as(username), {
        roundId: id,
        modelId,
        kind: "review",
        ratings: ratingsOf(scores),
        submit: true,
      }),
    );
  if (reached("review")) {
    await take("open-self-assessment");
    for (const code of [...scope.top, scope.conflicted, ...scope.others]) {
      const self = { roundId: id, modelId: idOf(code), kind: "self" as const, ratings: ratingsOf(good), submit: true };
      accepted(await app.run(saveScorecard, admin, self));
    }
    await take("open-review");
  }
  if (reached("review-drawn")) accepted(await app.run(drawReviewerPanel, admin, { roundId: id }));
  if (reached("reviewed")) {
    const disputed = scope.others[0] as string;
    const [first, second] = (await listRoundAssignments(db, id)).filter((a) => a.model_code === disputed);
    await review(first?.username ?? "", idOf(disputed), good);
    await review(second?.username ?? "", idOf(disputed), low);
    for (const a of await listRoundAssignments(db, id)) {
      if (a.scorecard_status === "submitted") continue;
      await review(a.username, a.model_id, scope.top.includes(a.model_code) ? top : good);
    }
  }
  if (reached("council")) await take("open-council");
  if (reached("finalized")) {
    const votes = { members: 9, present: 8, votesFor: 7, votesAgainst: 1, abstentions: 0 };
    accepted(await app.run(recordCouncilDecision, admin, { roundId: id, ...votes }));
    await take("finalize");
  }
  if (reached("published")) await take("publish");
  return id;
}

function accepted<T>(result: Result<T, DomainError>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message.en}`);
  return result.value;
}
