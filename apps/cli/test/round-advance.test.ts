import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { commandLineActor, createApp, createRound } from "@lantoa/app";
import { type Connection, connect, migrateToLatest, seedDemoData } from "@lantoa/db";
import { createDemoTestDatabase, type TestDatabase, type TestEngine, testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const main = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "main.js");

/**
 * Where the CLI finds the engine's demo database: a PGlite data folder seeded here (the
 * CLI opens it by LANTOA_DATA_DIR, never while the test has it open), or a copy of the
 * demo template on the PostgreSQL server (by DATABASE_URL).
 */
interface Target {
  readonly env: Record<string, string>;
  open(): Promise<Connection>;
  dispose(): Promise<void>;
}

async function demoTarget(engine: TestEngine): Promise<Target> {
  if (engine === "postgres") {
    const database: TestDatabase = await createDemoTestDatabase("postgres");
    const url = new URL(process.env.TEST_DATABASE_URL as string);
    url.pathname = `/${database.name}`;
    const shared: Connection = { ...database, close: async () => {} };
    return { env: { DATABASE_URL: url.toString() }, open: async () => shared, dispose: () => database.close() };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "lantoa-cli-round-"));
  const seeding = await connect({ engine: "pglite", dataDir });
  try {
    await migrateToLatest(seeding.db);
    await seedDemoData(seeding.db);
  } finally {
    await seeding.close();
  }
  return {
    env: { LANTOA_DATA_DIR: dataDir },
    open: () => connect({ engine: "pglite", dataDir }),
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

describe.each(testEngines())("lantoa round advance on %s", (engine) => {
  let target: Target;
  let rounds = 0;
  beforeAll(async () => {
    target = await demoTarget(engine);
  }, 180_000);
  afterAll(async () => {
    await target?.dispose();
  });

  /** Runs the built CLI as an operator would, against the engine's database. */
  function lantoa(args: string[]) {
    const result = spawnSync(process.execPath, [main, ...args], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", ...target.env },
      timeout: 110_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  async function withDb<T>(work: (connection: Connection) => Promise<T>): Promise<T> {
    const connection = await target.open();
    try {
      return await work(connection);
    } finally {
      await connection.close();
    }
  }

  /** A draft round of Thanh Liêm over two article models given evidence, so both are eligible; its code. */
  const draftRound = () =>
    withDb(async ({ db }) => {
      const organizer = await db
        .selectFrom("units")
        .select(["id", "path"])
        .where("code", "=", "TL")
        .executeTakeFirstOrThrow();
      const models = await db
        .selectFrom("models as m")
        .innerJoin("units as u", "u.id", "m.owner_unit_id")
        .select(["m.id", "m.code"])
        .where("u.path", "like", `${organizer.path}%`)
        .where("m.status", "=", "active")
        .where("m.generated", "=", false)
        .where("m.start_date", "<=", "2021-03-31")
        .orderBy("m.code")
        .offset(2 * rounds)
        .limit(2)
        .execute();
      await db
        .insertInto("evidence")
        .values(
          models.map((m) => ({ model_id: m.id, kind: "link" as const, title: "Báo cáo", uri: "https://example.org" })),
        )
        .execute();
      const code = `CLI-DOT-${++rounds}`;
      const created = await createApp({ db }).run(createRound, commandLineActor, {
        code,
        name: `Đợt thử ${code}`,
        criteriaSetCode: "default",
        criteriaVersion: 1,
        organizerUnitId: organizer.id,
        period: "2022",
        referenceDate: "2022-12-15",
        modelCodes: models.map((m) => m.code),
      });
      if (!created.ok || created.value.eligible !== 2) throw new Error(`fixture round: ${JSON.stringify(created)}`);
      return code;
    });
  /** The round's status and version, and the users (null for the command line) of its audit entries. */
  const stateOf = (code: string) =>
    withDb(async ({ db }) => {
      const round = await db
        .selectFrom("rounds")
        .select(["id", "status", "version"])
        .where("code", "=", code)
        .executeTakeFirstOrThrow();
      const audit = await db
        .selectFrom("audit_log as a")
        .leftJoin("users as u", "u.id", "a.actor_user_id")
        .select(["a.action", "u.username"])
        .where("a.entity_id", "=", round.id)
        .orderBy("a.id")
        .execute();
      return { status: round.status, version: round.version, audit };
    });

  it("takes a round's step through the use case as the command-line operator, audited without a user", async () => {
    const code = await draftRound();
    const run = lantoa(["round", "advance", "--code", code, "--step", "open-self-assessment"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`Đợt ${code}: draft → self-assessment (phiên bản 2).\n`);
    expect(await stateOf(code)).toEqual({
      status: "self-assessment",
      version: 2,
      audit: [
        { action: "round.create", username: null },
        { action: "round.open-self-assessment", username: null },
      ],
    });
  });

  it("acts as the named user, whose name the audit entry carries", async () => {
    const code = await draftRound();
    const run = lantoa([
      "--lang",
      "en",
      "round",
      "advance",
      "--code",
      code,
      "--step",
      "self-assessment",
      "--as",
      "thanhliem.admin",
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`Round ${code}: draft → self-assessment (version 2).\n`);
    expect((await stateOf(code)).audit.at(-1)).toEqual({
      action: "round.open-self-assessment",
      username: "thanhliem.admin",
    });
  });

  it("exits 1 with the reason when the step's requirements are not met, changing nothing", async () => {
    const code = await draftRound();
    expect(lantoa(["round", "advance", "--code", code, "--step", "open-self-assessment"]).code).toBe(0);
    const before = await stateOf(code);
    const run = lantoa(["--lang", "en", "round", "advance", "--code", code, "--step", "review"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("2 model(s) have no submitted self-assessment. [ROUND.REQUIREMENT_NOT_MET]\n");
    expect(await stateOf(code)).toEqual(before);
  });

  it("exits 1 when the named user may not administer the round, changing nothing", async () => {
    const code = await draftRound();
    const before = await stateOf(code);
    const run = lantoa(["round", "advance", "--code", code, "--step", "open-self-assessment", "--as", "giamkhao.1"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("[AUTH.FORBIDDEN]");
    expect(await stateOf(code)).toEqual(before);
  });

  it("exits 1 for a round or a user that does not exist", () => {
    expect(lantoa(["round", "advance", "--code", "KHONG-CO", "--step", "publish"]).code).toBe(1);
    const nobody = lantoa(["round", "advance", "--code", "KHONG-CO", "--step", "publish", "--as", "nobody"]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain("nobody");
  });

  it("exits 2 for a step that does not exist or a missing code, before touching any data", () => {
    expect(lantoa(["round", "advance", "--code", "X", "--step", "skip-to-the-end"]).code).toBe(2);
    expect(lantoa(["round", "advance", "--step", "publish"]).code).toBe(2);
  });
});
