export { AddCorrectiveActionInput, addCorrectiveAction } from "./add-corrective-action.js";
export { CompleteCorrectiveActionInput, completeCorrectiveAction } from "./complete-corrective-action.js";
export { correctiveActionFromRow } from "./corrective-action-from-row.js";
export { PlanInspectionInput, planInspection } from "./plan-inspection.js";
export {
  isAboutOneSubject,
  RecordInspectionFindingInput,
  recordInspectionFinding,
} from "./record-inspection-finding.js";
