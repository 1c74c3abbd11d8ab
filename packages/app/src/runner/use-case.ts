import type { AuditEntry, Db, DbTransaction } from "@lantoa/db";
import type { DomainError, Result } from "@lantoa/domain/errors";
import type * as z from "zod";
import type { Actor } from "./actor.js";
import type { EmailQueue } from "./email-queue.js";
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
  /** A new secret token (256 random bits in production; deterministic in tests). */
  newToken(): string;
  /**
   * Appends an audit entry by the actor, in the transaction: it exists if and only if the
   * change does. `actorUserId` is for the one case where the actor becomes known inside
   * the use case (a sign-in).
   */
  audit(entry: Omit<AuditEntry, "actorUserId"> & { readonly actorUserId?: string | null }): Promise<void>;
  /** Runs after the transaction commits (events to subscribers, notices to other processes); never on a refusal. */
  afterCommit(effect: () => void | Promise<void>): void;
  /**
   * Undoes something the transaction cannot roll back (a file already stored) when the
   * use case is refused or fails: nothing of a refused request stays behind.
   */
  onRollback(undo: () => Promise<void>): void;
  /** Where evidence files are kept; the host passes it to `createApp`. */
  readonly evidenceFiles: EvidenceFiles;
  /** Where e-mails of notifications are queued; null when e-mail is off. */
  readonly emailQueue: EmailQueue | null;
}

/**
 * What a use case may do before its transaction opens: read, and spend CPU or I/O that
 * must not hold a transaction open (checking a password, hashing one).
 */
export interface PrepareScope {
  readonly db: Db;
  readonly actor: Actor;
  readonly now: Date;
}

/**
 * One workflow: `input` is the zod schema of what callers send (the gateway's input
 * validation reuses its fields), `run` loads, asks the domain, saves and audits in the
 * transaction it is given, and returns the domain's typed error on refusal, after which
 * the runner rolls everything back. An optional `prepare` runs first, outside the
 * transaction, and hands `run` what it computed (or refuses at once).
 */
export interface UseCase<Schema extends z.ZodType, Output, Prepared = undefined> {
  /** Also the operation name of idempotency keys and the audit entry of a refusal. */
  readonly name: string;
  readonly input: Schema;
  readonly prepare?: (scope: PrepareScope, input: z.output<Schema>) => Promise<Result<Prepared, DomainError>>;
  readonly run: (
    scope: UseCaseScope,
    input: z.output<Schema>,
    prepared: Prepared,
  ) => Promise<Result<Output, DomainError>>;
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
export function defineUseCase<Schema extends z.ZodType, Output, Prepared = undefined>(
  useCase: UseCase<Schema, Output, Prepared>,
): UseCase<Schema, Output, Prepared> {
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
