import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Database,
  insertUnit,
  listModels,
  MODEL_ORDERS,
  type ModelFilter,
  type ModelOrder,
  type ModelRow,
  modelPosition,
  moveUnit,
  seedConfiguration,
} from "../src/index.js";
import { createTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

type Row = Pick<ModelRow, "code" | "name" | "status" | "start_date" | "owner_unit_id">;

// Names and codes of lower-case ASCII only: every collation orders them as JavaScript does.
const names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"];
const statuses = ["draft", "submitted", "returned", "approved", "active", "archived", "suspended"] as const;
const dates = ["2019-03-01", "2021-07-15", "2021-07-16", "2024-01-31", "2025-12-31"];

/** The order's comparison, written apart from the SQL it checks. */
function compare(order: ModelOrder): (a: Row, b: Row) => number {
  const byCode = (a: Row, b: Row) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const by = (key: (r: Row) => string) => (a: Row, b: Row) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : byCode(a, b);
  switch (order) {
    case "code":
      return byCode;
    case "name":
      return by((r) => r.name);
    case "status":
      return by((r) => r.status);
    case "newest":
      return (a, b) => -by((r) => r.start_date)(a, b);
  }
}

/** Every page forwards, each after the last row of the one before. */
async function forwards(db: Kysely<Database>, filter: ModelFilter, order: ModelOrder, limit: number) {
  const codes: string[] = [];
  let after: Row | undefined;
  for (;;) {
    const page = await listModels(db, filter, { order, limit, after: after && modelPosition(after, order) });
    codes.push(...page.map((r) => r.code));
    after = page.at(-1);
    if (page.length < limit) return codes;
  }
}

/** Every page backwards from the end, each before the first row of the one after. */
async function backwards(db: Kysely<Database>, filter: ModelFilter, order: ModelOrder, limit: number) {
  const codes: string[] = [];
  let before: Row | undefined;
  for (;;) {
    const page = await listModels(db, filter, {
      order,
      limit,
      inverted: true,
      before: before && modelPosition(before, order),
    });
    // Nearest the cursor first, as Relay's `last` reads.
    codes.unshift(...page.map((r) => r.code).reverse());
    before = page.at(-1);
    if (page.length < limit) return codes;
  }
}

async function unitTree(db: Kysely<Database>, prefix: string) {
  const unit = (code: string, parentId: string | null) =>
    insertUnit(db, { code: `${prefix}${code}`, name: code, parentId, level: "commune", kind: "party-committee" });
  const root = await unit("R", null);
  const a = await unit("A", root.id);
  const b = await unit("B", root.id);
  const a1 = await unit("A1", a.id);
  const a2 = await unit("A2", a.id);
  const b1 = await unit("B1", b.id);
  return { root, a, b, a1, a2, b1 };
}

async function insertModels(db: Kysely<Database>, rows: readonly Row[]) {
  await db
    .insertInto("models")
    .values(rows.map((r) => ({ ...r, kind: "collective" as const })))
    .execute();
}

describe.each(testEngines())("paging models on %s", (engine) => {
  let database: TestDatabase;
  let units: Awaited<ReturnType<typeof unitTree>>;
  let rows: Row[];
  /** The models of each scope, by the unit's letter; the whole list under "all". */
  let scopes: Array<[label: string, filter: ModelFilter, rows: Row[]]>;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedConfiguration(database.db);
    units = await unitTree(database.db, "PG-");
    const owners = [units.root, units.a, units.b, units.a1, units.a2, units.b1];
    // 97 models (a prime, so no page size divides it), codes inserted out of order,
    // names, statuses and dates drawn so every sort value has many ties.
    rows = Array.from({ length: 97 }, (_, i) => {
      const n = (i * 37) % 97;
      return {
        code: `pg-${String(n).padStart(3, "0")}`,
        name: names[(n * 7) % names.length] as string,
        status: statuses[(n * 5) % statuses.length] as Row["status"],
        start_date: dates[(n * 3) % dates.length] as string,
        owner_unit_id: (owners[n % owners.length] as { id: string }).id,
      };
    });
    await insertModels(database.db, rows);
    const ownedBy = (...ids: string[]) => rows.filter((r) => ids.includes(r.owner_unit_id));
    scopes = [
      ["the whole list", {}, rows],
      ["the root's subtree", { withinUnitId: units.root.id }, rows],
      ["a middle unit's subtree", { withinUnitId: units.a.id }, ownedBy(units.a.id, units.a1.id, units.a2.id)],
      ["a leaf's subtree", { withinUnitId: units.b1.id }, ownedBy(units.b1.id)],
      ["a subtree given by path", { withinPath: units.b.path }, ownedBy(units.b.id, units.b1.id)],
    ];
  });
  afterAll(async () => {
    await database?.close();
  });

  it.each(MODEL_ORDERS)("pages by %s forwards through every scope: all rows, in order, none twice", async (order) => {
    for (const [label, filter, expected] of scopes) {
      const want = [...expected].sort(compare(order)).map((r) => r.code);
      expect(await forwards(database.db, filter, order, 7), `${order}, ${label}`).toEqual(want);
    }
  });

  it.each(MODEL_ORDERS)("pages by %s backwards through every scope: all rows, in order, none twice", async (order) => {
    for (const [label, filter, expected] of scopes) {
      const want = [...expected].sort(compare(order)).map((r) => r.code);
      expect(await backwards(database.db, filter, order, 6), `${order}, ${label}`).toEqual(want);
    }
  });

  it.each(MODEL_ORDERS)("reads by %s the rows between two cursors", async (order) => {
    const sorted = [...rows].sort(compare(order));
    const [from, to] = [sorted[20] as Row, sorted[41] as Row];
    const page = await listModels(
      database.db,
      {},
      { order, limit: 100, after: modelPosition(from, order), before: modelPosition(to, order) },
    );
    expect(page.map((r) => r.code)).toEqual(sorted.slice(21, 41).map((r) => r.code));
  });

  it("defaults to code order", async () => {
    const page = await listModels(database.db, {}, { limit: 5 });
    expect(page.map((r) => r.code)).toEqual(["pg-000", "pg-001", "pg-002", "pg-003", "pg-004"]);
  });

  it("finds nothing within an unknown unit", async () => {
    const page = await listModels(database.db, { withinUnitId: "00000000-0000-4000-8000-000000000000" }, { limit: 5 });
    expect(page).toEqual([]);
  });
});

