import { describe, expect, it } from "vitest";
import type { CriteriaSetDraft } from "./criteria-set.js";
import { defaultCriteriaSet } from "./default-criteria-set.js";
import { createDraftFromCriteriaSet, publishCriteriaSet } from "./publish-criteria-set.js";

const at = "2025-01-06T08:00:00+07:00";

describe("publishCriteriaSet", () => {
  it.each([0, -1, 1.5, Number.NaN, 2 ** 53])("refuses the version %d", (version) => {
    expect(publishCriteriaSet(defaultCriteriaSet, { version, publishedAt: at })).toEqual({
      ok: false,
      error: {
        code: "CRITERIA.VERSION_INVALID",
        message: { vi: "Số phiên bản phải là số nguyên dương", en: "The version must be a positive integer" },
        details: { version },
      },
    });
  });

  it("refuses a version not above the one a draft is based on, and takes the next", () => {
    const draft: CriteriaSetDraft = { ...defaultCriteriaSet, basedOnVersion: 3 };
    expect(publishCriteriaSet(draft, { version: 3, publishedAt: at })).toEqual({
      ok: false,
      error: {
        code: "CRITERIA.VERSION_NOT_INCREASING",
        message: {
          vi: "Phiên bản 3 phải lớn hơn phiên bản gốc 3",
          en: "Version 3 must be above the version it is based on, 3",
        },
        details: { version: 3, basedOnVersion: 3 },
      },
    });
    expect(publishCriteriaSet(draft, { version: 4, publishedAt: at }).ok).toBe(true);
    expect(publishCriteriaSet(defaultCriteriaSet, { version: 1, publishedAt: at }).ok).toBe(true);
  });

  it.each(["2025-01-06", "2025-01-06T08:00:00", "yesterday", "2025-01-06T08:00:00+0700"])(
    "refuses the publication time %j",
    (publishedAt) => {
      expect(publishCriteriaSet(defaultCriteriaSet, { version: 1, publishedAt })).toEqual({
        ok: false,
        error: {
          code: "CRITERIA.PUBLISHED_AT_INVALID",
          message: { vi: "Thời điểm ban hành phải theo ISO 8601", en: "publishedAt must be an ISO 8601 date-time" },
          details: { publishedAt },
        },
      });
    },
  );

  it("refuses a set that does not compile", () => {
    const r = publishCriteriaSet({ ...defaultCriteriaSet, totalPoints: 95 }, { version: 1, publishedAt: at });
    expect(r.ok ? "ok" : r.error.code).toBe("CRITERIA.INVALID");
  });

  it("publishes a frozen copy, leaving the draft as it was", () => {
    const draft = JSON.parse(JSON.stringify(defaultCriteriaSet)) as CriteriaSetDraft;
    const r = publishCriteriaSet(draft, { version: 2, publishedAt: "2025-01-06T01:00:00Z" });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value).toMatchObject({ status: "published", version: 2, publishedAt: "2025-01-06T01:00:00Z" });
    expect(Object.isFrozen(r.value)).toBe(true);
    expect(Object.isFrozen(r.value.tiers[0])).toBe(true);
    expect(Object.isFrozen(r.value.criteria[0]?.label)).toBe(true);
    expect(draft.status).toBe("draft");
    expect(Object.isFrozen(draft.tiers[0])).toBe(false);
  });

  it("starts a draft from a published version, based on it and editable", () => {
    const v = publishCriteriaSet(defaultCriteriaSet, { version: 5, publishedAt: at });
    if (!v.ok) throw new Error(v.error.message.en);
    const draft = createDraftFromCriteriaSet(v.value);
    expect(draft).toMatchObject({ status: "draft", basedOnVersion: 5 });
    expect("version" in draft || "publishedAt" in draft).toBe(false);
    expect(Object.isFrozen(draft.tiers[0])).toBe(false);
  });
});
