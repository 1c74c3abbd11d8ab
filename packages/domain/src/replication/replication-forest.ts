import { type DomainError, domainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import type { ReplicationLink } from "./replication-link.js";

/**
 * Origin → adopter links as a forest: each adopter has at most one origin and no model
 * descends from itself. Build it with {@link buildReplicationForest}, grow it with
 * {@link addReplicationLink}; both keep it acyclic.
 *
 * @example forest.adoptersOf.get("m-qs") // direct adopters of the flower road
 */
export interface ReplicationForest {
  /** The link into each adopter, by adopter model id. */
  readonly originOf: ReadonlyMap<string, ReplicationLink>;
  /** Direct adopters of each origin, in insertion order. */
  readonly adoptersOf: ReadonlyMap<string, readonly string[]>;
}

/**
 * Errors of {@link addReplicationLink} and {@link buildReplicationForest}.
 *
 * @example if (!r.ok && r.error.code === "REPLICATION.CYCLE") r.error.details?.path
 */
export type ReplicationLinkError = DomainError<
  "REPLICATION.SELF_LINK" | "REPLICATION.ALREADY_HAS_ORIGIN" | "REPLICATION.CYCLE"
>;

/**
 * An empty forest.
 *
 * @example addReplicationLink(emptyReplicationForest, link)
 */
export const emptyReplicationForest: ReplicationForest = { originOf: new Map(), adoptersOf: new Map() };

/**
 * Returns a new forest with the link added, or why it cannot be: the adopter already
 * replicates another model (`REPLICATION.ALREADY_HAS_ORIGIN`), the link is a model onto
 * itself (`REPLICATION.SELF_LINK`), or the origin already descends from the adopter, so
 * the link would close a loop (`REPLICATION.CYCLE`, `details.path` from adopter down to
 * origin). O(depth) to check, O(n) to copy.
 *
 * @example
 * const r = addReplicationLink(emptyReplicationForest, { originModelId: "m-qs", adopterModelId: "m-kb", adoptedOn: "2020-04-01" });
 */
export function addReplicationLink(
  forest: ReplicationForest,
  link: ReplicationLink,
): Result<ReplicationForest, ReplicationLinkError> {
  const problem = checkLink(forest.originOf, link);
  if (problem !== null) return err(problem);
  const originOf = new Map(forest.originOf).set(link.adopterModelId, link);
  const adoptersOf = new Map(forest.adoptersOf).set(link.originModelId, [
    ...(forest.adoptersOf.get(link.originModelId) ?? []),
    link.adopterModelId,
  ]);
  return ok({ originOf, adoptersOf });
}

/**
 * Builds a forest from links in one pass, failing on the first link that breaks it
 * (see {@link addReplicationLink} for the errors).
 *
 * @example buildReplicationForest(replicationLinksFromModels(models))
 */
export function buildReplicationForest(
  links: readonly ReplicationLink[],
): Result<ReplicationForest, ReplicationLinkError> {
  const originOf = new Map<string, ReplicationLink>();
  const adoptersOf = new Map<string, string[]>();
  for (const link of links) {
    const problem = checkLink(originOf, link);
    if (problem !== null) return err(problem);
    originOf.set(link.adopterModelId, link);
    const adopters = adoptersOf.get(link.originModelId);
    if (adopters === undefined) adoptersOf.set(link.originModelId, [link.adopterModelId]);
    else adopters.push(link.adopterModelId);
  }
  return ok({ originOf, adoptersOf });
}

function checkLink(originOf: ReadonlyMap<string, ReplicationLink>, link: ReplicationLink): ReplicationLinkError | null {
  const { originModelId: origin, adopterModelId: adopter } = link;
  if (origin === adopter) {
    return domainError(
      "REPLICATION.SELF_LINK",
      { vi: `Mô hình ${adopter} không thể nhân rộng từ chính nó`, en: `Model ${adopter} cannot replicate itself` },
      { modelId: adopter },
    );
  }
  const existing = originOf.get(adopter);
  if (existing !== undefined) {
    return domainError(
      "REPLICATION.ALREADY_HAS_ORIGIN",
      {
        vi: `Mô hình ${adopter} đã được nhân rộng từ mô hình ${existing.originModelId}`,
        en: `Model ${adopter} already replicates model ${existing.originModelId}`,
      },
      { adopterModelId: adopter, existingOriginModelId: existing.originModelId, originModelId: origin },
    );
  }
  // Walk up from the origin: reaching the adopter means the origin descends from it.
  const path = [origin];
  for (let id = originOf.get(origin)?.originModelId; id !== undefined; id = originOf.get(id)?.originModelId) {
    path.push(id);
    if (id === adopter) {
      return domainError(
        "REPLICATION.CYCLE",
        {
          vi: `Không thể nhân rộng ${origin} sang ${adopter}: ${origin} vốn được nhân rộng từ ${adopter}`,
          en: `Cannot link ${origin} → ${adopter}: ${origin} already descends from ${adopter}`,
        },
        { originModelId: origin, adopterModelId: adopter, path: path.reverse() },
      );
    }
  }
  return null;
}
