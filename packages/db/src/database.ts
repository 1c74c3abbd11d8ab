import type { AuditLogTable, IdempotencyKeyTable } from "./audit/audit.table.js";
import type { FieldTable, LevelTable, UnitKindTable } from "./config/config.table.js";
import type { CriteriaSetTable, CriteriaSetVersionTable } from "./criteria/criteria.table.js";
import type {
  EvidenceTable,
  IndicatorTable,
  IndicatorValueTable,
  ModelStatusHistoryTable,
  ModelTable,
  ModelTargetTable,
  ReplicationTable,
} from "./models/models.table.js";
import type { NotificationTable, ReminderSentTable } from "./notifications/notifications.table.js";
import type {
  CommendationSuspensionTable,
  CommendationTable,
  CorrectiveActionTable,
  GoldenBookEntryTable,
  InspectionFindingTable,
  InspectionTable,
} from "./registers/registers.table.js";
import type { ReportDraftTable } from "./reports/report-drafts.table.js";
import type {
  IndicatorRollupCountryTable,
  IndicatorRollupTable,
  ModelCountRollupCountryTable,
  ModelCountRollupTable,
  ReplicationSpreadRollupTable,
} from "./reports/rollups.table.js";
import type {
  CouncilDecisionTable,
  ReviewerAssignmentTable,
  RoundChairDecisionTable,
  RoundModelTable,
  RoundResultTable,
  RoundTable,
  ScorecardTable,
} from "./rounds/rounds.table.js";
import type { UnitTable } from "./units/unit.table.js";
import type { LoginAttemptTable, RoleAssignmentTable, SessionTable, UserTable } from "./users/users.table.js";

/** Every table Lan Tỏa stores, for Kysely's typing. */
export interface Database {
  audit_log: AuditLogTable;
  commendation_suspensions: CommendationSuspensionTable;
  commendations: CommendationTable;
  corrective_actions: CorrectiveActionTable;
  council_decisions: CouncilDecisionTable;
  round_chair_decisions: RoundChairDecisionTable;
  criteria_set_versions: CriteriaSetVersionTable;
  criteria_sets: CriteriaSetTable;
  evidence: EvidenceTable;
  fields: FieldTable;
  golden_book_entries: GoldenBookEntryTable;
  idempotency_keys: IdempotencyKeyTable;
  indicator_rollups: IndicatorRollupTable;
  indicator_rollups_country: IndicatorRollupCountryTable;
  indicator_values: IndicatorValueTable;
  indicators: IndicatorTable;
  inspection_findings: InspectionFindingTable;
  inspections: InspectionTable;
  levels: LevelTable;
  login_attempts: LoginAttemptTable;
  model_count_rollups: ModelCountRollupTable;
  model_count_rollups_country: ModelCountRollupCountryTable;
  model_status_history: ModelStatusHistoryTable;
  model_targets: ModelTargetTable;
  models: ModelTable;
  notifications: NotificationTable;
  replication_spread_rollups: ReplicationSpreadRollupTable;
  reminders_sent: ReminderSentTable;
  replications: ReplicationTable;
  report_drafts: ReportDraftTable;
  reviewer_assignments: ReviewerAssignmentTable;
  role_assignments: RoleAssignmentTable;
  round_models: RoundModelTable;
  round_results: RoundResultTable;
  rounds: RoundTable;
  scorecards: ScorecardTable;
  sessions: SessionTable;
  unit_kinds: UnitKindTable;
  units: UnitTable;
  users: UserTable;
}
