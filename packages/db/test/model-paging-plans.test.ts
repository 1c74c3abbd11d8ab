import { type CompiledQuery, Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countModelsMatching,
  type Database,
  generateScaleData,
  listModels,
  MODEL_ORDERS,
  type ModelFilter,
  type ModelOrder,
  type ModelPage,
  modelPosition,
} from "../src/index.js";
import { createTestDatabase, TEST_DATABASE_URL_VAR, type TestDatabase, testEngines } from "../src/testing/index.js";

/** One node of `EXPLAIN (FORMAT JSON)`, as far as these checks read it. */
interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Plan Rows": number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * The indexes each order may walk when the subtree is too large to read whole and sort.
 * By code, the unique key's own index too: generated codes follow the table's physical
 * order, which makes fetching each row the walk passes cheap.
 */
const orderIndexes: Record<ModelOrder, string[]> = {
  code: ["models_code_path_idx", "models_code_key"],
  name: ["models_name_order_idx"],
  status: ["models_status_code_path_idx"],
  newest: ["models_start_date_code_path_idx"],
};

// 40,000 models over ~2,000 units in 14 provinces: a province holds ~7 % of the models
// (walked by the order's index), a commune with its bodies ~0.3 % (read by its path
// range, a hundred rows sorted), enough rows for the planner's costs to tell them apart.
const scale = { units: 2000, models: 40_000, valuesPerModel: 1, goldenBookPerUnit: 1, roundResults: 100, seed: 19 };

