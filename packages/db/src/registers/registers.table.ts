import type { ColumnType, Generated, Selectable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Row type of `commendations`: an award with its decision, to a model, unit or person. */
export interface CommendationTable {
  id: Generated<string>;
  decision_number: string;
  decision_date: string;
  issuer: string;
  level: string;
  form: string;
  recipient_kind: "model" | "unit" | "person";
  recipient_model_id: string | null;
  recipient_unit_id: string | null;
  recipient_person_name: string | null;
  round_id: string | null;
  valid_until: string | null;
  revoked_on: string | null;
  revoked_reason: string | null;
  revocation_decision_number: ColumnType<string | null, string | null | undefined, string | null>;
  /** Why it was given (the achievement printed on the certificate). */
  reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The code of its public verification page (`KT-` and ten hex digits), drawn by the database. */
  verification_code: Generated<string>;
  created_at: Timestamp;
  version: Generated<number>;
}

/** Row type of `golden_book_entries` (Sổ vàng người tốt, việc tốt). */
export interface GoldenBookEntryTable {
  id: Generated<string>;
  unit_id: string;
  subject_kind: "person" | "collective";
  subject_name: string;
  deed: string;
  field: string | null;
  deed_date: string;
  nominated_by: string;
  verified_by: string | null;
  verified_at: Date | string | null;
  commendation_id: string | null;
  status: "nominated" | "verified" | "rejected";
  decision_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** The code of its public verification page (`SV-` and ten hex digits), drawn by the database. */
  verification_code: Generated<string>;
  created_at: Timestamp;
  version: Generated<number>;
}

/** Row type of `inspections`: a planned and visited check of a unit's implementation. */
export interface InspectionTable {
  id: Generated<string>;
  unit_id: string;
  inspecting_unit_id: string;
  period: string;
  planned_on: string;
  visited_on: string | null;
  status: "planned" | "visited" | "closed";
  notes: string | null;
  created_at: Timestamp;
  version: Generated<number>;
}

/** Row type of `inspection_findings`; a finding may suspend a model or a commendation. */
export interface InspectionFindingTable {
  id: Generated<string>;
  inspection_id: string;
  severity: "observation" | "minor" | "major" | "critical";
  description: string;
  model_id: string | null;
  commendation_id: string | null;
  recorded_on: ColumnType<string | null, string | null | undefined, string | null>;
  effect: ColumnType<
    "none" | "suspend-model" | "suspend-commendation",
    "none" | "suspend-model" | "suspend-commendation" | undefined
  >;
}

/** Row type of `corrective_actions`. */
export interface CorrectiveActionTable {
  id: Generated<string>;
  finding_id: string;
  description: string;
  due_on: string;
  status: "open" | "done" | "verified" | "overdue";
  verified_on: string | null;
  verified_by: string | null;
  completed_on: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
}

/** Row type of `commendation_suspensions`: a span in which a commendation is suspended; `suspended_until` null while it lasts. */
export interface CommendationSuspensionTable {
  id: Generated<string>;
  commendation_id: string;
  suspended_from: string;
  suspended_until: string | null;
  reason: string;
  finding_id: string | null;
}

/** A stored corrective action. */
export type CorrectiveActionRow = Selectable<CorrectiveActionTable>;

/** A stored inspection finding. */
export type InspectionFindingRow = Selectable<InspectionFindingTable>;

/** A stored commendation. */
export type CommendationRow = Selectable<CommendationTable>;

/** A stored suspension of a commendation. */
export type CommendationSuspensionRow = Selectable<CommendationSuspensionTable>;

/** A stored golden-book entry. */
export type GoldenBookEntryRow = Selectable<GoldenBookEntryTable>;
