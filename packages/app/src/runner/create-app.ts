import { randomBytes, randomUUID } from "node:crypto";
import { appendAudit, type Db, type DbTransaction, onceForKey, type SessionChange, sessionChangesIn } from "@lantoa/db";
import { type DomainError, err, ok, type Result } from "@lantoa/domain/errors";
import type * as z from "zod";
import type { Actor } from "./actor.js";
import type { EmailQueue } from "./email-queue.js";
import type { EvidenceFiles } from "./evidence-files.js";
import { invalidInput } from "./invalid-input.js";
import type { SessionChanges } from "./session-changes.js";
import { Refusal, type UseCase, type UseCaseScope } from "./use-case.js";

/** What the runner needs from its host (the gateway, the command line, a test). */
export interface AppDeps {
  readonly db: Db;
  /** The clock; tests pass a fixed one. Defaults to the system clock. */
  readonly clock?: () => Date;
  /** New ids; tests pass a deterministic sequence. Defaults to random UUIDs. */
  readonly newId?: () => string;
  /** New secret tokens (sessions). Defaults to 32 random bytes, base64url. */
  readonly newToken?: () => string;
  /**
   * Hears an after-commit effect or a rollback's undo that failed: the outcome stands,
   * so the caller still gets its result. Defaults to a warning on the console.
   */
  readonly onEffectError?: (error: unknown, useCase: string) => void;
  /** Where evidence files are kept; use cases that store files refuse to run without it. */
  readonly evidenceFiles?: EvidenceFiles;
  /**
   * Told after commit whose sessions a use case changed (signed out, disabled, roles,
   * a scope unit moved), as the database's triggers noted it: caches of sessions listen
   * here. Without it the runner does not ask (one statement per use case spared).
   */
  readonly sessionChanges?: SessionChanges;
  /** Where e-mails of notifications are queued; without one, e-mail is off (notifications stay in the app). */
  readonly emailQueue?: EmailQueue;
}

/** How one call runs. */
export interface RunOptions {
  /**
   * Retrying with the same key and the same input returns the first result without
   * running again; the same key with another input is `DB.IDEMPOTENCY_KEY_REUSED`.
   * Keys belong to a user, so the command line (no user) cannot send one.
   */
  readonly idempotencyKey?: string;
}

/** Runs use cases: one transaction each, idempotency, audit, clock and ids handled once, here. */
export interface App {
  readonly db: Db;
  run<Schema extends z.ZodType, Output, Prepared>(
    useCase: UseCase<Schema, Output, Prepared>,
    actor: Actor,
    input: z.input<Schema>,
    options?: RunOptions,
  ): Promise<Result<Output, DomainError>>;
}

/**
 * The audit action of a refused use case. Refusals are recorded (who tried what, and
 * why it was refused; never the input, which may hold secrets) after the rollback, so
 * the attempt is on record while none of its changes are.
 */
export function refusedAction(useCase: string): string {
  return `${useCase}.refused`;
}

/**
 * Creates the runner every caller shares.
 *
 * @example
 * const app = createApp({ db });
 * const result = await app.run(renameUnit, viewer, { unitId, name: "Xã Thanh Hà", expectedVersion: 1 });
 * if (!result.ok) console.log(result.error.code);
 */
