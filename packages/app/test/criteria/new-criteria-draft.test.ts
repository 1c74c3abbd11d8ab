import { newCriteriaDraft } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf } from "../support/audit-of.js";
import { criteriaVersion, newCriteriaSet, publishedCriteriaSet } from "../support/criteria-fixtures.js";

describe.each(testEngines())("newCriteriaDraft on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("adds draft version 2 based on the published version 1, with its criteria, and audits it", async () => {
    const admin = await h.as("admin");
    const v1 = await publishedCriteriaSet(h, "DEFAULT");
    const { versionId } = accepted(await h.app.run(newCriteriaDraft, admin, { fromVersionId: v1.versionId }));
    const draft = await criteriaVersion(h, versionId);
    const published = await criteriaVersion(h, v1.versionId);
    expect(draft).toMatchObject({ criteria_set_id: v1.setId, version_number: 2, status: "draft", version: 1 });
    expect(draft.definition).toMatchObject({ status: "draft", id: v1.code, basedOnVersion: 1 });
    expect(draft.definition).not.toHaveProperty("publishedAt");
    expect(draft.definition.criteria).toEqual(published.definition.criteria);
    expect(published).toMatchObject({ status: "published", version: 2 });
    expect(await auditOf(h, versionId)).toEqual([
      {
        action: "newCriteriaDraft",
        entity: "criteria_set_version",
        actor_user_id: admin.userId,
        before: null,
        after: { fromVersionId: v1.versionId, versionNumber: 2 },
      },
    ]);
  });

  it("returns the first draft when retried with the same idempotency key", async () => {
    const admin = await h.as("admin");
    const v1 = await publishedCriteriaSet(h);
    const key = h.unique("new-draft-retry-");
    const first = accepted(
      await h.app.run(newCriteriaDraft, admin, { fromVersionId: v1.versionId }, { idempotencyKey: key }),
    );
    const again = accepted(
      await h.app.run(newCriteriaDraft, admin, { fromVersionId: v1.versionId }, { idempotencyKey: key }),
    );
    expect(again).toEqual(first);
  });

  it("refuses a second draft of a set while it has one, naming it, changing nothing", async () => {
    const admin = await h.as("admin");
    const v1 = await publishedCriteriaSet(h);
    const { versionId } = accepted(await h.app.run(newCriteriaDraft, admin, { fromVersionId: v1.versionId }));
    const error = await h.expectRefusal("CRITERIA.DRAFT_EXISTS", () =>
      h.app.run(newCriteriaDraft, admin, { fromVersionId: v1.versionId }),
    );
    expect(error.details).toEqual({ draftId: versionId });
  });

  it("refuses to start from a draft, changing nothing", async () => {
    const admin = await h.as("admin");
    const { versionId } = await newCriteriaSet(h);
    await h.expectRefusal("CRITERIA.NOT_PUBLISHED", () =>
      h.app.run(newCriteriaDraft, admin, { fromVersionId: versionId }),
    );
  });

  it("refuses a version that does not exist, changing nothing", async () => {
    const admin = await h.as("admin");
    await h.expectRefusal("CRITERIA.VERSION_NOT_FOUND", () =>
      h.app.run(newCriteriaDraft, admin, { fromVersionId: "00000000-0000-4000-8000-00000000c0de" }),
    );
  });
});
