export type { ShapeIssue } from "../internal/shape-issues.js";
export { type DomainError, domainError, type LocalizedText, LocalizedTextSchema } from "./domain-error.js";
export { err, ok, type Result } from "./result.js";
