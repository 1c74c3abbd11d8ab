import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Row type of `criteria_sets`: a named rubric with numbered versions. */
export interface CriteriaSetTable {
  id: Generated<string>;
  code: string;
  name: string;
  created_at: Timestamp;
  version: Generated<number>;
}

/** Row type of `criteria_set_versions`: a draft or an immutable published version (JSON definition). */
export interface CriteriaSetVersionTable {
  id: Generated<string>;
  criteria_set_id: string;
  version_number: number;
  status: "draft" | "published";
  definition: ColumnType<unknown, string, string>;
  content_hash: string | null;
  published_at: Date | string | null;
  created_at: Timestamp;
  version: Generated<number>;
}
