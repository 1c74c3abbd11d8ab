/** Badge colours of a commendation's status: in force green, suspended yellow, revoked red. */
export const commendationStatusColor: Record<string, string> = {
  IN_FORCE: "green",
  SUSPENDED: "yellow",
  REVOKED: "red",
  EXPIRED: "gray",
  NOT_YET_EFFECTIVE: "blue",
};
