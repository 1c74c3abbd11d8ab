import { ModelDetailDocument, ModelsDocument } from "@lantoa/client";
import { testEngines } from "@lantoa/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evidenceLinks } from "../src/index.js";
import { type GatewayHarness, globalId, ROLES, type Role, startGatewayHarness } from "./support/gateway-harness.js";
import { statementsAfterSession } from "./support/statements.js";

const PAGE_FIELDS = `edges { node { code name ownerUnit { name parent { name } }
  indicatorValues { indicatorCode period value } latestResult { roundCode total tier rank } } }`;

/** Every field the compiled reads answer, through aliases, repeated keys and fragments. */
const EVERY_FIELD = `fragment Lists on Model {
  t: targets { indicatorCode targetValue unitCode }
  latestResult { roundCode roundName total max tier rank eliminated __typename }
  evidence { id kind title isPublic mimeType sizeBytes uri downloadUrl }
  commendations { decisionNumber decisionDate issuer level form validUntil revokedOn revokedReason }
  statusHistory { from to command by at reason }
  indicatorValues { indicatorCode period value unitCode }
}
fragment Everything on Model {
  __typename id code name kind personName status fields annualTheme problem solution startDate isPilot isPublic generated version
  ownerUnit { id code } ownerUnit { name level kind version depth parent { id name depth parent { code } } }
  ...Lists
}`;

const DETAIL = `query($id: ID!) { node(id: $id) { __typename id ... on Unit { code } ... on Model { first: code ...Everything } } } ${EVERY_FIELD}`;

const PAGE = `query($first: Int, $last: Int, $after: String, $before: String, $filter: ModelFilter, $orderBy: ModelOrder) {
  list: models(first: $first, last: $last, after: $after, before: $before, filter: $filter, orderBy: $orderBy) {
    __typename n: totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor __typename }
    edges { cursor __typename node { ...Everything } } } } ${EVERY_FIELD}`;