export function createApp(deps: AppDeps): App {
  const clock = deps.clock ?? (() => new Date());
  const newId = deps.newId ?? randomUUID;
  const newToken = deps.newToken ?? (() => randomBytes(32).toString("base64url"));
  const onEffectError =
    deps.onEffectError ??
    ((error: unknown, name: string) => console.warn(`${name}: an after-commit effect failed`, error));
  const evidenceFiles = deps.evidenceFiles ?? noEvidenceFiles;
  const emailQueue = deps.emailQueue ?? null;

  async function refused<T>(name: string, actor: Actor, error: DomainError): Promise<Result<T, DomainError>> {
    await appendAudit(deps.db, {
      actorUserId: actor.userId,
      action: refusedAction(name),
      entity: "use-case",
      entityId: name,
      after: { code: error.code, details: error.details ?? {} },
    });
    return err(error);
  }

  return {
    db: deps.db,
    async run(useCase, actor, rawInput, options = {}) {
      const parsed = useCase.input.safeParse(rawInput);
      if (!parsed.success) return err(invalidInput(useCase.name, parsed.error.issues));
      const input = parsed.data;
      const key = options.idempotencyKey;
      if (key !== undefined && actor.userId === null) {
        throw new Error(`${useCase.name}: an idempotency key needs a signed-in user`);
      }
      const now = clock();
      let prepared: Awaited<ReturnType<NonNullable<typeof useCase.prepare>>> | undefined;
      if (useCase.prepare) {
        prepared = await useCase.prepare({ db: deps.db, actor, now }, input);
        if (!prepared.ok) return refused(useCase.name, actor, prepared.error);
      }
      const sessions: { change: SessionChange | null } = { change: null };
      // PostgreSQL may end a transaction that deadlocked or could not be serialized (two
      // writers upserting the same rollup rows, say); it asks the client to run it again.
      // The use case runs again from the start in a new transaction, unless it has stored a
      // file: the upload's stream is spent, so that error goes to the caller.
      for (let attempt = 1; ; attempt++) {
        const effects: Effects = { afterCommit: [], onRollback: [], storedFiles: false };
        let value: Awaited<ReturnType<typeof runOnce>>;
        try {
          value = await runOnce(effects);
        } catch (error) {
          await undo(effects);
          if (error instanceof Refusal) return refused(useCase.name, actor, error.error);
          if (isRetryable(error) && !effects.storedFiles && attempt < MAX_ATTEMPTS) {
            await retryPause(attempt);
            continue;
          }
          throw error;
        }
        return afterCommit(value, effects);
      }

      async function runOnce(attemptEffects: Effects) {
        return deps.db.transaction().execute(async (trx) => {
          const scope = scopeFor(trx, actor, now, { newId, newToken }, attemptEffects, evidenceFiles, emailQueue);
          const once = async () => {
            const result = await useCase.run(scope, input, prepared?.ok ? prepared.value : (undefined as never));
            if (!result.ok) throw new Refusal(result.error);
            return result.value;
          };
          const outcome = async () => {
            if (key === undefined || actor.userId === null) return once();
            const replay = await onceForKey(
              trx,
              { userId: actor.userId, key, operation: useCase.name, request: input },
              once,
            );
            if (!replay.ok) throw new Refusal(replay.error);
            return replay.value.response;
          };
          const result = await outcome();
          sessions.change = deps.sessionChanges ? await sessionChangesIn(trx) : null;
          return result;
        });
      }

      async function undo(attemptEffects: Effects) {
        for (const step of attemptEffects.onRollback.reverse()) {
          try {
            await step();
          } catch (undoError) {
            onEffectError(undoError, useCase.name);
          }
        }
      }

      async function afterCommit<Value>(value: Value, committed: Effects) {
        if (sessions.change) {
          try {
            deps.sessionChanges?.announce(sessions.change);
          } catch (error) {
            onEffectError(error, useCase.name);
          }
        }
        for (const effect of committed.afterCommit) {
          try {
            await effect();
          } catch (error) {
            onEffectError(error, useCase.name);
          }
        }
        return ok(value);
      }
    },
  };
}

/** How many times a use case runs at most when PostgreSQL asks for a retry. */
const MAX_ATTEMPTS = 5;

/**
 * A random pause before attempt `attempt + 1`, up to 20 ms doubled per attempt (20, 40, 80,
 * 160): writers that deadlocked together and run again at once may well deadlock again (a burst
 * of eight model registrations in one unit once ran out of attempts in CI); spread out, they
 * take turns.
 */
function retryPause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** (attempt - 1)));
}

/** A deadlock (40P01) or a serialization failure (40001): PostgreSQL rolled back, running again may succeed. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "40P01" || code === "40001";
}

interface Effects {
  readonly afterCommit: Array<() => void | Promise<void>>;
  readonly onRollback: Array<() => Promise<void>>;
  /** Whether the attempt stored a file (it cannot be run again: the upload is read). */
  storedFiles: boolean;
}

const noEvidenceFiles: EvidenceFiles = {
  put: () => Promise.reject(new Error("createApp was given no evidenceFiles")),
  remove: () => Promise.resolve(),
};

function scopeFor(
  trx: DbTransaction,
  actor: Actor,
  now: Date,
  make: { newId: () => string; newToken: () => string },
  effects: Effects,
  evidenceFiles: EvidenceFiles,
  emailQueue: EmailQueue | null,
): UseCaseScope {
  return {
    trx,
    actor,
    now,
    today: now.toISOString().slice(0, 10),
    newId: make.newId,
    newToken: make.newToken,
    audit: (entry) => appendAudit(trx, { ...entry, actorUserId: entry.actorUserId ?? actor.userId }),
    afterCommit: (effect) => {
      effects.afterCommit.push(effect);
    },
    onRollback: (undo) => {
      effects.onRollback.push(undo);
    },
    evidenceFiles: {
      put: (key, file) => {
        effects.storedFiles = true;
        return evidenceFiles.put(key, file);
      },
      remove: (key) => evidenceFiles.remove(key),
    },
    emailQueue,
  };
}
