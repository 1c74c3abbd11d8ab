import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_PASSWORD } from "@lantoa/db";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "@lantoa/db/testing";
import { defaultCriteriaSet } from "@lantoa/domain/criteria";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayYoga, localFolderStorage } from "../src/index.js";

type Response = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };

const CREATE = `mutation($input: CreateCriteriaSetInput!, $key: String!) {
  createCriteriaSet(input: $input, idempotencyKey: $key) {
    __typename
    ... on MutationCreateCriteriaSetSuccess { data { criteriaSet { id code name } draft { id version versionNumber status definition } } }
    ... on Error { code messageVi }
  }
}`;
const SAVE = `mutation($id: ID!, $definition: String!, $expected: Int!) {
  saveCriteriaDraft(versionId: $id, definition: $definition, expectedVersion: $expected) {
    __typename
    ... on MutationSaveCriteriaDraftSuccess { data { version { id version definition }
      problems { code path criterionId line column offset excerpt messageVi } } }
    ... on CriteriaInvalidError { code messageVi problems { code path criterionId line column offset excerpt messageVi } }
    ... on Error { code messageVi }
  }
}`;
const PUBLISH = `mutation($id: ID!, $expected: Int!) {
  publishCriteriaVersion(versionId: $id, expectedVersion: $expected) {
    __typename
    ... on MutationPublishCriteriaVersionSuccess { data { version { id status version versionNumber contentHash publishedAt } } }
    ... on CriteriaInvalidError { problems { code } }
    ... on Error { code messageVi }
  }
}`;
const NEW_DRAFT = `mutation($from: ID!, $key: String!) {
  newCriteriaDraft(fromVersionId: $from, idempotencyKey: $key) {
    __typename
    ... on MutationNewCriteriaDraftSuccess { data { version { id status version versionNumber definition } } }
    ... on Error { code messageVi }
  }
}`;

