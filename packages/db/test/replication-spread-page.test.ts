import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countReplicationSpread,
  type ReplicationSpreadRow,
  replicationSpread,
  replicationSpreadFromRaw,
  seedDemoData,
} from "../src/index.js";
import { createTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

/** The order the report promises, written out again: most first, then the origin's name, then its id. */
function expectedOrder(rows: ReplicationSpreadRow[], key: (r: ReplicationSpreadRow) => number) {
  return [...rows].sort(
    (a, b) =>
      key(b) - key(a) ||
      Buffer.compare(Buffer.from(a.originName), Buffer.from(b.originName)) ||
      Buffer.compare(Buffer.from(a.originModelId), Buffer.from(b.originModelId)),
  );
}

describe.each(testEngines())("a page of the replication spread on %s", (engine) => {
  let database: TestDatabase;
  let all: ReplicationSpreadRow[];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDemoData(database.db);
    all = await replicationSpreadFromRaw(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("has pilots enough to page through", () => {
    expect(all.length).toBeGreaterThanOrEqual(3);
  });

  it("pages by adopters, two at a time, through every pilot in order", async () => {
    const pages: ReplicationSpreadRow[] = [];
    for (let offset = 0; offset < all.length; offset += 2) {
      const page = await replicationSpread(database.db, {}, { limit: 2, offset });
      expect(page.length).toBe(Math.min(2, all.length - offset));
      pages.push(...page);
    }
    expect(pages.map((r) => r.originModelId)).toEqual(
      expectedOrder(all, (r) => r.allAdopters).map((r) => r.originModelId),
    );
  });

  it("orders by adopting units when asked", async () => {
    const rows = await replicationSpread(database.db, {}, { order: "adopting-units" });
    expect(rows.map((r) => r.originModelId)).toEqual(
      expectedOrder(all, (r) => r.adoptingUnits).map((r) => r.originModelId),
    );
  });

  it("returns one origin's row alone", async () => {
    const last = all[all.length - 1]!;
    const rows = await replicationSpread(database.db, {}, { originModelId: last.originModelId });
    expect(rows).toEqual([last]);
  });

  it("counts every pilot of the scope", async () => {
    expect(await countReplicationSpread(database.db)).toBe(all.length);
  });

  it("pages a spread up to a year from the raw walk the same way", async () => {
    const filter = { toYear: 2030 };
    const raw = await replicationSpreadFromRaw(database.db, filter);
    const page = await replicationSpread(database.db, filter, { limit: 2, offset: 1 });
    expect(page).toEqual(expectedOrder(raw, (r) => r.allAdopters).slice(1, 3));
    expect(await countReplicationSpread(database.db, filter)).toBe(raw.length);
  });
});
