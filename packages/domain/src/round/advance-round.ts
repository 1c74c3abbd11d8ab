import { type DomainError, domainError, err, ok, type Result } from "../errors/index.js";
import type { RoundStatus, RoundStep } from "./round-status.js";

/** What the requirements of a step look at, loaded by the caller. */
export interface RoundProgress {
  /** Models in scope that passed the eligibility gates. */
  readonly eligibleModels: number;
  /** Eligible models without a submitted self-assessment. */
  readonly missingSelfAssessments: readonly string[];
  /** Eligible models with fewer submitted reviews than required, or an assigned review not yet submitted. */
  readonly missingReviews: readonly string[];
  /** Models whose reviewers disagree beyond the gap, with no extra review and no chair decision. */
  readonly unresolvedDisagreements: readonly string[];
  /** Whether results were computed after the last scorecard change. */
  readonly resultsCurrent: boolean;
  /** The latest council decision's outcome, if any. */
  readonly councilOutcome: "approved" | "rejected" | "no-quorum" | null;
}

const steps: Record<RoundStep, { from: RoundStatus; to: RoundStatus }> = {
  "open-self-assessment": { from: "draft", to: "self-assessment" },
  "open-review": { from: "self-assessment", to: "review" },
  "open-council": { from: "review", to: "council" },
  finalize: { from: "council", to: "finalized" },
  publish: { from: "finalized", to: "published" },
};

type RoundError = DomainError<"ROUND.STEP_NOT_ALLOWED" | "ROUND.REQUIREMENT_NOT_MET">;

const statusVi: Record<RoundStatus, string> = {
  draft: "dự thảo",
  "self-assessment": "tự đánh giá",
  review: "thẩm định",
  council: "hội đồng",
  finalized: "đã chốt",
  published: "đã công bố",
};

/** Which requirement of a step is not met (in a refusal's `details.requirement`). */
export type RoundRequirement =
  | "eligible-models"
  | "self-assessments"
  | "reviews"
  | "disagreements"
  | "results-current"
  | "council-approval";

function unmet(
  requirement: RoundRequirement,
  vi: string,
  en: string,
  details: Record<string, unknown>,
): { ok: false; error: RoundError } {
  return err(domainError("ROUND.REQUIREMENT_NOT_MET", { vi, en }, { requirement, ...details }));
}

/**
 * Moves a round one step (who may take it — an admin of the organizer's subtree — is
 * checked by the caller's access rules; this decides whether the round is ready):
 * - `open-self-assessment` (draft → self-assessment): at least one eligible model;
 * - `open-review` (→ review): every eligible model has its unit's self-assessment;
 * - `open-council` (→ council): every eligible model has its required reviews
 *   submitted, no disagreement beyond the gap is left without a further reviewer or a
 *   chair's decision, and results were computed after the last change;
 * - `finalize` (→ finalized): the council approved the results (quorum and threshold);
 * - `publish` (→ published).
 *
 * @example
 * advanceRound("council", "finalize", { ...progress, councilOutcome: "approved" }) // ok({ status: "finalized" })
 */
export function advanceRound(
  status: RoundStatus,
  step: RoundStep,
  progress: RoundProgress,
): Result<{ status: RoundStatus }, RoundError> {
  const rule = steps[step];
  if (rule.from !== status) {
    return err(
      domainError(
        "ROUND.STEP_NOT_ALLOWED",
        {
          vi: `Không thể thực hiện bước này khi đợt đang ở trạng thái "${statusVi[status]}".`,
          en: `This step cannot be taken while the round is ${status}.`,
        },
        { status, step, requiredStatus: rule.from },
      ),
    );
  }
  switch (step) {
    case "open-self-assessment":
      if (progress.eligibleModels === 0)
        return unmet("eligible-models", "Đợt chưa có mô hình đủ điều kiện.", "The round has no eligible model.", {});
      break;
    case "open-review":
      if (progress.missingSelfAssessments.length > 0)
        return unmet(
          "self-assessments",
          `Còn ${progress.missingSelfAssessments.length} mô hình chưa nộp phiếu tự đánh giá.`,
          `${progress.missingSelfAssessments.length} model(s) have no submitted self-assessment.`,
          { modelIds: progress.missingSelfAssessments },
        );
      break;
    case "open-council":
      if (progress.missingReviews.length > 0)
        return unmet(
          "reviews",
          `Còn ${progress.missingReviews.length} mô hình chưa đủ phiếu chấm của giám khảo.`,
          `${progress.missingReviews.length} model(s) lack submitted reviews.`,
          { modelIds: progress.missingReviews },
        );
      if (progress.unresolvedDisagreements.length > 0)
        return unmet(
          "disagreements",
          `Còn ${progress.unresolvedDisagreements.length} mô hình có điểm chênh lệch quá mức cần thêm giám khảo hoặc quyết định của chủ tịch hội đồng.`,
          `${progress.unresolvedDisagreements.length} model(s) disagree beyond the gap and need another reviewer or the chair's decision.`,
          { modelIds: progress.unresolvedDisagreements },
        );
      if (!progress.resultsCurrent)
        return unmet(
          "results-current",
          "Cần tính lại kết quả sau lần chấm cuối cùng.",
          "Compute the results again after the last scorecard.",
          {},
        );
      break;
    case "finalize":
      if (progress.councilOutcome !== "approved")
        return unmet(
          "council-approval",
          "Hội đồng chưa thông qua kết quả (cần đủ túc số và tỷ lệ tán thành).",
          "The council has not approved the results (quorum and approval threshold).",
          { councilOutcome: progress.councilOutcome },
        );
      break;
    case "publish":
      break;
    // Stryker disable all: exhaustive, unreachable
    default: {
      const never: never = step;
      throw new Error(`unknown step ${String(never)}`);
    }
    // Stryker restore all
  }
  return ok({ status: rule.to });
}
