/**
 * Badge colours by status, so a list scans at a glance. The theme keeps every one of them
 * at AA contrast (theme.ts); a badge always carries its status in words too.
 */

/** A model's lifecycle status. */
export const statusColor: Record<string, string> = {
  draft: "gray",
  submitted: "blue",
  returned: "orange",
  approved: "teal",
  active: "green",
  suspended: "yellow",
  archived: "dark",
};

/** A result's tier. */
export const tierColor: Record<string, string> = { excellent: "red", good: "orange", pass: "blue", fail: "gray" };

/** A commendation's standing: in force green, suspended yellow, revoked red. */
export const commendationStatusColor: Record<string, string> = {
  IN_FORCE: "green",
  SUSPENDED: "yellow",
  REVOKED: "red",
  EXPIRED: "gray",
  NOT_YET_EFFECTIVE: "blue",
};

/** A golden-book entry's standing. */
export const goldenBookStatusColor: Record<string, string> = { nominated: "blue", verified: "green", rejected: "gray" };

/** An inspection finding's severity. */
export const severityColor: Record<string, string> = {
  observation: "gray",
  minor: "blue",
  major: "orange",
  critical: "red",
};

/** An inspection's progress. */
export const inspectionStatusColor: Record<string, string> = { planned: "blue", visited: "orange", closed: "gray" };

/** A scorecard's state. */
export const scorecardStatusColor: Record<string, string> = { submitted: "green", draft: "gray" };