describe.each(testEngines())("plans of model pages on %s", (engine) => {
  if (engine === "pglite") {
    it.skip("are checked on PostgreSQL only: the planner that serves production, and PGlite would load the rows by INSERT for minutes", () => {});
    return;
  }

  let database: TestDatabase;
  let pool: pg.Pool;
  let db: Kysely<Database>;
  const sent: CompiledQuery[] = [];
  let scopes: Array<[label: "small subtree" | "large subtree" | "whole country", filter: ModelFilter]>;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const url = new URL(process.env[TEST_DATABASE_URL_VAR] as string);
    url.pathname = `/${database.name}`;
    await generateScaleData(database.db, { ...scale, copyUrl: url.toString() });
    await sql`ANALYZE`.execute(database.db);
    pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
    // listModels on a connection that keeps what it sends, to EXPLAIN the very statement.
    db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      log: (event) => {
        if (event.level === "query") sent.push(event.query);
      },
    });
    const province = await db
      .selectFrom("units")
      .select("id")
      .where("level", "=", "province")
      .where("parent_id", "is", null)
      .orderBy("code")
      .executeTakeFirstOrThrow();
    const commune = await db
      .selectFrom("units")
      .select("id")
      .where(sql<boolean>`unit_group = 'commune'`)
      .orderBy("code")
      .executeTakeFirstOrThrow();
    scopes = [
      ["small subtree", { withinUnitId: commune.id }],
      ["large subtree", { withinUnitId: province.id }],
      ["whole country", {}],
    ];
  }, 300_000);
  afterAll(async () => {
    await db?.destroy();
    await database?.close();
  });

  /** The plan of the page statement listModels sends (its last one: a unit's path is looked up first). */
  async function planOf(filter: ModelFilter, page: ModelPage): Promise<PlanNode[]> {
    sent.length = 0;
    await listModels(db, filter, page);
    const query = sent.at(-1) as CompiledQuery;
    const { rows } = await pool.query(`EXPLAIN (FORMAT JSON) ${query.sql}`, [...query.parameters]);
    return nodes(rows[0]["QUERY PLAN"][0].Plan);
  }

  /** The first page, the page after its last row, and the page before that row read backwards. */
  async function pagesOf(filter: ModelFilter, order: ModelOrder): Promise<Array<[string, ModelPage]>> {
    const first = await listModels(db, filter, { order, limit: 50 });
    const cursor = modelPosition(
      first.at(-1) ?? { code: "", name: "", status: "draft", start_date: "2020-01-01" },
      order,
    );
    return [
      ["first page", { order, limit: 50 }],
      ["page after a cursor", { order, limit: 50, after: cursor }],
      ["page before a cursor", { order, limit: 50, before: cursor, inverted: true }],
    ];
  }

  it.each(MODEL_ORDERS)("pages by %s without reading models whole", async (order) => {
    for (const [scope, filter] of scopes) {
      for (const [pageLabel, page] of await pagesOf(filter, order)) {
        const plan = await planOf(filter, page);
        const label = `${order}, ${scope}, ${pageLabel}`;
        const onModels = plan.filter((n) => n["Relation Name"] === "models");
        expect(
          onModels.map((n) => n["Node Type"]),
          `${label}: no Seq Scan on models`,
        ).not.toContain("Seq Scan");
        expect(
          plan.some((n) => n["Index Name"]?.startsWith("models_")),
          `${label}: reads an index of models`,
        ).toBe(true);
      }
    }
  });

  it.each(MODEL_ORDERS)(
    "pages by %s forwards in a large subtree and the whole country by walking the order's index, unsorted",
    async (order) => {
      for (const [scope, filter] of scopes.filter(([s]) => s !== "small subtree")) {
        const pages = (await pagesOf(filter, order)).filter(([pageLabel]) => pageLabel !== "page before a cursor");
        for (const [pageLabel, page] of pages) {
          const plan = await planOf(filter, page);
          const label = `${order}, ${scope}, ${pageLabel}`;
          expect(
            plan.filter((n) => n["Node Type"].includes("Sort")).map((n) => n["Node Type"]),
            `${label}: no Sort`,
          ).toEqual([]);
          expect(
            plan.filter((n) => n["Relation Name"] === "models").map((n) => n["Index Name"]),
            `${label}: walks ${orderIndexes[order].join(" or ")}`,
          ).toSatisfy((names: string[]) => names.length === 1 && orderIndexes[order].includes(names[0] as string));
        }
      }
    },
  );

  // Backwards from the 50th row, the planner may intersect the subtree's range with the
  // rows before the cursor and sort those few: right, as long as it never sorts the subtree.
  it.each(MODEL_ORDERS)(
    "pages by %s in a large subtree and the whole country sorting a page's worth at most",
    async (order) => {
      const [, large] = scopes[1] as [string, ModelFilter];
      expect(await countModelsMatching(db, large), "the large subtree holds thousands of models").toBeGreaterThan(2000);
      for (const [scope, filter] of scopes.filter(([s]) => s !== "small subtree")) {
        for (const [pageLabel, page] of await pagesOf(filter, order)) {
          const plan = await planOf(filter, page);
          const label = `${order}, ${scope}, ${pageLabel}`;
          for (const sort of plan.filter((n) => n["Node Type"].includes("Sort"))) {
            expect(sort["Plan Rows"], `${label}: sorts a few rows, not the subtree`).toBeLessThan(500);
          }
        }
      }
    },
  );

  it.each(MODEL_ORDERS)(
    "pages by %s in a small subtree by its path range, sorting only its few rows",
    async (order) => {
      const [, filter] = scopes[0] as [string, ModelFilter];
      for (const [pageLabel, page] of await pagesOf(filter, order)) {
        const plan = await planOf(filter, page);
        const label = `${order}, small subtree, ${pageLabel}`;
        for (const sort of plan.filter((n) => n["Node Type"].includes("Sort"))) {
          expect(sort["Plan Rows"], `${label}: sorts at most a few hundred rows`).toBeLessThan(500);
          expect(
            nodes(sort).some((n) => n["Index Name"] === "models_owner_path_idx"),
            `${label}: sorts the rows of the path range`,
          ).toBe(true);
        }
        expect(
          plan.some(
            (n) => n["Index Name"] === "models_owner_path_idx" || orderIndexes[order].includes(n["Index Name"] ?? ""),
          ),
          `${label}: reads the path range or walks the order's index`,
        ).toBe(true);
      }
    },
  );
});
