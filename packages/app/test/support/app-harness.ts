import { type Actor, type App, createApp } from "@lantoa/app";
import { sessionUserByUsername } from "@lantoa/db";
import { createDemoTestDatabase, snapshotDatabase, type TestDatabase, type TestEngine } from "@lantoa/db/testing";
import type { DomainError, Result } from "@lantoa/domain/errors";
import { expect } from "vitest";

/** The clock of every use case run by the harness: the demo data's "today". */
export const NOW = new Date("2023-09-01T01:00:00Z");

/** Use cases on a demo database of their own, run as the demo accounts, with a fixed clock and counted ids. */
export interface AppHarness {
  readonly database: TestDatabase;
  readonly app: App;
  /** A demo account as an actor (`admin`, `thanhliem.admin`, `phunu.canbo`, `giamkhao.1`, `xem`…). */
  as(username: string): Promise<Actor>;
  /** A unit's id by its code. */
  unit(code: string): Promise<string>;
  /** A fresh text for codes and keys that must not collide between tests sharing the database. */
  unique(prefix: string): string;
  /**
   * Runs `act`, expects it to be refused with `code`, and expects every table to be
   * exactly as before (no row added, removed or changed) but for one audit entry
   * recording the refusal with its code (none for input the schema refused). Returns the error.
   */
  expectRefusal(code: string, act: () => Promise<Result<unknown, DomainError>>): Promise<DomainError>;
  close(): Promise<void>;
}

/**
 * Starts a harness on the engine: the demo data copied from its image, and the use-case
 * runner over it. Tests in a file share it, so each test makes the records it changes.
 */
export async function startAppHarness(engine: TestEngine): Promise<AppHarness> {
  const database = await createDemoTestDatabase(engine);
  let ids = 0;
  const app = createApp({
    db: database.db,
    clock: () => NOW,
    newId: () => `ffffffff-0000-4000-8000-${(++ids).toString(16).padStart(12, "0")}`,
  });
  const actors = new Map<string, Actor>();
  const lastAuditId = async () =>
    Number(
      (
        await database.db
          .selectFrom("audit_log")
          .select((eb) => eb.fn.max("id").as("id"))
          .executeTakeFirst()
      )?.id ?? 0,
    );
  let uniques = 0;
  return {
    database,
    app,
    async as(username) {
      const cached = actors.get(username);
      if (cached) return cached;
      const user = await sessionUserByUsername(database.db, username);
      if (!user) throw new Error(`no demo account ${username}`);
      actors.set(username, user);
      return user;
    },
    async unit(code) {
      const row = await database.db.selectFrom("units").select("id").where("code", "=", code).executeTakeFirst();
      if (!row) throw new Error(`no demo unit ${code}`);
      return row.id;
    },
    unique: (prefix) => `${prefix}${++uniques}`,
    async expectRefusal(code, act) {
      const before = await snapshotDatabase(database.db);
      const lastAudit = await lastAuditId();
      const result = await act();
      expect(result.ok ? "accepted" : result.error.code).toBe(code);
      expect(await snapshotDatabase(database.db)).toEqual(before);
      const recorded = await database.db
        .selectFrom("audit_log")
        .select(["action", "after"])
        .where("id", ">", lastAudit)
        .execute();
      expect(recorded.map((r) => (r.after as { code: string }).code)).toEqual(code === "INPUT.INVALID" ? [] : [code]);
      expect(recorded.every((r) => r.action.endsWith(".refused"))).toBe(true);
      if (result.ok) throw new Error("unreachable");
      return result.error;
    },
    close: () => database.close(),
  };
}

/** The value of a result the test expects to succeed (its error code in the failure message otherwise). */
export function accepted<T>(result: Result<T, DomainError>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message.en}`);
  return result.value;
}
