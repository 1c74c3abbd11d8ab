import { commandLineActor, createApp, defineUseCase, type EvidenceFiles } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { ok } from "@lantoa/domain/errors";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";

// PGlite runs one transaction at a time: deadlocks are PostgreSQL's case.
describe.runIf(testEngines().includes("postgres"))("a use case PostgreSQL ends in a deadlock", () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness("postgres");
    await sql`CREATE TABLE deadlock_probe (id integer PRIMARY KEY, touched integer NOT NULL)`.execute(h.database.db);
  });
  afterAll(async () => {
    await h?.close();
  });

  /**
   * Two runs that each update one row, wait until the other has updated its own, then
   * update the other's: on their first attempt they deadlock, whatever the timing.
   * `storeFile` makes each attempt store a file first.
   */
  async function crossedRuns(storeFile: boolean) {
    await sql`TRUNCATE deadlock_probe`.execute(h.database.db);
    await sql`INSERT INTO deadlock_probe VALUES (1, 0), (2, 0)`.execute(h.database.db);
    const attempts: number[] = [];
    let arrived = 0;
    let bothArrived: () => void = () => {};
    const barrier = new Promise<void>((resolve) => {
      bothArrived = resolve;
    });
    const touchCrossed = defineUseCase({
      name: "test.touchCrossed",
      input: z.object({ first: z.number().int(), second: z.number().int() }),
      async run(scope, input) {
        attempts.push(input.first);
        if (storeFile)
          await scope.evidenceFiles.put(`probe/${input.first}`, {
            path: "",
            filename: "a.pdf",
            mimeType: "application/pdf",
            size: 0,
          } as never);
        await sql`UPDATE deadlock_probe SET touched = touched + 1 WHERE id = ${input.first}`.execute(scope.trx);
        if (++arrived === 2) bothArrived();
        if (arrived <= 2) await barrier;
        await sql`UPDATE deadlock_probe SET touched = touched + 1 WHERE id = ${input.second}`.execute(scope.trx);
        return ok(input.first);
      },
    });
    const stored: string[] = [];
    const files: EvidenceFiles = {
      put: async (key) => {
        stored.push(key);
      },
      remove: async () => {},
    };
    const app = createApp({ db: h.database.db, evidenceFiles: files });
    const outcomes = await Promise.allSettled([
      app.run(touchCrossed, commandLineActor, { first: 1, second: 2 }),
      app.run(touchCrossed, commandLineActor, { first: 2, second: 1 }),
    ]);
    const rows = await h.database.db
      .selectFrom("deadlock_probe" as never)
      .selectAll()
      .orderBy("id" as never)
      .execute();
    return { outcomes, attempts, rows };
  }

  it("runs the use case again, and both writers' changes are there once", async () => {
    const { outcomes, attempts, rows } = await crossedRuns(false);
    const values = outcomes.map((o) => (o.status === "fulfilled" ? accepted(o.value) : o.reason));
    expect(values).toEqual([1, 2]);
    // Two first attempts, one of them ended by PostgreSQL and run once more.
    expect(attempts).toHaveLength(3);
    expect(rows).toEqual([
      { id: 1, touched: 2 },
      { id: 2, touched: 2 },
    ]);
  });

  it("does not run again a use case that stored a file: the deadlock reaches its caller", async () => {
    const { outcomes, attempts } = await crossedRuns(true);
    const failed = outcomes.filter((o) => o.status === "rejected");
    expect(failed.map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(["40P01"]);
    expect(attempts).toHaveLength(2);
  });
});
