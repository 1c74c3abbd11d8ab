import type { ColumnType, Generated, Selectable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `numeric` columns are parsed to numbers (see connect.ts) and written as numbers or strings. */
type Numeric = ColumnType<number, number | string, number | string>;

export type ModelStatus = "draft" | "submitted" | "returned" | "approved" | "active" | "archived" | "suspended";

/** Row type of `models`: an exemplary model (mô hình). */
export interface ModelTable {
  id: Generated<string>;
  code: string;
  name: string;
  owner_unit_id: string;
  /**
   * The owner unit's materialized path, copied by the database (triggers set it on
   * insert and owner change and follow unit moves) so a subtree's models are one index
   * range; never written by the application.
   */
  owner_path: ColumnType<string, never, never>;
  kind: "collective" | "individual";
  person_name: string | null;
  fields: ColumnType<string[], string[] | undefined, string[]>;
  annual_theme: string | null;
  problem: string | null;
  solution: string | null;
  description: string | null;
  start_date: string;
  status: ModelStatus;
  suspended_from: ModelStatus | null;
  is_pilot: ColumnType<boolean, boolean | undefined, boolean>;
  generated: ColumnType<boolean, boolean | undefined, boolean>;
  /** Shown on the public showcase (the owner unit's decision; off until turned on). */
  is_public: ColumnType<boolean, boolean | undefined, boolean>;
  registered_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}
export type ModelRow = Selectable<ModelTable>;

/** Row type of `model_status_history`: one lifecycle transition. */
export interface ModelStatusHistoryTable {
  id: Generated<number>;
  model_id: string;
  from_status: ModelStatus | null;
  to_status: ModelStatus;
  /** The lifecycle command that made the transition (draft, submit, approve…). */
  command: string;
  actor_user_id: string | null;
  actor_name: string;
  at: Date | string;
  reason: string | null;
}

/** Row type of `indicators`: what is measured, in which unit, and how it may be aggregated. */
export interface IndicatorTable {
  code: string;
  name_vi: string;
  name_en: string;
  unit_code: string;
  aggregation: "sum" | "weighted-average" | "none";
  weight_indicator_code: string | null;
}

/** Row type of `model_targets`. */
export interface ModelTargetTable {
  model_id: string;
  indicator_code: string;
  target_value: Numeric;
  unit_code: string;
}

/** Row type of `indicator_values`: one measured outcome of a model for a period (2022, 2022-Q1, 2022-03). */
export interface IndicatorValueTable {
  id: Generated<number>;
  model_id: string;
  indicator_code: string;
  period: string;
  period_year: number;
  value: Numeric;
  unit_code: string;
  recorded_at: Timestamp;
}

/** Row type of `evidence`: metadata of a document, photo or link backing a model. */
export interface EvidenceTable {
  id: Generated<string>;
  model_id: string;
  kind: "document" | "photo" | "link";
  title: string;
  uri: string | null;
  storage_key: string | null;
  mime_type: string | null;
  size_bytes: number | null;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
  /** Shown with its model on the public showcase; off until the unit turns it on. */
  is_public: ColumnType<boolean, boolean | undefined, boolean>;
}

/** Row type of `replications`: an adopter model and the model it replicates. */
export interface ReplicationTable {
  adopter_model_id: string;
  origin_model_id: string;
  adopted_on: string;
  note: string | null;
}
