import { contentHash, freezeCriteriaVersion } from "@lantoa/db";
import { publishCriteriaSet, validateCriteriaSet } from "@lantoa/domain/criteria";
import { err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, RecordId } from "../shared/input-schemas.js";
import { criteriaPublishedImmutable } from "./criteria-errors.js";
import { lockCriteriaDraft } from "./lock-criteria-draft.js";

/** The draft to publish, at the version the publisher read. */
export const PublishCriteriaVersionInput = z.object({ versionId: RecordId, expectedVersion: ExpectedVersion });

/**
 * Validates a draft and freezes it as published (the domain's `publishCriteriaSet`, at
 * the runner's clock) with the SHA-256 of its content: rounds pin published versions,
 * and the database refuses any change to one afterwards. A draft with problems is
 * refused with them (`CRITERIA.INVALID` or `CRITERIA.SHAPE`). Audited.
 */
export const publishCriteriaVersion = defineUseCase({
  name: "publishCriteriaVersion",
  input: PublishCriteriaVersionInput,
  run: async (scope, input) => {
    const locked = await lockCriteriaDraft(scope.trx, input.versionId, input.expectedVersion);
    if (!locked.ok) return locked;
    const row = locked.value;
    const draft = validateCriteriaSet(row.definition);
    if (!draft.ok) return draft;
    if (draft.value.status !== "draft") return err(criteriaPublishedImmutable(row));
    const published = publishCriteriaSet(draft.value, {
      version: row.version_number,
      publishedAt: scope.now.toISOString(),
    });
    if (!published.ok) return published;
    const hash = contentHash(published.value);
    const frozen = await freezeCriteriaVersion(scope.trx, row.id, input.expectedVersion, {
      definition: published.value,
      contentHash: hash,
      publishedAt: published.value.publishedAt,
    });
    if (!frozen.ok) return frozen;
    await scope.audit({
      action: "publishCriteriaVersion",
      entity: "criteria_set_version",
      entityId: row.id,
      before: { status: "draft", version: row.version },
      after: { status: "published", versionNumber: row.version_number, contentHash: hash },
    });
    return ok({ versionId: row.id });
  },
});