describe.each(testEngines())("models by Vietnamese name on %s", (engine) => {
  let database: TestDatabase;
  // As a reader looks them up: a letter with marks beside its base letter (A, Ă; D, Đ),
  // upper and lower case together. Written by hand, not computed by a collator.
  const expected = [
    "An toàn giao thông",
    "Ăn sạch sống xanh",
    "Bò sữa",
    "Dâu tằm",
    "dừa sáp",
    "Đường hoa quân sự",
    "Em vui đến trường",
    "Ông bà kể chuyện",
    "Zô ta",
  ];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedConfiguration(database.db);
    const tree = await unitTree(database.db, "VI-");
    // Inserted in another order than the expected one, codes unrelated to the names.
    const shuffled = [4, 8, 0, 6, 2, 7, 1, 5, 3].map((i) => expected[i] as string);
    await insertModels(
      database.db,
      shuffled.map((name, i) => ({
        code: `vi-${i}`,
        name,
        status: "draft",
        start_date: "2024-01-01",
        owner_unit_id: tree.a.id,
      })),
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it("pages forwards by name with Đ among the D's, not after Z", async () => {
    const codes = await forwards(database.db, {}, "name", 2);
    const names = await database.db.selectFrom("models").select(["code", "name"]).execute();
    const nameOf = new Map(names.map((m) => [m.code, m.name]));
    expect(codes.map((c) => nameOf.get(c))).toEqual(expected);
  });

  it("pages backwards by name in the same order", async () => {
    const codes = await backwards(database.db, {}, "name", 2);
    const names = await database.db.selectFrom("models").select(["code", "name"]).execute();
    const nameOf = new Map(names.map((m) => [m.code, m.name]));
    expect(codes.map((c) => nameOf.get(c))).toEqual(expected);
  });
});

describe.each(testEngines())("the owner's path on models on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedConfiguration(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("copies the owner's path onto a new model", async () => {
    const tree = await unitTree(database.db, "NEW-");
    await insertModels(database.db, [
      { code: "new-1", name: "alpha", status: "draft", start_date: "2024-01-01", owner_unit_id: tree.a1.id },
    ]);
    const model = await database.db
      .selectFrom("models")
      .select("owner_path")
      .where("code", "=", "new-1")
      .executeTakeFirst();
    expect(model?.owner_path).toBe(tree.a1.path);
  });

  it("rewrites the paths of a moved unit's models and of its descendants' models", async () => {
    const tree = await unitTree(database.db, "MOVE-");
    await insertModels(database.db, [
      { code: "move-a", name: "alpha", status: "draft", start_date: "2024-01-01", owner_unit_id: tree.a.id },
      { code: "move-a1", name: "alpha", status: "draft", start_date: "2024-01-01", owner_unit_id: tree.a1.id },
      { code: "move-b1", name: "alpha", status: "draft", start_date: "2024-01-01", owner_unit_id: tree.b1.id },
    ]);
    const moved = await database.db
      .transaction()
      .execute((trx) => moveUnit(trx, tree.a.id, tree.b1.id, tree.a.version));
    expect(moved.ok).toBe(true);
    const { rows: paths } = await sql<{ code: string; owner_path: string; unit_path: string }>`
      select m.code, m.owner_path, u.path as unit_path from models m join units u on u.id = m.owner_unit_id
      where m.code like 'move-%' order by m.code`.execute(database.db);
    expect(paths.map((p) => [p.code, p.owner_path])).toEqual(paths.map((p) => [p.code, p.unit_path]));
    expect(paths.find((p) => p.code === "move-a1")?.owner_path).toBe(`${tree.b1.path}${tree.a.id}/${tree.a1.id}/`);
    const underB = await listModels(database.db, { withinUnitId: tree.b.id }, { limit: 10 });
    expect(underB.map((m) => m.code)).toEqual(["move-a", "move-a1", "move-b1"]);
  });

  it("follows a change of owner", async () => {
    const tree = await unitTree(database.db, "OWN-");
    await insertModels(database.db, [
      { code: "own-1", name: "alpha", status: "draft", start_date: "2024-01-01", owner_unit_id: tree.a1.id },
    ]);
    await database.db.updateTable("models").set({ owner_unit_id: tree.b1.id }).where("code", "=", "own-1").execute();
    const model = await database.db
      .selectFrom("models")
      .select("owner_path")
      .where("code", "=", "own-1")
      .executeTakeFirst();
    expect(model?.owner_path).toBe(tree.b1.path);
    expect(await listModels(database.db, { withinUnitId: tree.a.id }, { limit: 10 })).toEqual([]);
  });

  it("keeps the owner's path when a statement writes another one", async () => {
    const tree = await unitTree(database.db, "FORGE-");
    await insertModels(database.db, [
      { code: "forge-1", name: "alpha", status: "draft", start_date: "2024-01-01", owner_unit_id: tree.a1.id },
    ]);
    await sql`update models set owner_path = ${tree.b1.path} where code = 'forge-1'`.execute(database.db);
    const model = await database.db
      .selectFrom("models")
      .select("owner_path")
      .where("code", "=", "forge-1")
      .executeTakeFirst();
    expect(model?.owner_path).toBe(tree.a1.path);
  });

  it("still refuses an unknown owner with the foreign key's error", async () => {
    await expect(
      insertModels(database.db, [
        {
          code: "orphan-1",
          name: "alpha",
          status: "draft",
          start_date: "2024-01-01",
          owner_unit_id: "00000000-0000-4000-8000-000000000000",
        },
      ]),
    ).rejects.toMatchObject({ code: "23503" });
  });
});
