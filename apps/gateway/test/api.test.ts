import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_PASSWORD, DEMO_ROUND_CODE, replicationSpread } from "@lantoa/db";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayYoga, evidenceLinks, localFolderStorage, serveEvidence } from "../src/index.js";

type Response = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };

describe.each(testEngines())("the API on %s", (engine) => {
  let database: TestDatabase;
  let statements = 0;
  let call: (query: string, variables?: Record<string, unknown>, token?: string) => Promise<Response>;
  const tokens: Record<string, string> = {};
  const unitIds: Record<string, string> = {};
  const at = new Date("2023-09-01T08:00:00+07:00");
  const uploadDir = mkdtempSync(join(tmpdir(), "lantoa-uploads-"));
  let upload: (operations: unknown, file: File, token: string) => Promise<Response>;
  const links = evidenceLinks(new Uint8Array(32).fill(7));

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
    const counted = database.db.withPlugin({
      transformQuery: (args) => {
        statements++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const yoga = createGatewayYoga({
      db: counted,
      graphiql: false,
      now: () => at,
      storage: localFolderStorage(uploadDir),
      evidenceLinks: links,
    });
    upload = async (operations, file, token) => {
      const form = new FormData();
      form.set("operations", JSON.stringify(operations));
      form.set("map", JSON.stringify({ 0: ["variables.file"] }));
      form.set("0", file);
      const response = await yoga.fetch("http://test/graphql", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "x-graphql-csrf": "1" },
        body: form,
      });
      return (await response.json()) as Response;
    };
    call = async (query, variables, token) => {
      const response = await yoga.fetch("http://test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as Response;
    };
    for (const username of ["admin", "thanhliem.admin", "phunu.canbo", "thanhha.canbo"]) {
      const result = await call(
        `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on MutationLoginSuccess { data { token } } ... on Error { code } } }`,
        { u: username, p: DEMO_PASSWORD },
      );
      tokens[username] = result.data.login.data.token;
    }
    const units = await database.db.selectFrom("units").select(["id", "code"]).execute();
    for (const u of units) unitIds[u.code] = Buffer.from(`Unit:${u.id}`).toString("base64");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("signs in, refuses a wrong password with a typed error, and forgets a revoked token", async () => {
    const wrong = await call(
      `mutation { login(username: "admin", password: "nope") { __typename ... on Error { code messageVi } } }`,
    );
    expect(wrong.data.login).toMatchObject({ __typename: "DomainError", code: "AUTH.INVALID_CREDENTIALS" });
    const me = await call(`{ viewer { username roles { role } } }`, {}, tokens["phunu.canbo"]);
    expect(me.data.viewer).toEqual({ username: "phunu.canbo", roles: [{ role: "unit-officer" }] });
    const session = await call(
      `mutation { login(username: "xem", password: "${DEMO_PASSWORD}") { ... on MutationLoginSuccess { data { token } } } }`,
    );
    const token = session.data.login.data.token;
    expect((await call(`mutation { logout }`, {}, token)).data.logout).toBe(true);
    expect((await call(`{ viewer { username } }`, {}, token)).data.viewer).toBeNull();
  });

  it("lets anyone read a published leaderboard, and nobody anonymous read models", async () => {
    const board = await call(
      `{ leaderboard(roundCode: "${DEMO_ROUND_CODE}", limit: 3) { rank modelName tier total } }`,
    );
    expect(board.errors).toBeUndefined();
    expect(board.data.leaderboard[0]).toMatchObject({ rank: 1, tier: "excellent" });
    const anonymous = await call(`{ models(first: 5) { totalCount } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("limits a unit officer to the unit's subtree, on lists and on node lookups", async () => {
    const own = await call(
      `{ models(first: 100) { totalCount edges { node { ownerUnit { code } } } } }`,
      {},
      tokens["phunu.canbo"],
    );
    expect(own.data.models.totalCount).toBeGreaterThan(0);
    expect(own.data.models.edges.every((e: any) => e.node.ownerUnit.code === "TL-HPN")).toBe(true);
    const outside = await call(
      `query($u: ID!) { models(filter: { withinUnitId: $u }) { totalCount } }`,
      { u: unitIds["TL-THANHHA"] },
      tokens["phunu.canbo"],
    );
    expect(outside.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const foreign = await database.db
      .selectFrom("models")
      .select("id")
      .where("code", "=", "TL-2019-CHUAHETVIEC")
      .executeTakeFirstOrThrow();
    const node = await call(
      `query($id: ID!) { node(id: $id) { ... on Model { name } } }`,
      { id: Buffer.from(`Model:${foreign.id}`).toString("base64") },
      tokens["phunu.canbo"],
    );
    expect(node.data?.node ?? null).toBeNull();
    expect(node.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("costs the same number of SQL statements for a page of 10 or 50 models with unit, parent, outcomes and latest result", async () => {
    const page = `query($n: Int!) { models(first: $n, filter: { withinUnitId: "${unitIds.TL}" }) {
      edges { node { name ownerUnit { name parent { name } } indicatorValues { indicatorCode value } latestResult { total tier } } } } }`;
    const count = async (n: number) => {
      statements = 0;
      const result = await call(page, { n }, tokens["thanhliem.admin"]);
      expect(result.errors).toBeUndefined();
      expect(result.data.models.edges).toHaveLength(n);
      return statements;
    };
    await count(10); // the gateway remembers the session from here on
    const small = await count(10);
    const large = await count(50);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(10);
  });

  it("creates a model once per idempotency key, and refuses units outside the officer's scope without writing", async () => {
    const create = `mutation($input: CreateModelInput!, $key: String!) { createModel(input: $input, idempotencyKey: $key) {
      __typename ... on MutationCreateModelSuccess { data { model { id code status version } } } ... on Error { code messageVi } } }`;
    const input = {
      code: "TL-HPN-2023-BUASANG",
      name: "Bữa sáng yêu thương",
      ownerUnitId: unitIds["TL-HPN"],
      fields: ["social-welfare"],
      problem: "Học sinh nghèo nhịn ăn sáng",
      solution: "Hội viên góp gạo nấu cháo sáng",
      startDate: "2023-09-05",
    };
    const first = await call(create, { input, key: "create-buasang-1" }, tokens["phunu.canbo"]);
    const retry = await call(create, { input, key: "create-buasang-1" }, tokens["phunu.canbo"]);
    expect(first.data.createModel.data.model).toMatchObject({ code: input.code, status: "draft", version: 1 });
    expect(retry.data.createModel.data.model.id).toBe(first.data.createModel.data.model.id);
    expect(await database.db.selectFrom("models").select("id").where("code", "=", input.code).execute()).toHaveLength(
      1,
    );
    const reused = await call(
      create,
      { input: { ...input, name: "Khác" }, key: "create-buasang-1" },
      tokens["phunu.canbo"],
    );
    expect(reused.data.createModel).toMatchObject({ __typename: "DomainError", code: "DB.IDEMPOTENCY_KEY_REUSED" });

    const before = await database.db.selectFrom("models").select("id").execute();
    const changes = () =>
      database.db.selectFrom("audit_log").select("id").where("action", "not like", "%.refused").execute();
    const auditBefore = await changes();
    const outside = await call(
      create,
      { input: { ...input, code: "X-1", ownerUnitId: unitIds["TL-THANHHA-UBND"] }, key: "create-outside-1" },
      tokens["phunu.canbo"],
    );
    expect(outside.data.createModel).toMatchObject({ __typename: "DomainError", code: "MODEL.FORBIDDEN" });
    const invalid = await call(
      create,
      { input: { ...input, code: "X-2", startDate: "2023-13-45" }, key: "create-invalid-1" },
      tokens["phunu.canbo"],
    );
    expect(invalid.errors?.map((e) => [e.extensions?.code, /\binput\.startDate\b/.test(e.message)])).toEqual([
      ["BAD_USER_INPUT", true],
    ]);
    expect(await database.db.selectFrom("models").select("id").execute()).toHaveLength(before.length);
    expect(await changes()).toHaveLength(auditBefore.length);
    const refusals = await database.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "%.refused")
      .execute();
    expect(refusals.map((r) => r.action)).toContain("createModel.refused");
  });

  it("moves a model through its lifecycle with optimistic concurrency, auditing each step", async () => {
    const created = await call(
      `mutation($input: CreateModelInput!) { createModel(input: $input, idempotencyKey: "create-lifecycle-1") {
        ... on MutationCreateModelSuccess { data { model { id } } } } }`,
      {
        input: {
          code: "TL-HPN-2023-VONGDOI",
          name: "Vòng đời mô hình",
          ownerUnitId: unitIds["TL-HPN"],
          fields: ["social-welfare"],
          problem: "Cần một mô hình mới",
          solution: "Đăng ký rồi gửi duyệt",
          startDate: "2023-09-05",
        },
      },
      tokens["phunu.canbo"],
    );
    const id: string = created.data.createModel.data.model.id;
    const model = { id: Buffer.from(id, "base64").toString().replace("Model:", "") };
    const transition = `mutation($id: ID!, $action: ModelAction!, $v: Int!, $reason: String) {
      transitionModel(id: $id, action: $action, expectedVersion: $v, reason: $reason) {
        __typename ... on MutationTransitionModelSuccess { data { model { status version } } } ... on Error { code } } }`;
    const submitted = await call(transition, { id, action: "submit", v: 1 }, tokens["phunu.canbo"]);
    expect(submitted.data.transitionModel.data.model).toEqual({ status: "submitted", version: 2 });
    const stale = await call(transition, { id, action: "approve", v: 1 }, tokens["thanhliem.admin"]);
    expect(stale.data.transitionModel).toMatchObject({ __typename: "DomainError", code: "DB.STALE_VERSION" });
    const selfApprove = await call(transition, { id, action: "approve", v: 2 }, tokens["phunu.canbo"]);
    expect(selfApprove.data.transitionModel).toEqual({ __typename: "DomainError", code: "MODEL.FORBIDDEN" });
    const approved = await call(transition, { id, action: "approve", v: 2 }, tokens["thanhliem.admin"]);
    expect(approved.data.transitionModel.data.model).toEqual({ status: "approved", version: 3 });
    // A client still showing version 2 ("submitted") learns that the model changed, not that
    // its action is impossible in a status it has not seen.
    const behind = await call(
      transition,
      { id, action: "return", v: 2, reason: "Thiếu minh chứng" },
      tokens["thanhliem.admin"],
    );
    expect(behind.data.transitionModel).toMatchObject({ __typename: "DomainError", code: "DB.STALE_VERSION" });
    const history = await call(
      `query($id: ID!) { node(id: $id) { ... on Model { statusHistory { from to command } } } }`,
      { id },
      tokens["thanhliem.admin"],
    );
    expect(history.data.node.statusHistory.map((h: any) => h.to)).toEqual(["draft", "submitted", "approved"]);
    const audit = await database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", model.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["createModel", "model.submit", "model.approve"]);
  });

  it("answers the reports in the viewer's scope", async () => {
    const counts = await call(
      `query($u: ID!) { modelCounts(by: YEAR, filter: { withinUnitId: $u, fromYear: 2017, toYear: 2022 }) { key count } }`,
      { u: unitIds.TL },
      tokens["thanhliem.admin"],
    );
    expect(counts.data.modelCounts.reduce((s: number, r: any) => s + r.count, 0)).toBe(698);
    const charity = await call(
      `query($u: ID!) { indicatorTotals(groupBy: TOTAL, filter: { withinUnitId: $u, field: "social-welfare" }) { indicatorCode value } }`,
      { u: unitIds.TL },
      tokens["thanhliem.admin"],
    );
    expect(charity.data.indicatorTotals.find((r: any) => r.indicatorCode === "rice-donated").value).toBe(3450);
    const forbidden = await call(
      `query($u: ID!) { modelCounts(by: YEAR, filter: { withinUnitId: $u }) { key } }`,
      { u: unitIds.HN },
      tokens["thanhliem.admin"],
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("pages the replication spread and counts its pilots", async () => {
    const all = await replicationSpread(database.db, {});
    expect(all.length).toBeGreaterThanOrEqual(3);
    const query = `query($offset: Int) { replicationSpread(limit: 2, offset: $offset) { originModelId originName }
      replicationSpreadCount }`;
    const first = await call(query, { offset: 0 }, tokens.admin);
    const second = await call(query, { offset: 2 }, tokens.admin);
    const names = [...first.data.replicationSpread, ...second.data.replicationSpread].map((r: any) => r.originName);
    expect(names).toEqual(all.slice(0, 4).map((r) => r.originName));
    expect(first.data.replicationSpreadCount).toBe(all.length);
  });

  it("answers one pilot's spread by its origin model", async () => {
    const last = (await replicationSpread(database.db, {})).at(-1)!;
    const id = Buffer.from(`Model:${last.originModelId}`).toString("base64");
    const result = await call(
      `query($id: ID!) { replicationSpread(originModelId: $id) { originName allAdopters } }`,
      { id },
      tokens.admin,
    );
    expect(result.data.replicationSpread).toEqual([{ originName: last.originName, allAdopters: last.allAdopters }]);
  });

  it("refuses a page of the replication spread over 500 pilots", async () => {
    const result = await call(`{ replicationSpread(limit: 501) { originName } }`, {}, tokens.admin);
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("lets a unit admin add, rename and move units in their subtree, and nobody else", async () => {
    const create = `mutation($p: ID!, $code: String!) { createUnit(parentId: $p, code: $code, name: "Chi bộ thôn Đông", level: "commune", kind: "party-cell") {
      __typename ... on MutationCreateUnitSuccess { data { unit { id version parent { code } } } } ... on Error { code } } }`;
    const byOfficer = await call(
      create,
      { p: unitIds["TL-THANHHA"], code: "TL-THANHHA-CBDONG" },
      tokens["phunu.canbo"],
    );
    expect(byOfficer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const outside = await call(create, { p: unitIds.PHULY, code: "PHULY-CB1" }, tokens["thanhliem.admin"]);
    expect(outside.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const made = await call(create, { p: unitIds["TL-THANHHA"], code: "TL-THANHHA-CBDONG" }, tokens["thanhliem.admin"]);
    const unit = made.data.createUnit.data.unit;
    expect(unit.parent.code).toBe("TL-THANHHA");
    const duplicate = await call(
      create,
      { p: unitIds["TL-THANHHA"], code: "TL-THANHHA-CBDONG" },
      tokens["thanhliem.admin"],
    );
    expect(duplicate.data.createUnit).toMatchObject({ __typename: "DomainError", code: "ORG.DUPLICATE_CODE" });

    const rename = `mutation($id: ID!, $v: Int!) { renameUnit(id: $id, name: "Chi bộ thôn Đông Hà", expectedVersion: $v) { __typename ... on Error { code } } }`;
    expect(
      (await call(rename, { id: unit.id, v: unit.version }, tokens["thanhliem.admin"])).data.renameUnit.__typename,
    ).toBe("MutationRenameUnitSuccess");
    expect(
      (await call(rename, { id: unit.id, v: unit.version }, tokens["thanhliem.admin"])).data.renameUnit,
    ).toMatchObject({ code: "DB.STALE_VERSION" });

    const move = `mutation($id: ID!, $to: ID!, $v: Int!) { moveUnit(id: $id, newParentId: $to, expectedVersion: $v) { __typename ... on Error { code } ... on MutationMoveUnitSuccess { data { unit { parent { code } } } } } }`;
    const moved = await call(
      move,
      { id: unit.id, to: unitIds["TL-LIEMCAN"], v: unit.version + 1 },
      tokens["thanhliem.admin"],
    );
    expect(moved.data.moveUnit.data.unit.parent.code).toBe("TL-LIEMCAN");
    const cycle = await call(move, { id: unitIds["TL-LIEMCAN"], to: unit.id, v: 1 }, tokens["thanhliem.admin"]);
    expect(cycle.data.moveUnit).toMatchObject({ code: "ORG.CYCLE" });
  });

  it("reads the golden book, a model's commendations, published rubrics and rounds", async () => {
    const book = await call(
      `query($u: ID!) { goldenBook(withinUnitId: $u, search: "bo vang") { deed unit { code } } }`,
      { u: unitIds.TL },
      tokens["thanhliem.admin"],
    );
    expect(book.data.goldenBook.length).toBeGreaterThan(0);
    expect(book.data.goldenBook[0].deed).toContain("bò vàng");
    const officerBook = await call(
      `query($u: ID!) { goldenBook(withinUnitId: $u) { deed } }`,
      { u: unitIds.TL },
      tokens["phunu.canbo"],
    );
    expect(officerBook.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const commended = await call(
      `query($u: ID!) { models(first: 200, filter: { withinUnitId: $u }) { edges { node { latestResult { tier } commendations { decisionNumber form } } } } }`,
      { u: unitIds.TL },
      tokens["thanhliem.admin"],
    );
    const withAwards = commended.data.models.edges.filter((e: any) => e.node.commendations.length > 0);
    expect(withAwards.length).toBeGreaterThan(0);
    expect(withAwards.every((e: any) => ["excellent", "good"].includes(e.node.latestResult.tier))).toBe(true);
    const rubrics = await call(
      `{ criteriaSetVersions { setCode versionNumber status contentHash } publishedRounds { code status resultsHash criteriaVersion } }`,
    );
    expect(rubrics.data.criteriaSetVersions[0]).toMatchObject({
      setCode: "default",
      versionNumber: 1,
      status: "published",
    });
    expect(rubrics.data.publishedRounds[0]).toMatchObject({
      code: DEMO_ROUND_CODE,
      status: "published",
      criteriaVersion: 1,
    });
    expect(rubrics.data.publishedRounds[0].resultsHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("stores evidence uploads within size and type limits, and leaves nothing behind when refused", async () => {
    const model = await database.db
      .selectFrom("models")
      .select(["id", "version"])
      .where("code", "=", "TL-2018-HUGAO")
      .executeTakeFirstOrThrow();
    const query = `mutation($m: ID!, $file: File!, $v: Int!) { addEvidence(modelId: $m, title: "Biên bản trao gạo", file: $file, expectedVersion: $v) {
      __typename ... on Error { code } ... on MutationAddEvidenceSuccess { data { model { version evidence { title mimeType sizeBytes } } } } } }`;
    const m = Buffer.from(`Model:${model.id}`).toString("base64");
    const pdf = new File([new Uint8Array(2048).fill(37)], "bien-ban.pdf", { type: "application/pdf" });
    const ok = await upload({ query, variables: { m, file: null, v: model.version } }, pdf, tokens["phunu.canbo"]!);
    // After the demo's report (a link, no file), oldest first.
    expect(ok.data.addEvidence.data.model.evidence).toEqual([
      { title: "Báo cáo kết quả thực hiện mô hình “Hũ gạo tiết kiệm”", mimeType: null, sizeBytes: null },
      { title: "Biên bản trao gạo", mimeType: "application/pdf", sizeBytes: 2048 },
    ]);
    const filesAfterOk = readdirSync(join(uploadDir, model.id));
    expect(filesAfterOk).toHaveLength(1);

    const exe = new File([new Uint8Array(10)], "virus.exe", { type: "application/x-msdownload" });
    const refused = await upload(
      { query, variables: { m, file: null, v: model.version + 1 } },
      exe,
      tokens["phunu.canbo"]!,
    );
    expect(refused.data.addEvidence).toMatchObject({ __typename: "DomainError", code: "EVIDENCE.NOT_ACCEPTED" });
    const stale = await upload({ query, variables: { m, file: null, v: model.version } }, pdf, tokens["phunu.canbo"]!);
    expect(stale.data.addEvidence).toMatchObject({ code: "DB.STALE_VERSION" });
    expect(readdirSync(join(uploadDir, model.id))).toEqual(filesAfterOk);
    const foreign = await upload(
      { query, variables: { m, file: null, v: model.version + 1 } },
      pdf,
      tokens["thanhha.canbo"]!,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const rows = await database.db.selectFrom("evidence").select("id").where("model_id", "=", model.id).execute();
    expect(rows).toHaveLength(2);

    // The reader gets a signed address; it serves exactly the stored bytes until it expires.
    const detail = await call(
      `query($m: ID!) { node(id: $m) { ... on Model { evidence { title downloadUrl } } } }`,
      { m },
      tokens["phunu.canbo"],
    );
    const downloadUrl: string = detail.data.node.evidence.find(
      (e: { title: string }) => e.title === "Biên bản trao gạo",
    ).downloadUrl;
    expect(downloadUrl).toMatch(/^\/files\/evidence\/[0-9a-f-]{36}\?expires=\d+&signature=/);
    const deps = { db: database.db, storage: localFolderStorage(uploadDir), links };
    const served = await serveEvidence(new URL(downloadUrl, "http://test"), deps, at);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(new Uint8Array(2048).fill(37));
    const forged = new URL(downloadUrl, "http://test");
    // One character changed (to one it is not: a fixed "x" left one signature in 64 intact).
    const signature = forged.searchParams.get("signature") ?? "";
    forged.searchParams.set("signature", `${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`);
    expect((await serveEvidence(forged, deps, at)).status).toBe(403);
    const otherFile = new URL(downloadUrl.replace(/evidence\/[0-9a-f-]{36}/, `evidence/${model.id}`), "http://test");
    expect((await serveEvidence(otherFile, deps, at)).status).toBe(403);
    const later = new Date(at.getTime() + 2 * 60 * 60 * 1000);
    expect((await serveEvidence(new URL(downloadUrl, "http://test"), deps, later)).status).toBe(403);
    // Someone who may not read the model never gets an address.
    const outsider = await call(
      `query($m: ID!) { node(id: $m) { ... on Model { evidence { downloadUrl } } } }`,
      { m },
      tokens["thanhha.canbo"],
    );
    expect(outsider.data?.node ?? null).toBeNull();
  });
});
