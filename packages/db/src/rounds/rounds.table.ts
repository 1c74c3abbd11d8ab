import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export type RoundStatus = "draft" | "self-assessment" | "review" | "council" | "finalized" | "published";

/** Row type of `rounds`: an evaluation round pinned to one criteria version. */
export interface RoundTable {
  id: Generated<string>;
  code: string;
  name: string;
  criteria_version_id: string;
  organizer_unit_id: string;
  status: RoundStatus;
  period: string;
  /** A calendar date, "YYYY-MM-DD". */
  reference_date: string;
  scope: Json;
  settings: Json;
  draw_seed: string | null;
  results_hash: string | null;
  finalized_at: Date | string | null;
  published_at: Date | string | null;
  /** Due dates of the steps ("YYYY-MM-DD"), when the organizer set them. */
  self_assessment_due: ColumnType<string | null, string | null | undefined, string | null>;
  review_due: ColumnType<string | null, string | null | undefined, string | null>;
  council_due: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  version: Generated<number>;
}

/** Row type of `round_models`: a model taking part in a round, with its eligibility gates. */
export interface RoundModelTable {
  round_id: string;
  model_id: string;
  eligible: ColumnType<boolean, boolean | undefined, boolean>;
  gate_outcomes: Json;
}

/** Row type of `reviewer_assignments`. */
export interface ReviewerAssignmentTable {
  id: Generated<string>;
  round_id: string;
  model_id: string;
  reviewer_user_id: string;
  source: "manual" | "bulk" | "draw" | "disagreement";
  conflict_declared_at: Date | string | null;
  conflict_reason: string | null;
  assigned_at: Timestamp;
}

/** Row type of `scorecards`: a unit's self-assessment or one reviewer's scores for one model. */
export interface ScorecardTable {
  id: Generated<string>;
  round_id: string;
  model_id: string;
  kind: "self" | "review";
  reviewer_user_id: string | null;
  ratings: Json;
  comments: Json;
  status: "draft" | "submitted";
  submitted_at: Date | string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** Row type of `round_results`: the engine's result for one model, points in milli-points. */
export interface RoundResultTable {
  round_id: string;
  model_id: string;
  total_milli: number;
  max_milli: number;
  eliminated: ColumnType<boolean, boolean | undefined, boolean>;
  tier: string | null;
  rank: number | null;
  breakdown: Json;
  explanation: Json;
  computed_at: Timestamp;
}

/** Row type of `council_decisions`: quorum, votes and outcome of a council sitting. */
export interface CouncilDecisionTable {
  id: Generated<string>;
  round_id: string;
  members: number;
  present: number;
  votes_for: number;
  votes_against: number;
  abstentions: number;
  outcome: "approved" | "rejected" | "no-quorum";
  chair_note: string | null;
  decided_at: Date | string;
}

/** Row type of `round_chair_decisions`: the chair's decision on a model whose reviewers disagree. */
export interface RoundChairDecisionTable {
  id: Generated<string>;
  round_id: string;
  model_id: string;
  decision: string;
  reason: string;
  decided_by: string | null;
  decided_at: Date | string;
}
