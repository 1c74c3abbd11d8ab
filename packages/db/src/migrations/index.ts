import type { Migration } from "kysely/migration";
import * as unitTree from "./2026_11_28_0001_unit_tree.js";
import * as domainTables from "./2026_11_28_0002_domain_tables.js";
import * as roundLocks from "./2026_11_28_0003_round_locks.js";
import * as goldenBookNaturalKey from "./2026_11_28_0004_golden_book_natural_key.js";
import * as registerFollowUp from "./2026_11_28_0300_register_follow_up.js";
import * as loginAttempts from "./2026_11_29_1400_login_attempts.js";
import * as spreadingTheWord from "./2026_12_02_0100_spreading_the_word.js";
import * as modelPaging from "./2026_12_02_0150_model_paging.js";
import * as rollups from "./2026_12_02_0200_rollups.js";
import * as sessionChangeMarks from "./2026_12_02_0600_session_change_marks.js";
import * as notifications from "./2026_12_03_0200_notifications.js";
import * as modelCodeLower from "./2026_12_03_0300_model_code_lower.js";
import * as modelNameOrder from "./2026_12_03_0400_model_name_order.js";
import * as clusterNotices from "./2026_12_03_0520_cluster_notices.js";

/**
 * Every migration, by name. Listed statically (not read from a folder) so the
 * compiled package and a bundled app migrate the same way.
 */
export const migrations: Record<string, Migration> = {
  "2026_11_28_0001_unit_tree": unitTree,
  "2026_11_28_0002_domain_tables": domainTables,
  "2026_11_28_0003_round_locks": roundLocks,
  "2026_11_28_0004_golden_book_natural_key": goldenBookNaturalKey,
  "2026_11_28_0300_register_follow_up": registerFollowUp,
  "2026_11_29_1400_login_attempts": loginAttempts,
  "2026_12_02_0100_spreading_the_word": spreadingTheWord,
  "2026_12_02_0150_model_paging": modelPaging,
  "2026_12_02_0200_rollups": rollups,
  "2026_12_02_0600_session_change_marks": sessionChangeMarks,
  "2026_12_03_0200_notifications": notifications,
  "2026_12_03_0300_model_code_lower": modelCodeLower,
  "2026_12_03_0400_model_name_order": modelNameOrder,
  "2026_12_03_0520_cluster_notices": clusterNotices,
};