describe.each(testEngines())("criteria sets on %s", (engine) => {
  let database: TestDatabase;
  let call: (query: string, variables?: Record<string, unknown>, token?: string) => Promise<Response>;
  const tokens: Record<string, string> = {};
  const at = new Date("2026-11-28T08:00:00+07:00");

  /**
   * Everything the criteria mutations may write, to prove a refused call wrote nothing
   * (the audit log's record of the refusal itself aside).
   */
  const snapshot = async () => {
    const db = database.db;
    return {
      sets: await db.selectFrom("criteria_sets").selectAll().orderBy("id").execute(),
      versions: await db.selectFrom("criteria_set_versions").selectAll().orderBy("id").execute(),
      audit: (
        await sql<{ n: number }>`select count(*)::int as n from audit_log where action not like '%.refused'`.execute(db)
      ).rows[0]?.n,
      keys: (await sql<{ n: number }>`select count(*)::int as n from idempotency_keys`.execute(db)).rows[0]?.n,
    };
  };

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
    const yoga = createGatewayYoga({
      db: database.db,
      graphiql: false,
      now: () => at,
      storage: localFolderStorage(mkdtempSync(join(tmpdir(), "lantoa-uploads-"))),
    });
    call = async (query, variables, token) => {
      const response = await yoga.fetch("http://test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as Response;
    };
    for (const username of ["admin", "thanhliem.admin", "xem"]) {
      const result = await call(
        `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on MutationLoginSuccess { data { token } } } }`,
        { u: username, p: DEMO_PASSWORD },
      );
      tokens[username] = result.data.login.data.token;
    }
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it("creates a set from the default rubric once per idempotency key, and refuses a taken code", async () => {
    const input = { code: "hoi-thi-2026", name: "Hội thi 2026", nameEn: "Contest 2026", startFrom: "DEFAULT" };
    const first = await call(CREATE, { input, key: "create-hoi-thi-2026" }, tokens.admin);
    expect(first.data.createCriteriaSet.__typename).toBe("MutationCreateCriteriaSetSuccess");
    const created = first.data.createCriteriaSet.data;
    expect(created.criteriaSet).toMatchObject({ code: "hoi-thi-2026", name: "Hội thi 2026" });
    expect(created.draft).toMatchObject({ versionNumber: 1, status: "draft", version: 1 });
    const definition = JSON.parse(created.draft.definition);
    expect(definition).toMatchObject({ status: "draft", id: "hoi-thi-2026", totalPoints: 100, basedOnVersion: null });
    expect(definition.name).toEqual({ vi: "Hội thi 2026", en: "Contest 2026" });

    const before = await snapshot();
    const replay = await call(CREATE, { input, key: "create-hoi-thi-2026" }, tokens.admin);
    expect(replay.data.createCriteriaSet.data.draft.id).toBe(created.draft.id);
    const taken = await call(CREATE, { input, key: "create-hoi-thi-2026-again" }, tokens.admin);
    expect(taken.data.createCriteriaSet).toMatchObject({ __typename: "DomainError", code: "CRITERIA.DUPLICATE_CODE" });
    expect(await snapshot()).toEqual(before);

    const list = await call(`{ criteriaSets { code versions { versionNumber status } } }`, {}, tokens.admin);
    expect(list.data.criteriaSets).toContainEqual({
      code: "hoi-thi-2026",
      versions: [{ versionNumber: 1, status: "draft" }],
    });
  });

  it("keeps an unfinished draft with its problems (a bad formula at its position), refuses a malformed one, and publishes only a sound one", async () => {
    const created = await call(
      CREATE,
      { input: { code: "formula-check", name: "Kiểm tra công thức", startFrom: "BLANK" }, key: "create-formula-check" },
      tokens.admin,
    );
    const draft = created.data.createCriteriaSet.data.draft;
    const definition = JSON.parse(draft.definition);
    definition.criteria = [
      { ...definition.criteria[0], points: 70 },
      {
        kind: "formula",
        id: "sustainability",
        label: { vi: "Tính bền vững", en: "Sustainability" },
        points: 30,
        expression: "min(30,\n  2.5 × thang_hoat_dong)",
      },
      {
        kind: "gate",
        id: "running-6",
        label: { vi: "Đủ 6 tháng", en: "6 months" },
        condition: { kind: "running-months", months: 6 },
      },
    ];
    // A malformed definition is refused and nothing changes.
    const before = await snapshot();
    const malformed = await call(
      SAVE,
      { id: draft.id, definition: JSON.stringify({ ...definition, criteria: "none" }), expected: draft.version },
      tokens.admin,
    );
    expect(malformed.data.saveCriteriaDraft).toMatchObject({
      __typename: "CriteriaInvalidError",
      code: "CRITERIA.SHAPE",
    });
    expect(await snapshot()).toEqual(before);

    // An unfinished one is kept, with what still keeps it from being published.
    const kept = await call(
      SAVE,
      { id: draft.id, definition: JSON.stringify(definition), expected: draft.version },
      tokens.admin,
    );
    expect(kept.data.saveCriteriaDraft.__typename).toBe("MutationSaveCriteriaDraftSuccess");
    const problem = kept.data.saveCriteriaDraft.data.problems.find((p: any) => p.code === "FORMULA.UNKNOWN_INPUT");
    expect(problem).toMatchObject({ criterionId: "sustainability", path: "sustainability", line: 2, column: 9 });
    expect(problem.offset).toBe("min(30,\n  2.5 × ".length);
    expect(problem.excerpt).toContain("thang_hoat_dong");
    expect(problem.messageVi).toMatch(/dòng 2, cột 9/);
    const keptVersion = kept.data.saveCriteriaDraft.data.version.version;
    expect(JSON.parse(kept.data.saveCriteriaDraft.data.version.definition).criteria[1].expression).toContain(
      "thang_hoat_dong",
    );
    // Publishing it is refused with the same problem, and changes nothing.
    const unfinished = await snapshot();
    const early = await call(PUBLISH, { id: draft.id, expected: keptVersion }, tokens.admin);
    expect(early.data.publishCriteriaVersion.__typename).toBe("CriteriaInvalidError");
    expect(early.data.publishCriteriaVersion.problems.map((p: any) => p.code)).toContain("FORMULA.UNKNOWN_INPUT");
    expect(await snapshot()).toEqual(unfinished);

    // The same check without saving, for the editor's live feedback.
    const checked = await call(
      `query($d: String!) { validateCriteriaDefinition(definition: $d) { valid totalPoints problems { code line column } } }`,
      { d: JSON.stringify(definition) },
      tokens.admin,
    );
    expect(checked.data.validateCriteriaDefinition).toMatchObject({ valid: false, totalPoints: null });
    expect(checked.data.validateCriteriaDefinition.problems).toContainEqual({
      code: "FORMULA.UNKNOWN_INPUT",
      line: 2,
      column: 9,
    });

    // Points that do not add up are reported with both numbers.
    definition.criteria[1].expression = "min(30, 2.5 × months_running)";
    definition.criteria[0].points = 60;
    const mismatch = await call(
      SAVE,
      { id: draft.id, definition: JSON.stringify(definition), expected: keptVersion },
      tokens.admin,
    );
    expect(mismatch.data.saveCriteriaDraft.data.problems.map((p: any) => p.code)).toEqual(["CRITERIA.POINTS_MISMATCH"]);

    definition.criteria[0].points = 70;
    definition.id = "someone-elses-id";
    const saved = await call(
      SAVE,
      { id: draft.id, definition: JSON.stringify(definition), expected: keptVersion + 1 },
      tokens.admin,
    );
    expect(saved.data.saveCriteriaDraft.__typename).toBe("MutationSaveCriteriaDraftSuccess");
    expect(saved.data.saveCriteriaDraft.data.problems).toEqual([]);
    expect(saved.data.saveCriteriaDraft.data.version.version).toBe(keptVersion + 2);
    const stored = JSON.parse(saved.data.saveCriteriaDraft.data.version.definition);
    expect(stored.id).toBe("formula-check");
    expect(stored.criteria.map((c: any) => c.id)).toEqual(["quality", "sustainability", "running-6"]);
    const audit = await database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", Buffer.from(draft.id, "base64").toString().split(":")[1] ?? "")
      .execute();
    expect(audit.map((a) => a.action)).toContain("saveCriteriaDraft");

    // A second save from the version read before is stale.
    const afterSave = await snapshot();
    const stale = await call(
      SAVE,
      { id: draft.id, definition: JSON.stringify(definition), expected: draft.version },
      tokens.admin,
    );
    expect(stale.data.saveCriteriaDraft).toMatchObject({ __typename: "DomainError", code: "DB.STALE_VERSION" });
    const stalePublish = await call(PUBLISH, { id: draft.id, expected: draft.version }, tokens.admin);
    expect(stalePublish.data.publishCriteriaVersion).toMatchObject({ code: "DB.STALE_VERSION" });
    expect(await snapshot()).toEqual(afterSave);
  });

  it("refuses a definition with a mistyped key, naming its path and the key meant", async () => {
    // `eliminatry: false` would otherwise be dropped, leaving the gate eliminatory (the default),
    // and `quota` instead of `quotas` would leave the set without a quota.
    const definition = JSON.parse(JSON.stringify(defaultCriteriaSet));
    definition.criteria[0].eliminatry = false;
    definition.quota = definition.quotas;
    const checked = await call(
      `query($d: String!) { validateCriteriaDefinition(definition: $d) { valid problems { code path message messageVi } } }`,
      { d: JSON.stringify(definition) },
      tokens.xem,
    );
    expect(checked.data.validateCriteriaDefinition.valid).toBe(false);
    expect(checked.data.validateCriteriaDefinition.problems).toEqual([
      {
        code: "CRITERIA.UNKNOWN_KEY",
        path: "criteria.0.eliminatry",
        message:
          "The key “eliminatry” at “criteria.0.eliminatry” is not part of a criteria set. Did you mean “eliminatory”?",
        messageVi:
          "Khóa “eliminatry” tại “criteria.0.eliminatry” không có trong định nghĩa bộ tiêu chí. Có phải ý bạn là “eliminatory”?",
      },
      {
        code: "CRITERIA.UNKNOWN_KEY",
        path: "quota",
        message: "The key “quota” at “quota” is not part of a criteria set. Did you mean “quotas”?",
        messageVi: "Khóa “quota” tại “quota” không có trong định nghĩa bộ tiêu chí. Có phải ý bạn là “quotas”?",
      },
    ]);
  });

  it("refuses to save a draft with a mistyped key, naming its path and the key meant, and saves nothing", async () => {
    const created = await call(
      CREATE,
      { input: { code: "typo-check", name: "Kiểm tra khóa", startFrom: "DEFAULT" }, key: "create-typo-check" },
      tokens.admin,
    );
    const draft = created.data.createCriteriaSet.data.draft;
    const definition = JSON.parse(draft.definition);
    definition.criteria[0].eliminatry = false;
    const before = await snapshot();
    const saved = await call(
      SAVE,
      { id: draft.id, definition: JSON.stringify(definition), expected: draft.version },
      tokens.admin,
    );
    expect(saved.data.saveCriteriaDraft).toMatchObject({ __typename: "CriteriaInvalidError", code: "CRITERIA.SHAPE" });
    expect(saved.data.saveCriteriaDraft.problems).toEqual([
      {
        code: "CRITERIA.UNKNOWN_KEY",
        path: "criteria.0.eliminatry",
        criterionId: null,
        line: null,
        column: null,
        offset: null,
        excerpt: null,
        messageVi:
          "Khóa “eliminatry” tại “criteria.0.eliminatry” không có trong định nghĩa bộ tiêu chí. Có phải ý bạn là “eliminatory”?",
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("publishes a draft with a content hash, keeps it immutable through every mutation, and diffs versions", async () => {
    const created = await call(
      CREATE,
      {
        input: { code: "publish-check", name: "Kiểm tra ban hành", startFrom: "DEFAULT" },
        key: "create-publish-check",
      },
      tokens.admin,
    );
    const draft = created.data.createCriteriaSet.data.draft;
    const published = await call(PUBLISH, { id: draft.id, expected: draft.version }, tokens.admin);
    expect(published.data.publishCriteriaVersion.__typename).toBe("MutationPublishCriteriaVersionSuccess");
    const v1 = published.data.publishCriteriaVersion.data.version;
    expect(v1).toMatchObject({ status: "published", versionNumber: 1, publishedAt: at.toISOString() });
    expect(v1.contentHash).toMatch(/^[0-9a-f]{64}$/);

    // Published: no save, no second publish, no new draft from a draft; the DB is unchanged.
    const frozen = await snapshot();
    const definition = JSON.parse(draft.definition);
    const save = await call(
      SAVE,
      { id: v1.id, definition: JSON.stringify(definition), expected: v1.version },
      tokens.admin,
    );
    expect(save.data.saveCriteriaDraft).toMatchObject({ code: "CRITERIA.PUBLISHED_IMMUTABLE" });
    expect(save.data.saveCriteriaDraft.messageVi).toMatch(/bản nháp mới/);
    const again = await call(PUBLISH, { id: v1.id, expected: v1.version }, tokens.admin);
    expect(again.data.publishCriteriaVersion).toMatchObject({ code: "CRITERIA.PUBLISHED_IMMUTABLE" });
    expect(await snapshot()).toEqual(frozen);
    await expect(
      database.db
        .updateTable("criteria_set_versions")
        .set({ content_hash: "forged" })
        .where("status", "=", "published")
        .execute(),
    ).rejects.toThrow(/immutable/);

    // The next draft starts from v1, is numbered 2, and only one draft at a time.
    const next = await call(NEW_DRAFT, { from: v1.id, key: "next-draft-publish-check" }, tokens.admin);
    expect(next.data.newCriteriaDraft.__typename).toBe("MutationNewCriteriaDraftSuccess");
    const v2 = next.data.newCriteriaDraft.data.version;
    expect(v2).toMatchObject({ status: "draft", versionNumber: 2 });
    expect(JSON.parse(v2.definition).basedOnVersion).toBe(1);
    const replayed = await call(NEW_DRAFT, { from: v1.id, key: "next-draft-publish-check" }, tokens.admin);
    expect(replayed.data.newCriteriaDraft.data.version.id).toBe(v2.id);
    const twoDrafts = await call(NEW_DRAFT, { from: v1.id, key: "another-draft-publish-check" }, tokens.admin);
    expect(twoDrafts.data.newCriteriaDraft).toMatchObject({ code: "CRITERIA.DRAFT_EXISTS" });
    const fromDraft = await call(NEW_DRAFT, { from: v2.id, key: "draft-of-draft-check" }, tokens.admin);
    expect(fromDraft.data.newCriteriaDraft).toMatchObject({ code: "CRITERIA.NOT_PUBLISHED" });

    // Change the tiers and a criterion's points, publish v2, compare.
    const edited = JSON.parse(v2.definition);
    const excellent = edited.tiers.find((t: any) => t.id === "excellent");
    const oldMin = excellent.min;
    excellent.min = oldMin - 5;
    const saved = await call(
      SAVE,
      { id: v2.id, definition: JSON.stringify(edited), expected: v2.version },
      tokens.admin,
    );
    expect(saved.data.saveCriteriaDraft.__typename).toBe("MutationSaveCriteriaDraftSuccess");
    const p2 = await call(
      PUBLISH,
      { id: v2.id, expected: saved.data.saveCriteriaDraft.data.version.version },
      tokens.admin,
    );
    expect(p2.data.publishCriteriaVersion.data.version).toMatchObject({ status: "published", versionNumber: 2 });
    expect(p2.data.publishCriteriaVersion.data.version.contentHash).not.toBe(v1.contentHash);

    const diff = await call(
      `query($a: ID!, $b: ID!) { diffCriteriaVersions(from: $a, to: $b) {
        ... on QueryDiffCriteriaVersionsSuccess { data { entity change itemId field before after message messageVi } }
        ... on Error { code } } }`,
      { a: v1.id, b: v2.id },
    );
    expect(diff.data.diffCriteriaVersions.data).toContainEqual(
      expect.objectContaining({
        entity: "tier",
        change: "changed",
        itemId: "excellent",
        field: "min",
        before: String(oldMin),
        after: String(oldMin - 5),
      }),
    );
    const tierChange = diff.data.diffCriteriaVersions.data.find((c: any) => c.entity === "tier");
    expect(tierChange.messageVi).toContain(`${oldMin} → ${oldMin - 5}`);

    // A new set may start as a copy of a published version: same criteria, its own lineage.
    const copy = await call(
      CREATE,
      { input: { code: "copy-of-check", name: "Bản sao", copyOfVersionId: v2.id }, key: "create-copy-of-check" },
      tokens.admin,
    );
    const copied = JSON.parse(copy.data.createCriteriaSet.data.draft.definition);
    expect(copied).toMatchObject({ status: "draft", id: "copy-of-check", basedOnVersion: null });
    expect(copied.tiers).toEqual(edited.tiers);

    // Published versions are public; both appear for anonymous readers.
    const publicList = await call(`{ criteriaSets { code versions { versionNumber status } } }`);
    expect(publicList.data.criteriaSets).toContainEqual({
      code: "publish-check",
      versions: [
        { versionNumber: 2, status: "published" },
        { versionNumber: 1, status: "published" },
      ],
    });
  });

  it("starts one draft when two admins ask at once", async () => {
    const created = await call(
      CREATE,
      { input: { code: "race-check", name: "Hai người cùng lúc", startFrom: "BLANK" }, key: "create-race-check" },
      tokens.admin,
    );
    const draft = created.data.createCriteriaSet.data.draft;
    const v1 = (await call(PUBLISH, { id: draft.id, expected: draft.version }, tokens.admin)).data
      .publishCriteriaVersion.data.version;
    const results = await Promise.all(
      ["race-a", "race-b"].map((key) => call(NEW_DRAFT, { from: v1.id, key: `${key}-check` }, tokens.admin)),
    );
    const kinds = results.map((r) => r.data.newCriteriaDraft.__typename ?? r.data.newCriteriaDraft.code).sort();
    expect(kinds).toEqual(["DomainError", "MutationNewCriteriaDraftSuccess"]);
    expect(results.map((r) => r.data.newCriteriaDraft.code).filter(Boolean)).toEqual(["CRITERIA.DRAFT_EXISTS"]);
    const versions = await call(`{ criteriaSets { code versions { versionNumber status } } }`, {}, tokens.admin);
    expect(versions.data.criteriaSets.find((s: any) => s.code === "race-check").versions).toEqual([
      { versionNumber: 2, status: "draft" },
      { versionNumber: 1, status: "published" },
    ]);
  });

  it("lets only system admins write or see drafts", async () => {
    const created = await call(
      CREATE,
      { input: { code: "access-check", name: "Kiểm tra quyền", startFrom: "BLANK" }, key: "create-access-check" },
      tokens.admin,
    );
    const draft = created.data.createCriteriaSet.data.draft;
    const before = await snapshot();
    for (const who of ["thanhliem.admin", "xem", undefined]) {
      const token = who ? tokens[who] : undefined;
      const create = await call(
        CREATE,
        {
          input: { code: `by-${(who ?? "anon").replace(".", "-")}`, name: "Không được", startFrom: "BLANK" },
          key: `create-by-${who}`,
        },
        token,
      );
      expect(create.data?.createCriteriaSet ?? null).toBeNull();
      expect(create.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const save = await call(SAVE, { id: draft.id, definition: draft.definition, expected: draft.version }, token);
      expect(save.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const publish = await call(PUBLISH, { id: draft.id, expected: draft.version }, token);
      expect(publish.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const read = await call(
        `query($id: ID!) { criteriaSetVersion(id: $id) { definition } }`,
        { id: draft.id },
        token,
      );
      expect(read.data?.criteriaSetVersion ?? null).toBeNull();
      expect(read.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const list = await call(`{ criteriaSets { code versions { status } } }`, {}, token);
      expect(list.data.criteriaSets.map((s: any) => s.code)).not.toContain("access-check");
      expect(list.data.criteriaSets.flatMap((s: any) => s.versions.map((v: any) => v.status))).not.toContain("draft");
      const diff = await call(
        `query($a: ID!) { diffCriteriaVersions(from: $a, to: $a) { ... on Error { code } } }`,
        { a: draft.id },
        token,
      );
      expect(diff.data.diffCriteriaVersions).toEqual({ code: "CRITERIA.VERSION_NOT_FOUND" });
    }
    expect(await snapshot()).toEqual(before);
    const mine = await call(
      `query($id: ID!) { criteriaSetVersion(id: $id) { status } }`,
      { id: draft.id },
      tokens.admin,
    );
    expect(mine.data.criteriaSetVersion).toEqual({ status: "draft" });
  });
});
