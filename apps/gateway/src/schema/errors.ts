import type { DomainError, LocalizedText } from "@lantoa/domain/errors";
import { builder } from "../builder.js";

/**
 * An expected failure from the domain or the database layer (a stale version, a
 * transition the lifecycle refuses, a reused idempotency key…), thrown inside a
 * resolver and returned to the client as a typed member of the field's result union.
 */
export class DomainFailure extends Error {
  readonly code: string;
  readonly localized: LocalizedText;
  readonly details: Readonly<Record<string, unknown>>;
  constructor(error: DomainError) {
    super(error.message.en);
    this.name = "DomainFailure";
    this.code = error.code;
    this.localized = error.message;
    this.details = error.details ?? {};
  }
}

/** What every error type offers: a code and a message in both languages. */
export const ErrorInterface = builder.interfaceRef<DomainFailure>("Error").implement({
  description: "An expected failure. `code` is namespaced (MODEL.TRANSITION_NOT_ALLOWED, DB.STALE_VERSION…).",
  fields: (t) => ({
    code: t.exposeString("code"),
    message: t.string({ description: "In English.", resolve: (e) => e.localized.en }),
    messageVi: t.string({ description: "In Vietnamese, for the admin app's users.", resolve: (e) => e.localized.vi }),
  }),
});

builder.objectType(DomainFailure, {
  name: "DomainError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof DomainFailure,
  fields: (t) => ({
    details: t.string({
      description: "Machine-readable details as JSON (ids, expected version, positions…).",
      resolve: (e) => JSON.stringify(e.details),
    }),
  }),
});

/** Throws a domain error as a {@link DomainFailure}, for a field with `errors: { types: [DomainFailure] }`. */
export function fail(error: DomainError): never {
  throw new DomainFailure(error);
}
