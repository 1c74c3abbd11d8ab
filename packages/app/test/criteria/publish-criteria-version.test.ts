import { createHash } from "node:crypto";
import { criteriaProblemsOf, publishCriteriaVersion } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, NOW, startAppHarness } from "../support/app-harness.js";
import { auditOf } from "../support/audit-of.js";
import {
  criteriaVersion,
  newCriteriaSet,
  publishedCriteriaSet,
  unfinishedCriteriaSet,
} from "../support/criteria-fixtures.js";

/** The SHA-256 of a JSON value written with every object's keys in order, computed here independently. */
function sha256OfSortedJson(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash("sha256")
    .update(JSON.stringify(sorted(value)))
    .digest("hex");
}

describe.each(testEngines())("publishCriteriaVersion on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const publish = async (versionId: string, expectedVersion = 1) =>
    h.app.run(publishCriteriaVersion, await h.as("admin"), { versionId, expectedVersion });

  it("freezes the draft as version 1 published now, with the SHA-256 of its definition, and audits it", async () => {
    const { versionId, code } = await newCriteriaSet(h, "DEFAULT");
    expect(accepted(await publish(versionId))).toEqual({ versionId });
    const stored = await criteriaVersion(h, versionId);
    expect(stored).toMatchObject({ status: "published", version: 2, version_number: 1 });
    expect(new Date(stored.published_at ?? 0).toISOString()).toBe(NOW.toISOString());
    expect(stored.definition).toMatchObject({
      status: "published",
      id: code,
      version: 1,
      publishedAt: NOW.toISOString(),
    });
    expect(stored.content_hash).toBe(sha256OfSortedJson(stored.definition));
    expect(await auditOf(h, versionId)).toEqual([
      {
        action: "publishCriteriaVersion",
        entity: "criteria_set_version",
        actor_user_id: (await h.as("admin")).userId,
        before: { status: "draft", version: 1 },
        after: { status: "published", versionNumber: 1, contentHash: stored.content_hash },
      },
    ]);
  });

  it("refuses an unfinished draft with the domain's problems, changing nothing", async () => {
    const { versionId } = await unfinishedCriteriaSet(h);
    const error = await h.expectRefusal("CRITERIA.INVALID", () => publish(versionId, 2));
    expect(criteriaProblemsOf(error).map((p) => p.code)).toContain("CRITERIA.POINTS_MISMATCH");
  });

  it("refuses a version already published, changing nothing", async () => {
    const { versionId } = await publishedCriteriaSet(h);
    await h.expectRefusal("CRITERIA.PUBLISHED_IMMUTABLE", () => publish(versionId, 2));
  });

  it("refuses a stale version, changing nothing", async () => {
    const { versionId } = await unfinishedCriteriaSet(h);
    await h.expectRefusal("DB.STALE_VERSION", () => publish(versionId, 1));
  });

  it("refuses a version that does not exist, changing nothing", async () => {
    await h.expectRefusal("CRITERIA.VERSION_NOT_FOUND", () => publish("00000000-0000-4000-8000-00000000c0de"));
  });
});
