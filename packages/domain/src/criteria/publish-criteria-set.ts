import { type DomainError, domainError, err, ok, type Result } from "../errors/index.js";
import { compileCriteriaSet } from "./compile-criteria-set.js";
import type { CriteriaSetDraft, PublishedCriteriaSet } from "./criteria-set.js";
import { deepFreeze } from "./deep-freeze.js";

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Publishes a valid draft as an immutable version: the result is a deeply frozen copy
 * with `status: "published"`, the version and the publication time (passed in: the
 * domain has no clock). The version must be above the one the draft was based on.
 * To change a published set, make a new draft with {@link createDraftFromCriteriaSet}.
 *
 * @example
 * const v1 = publishCriteriaSet(draft, { version: 1, publishedAt: "2025-03-01T08:00:00+07:00" });
 * // v1.ok && Object.isFrozen(v1.value.criteria[0]) === true
 */
export function publishCriteriaSet(
  draft: CriteriaSetDraft,
  meta: { version: number; publishedAt: string },
): Result<PublishedCriteriaSet, DomainError> {
  if (!Number.isSafeInteger(meta.version) || meta.version < 1) {
    return err(
      domainError(
        "CRITERIA.VERSION_INVALID",
        { vi: "Số phiên bản phải là số nguyên dương", en: "The version must be a positive integer" },
        { version: meta.version },
      ),
    );
  }
  if (draft.basedOnVersion !== null && meta.version <= draft.basedOnVersion) {
    return err(
      domainError(
        "CRITERIA.VERSION_NOT_INCREASING",
        {
          vi: `Phiên bản ${meta.version} phải lớn hơn phiên bản gốc ${draft.basedOnVersion}`,
          en: `Version ${meta.version} must be above the version it is based on, ${draft.basedOnVersion}`,
        },
        { version: meta.version, basedOnVersion: draft.basedOnVersion },
      ),
    );
  }
  if (!ISO_DATE_TIME.test(meta.publishedAt)) {
    return err(
      domainError(
        "CRITERIA.PUBLISHED_AT_INVALID",
        { vi: "Thời điểm ban hành phải theo ISO 8601", en: "publishedAt must be an ISO 8601 date-time" },
        { publishedAt: meta.publishedAt },
      ),
    );
  }
  const compiled = compileCriteriaSet(draft);
  if (!compiled.ok) return compiled;
  const copy = JSON.parse(JSON.stringify(draft)) as CriteriaSetDraft;
  const published: PublishedCriteriaSet = {
    ...copy,
    status: "published",
    version: meta.version,
    publishedAt: meta.publishedAt,
  };
  return ok(deepFreeze(published));
}

/**
 * Starts a new, editable draft from a published version (a deep copy that records
 * `basedOnVersion`); the published value is never touched.
 *
 * @example
 * const draft = createDraftFromCriteriaSet(v1); // draft.status === "draft", draft.basedOnVersion === 1
 */
export function createDraftFromCriteriaSet(published: PublishedCriteriaSet): CriteriaSetDraft {
  const {
    status: _status,
    version,
    publishedAt: _publishedAt,
    ...rest
  } = JSON.parse(JSON.stringify(published)) as PublishedCriteriaSet;
  return { ...rest, status: "draft", basedOnVersion: version };
}
