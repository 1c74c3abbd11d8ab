export { type AuditEntry, appendAudit } from "./audit/append-audit.js";
export type { AuditLogTable, IdempotencyKeyTable } from "./audit/audit.table.js";
export { AUDIT_EXPORT_LIMIT, exportAuditLog } from "./audit/export-audit-log.js";
export { type IdempotencyKeyReusedError, onceForKey, requestHash } from "./audit/idempotency.js";
export {
  type AuditEntryRow,
  type AuditFilter,
  type AuditPage,
  countAuditEntries,
  listAuditEntries,
} from "./audit/list-audit-entries.js";
export type { FieldTable, LevelTable, UnitKindTable } from "./config/config.table.js";
export { type ConfigurationLabels, configurationLabels, saveLabel } from "./config/configuration-labels.js";
export { hasLabel } from "./config/has-label.js";
export { missingFieldCodes } from "./config/missing-field-codes.js";
export { type Connection, type ConnectOptions, connect, connectOptionsFrom } from "./connect.js";
export type { CriteriaSetTable, CriteriaSetVersionTable } from "./criteria/criteria.table.js";
export {
  type CriteriaSetRow,
  type CriteriaVersionRow,
  criteriaVersionsOfSets,
  findCriteriaSetIdByCode,
  findCriteriaSetsByIds,
  findCriteriaVersionsByIds,
  listCriteriaSets,
  publishedCriteriaVersions,
} from "./criteria/list-criteria-sets.js";
export {
  freezeCriteriaVersion,
  insertCriteriaDraft,
  insertCriteriaSet,
  lockCriteriaSetDraft,
  lockCriteriaVersion,
  renameCriteriaSet,
  saveCriteriaDraftDefinition,
} from "./criteria/save-criteria-version.js";
export {
  type DataFolderHolder,
  DataFolderLockedError,
  lockDataFolder,
  lockFileOf,
} from "./data-folder-lock.js";
export type { Database } from "./database.js";
export {
  DATABASE_RETRY_AFTER_SECONDS,
  databaseUnavailable,
  isDatabaseUnavailable,
} from "./database-unavailable.js";
export type { Db, DbExecutor, DbTransaction } from "./executor.js";
export {
  correctiveActionsOfFindings,
  findingsOfInspections,
} from "./inspections/inspection-children.js";
export { inspectionPeriodBounds } from "./inspections/inspection-period.js";
export {
  findInspectionsByIds,
  type InspectionFilter,
  type InspectionRow,
  listInspections,
} from "./inspections/list-inspections.js";
export {
  type FindingWithInspection,
  findFindingWithInspection,
  insertCorrectiveAction,
  insertFinding,
  insertInspection,
  lockCorrectiveAction,
  lockInspection,
} from "./inspections/save-inspection.js";
export { migrateToEmpty, migrateToLatest } from "./migrate.js";
export { migrations } from "./migrations/index.js";
export { findModelHeader, findModelIdByCode, type ModelHeader } from "./models/find-model-header.js";
export { findIndicatorDefinitions, indicatorDefinitionFromRow } from "./models/indicator-definitions.js";
export {
  type IndicatorValueInput,
  indicatorValuesOfModels,
  indicatorValuesRead,
  recordIndicatorValues,
} from "./models/indicator-values.js";
export { insertEvidence } from "./models/insert-evidence.js";
export {
  countModelsMatching,
  countModelsMatchingRead,
  findModelsByIds,
  findModelsByIdsRead,
  listModels,
  listModelsRead,
  type ModelFilter,
  type ModelPage,
  type ScopedModelRow,
  searchModelsPage,
} from "./models/list-models.js";
export { type LoadedModel, loadModel } from "./models/load-model.js";
export { modelFromRow } from "./models/model-from-row.js";
export { MODEL_ORDERS, type ModelOrder, type ModelPosition, modelPosition } from "./models/model-order.js";
export { modelOwnerPath } from "./models/model-owner-path.js";
export type * from "./models/models.table.js";
export { originChain, type ReplicationTreeRow, replicationTree } from "./models/replication-tree.js";
export { insertModel, type ModelExtras, saveModel } from "./models/save-model.js";
export {
  addGraphileJobs,
  countNotifications,
  countUnreadNotifications,
  dueNotificationEmails,
  insertNotifications,
  listNotifications,
  lockNotificationEmail,
  markNotificationEmailSent,
  markNotificationsRead,
  type NewNotification,
  type NotificationCursor,
  type NotificationEmail,
  type NotificationRow,
  recordNotificationEmailFailure,
} from "./notifications/notifications.js";
export type * from "./notifications/notifications.table.js";
export {
  findNotificationPreferences,
  findNotificationRecipients,
  modelLabels,
  type NotificationPreferences,
  type NotificationRecipient,
  nearestAdminsAbove,
  ownerUnitsOfRound,
  reviewersOfRound,
  saveNotificationPreferences,
  unitStaffOf,
} from "./notifications/recipients.js";
export {
  claimReminders,
  type LateScorecard,
  lateScorecards,
  type ReminderCandidate,
  reminderCandidates,
} from "./notifications/reminders.js";
export {
  type EvidencePublicFlag,
  evidenceOwnerPath,
  lockEvidencePublicFlag,
  lockModelPublicFlag,
  type ModelPublicFlag,
  saveEvidencePublicFlag,
  saveModelPublicFlag,
} from "./public/public-flags.js";
export {
  findPublicPhoto,
  listShowcaseModels,
  loadShowcaseModel,
  type PublicGoldenBookEntry,
  publicGoldenBook,
  type ShowcaseCard,
  type ShowcaseFilter,
  type ShowcaseModel,
  showcaseFacets,
  shownInShowcase,
} from "./public/showcase.js";
export {
  type Certificate,
  type CertificateSelection,
  contentDigest,
  loadCertificates,
} from "./registers/certificates.js";
export { commendationFromRow } from "./registers/commendation-from-row.js";
export {
  findGoldenBookEntry,
  findGoldenBookNominator,
  findGoldenBookTwin,
  type GoldenBookEntryWithPath,
  insertGoldenBookEntry,
  lockGoldenBookEntry,
} from "./registers/golden-book-entries.js";
export { findGoldenBookVerification, type GoldenBookVerification } from "./registers/golden-book-verification.js";
export { type CommendationFilter, listCommendations } from "./registers/list-commendations.js";
export {
  type LoadedCommendation,
  loadCommendation,
  suspensionsOfCommendations,
} from "./registers/load-commendation.js";
export type * from "./registers/registers.table.js";
export { insertCommendation, saveCommendation } from "./registers/save-commendation.js";
export { type CountRow, countModels, type ModelCountDimension } from "./reports/count-models.js";
export { countModelsFromRaw } from "./reports/count-models-from-raw.js";
export { type GoldenBookDimension, goldenBookCounts } from "./reports/golden-book-counts.js";
export { type IndicatorGrouping, type IndicatorTotalRow, indicatorTotals } from "./reports/indicator-totals.js";
export { indicatorTotalsFromRaw } from "./reports/indicator-totals-from-raw.js";
export {
  type FlagshipSpread,
  type LabelledCount,
  type NamedIndicatorTotal,
  type PeriodicReportFigures,
  periodicReportFigures,
} from "./reports/periodic-report.js";
export { listPublishedRounds, type PublishedRoundRow } from "./reports/published-rounds.js";
export { rebuildRollups } from "./reports/rebuild-rollups.js";
export {
  countReplicationSpread,
  type ReplicationSpreadOrder,
  type ReplicationSpreadPage,
  type ReplicationSpreadRow,
  replicationSpread,
} from "./reports/replication-spread.js";
export { replicationSpreadFromRaw } from "./reports/replication-spread-from-raw.js";
export {
  deleteReportDraft,
  findReportDraft,
  findUnitWithParentName,
  insertReportDraft,
  listReportDrafts,
  type ReportDraftWithPath,
  reportDraftFromRow,
  saveReportDraft,
} from "./reports/report-drafts.js";
export type * from "./reports/report-drafts.table.js";
export type { ReportFilter } from "./reports/report-filter.js";
export type * from "./reports/rollups.table.js";
export {
  type AssignmentGrid,
  type AssignmentGridCell,
  type AssignmentGridModel,
  type AssignmentGridReviewer,
  assignmentGrid,
} from "./rounds/assignment-grid.js";
export {
  ASSIGNMENT_COLUMNS,
  type AssignmentSheetRow,
  exportRoundAssignments,
  readAssignmentSheet,
} from "./rounds/assignment-sheet.js";
export {
  type ChairDecision,
  type ChairDecisionRow,
  listChairDecisions,
  saveChairDecision,
} from "./rounds/chair-decisions.js";
export { type CouncilDecisionRow, insertCouncilDecision, listCouncilDecisions } from "./rounds/council-decisions.js";
export { type ExportedFile, exportRound, roundSheets } from "./rounds/export-round.js";
export {
  findRoundByCode,
  findRoundOrganizer,
  findRoundsByIds,
  listRoundIdsFor,
  listRoundModels,
  listSelfAssessments,
  type RoundNodeRow,
  roundHasModelWithin,
} from "./rounds/find-rounds.js";
export { hashRoundResults } from "./rounds/hash-round-results.js";
export {
  type LatestResultRow,
  latestPublishedResults,
  latestPublishedResultsRead,
  leaderboardPage,
  listRoundResults,
  type RoundResultRow,
} from "./rounds/latest-results.js";
export { eligibleInRound, isoDate, type LoadedRound, loadRound } from "./rounds/load-round.js";
export { loadModelFacts, loadScoringSubjects, type ModelFactsRow } from "./rounds/load-scoring-subjects.js";
export {
  type AssignmentSource,
  type AssignmentToRemove,
  deleteReviewerAssignment,
  findAssignment,
  insertReviewerAssignments,
  isReviewerInRound,
  listDrawnAssignments,
  listModelAssignments,
  listPanelModels,
  listRoundAssignments,
  listRoundModelsByCode,
  markConflictDeclared,
  mayReview,
  type NewAssignment,
  type RoundAssignmentRow,
} from "./rounds/reviewer-assignments.js";
export {
  findPoolReviewers,
  type ReviewerCandidate,
  reviewerCandidates,
  reviewerPool,
} from "./rounds/reviewer-pool.js";
export {
  insertRoundCommendation,
  insertVerifiedGoldenBookEntry,
  listCommendableResults,
  type RoundCommendation,
  type VerifiedGoldenBookEntry,
} from "./rounds/round-commendations.js";
export { findCriteriaVersionByNumber } from "./rounds/round-criteria-version.js";
export { resolvedDisagreements, roundProgress } from "./rounds/round-progress.js";
export {
  findNominatedModels,
  listModelsInRoundScope,
  type NominatedModel,
  type RoundModelFilter,
} from "./rounds/round-scope-models.js";
export type * from "./rounds/rounds.table.js";
export {
  insertRound,
  insertRoundModels,
  type NewRoundRow,
  type RoundDeadlines,
  type RoundModelEntry,
} from "./rounds/save-round.js";
export { saveRoundResults } from "./rounds/save-round-results.js";
export {
  findScorecard,
  insertScorecard,
  listScorecardsOfModel,
  type ScorecardContent,
  type ScorecardKey,
  type ScorecardRow,
  scorecardColumns,
} from "./rounds/scorecards.js";
export {
  generateScaleData,
  type ScaleDataSummary,
  type ScaleOptions,
  type ScaleTableLoad,
} from "./scale/generate-scale-data.js";
export {
  likeLiteral,
  type SearchHit,
  type SearchOptions,
  searchGoldenBook,
  searchModels,
  searchUnits,
} from "./search/search-models.js";
export { seedConfiguration } from "./seed/seed-configuration.js";
export { DEMO_PASSWORD, demoUsers, seedDemoData } from "./seed/seed-demo-data.js";
export { contentHash, DEMO_ROUND_CODE } from "./seed/seed-demo-round.js";
export { DEMO_OPEN_ROUND_CODE } from "./seed/seed-open-demo-round.js";
export { ARTICLE_MODEL_COUNT, type DemoModel, thanhLiemModels } from "./seed/thanh-liem-models.js";
export { type DemoUnit, thanhLiemUnits } from "./seed/thanh-liem-units.js";
export { type BatchRead, rowsFromJson, runBatchRead } from "./shared/batch-read.js";
export { type StaleVersionError, staleVersion } from "./shared/stale-version.js";
export { updateVersioned, type VersionedTable } from "./shared/update-versioned.js";
export {
  type ExportFormat,
  type ExportOptions,
  type ExportReportName,
  exportReport,
  exportReports,
  reportSheets,
  spreadsheetTemplate,
} from "./spreadsheet/export-report.js";
export { type ImportColumn, type ImportKind, importColumns, importKinds } from "./spreadsheet/import-columns.js";
export { IMPORT_WORKER_HEAP_MB, importSpreadsheetInWorker } from "./spreadsheet/import-in-worker.js";
export type { ImportCounts } from "./spreadsheet/import-plan.js";
export type { ImportProblem, Message } from "./spreadsheet/import-problem.js";
export {
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  importSpreadsheet,
} from "./spreadsheet/import-spreadsheet.js";
export { CSV_TRAILER, SPREADSHEET_LIMITS } from "./spreadsheet/read-spreadsheet.js";
export type { Sheet, SheetCell, SheetColumn, SheetFormat, SheetLanguage } from "./spreadsheet/write-sheets.js";
export { listTasks, type TaskGroup, type TaskKind, type TaskRow, type TaskViewer } from "./tasks/list-tasks.js";
export { findUnitByCode } from "./units/find-unit-by-code.js";
export { findUnitsByIds } from "./units/find-units-by-ids.js";
export { insertUnit, type NewUnit } from "./units/insert-unit.js";
export { countUnits, listUnits, type UnitFilter, type UnitPage } from "./units/list-units.js";
export { loadUnitTreeFor } from "./units/load-unit-tree.js";
export { moveUnit, type UnitCycleError } from "./units/move-unit.js";
export type { UnitRow, UnitTable } from "./units/unit.table.js";
export { withinSubtree } from "./units/within-subtree.js";
export {
  createLoginThrottle,
  DEFAULT_LOGIN_LIMITS,
  type LoginLimits,
  type LoginRefused,
  type LoginThrottle,
  type Throttled,
} from "./users/login-throttle.js";
export { hashPassword, PASSWORD_HASHING_SLOTS, passwordHashesWaiting, verifyPassword } from "./users/password.js";
export { type SessionChange, sessionChangesIn } from "./users/session-changes.js";
export {
  checkCredentials,
  insertSession,
  loadSessionUser,
  openSession,
  revokeSession,
  type SessionUser,
  sessionForToken,
  sessionUserByUsername,
  userForToken,
} from "./users/sessions.js";
export { findUserIdByUsername, insertUser } from "./users/users.js";
export type * from "./users/users.table.js";
