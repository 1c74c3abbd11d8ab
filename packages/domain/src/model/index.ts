export { authorizeModelAction, type ModelAuthorizationError } from "./authorize-model-action.js";
export { draftModel } from "./draft-model.js";
export { editableModelStatuses, editModel, type ModelChanges, ModelChangesSchema } from "./edit-model.js";
export { type Evidence, EvidenceSchema, type FileLocation, FileLocationSchema } from "./evidence.js";
export { type Model, ModelSchema } from "./model.js";
export { type ModelAction, ModelActionSchema, type ModelCommand, ModelCommandSchema } from "./model-command.js";
export { defaultModelFields, type ModelField, ModelFieldSchema } from "./model-field.js";
export {
  type ModelTransitionRule,
  ModelTransitionRuleSchema,
  modelLifecycle,
  type UnitAuthority,
  UnitAuthoritySchema,
} from "./model-lifecycle.js";
export { type ModelStatus, ModelStatusSchema } from "./model-status.js";
export { type ModelTarget, ModelTargetSchema } from "./model-target.js";
export { parseModel } from "./parse-model.js";
export { type StatusHistoryEntry, StatusHistoryEntrySchema } from "./status-history-entry.js";
export { type ModelTransitionContext, type ModelTransitionError, transitionModel } from "./transition-model.js";
