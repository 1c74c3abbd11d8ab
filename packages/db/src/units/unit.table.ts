import type { ColumnType, Generated, Selectable } from "kysely";

/** Row type of `units`: one node of the organization tree. */
export interface UnitTable {
  id: Generated<string>;
  code: string;
  name: string;
  parent_id: string | null;
  path: string;
  level: string;
  kind: string;
  /** Group for quotas (e.g. 'commune', 'district-body'); null when not grouped. */
  unit_group: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export type UnitRow = Selectable<UnitTable>;
