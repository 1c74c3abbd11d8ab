import type { DomainError } from "./domain-error.js";

/** The outcome of an operation that can fail in an expected way. */
export type Result<T, E extends DomainError = DomainError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

/** Wraps a success. @example ok(42) // { ok: true, value: 42 } */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Wraps a failure. @example err(domainError("ORG.CYCLE", msg)) */
export function err<E extends DomainError>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
