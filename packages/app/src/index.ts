export {
  canReadUnit,
  domainActorsOf,
  holdsRoleOver,
  isSystemAdmin,
  pathWithin,
  STAFF_ROLES,
  UNIT_ROLES,
} from "./access/roles.js";
export { forbidden } from "./errors/forbidden.js";
export { notFound, type RecordKind } from "./errors/not-found.js";
export * from "./inspections/index.js";
export * from "./models/index.js";
export * from "./rounds/index.js";
export { type Actor, commandLineActor } from "./runner/actor.js";
export { type App, type AppDeps, createApp, type RunOptions } from "./runner/create-app.js";
export { invalidInput } from "./runner/invalid-input.js";
export { defineUseCase, orRefuse, Refusal, refuse, type UseCase, type UseCaseScope } from "./runner/use-case.js";
export { ExpectedVersion, IdempotencyKey, IsoDay, RecordId, requiredText } from "./shared/input-schemas.js";
export { requireUnits } from "./shared/require-units.js";
