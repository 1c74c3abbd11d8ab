/**
 * What each mutation changes, as the query operations that read it: after the mutation
 * settles those queries are marked stale and the ones on screen re-read. Every mutation
 * also writes an audit entry, so the audit log is always among them. A test checks that
 * every mutation of `@lantoa/client` has a row and every name here is a real query.
 */
const units = ["Units", "UnitTree", "ConfigurationLabels"] as const;
const dashboard = ["ModelCounts", "IndicatorTotals", "ReplicationSpread", "GoldenBookCounts"] as const;
const model = [
  "Models",
  "ModelDetail",
  "ModelAllowedActions",
  "ModelReplications",
  "ScorecardModel",
  "CriteriaPreviewModel",
  ...dashboard,
] as const;
const commendations = ["Commendations", "ModelDetail", "InspectionDetail"] as const;
const goldenBook = ["GoldenBook", "GoldenBookCounts"] as const;
const inspections = ["Inspections", "InspectionDetail"] as const;
const criteria = ["CriteriaSets", "CriteriaSetVersion", "DiffCriteriaVersions"] as const;
const roundWork = [
  "Rounds",
  "RoundOverview",
  "RoundDetail",
  "RoundScorecardContext",
  "Scorecards",
  "MyAssignments",
  "MySelfAssessments",
  "ReviewerCandidates",
  "RoundAssignmentGrid",
  "PanelReplay",
] as const;
const roundResults = [
  "RoundResults",
  "RoundResultsBreakdown",
  "PublishedRounds",
  "Leaderboard",
  "ModelDetail",
] as const;

const changes: Record<string, readonly string[]> = {
  Login: [],
  Logout: [],
  CreateUnit: units,
  RenameUnit: [...units, "Models", "Inspections", "Commendations", "GoldenBook"],
  MoveUnit: [...units, ...model],
  SaveField: ["ConfigurationLabels"],
  SaveUnitKind: ["ConfigurationLabels"],
  CreateModel: model,
  UpdateModel: model,
  TransitionModel: [...model, "Rounds"],
  AddEvidence: model,
  RecordIndicatorValues: model,
  RegisterReplication: model,
  IssueCommendation: [...commendations, "ModelDetail"],
  SetModelPublic: ["ModelDetail", "ModelPublicFlags"],
  SetEvidencePublic: ["ModelDetail", "ModelPublicFlags"],
  CreateReportDraft: ["ReportDrafts"],
  SaveReportDraft: ["ReportDrafts", "ReportDraft"],
  DeleteReportDraft: ["ReportDrafts", "ReportDraft"],
  RevokeCommendation: commendations,
  LiftCommendationSuspension: commendations,
  CreateGoldenBookEntry: goldenBook,
  VerifyGoldenBookEntry: goldenBook,
  PlanInspection: inspections,
  RecordInspectionFinding: [...inspections, ...model, "Commendations"],
  AddCorrectiveAction: inspections,
  CompleteCorrectiveAction: inspections,
  CreateCriteriaSet: criteria,
  NewCriteriaDraft: criteria,
  SaveCriteriaDraft: criteria,
  PublishCriteriaVersion: criteria,
  CreateRound: roundWork,
  AdvanceRound: [...roundWork, ...roundResults],
  AdvanceRoundStep: [...roundWork, ...roundResults],
  AssignReviewers: roundWork,
  UnassignReviewer: roundWork,
  ImportRoundAssignments: roundWork,
  DrawReviewerPanel: roundWork,
  DeclareConflict: roundWork,
  SaveScorecard: roundWork,
  RecordChairDecision: roundWork,
  ComputeRoundResults: [...roundWork, ...roundResults],
  RecordCouncilDecision: roundWork,
  IssueRoundCommendations: [...roundWork, ...commendations, ...goldenBook],
  ImportSpreadsheet: [...units, ...model, ...goldenBook],
  SetRoundDeadlines: [...roundWork, "RoundDeadlines"],
  MarkNotificationsRead: ["Notifications", "UnreadNotificationCount"],
  SaveNotificationPreferences: ["NotificationPreferences", "Notifications"],
};

/** The query operations a mutation changes (always including the audit log); none for an unknown name. */
export function queriesChangedBy(mutation: string): readonly string[] {
  const changed = changes[mutation];
  if (!changed) return [];
  return [...new Set(mutation === "Login" || mutation === "Logout" ? changed : [...changed, "AuditLog"])];
}

/** The mutations this table knows, for its completeness test. */
export const mutationsWithChanges: readonly string[] = Object.keys(changes);
