import type { ColumnType } from "kysely";

type Numeric = ColumnType<string, number | string, number | string>;

/**
 * Row type of `indicator_rollups`: one owner unit's values of one indicator in one
 * year, for every model (`field` "") or the models of one field, split by the year
 * each model last had a value of it before (`prev_year`, 0 when none) so distinct
 * model counts over a year range add up. Kept by triggers; see `rebuildRollups`.
 */
export interface IndicatorRollupTable {
  unit_id: string;
  field: string;
  indicator_code: string;
  period_year: number;
  prev_year: number;
  value_count: number;
  models: number;
  value_sum: Numeric;
  /** Σ value × weight over the values that have a weight (weighted-average indicators). */
  weighted_sum: Numeric;
  weight_sum: Numeric;
}

/** Row type of `indicator_rollups_country`: the unit rows added up over the country. */
export type IndicatorRollupCountryTable = Omit<IndicatorRollupTable, "unit_id">;

/** Row type of `model_count_rollups`: models of one owner unit per field ("" = all), status and start year. */
export interface ModelCountRollupTable {
  unit_id: string;
  field: string;
  status: string;
  start_year: number;
  models: number;
}

/** Row type of `model_count_rollups_country`: the unit rows added up per owner level and kind. */
export interface ModelCountRollupCountryTable extends Omit<ModelCountRollupTable, "unit_id"> {
  level: string;
  kind: string;
}

/** Row type of `replication_spread_rollups`: the spread of one origin model, every adoption counted. */
export interface ReplicationSpreadRollupTable {
  origin_model_id: string;
  origin_name: string;
  origin_unit_id: string;
  direct_adopters: number;
  all_adopters: number;
  depth: number;
  adopting_units: number;
  levels_reached: string[];
  fields_reached: string[];
  first_adoption_days: number;
  median_adoption_days: number;
}
