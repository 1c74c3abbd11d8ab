import { findModelHeader, originChain } from "@lantoa/db";
import { domainError, err, ok } from "@lantoa/domain/errors";
import { addReplicationLink, buildReplicationForest } from "@lantoa/domain/replication";
import * as z from "zod";
import { notFound } from "../errors/not-found.js";
import { defineUseCase } from "../runner/use-case.js";
import { RecordId } from "../shared/input-schemas.js";
import { ModelFieldsInput } from "./model-inputs.js";
import { registerDraftModel } from "./register-draft-model.js";

/** An adopter unit's adapted copy of a pilot. */
export const RegisterReplicationInput = z.object({ originModelId: RecordId, model: ModelFieldsInput });

/**
 * Registers an adopter unit's copy of a pilot model: a new draft linked to the pilot.
 * Only a pilot can be replicated, and the domain keeps the replication tree acyclic.
 * Audited.
 */
export const registerReplication = defineUseCase({
  name: "registerReplication",
  input: RegisterReplicationInput,
  run: async (scope, input) => {
    const origin = await findModelHeader(scope.trx, input.originModelId);
    if (!origin) return err(notFound("model", input.originModelId));
    if (!origin.is_pilot) {
      return err(
        domainError(
          "REPLICATION.NOT_A_PILOT",
          {
            vi: "Chỉ nhân rộng được mô hình đã được chọn làm mô hình điểm.",
            en: "Only a model chosen as a pilot can be replicated.",
          },
          { originModelId: origin.id },
        ),
      );
    }
    const chain = buildReplicationForest(await originChain(scope.trx, origin.id));
    const model = await registerDraftModel(scope, input.model, origin.id, (adopter) =>
      chain.ok
        ? addReplicationLink(chain.value, {
            originModelId: origin.id,
            adopterModelId: adopter.id,
            adoptedOn: adopter.startDate,
          })
        : chain,
    );
    if (!model.ok) return model;
    await scope.audit({ action: "registerReplication", entity: "model", entityId: model.value.id, after: model.value });
    return ok({ id: model.value.id });
  },
});
