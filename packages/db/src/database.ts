import type { UnitTable } from "./units/unit.table.js";

/** Every table Lan Tỏa stores, for Kysely's typing. */
export interface Database {
  units: UnitTable;
}
