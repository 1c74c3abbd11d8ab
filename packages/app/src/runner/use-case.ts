import type { AuditEntry, DbTransaction } from "@lantoa/db";
import type { DomainError, Result } from "@lantoa/domain/errors";
import type * as z from "zod";
import type { Actor } from "./actor.js";
import type { EvidenceFiles } from "./evidence-files.js";

/** What a use case receives from its runner: one transaction and everything non-deterministic, passed in. */
export interface UseCaseScope {
  /** The transaction every read and write of the use case runs in. */
  readonly trx: DbTransaction;
  readonly actor: Actor;
  /** The clock, read once when the use case starts. */
  readonly now: Date;
  /** `now` as a day (YYYY-MM-DD, UTC), the date statuses are judged on. */
  readonly today: string;
  /** A new unique id (a UUID in production; deterministic in tests). */
  newId(): string;
  /** Appends an audit entry by the actor, in the transaction: it exists if and only if the change does. */
  audit(entry: Omit<AuditEntry, "actorUserId">): Promise<void>;
  /** Runs after the transaction commits (events to subscribers, notices to other processes); never on a refusal. */
  afterCommit(effect: () => void | Promise<void>): void;
  /**
   * Undoes something the transaction cannot roll back (a file already stored) when the
   * use case is refused or fails: nothing of a refused request stays behind.
   */
  onRollback(undo: () => Promise<void>): void;
  /** Where evidence files are kept; the host passes it to `createApp`. */
  readonly evidenceFiles: EvidenceFiles;
}

/**
 * One workflow: `input` is the zod schema of what callers send (the gateway's input
 * validation reuses its fields), `run` loads, asks the domain, saves and audits in the
 * transaction it is given, and returns the domain's typed error on refusal, after which
 * the runner rolls everything back.
 */
export interface UseCase<Schema extends z.ZodType, Output> {
  /** Also the operation name of idempotency keys and the audit entry of a refusal. */
  readonly name: string;
  readonly input: Schema;
  readonly run: (scope: UseCaseScope, input: z.output<Schema>) => Promise<Result<Output, DomainError>>;
}

/**
 * Declares a use case; the identity function, there for type inference.
 *
 * @example
 * export const renameUnit = defineUseCase({
 *   name: "renameUnit",
 *   input: RenameUnitInput,
 *   run: async ({ trx, audit }, input) => { … return ok({ id: input.unitId }); },
 * });
 */
export function defineUseCase<Schema extends z.ZodType, Output>(
  useCase: UseCase<Schema, Output>,
): UseCase<Schema, Output> {
  return useCase;
}

/** Thrown by {@link refuse}; the runner turns it into the use case's error result. */
export class Refusal extends Error {
  constructor(readonly error: DomainError) {
    super(error.message.en);
    this.name = "Refusal";
  }
}

/**
 * Ends the running use case with `error` from anywhere inside it (a helper several calls
 * deep), exactly as returning `err(error)` from `run` would: everything rolls back.
 */
export function refuse(error: DomainError): never {
  throw new Refusal(error);
}

/** The value of `result`, or a {@link refuse} with its error. */
export function orRefuse<T>(result: Result<T, DomainError>): T {
  if (!result.ok) refuse(result.error);
  return result.value;
}
