export { IssueCommendationInput, issueCommendation } from "./issue-commendation.js";
export { LiftCommendationSuspensionInput, liftCommendationSuspension } from "./lift-commendation-suspension.js";
export { RevokeCommendationInput, revokeCommendation } from "./revoke-commendation.js";
