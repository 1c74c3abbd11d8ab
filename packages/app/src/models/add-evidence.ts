import { insertEvidence, updateVersioned } from "@lantoa/db";
import { domainError, err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, RecordId, requiredText } from "../shared/input-schemas.js";
import { UploadedFileSchema } from "../shared/uploaded-file.js";
import { isAcceptedEvidence } from "./evidence-limits.js";

/** A file backing a model's claims, added to a model read at `expectedVersion`. */
export const AddEvidenceInput = z.object({
  modelId: RecordId,
  title: requiredText(300),
  file: UploadedFileSchema,
  expectedVersion: ExpectedVersion,
});

/**
 * Stores an uploaded file as evidence of a model (PDF, images, Word or Excel within
 * {@link EVIDENCE_LIMITS}) and bumps the model's version. A refused or failed upload
 * leaves neither a row nor a file behind. Audited.
 */
export const addEvidence = defineUseCase({
  name: "addEvidence",
  input: AddEvidenceInput,
  run: async (scope, input) => {
    const { file } = input;
    if (!isAcceptedEvidence(file)) {
      return err(
        domainError(
          "EVIDENCE.NOT_ACCEPTED",
          {
            vi: "Tệp minh chứng phải là PDF, ảnh (JPEG, PNG, WebP), Word hoặc Excel và không quá 10 MB.",
            en: "Evidence must be a PDF, an image (JPEG, PNG, WebP), Word or Excel file of at most 10 MB.",
          },
          { size: file.size, type: file.type },
        ),
      );
    }
    const saved = await updateVersioned(scope.trx, "models", input.modelId, input.expectedVersion, {});
    if (!saved.ok) return saved;
    const key = `${input.modelId}/${scope.newId()}`;
    scope.onRollback(() => scope.evidenceFiles.remove(key));
    await scope.evidenceFiles.put(key, file);
    const evidenceId = await insertEvidence(scope.trx, {
      model_id: input.modelId,
      kind: file.type.startsWith("image/") ? "photo" : "document",
      title: input.title,
      storage_key: key,
      mime_type: file.type,
      size_bytes: file.size,
      uploaded_by: scope.actor.userId,
    });
    await scope.audit({
      action: "addEvidence",
      entity: "model",
      entityId: input.modelId,
      after: { evidenceId, title: input.title, size: file.size, type: file.type },
    });
    return ok({ id: input.modelId });
  },
});