describe.each(testEngines())("compiled reads answer as the executor does, on %s", (engine) => {
  let compiled: GatewayHarness;
  let executor: GatewayHarness;
  let modelIds: string[];
  beforeAll(async () => {
    // One signing key for both, so that their evidence addresses can be compared.
    const links = evidenceLinks();
    compiled = await startGatewayHarness(engine, { evidenceLinks: links });
    executor = await startGatewayHarness(engine, {
      database: compiled.database,
      compiledReads: false,
      evidenceLinks: links,
    });
    // Two uploaded files (signed addresses) at the same moment (ordered by id after their time).
    const db = compiled.database.db;
    const duongHoa = await db
      .selectFrom("models")
      .select("id")
      .where("code", "=", "TL-2021-DUONGHOA")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("evidence")
      .values(
        ["b", "a"].map((name) => ({
          model_id: duongHoa.id,
          kind: "document" as const,
          title: `Biên bản ${name}`,
          storage_key: `compiled-reads/${name}.pdf`,
          mime_type: "application/pdf",
          size_bytes: 1234,
          uploaded_at: "2023-08-01T08:00:00+07:00",
        })),
      )
      .execute();
    // Models with each kind of list, pilots, and models of units outside most roles' scope.
    const { rows } = await sql<{ id: string }>`
      (select model_id as id from evidence limit 3) union (select recipient_model_id from commendations limit 3)
      union (select model_id from round_results limit 3) union (select model_id from model_targets limit 3)
      union (select id from models where is_pilot limit 3) union (select id from models order by code desc limit 3)
      union (select model_id from model_status_history group by model_id having count(*) > 2 limit 3)`.execute(
      compiled.database.db,
    );
    modelIds = rows.map((row) => row.id).sort();
  });
  afterAll(async () => {
    await executor?.close();
    await compiled?.close();
  });

  /** Both gateways' answers, as the JSON text a client reads (key order included). */
  async function both(role: Role, query: string, variables: Record<string, unknown>) {
    const token = compiled.tokens[role];
    const [a, b] = await Promise.all([
      compiled.call(query, variables, token),
      executor.call(query, variables, executor.tokens[role]),
    ]);
    return { compiled: JSON.stringify(a), executor: JSON.stringify(b), parsed: a };
  }

  it("answers each model's detail, every compiled field, for every role", async () => {
    expect(modelIds.length).toBeGreaterThan(10);
    for (const role of ROLES) {
      for (const id of modelIds) {
        const answers = await both(role, DETAIL, { id: globalId("Model", id) });
        expect(answers.compiled, `${role} reading ${id}`).toBe(answers.executor);
      }
    }
  });

  it("answers pages in every order, forwards and backwards, for every role", async () => {
    for (const role of ROLES) {
      for (const orderBy of ["CODE", "NAME", "STATUS", "NEWEST"]) {
        const first = await both(role, PAGE, { first: 7, orderBy });
        expect(first.compiled, `${role} ${orderBy}`).toBe(first.executor);
        if (role === "systemAdmin") expect(first.parsed.data.list.edges).toHaveLength(7);
        const end = first.parsed.data?.list?.pageInfo?.endCursor;
        if (typeof end !== "string") continue;
        const next = await both(role, PAGE, { first: 7, after: end, orderBy });
        expect(next.compiled, `${role} ${orderBy} after`).toBe(next.executor);
        const back = await both(role, PAGE, { last: 3, before: end, orderBy });
        expect(back.compiled, `${role} ${orderBy} before`).toBe(back.executor);
      }
    }
  });

  it("answers every filter it compiles, and the refusals of the ones it does not, for every role", async () => {
    const unit = (code: string) => globalId("Unit", compiled.units[code] ?? "");
    const filters: Record<string, unknown>[] = [
      { withinUnitId: unit("TL") },
      { withinUnitId: unit("TL-HPN") },
      { withinUnitId: unit("PHULY") },
      { pilots: true },
      { pilots: true, withinUnitId: unit("TL") },
      { status: "active" },
      { level: "commune" },
      { field: "social-welfare", excludeGenerated: true },
      { fromYear: 2020, toYear: 2022 },
      { annualTheme: "x".repeat(301) },
      { level: "x".repeat(65) },
      { text: "duong hoa" },
      { withinUnitId: globalId("Model", compiled.units.TL ?? "") },
      { withinUnitId: "not-a-global-id" },
    ];
    let answered = 0;
    for (const role of ROLES) {
      for (const filter of filters) {
        const answers = await both(role, PAGE, { first: 20, filter });
        expect(answers.compiled, `${role} ${JSON.stringify(filter)}`).toBe(answers.executor);
        if (answers.parsed.data?.list?.edges?.length > 0) answered++;
      }
    }
    // Most filters find models for most roles (the rest are refusals, compared above too).
    expect(answered).toBeGreaterThan(30);
  });

  it("answers bad arguments and what it leaves to the executor as the executor does: a forged cursor, a page too large, ids of no model, a directive", async () => {
    const cases: [string, Record<string, unknown>][] = [
      [PAGE, { first: 5, after: "forged" }],
      [PAGE, { first: 201 }],
      [PAGE, { first: 5, last: 5 }],
      [DETAIL, { id: globalId("Unit", compiled.units.TL ?? "") }],
      [DETAIL, { id: globalId("Model", "00000000-0000-4000-8000-000000000000") }],
      [DETAIL, { id: globalId("Model", "nope") }],
      [DETAIL, { id: "%%%" }],
      // Left to the executor: a directive, a second root field, a search.
      [
        `query($id: ID!, $x: Boolean!) { node(id: $id) { ... on Model { code name @include(if: $x) } } }`,
        { id: globalId("Model", modelIds[0] ?? ""), x: false },
      ],
      [`query { __typename models(first: 3) { edges { node { code } } } }`, {}],
      [`query { models(first: 3, filter: { text: "duong hoa" }) { edges { node { code } } } }`, {}],
    ];
    for (const [query, variables] of cases) {
      const answers = await both("unitAdmin", query, variables);
      expect(answers.compiled, JSON.stringify(variables)).toBe(answers.executor);
    }
  });

  it("answers the admin app's models page and model detail (client operations) as the executor does", async () => {
    const filter = { withinUnitId: globalId("Unit", compiled.units.TL ?? "") };
    const page = await both("unitAdmin", ModelsDocument.toString(), { first: 20, filter });
    expect(page.compiled).toBe(page.executor);
    const detail = await both("unitAdmin", ModelDetailDocument.toString(), {
      id: globalId("Model", modelIds[0] ?? ""),
    });
    expect(detail.compiled).toBe(detail.executor);
  });

  it("answers a page of models with its lists and total in one statement (the compiled path, not the executor's two)", async () => {
    const u = globalId("Unit", compiled.units.TL ?? "");
    const query = `query($u: ID!) { models(first: 50, filter: { withinUnitId: $u }) { totalCount ${PAGE_FIELDS} } }`;
    expect(await statementsAfterSession(compiled, query, { u })).toBe(1);
  });

  it("answers a model's detail with every compiled list in one statement", async () => {
    expect(await statementsAfterSession(compiled, DETAIL, { id: globalId("Model", modelIds[0] ?? "") })).toBe(1);
  });

  it("leaves a field it does not compile (a model's allowed actions) to the executor: as many statements as without compiled reads", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on Model { code allowedActions } } }`;
    const variables = { id: globalId("Model", modelIds[0] ?? "") };
    const byExecutor = await statementsAfterSession(executor, query, variables);
    expect(byExecutor).toBeGreaterThan(1);
    expect(await statementsAfterSession(compiled, query, variables)).toBe(byExecutor);
  });

  it("answers the admin app's model detail, signed evidence addresses included, in one statement", async () => {
    const uploaded = await compiled.database.db
      .selectFrom("evidence")
      .select("model_id")
      .where("storage_key", "is not", null)
      .executeTakeFirstOrThrow();
    const variables = { id: globalId("Model", uploaded.model_id) };
    expect(await statementsAfterSession(compiled, ModelDetailDocument.toString(), variables)).toBe(1);
    const answers = await both("systemAdmin", ModelDetailDocument.toString(), variables);
    expect(answers.compiled).toContain('"downloadUrl":"/files/evidence/');
    expect(answers.compiled).toBe(answers.executor);
  });

  it("signs only its own marks: evidence titled like one keeps its title", async () => {
    const [evidence] = await compiled.database.db.selectFrom("evidence").select(["id", "model_id"]).limit(1).execute();
    if (!evidence) throw new Error("demo evidence");
    const title = `lantoa-download-${"0".repeat(32)}:${evidence.id}`;
    await compiled.database.db.updateTable("evidence").set({ title }).where("id", "=", evidence.id).execute();
    const answers = await both("systemAdmin", DETAIL, { id: globalId("Model", evidence.model_id) });
    expect(answers.compiled).toBe(answers.executor);
    expect(answers.compiled).toContain(JSON.stringify(title));
  });
});
