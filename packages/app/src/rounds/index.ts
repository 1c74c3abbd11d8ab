export { AdvanceRoundInput, advanceRound } from "./advance-round.js";
export {
  AssignReviewersInput,
  assignmentList,
  assignReviewers,
  ReviewerAssignmentInput,
} from "./assign-reviewers.js";
export { ComputeRoundResultsInput, computeRoundResults } from "./compute-round-results.js";
export { CreateRoundInput, createRound, type SkippedNomination, type SkippedReason } from "./create-round.js";
export { DeclareConflictInput, declareConflict } from "./declare-conflict.js";
export { DrawReviewerPanelInput, drawReviewerPanel } from "./draw-reviewer-panel.js";
export { ImportRoundAssignmentsInput, importRoundAssignments } from "./import-round-assignments.js";
export { IssueRoundCommendationsInput, issueRoundCommendations } from "./issue-round-commendations.js";
export { administersRound } from "./open-round.js";
export { RecordChairDecisionInput, recordChairDecision } from "./record-chair-decision.js";
export { RecordCouncilDecisionInput, recordCouncilDecision } from "./record-council-decision.js";
export { replayPanelDraw } from "./replay-panel-draw.js";
export { RoundDeadlinesInput } from "./round-deadlines.js";
export {
  conflictOfInterest,
  modelNotInRound,
  notAReviewer,
  notAssigned,
  roundLocked,
  wrongStage,
} from "./round-errors.js";
export { RoundWhatIfInput, roundWhatIf } from "./round-what-if.js";
export { ratingList, SaveScorecardInput, ScorecardRatingInput, saveScorecard } from "./save-scorecard.js";
export { scoreRoundResults } from "./score-round-results.js";
export { SetRoundDeadlinesInput, setRoundDeadlines } from "./set-round-deadlines.js";
export { UnassignReviewerInput, unassignReviewer } from "./unassign-reviewer.js";
