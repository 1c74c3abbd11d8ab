export {
  canReadUnit,
  domainActorsOf,
  holdsRoleOver,
  isSystemAdmin,
  pathWithin,
  STAFF_ROLES,
  UNIT_ROLES,
} from "./access/roles.js";
export * from "./commendations/index.js";
export * from "./configuration/index.js";
export * from "./criteria/index.js";
export { forbidden } from "./errors/forbidden.js";
export { notFound, type RecordKind } from "./errors/not-found.js";
export * from "./golden-book/index.js";
export * from "./inspections/index.js";
export * from "./models/index.js";
export * from "./notifications/index.js";
export * from "./reports/index.js";
export * from "./rounds/index.js";
export { type Actor, anonymousActor, commandLineActor, jobQueueActor } from "./runner/actor.js";
export { type App, type AppDeps, createApp, type RunOptions, refusedAction } from "./runner/create-app.js";
export {
  type EmailQueue,
  graphileEmailQueue,
  outboxEmailQueue,
  SEND_DUE_REMINDERS,
  SEND_NOTIFICATION_EMAIL,
} from "./runner/email-queue.js";
export type { EvidenceFiles } from "./runner/evidence-files.js";
export { invalidInput } from "./runner/invalid-input.js";
export { createSessionChanges, type SessionChanges } from "./runner/session-changes.js";
export {
  defineUseCase,
  orRefuse,
  type PrepareScope,
  Refusal,
  refuse,
  type UseCase,
  type UseCaseScope,
} from "./runner/use-case.js";
export * from "./sessions/index.js";
export { ExpectedVersion, IdempotencyKey, IsoDay, RecordId, requiredText } from "./shared/input-schemas.js";
export { requireUnits } from "./shared/require-units.js";
export { type UploadedFile, UploadedFileSchema } from "./shared/uploaded-file.js";
export * from "./showcase/index.js";
export * from "./spreadsheets/index.js";
export * from "./units/index.js";
export * from "./users/index.js";
