import { createCriteriaSet, criteriaProblemsOf } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { defaultCriteriaSet } from "@lantoa/domain/criteria";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf } from "../support/audit-of.js";
import {
  criteriaVersion,
  newCriteriaSet,
  publishedCriteriaSet,
  unfinishedCriteriaSet,
} from "../support/criteria-fixtures.js";

describe.each(testEngines())("createCriteriaSet on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("stores a set with a draft of the default rubric under its code and names, and audits it", async () => {
    const admin = await h.as("admin");
    const code = h.unique("hoi-thi-");
    const input = { code: `  ${code} `, name: " Hội thi 2026 ", nameEn: "Contest 2026", startFrom: "DEFAULT" as const };
    const { setId, versionId } = accepted(await h.app.run(createCriteriaSet, admin, input));
    const set = await h.database.db
      .selectFrom("criteria_sets")
      .selectAll()
      .where("id", "=", setId)
      .executeTakeFirstOrThrow();
    expect(set).toMatchObject({ code, name: "Hội thi 2026", version: 1 });
    const draft = await criteriaVersion(h, versionId);
    expect(draft).toMatchObject({ criteria_set_id: setId, version_number: 1, status: "draft", content_hash: null });
    expect(draft.definition).toMatchObject({
      status: "draft",
      id: code,
      name: { vi: "Hội thi 2026", en: "Contest 2026" },
      basedOnVersion: null,
      totalPoints: 100,
    });
    expect(draft.definition.criteria).toEqual(JSON.parse(JSON.stringify(defaultCriteriaSet.criteria)));
    expect(await auditOf(h, setId)).toEqual([
      {
        action: "createCriteriaSet",
        entity: "criteria_set",
        actor_user_id: admin.userId,
        before: null,
        after: { code, name: { vi: "Hội thi 2026", en: "Contest 2026" }, draftId: versionId, copyOf: null },
      },
    ]);
  });

  it("starts a blank set with one criterion and names it in Vietnamese in both languages when no English name is given", async () => {
    const { code, versionId } = await newCriteriaSet(h, "BLANK");
    const { definition } = await criteriaVersion(h, versionId);
    expect(definition.name).toEqual({ vi: `Bộ tiêu chí ${code}`, en: `Bộ tiêu chí ${code}` });
    expect(definition.criteria.map((c: { id: string; points: number }) => [c.id, c.points])).toEqual([
      ["quality", 100],
    ]);
    expect(definition.tiers.map((t: { id: string }) => t.id)).toEqual(["pass", "fail"]);
  });

  it("starts a copy of a published version as a draft of its own, with the source's criteria and no lineage", async () => {
    const source = await publishedCriteriaSet(h, "DEFAULT");
    const code = h.unique("ban-sao-");
    const admin = await h.as("admin");
    const { setId, versionId } = accepted(
      await h.app.run(createCriteriaSet, admin, { code, name: "Bản sao", copyOfVersionId: source.versionId }),
    );
    const copy = (await criteriaVersion(h, versionId)).definition;
    const original = (await criteriaVersion(h, source.versionId)).definition;
    expect(copy).toMatchObject({ status: "draft", id: code, basedOnVersion: null, name: { vi: "Bản sao" } });
    expect(copy).not.toHaveProperty("publishedAt");
    expect(copy.criteria).toEqual(original.criteria);
    expect((await auditOf(h, setId))[0]?.after).toMatchObject({ copyOf: source.versionId });
  });

  it("returns the first set when retried with the same idempotency key", async () => {
    const admin = await h.as("admin");
    const key = h.unique("create-set-retry-");
    const input = { code: h.unique("lap-lai-"), name: "Lặp lại", startFrom: "BLANK" as const };
    const first = accepted(await h.app.run(createCriteriaSet, admin, input, { idempotencyKey: key }));
    const again = accepted(await h.app.run(createCriteriaSet, admin, input, { idempotencyKey: key }));
    expect(again).toEqual(first);
  });

  it("refuses a code already used, changing nothing", async () => {
    const { code } = await newCriteriaSet(h);
    const admin = await h.as("admin");
    const error = await h.expectRefusal("CRITERIA.DUPLICATE_CODE", () =>
      h.app.run(createCriteriaSet, admin, { code, name: "Trùng mã", startFrom: "DEFAULT" }),
    );
    expect(error.details).toEqual({ code });
  });

  it("refuses a copy of a version that does not exist, changing nothing", async () => {
    const admin = await h.as("admin");
    const missing = "00000000-0000-4000-8000-00000000c0de";
    const error = await h.expectRefusal("CRITERIA.VERSION_NOT_FOUND", () =>
      h.app.run(createCriteriaSet, admin, { code: h.unique("khong-co-"), name: "Không có", copyOfVersionId: missing }),
    );
    expect(error.details).toEqual({ id: missing });
  });

  it("refuses a copy of an unfinished draft with the domain's problems, changing nothing", async () => {
    const unfinished = await unfinishedCriteriaSet(h);
    const admin = await h.as("admin");
    const error = await h.expectRefusal("CRITERIA.INVALID", () =>
      h.app.run(createCriteriaSet, admin, {
        code: h.unique("chua-xong-"),
        name: "Chưa xong",
        copyOfVersionId: unfinished.versionId,
      }),
    );
    expect(criteriaProblemsOf(error).map((p) => p.code)).toContain("CRITERIA.POINTS_MISMATCH");
  });

  it("refuses a code with spaces as INPUT.INVALID naming the field, changing nothing", async () => {
    const admin = await h.as("admin");
    const error = await h.expectRefusal("INPUT.INVALID", () =>
      h.app.run(createCriteriaSet, admin, { code: "bo tieu chi", name: "Bộ tiêu chí" }),
    );
    expect(error.details).toMatchObject({ issues: [{ path: "code" }] });
  });
});
