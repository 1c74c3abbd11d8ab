export {
  type CertificateContent,
  CertificateContentSchema,
  type CertificateFacts,
  certificateContent,
  defaultCommendationReason,
} from "./certificate-content.js";
export {
  type Commendation,
  type CommendationRecipient,
  CommendationRecipientSchema,
  CommendationSchema,
  type CommendationSuspension,
  CommendationSuspensionSchema,
} from "./commendation.js";
export { type CommendationForm, CommendationFormSchema, defaultCommendationForms } from "./commendation-form.js";
export { type CommendationStanding, commendationStanding } from "./commendation-standing.js";
export { commendationStatusOn } from "./commendation-status-on.js";
export { type CorrectiveAction, CorrectiveActionSchema } from "./corrective-action.js";
export { correctiveActionStatusOn } from "./corrective-action-status-on.js";
export { decideGoldenBookEntry } from "./decide-golden-book-entry.js";
export { type FindingImplication, findingImplications } from "./finding-implications.js";
export { type GoldenBookEntry, GoldenBookEntrySchema } from "./golden-book-entry.js";
export {
  type FindingSeverity,
  FindingSeveritySchema,
  type InspectionFinding,
  InspectionFindingSchema,
} from "./inspection-finding.js";
export { type InspectionPlan, InspectionPlanSchema } from "./inspection-plan.js";
export { isCommendationInForce } from "./is-commendation-in-force.js";
export { liftCommendationSuspension } from "./lift-commendation-suspension.js";
export { parseCommendation, parseGoldenBookEntry, parseInspectionPlan } from "./parse-register-records.js";
export { revokeCommendation } from "./revoke-commendation.js";
export { suspendCommendation } from "./suspend-commendation.js";
