import type { Model } from "../model/model.js";
import type { ReplicationLink } from "./replication-link.js";

/**
 * The links implied by models' `originModelId`, adopted on the adopter's start date.
 *
 * @example buildReplicationForest(replicationLinksFromModels(models))
 */
export function replicationLinksFromModels(
  models: readonly Pick<Model, "id" | "originModelId" | "startDate">[],
): ReplicationLink[] {
  return models.flatMap((m) =>
    m.originModelId === null ? [] : [{ originModelId: m.originModelId, adopterModelId: m.id, adoptedOn: m.startDate }],
  );
}
