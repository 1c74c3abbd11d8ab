import { criteriaProblemsOf, saveCriteriaDraft } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf } from "../support/audit-of.js";
import { criteriaVersion, newCriteriaSet, publishedCriteriaSet } from "../support/criteria-fixtures.js";

describe.each(testEngines())("saveCriteriaDraft on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A new blank set's draft (version 1) and its definition to edit. */
  const newDraft = async () => {
    const set = await newCriteriaSet(h);
    return { ...set, definition: (await criteriaVersion(h, set.versionId)).definition };
  };
  const save = async (versionId: string, definition: unknown, expectedVersion = 1) =>
    h.app.run(saveCriteriaDraft, await h.as("admin"), {
      versionId,
      definition: typeof definition === "string" ? definition : JSON.stringify(definition),
      expectedVersion,
    });

  it("replaces a sound definition, keeps the set's id and lineage, bumps the version and audits before and after", async () => {
    const { code, versionId, definition } = await newDraft();
    const edited = { ...definition, id: "someone-elses-id", basedOnVersion: 7, tiers: [...definition.tiers] };
    edited.tiers[0] = { ...edited.tiers[0], min: 60 };
    const result = accepted(await save(versionId, edited));
    expect(result).toEqual({ versionId, problems: [] });
    const stored = await criteriaVersion(h, versionId);
    expect(stored).toMatchObject({ version: 2, status: "draft" });
    expect(stored.definition).toMatchObject({ id: code, basedOnVersion: null, status: "draft" });
    expect(stored.definition.tiers[0]).toMatchObject({ id: "pass", min: 60 });
    const audit = await auditOf(h, versionId);
    expect(audit.map((a) => a.action)).toEqual(["saveCriteriaDraft"]);
    expect(audit[0]).toMatchObject({
      entity: "criteria_set_version",
      actor_user_id: (await h.as("admin")).userId,
      before: { version: 1, definition },
      after: { version: 2, definition: stored.definition },
    });
  });

  it("keeps an unfinished draft and returns its problems, a formula problem at its line and column", async () => {
    const { versionId, definition } = await newDraft();
    const expression = "min(30,\n  2.5 × thang_hoat_dong)";
    definition.criteria = [
      { ...definition.criteria[0], points: 70 },
      {
        kind: "formula",
        id: "sustainability",
        label: { vi: "Bền vững", en: "Sustainability" },
        points: 30,
        expression,
      },
    ];
    const { problems } = accepted(await save(versionId, definition));
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: "FORMULA.UNKNOWN_INPUT",
        criterionId: "sustainability",
        line: 2,
        column: 9,
        offset: "min(30,\n  2.5 × ".length,
      }),
    );
    const stored = await criteriaVersion(h, versionId);
    expect(stored.version).toBe(2);
    expect(stored.definition.criteria[1].expression).toBe(expression);
  });

  it("renames the set after the draft's Vietnamese name", async () => {
    const { setId, versionId, definition } = await newDraft();
    accepted(await save(versionId, { ...definition, name: { vi: "Hội thi mới", en: "New contest" } }));
    const set = await h.database.db
      .selectFrom("criteria_sets")
      .select("name")
      .where("id", "=", setId)
      .executeTakeFirstOrThrow();
    expect(set.name).toBe("Hội thi mới");
  });

  it("refuses text that is not JSON as CRITERIA.SHAPE, changing nothing", async () => {
    const { versionId } = await newDraft();
    const error = await h.expectRefusal("CRITERIA.SHAPE", () => save(versionId, "{ not json"));
    expect(error.details).toEqual({ issues: [{ path: "", message: "not JSON" }] });
  });

  it("refuses a definition of the wrong structure as CRITERIA.SHAPE naming the field, changing nothing", async () => {
    const { versionId, definition } = await newDraft();
    const error = await h.expectRefusal("CRITERIA.SHAPE", () => save(versionId, { ...definition, criteria: "none" }));
    expect(criteriaProblemsOf(error).map((p) => p.path)).toContain("criteria");
  });

  it("words a wrong structure in Vietnamese in the Vietnamese problem, with no English from the parser", async () => {
    const { versionId, definition } = await newDraft();
    const error = await h.expectRefusal("CRITERIA.SHAPE", () => save(versionId, { ...definition, criteria: "none" }));
    const problem = criteriaProblemsOf(error).find((p) => p.path === "criteria");
    expect(problem?.message.vi).toBe(
      "Dữ liệu tại “criteria” không hợp lệ (Đầu vào không hợp lệ: mong đợi mảng, nhận được string). Hãy sửa trường này.",
    );
  });

  it("refuses unknown keys as CRITERIA.SHAPE, each at its path with the key meant, changing nothing", async () => {
    // Dropped, `quota` would leave the set without its quota and `scaleID` the criterion
    // without its scale; both must be refused, not saved.
    const { versionId, definition } = await newDraft();
    const typos = {
      ...definition,
      quota: [],
      criteria: [{ ...definition.criteria[0], scaleID: "scale-10" }],
    };
    const error = await h.expectRefusal("CRITERIA.SHAPE", () => save(versionId, typos));
    // Nested issues come first, as the parse meets them.
    expect(criteriaProblemsOf(error).map((p) => [p.code, p.path, p.message.en])).toEqual([
      [
        "CRITERIA.UNKNOWN_KEY",
        "criteria.0.scaleID",
        "The key “scaleID” at “criteria.0.scaleID” is not part of a criteria set. Did you mean “scaleId”?",
      ],
      [
        "CRITERIA.UNKNOWN_KEY",
        "quota",
        "The key “quota” at “quota” is not part of a criteria set. Did you mean “quotas”?",
      ],
    ]);
  });

  it("refuses a stale version, changing nothing", async () => {
    const { versionId, definition } = await newDraft();
    accepted(await save(versionId, definition));
    await h.expectRefusal("DB.STALE_VERSION", () => save(versionId, definition, 1));
  });

  it("refuses a published version before anything else, changing nothing", async () => {
    const { versionId } = await publishedCriteriaSet(h);
    const { definition } = await criteriaVersion(h, versionId);
    const error = await h.expectRefusal("CRITERIA.PUBLISHED_IMMUTABLE", () => save(versionId, definition, 1));
    expect(error.details).toEqual({ id: versionId, versionNumber: 1 });
  });

  it("refuses a version that does not exist, changing nothing", async () => {
    await h.expectRefusal("CRITERIA.VERSION_NOT_FOUND", () => save("00000000-0000-4000-8000-00000000c0de", {}));
  });

  it("refuses a definition over 200,000 characters as INPUT.INVALID, changing nothing", async () => {
    const { versionId } = await newDraft();
    await h.expectRefusal("INPUT.INVALID", () => save(versionId, " ".repeat(200_001)));
  });
});
