export { EVIDENCE_LIMITS } from "@lantoa/app";
export { BUS_CHANNELS, type BusChannel, type ClusterBus, inProcessClusterBus } from "./cluster/cluster-bus.js";
export { BUS_APPLICATION_NAME, postgresClusterBus } from "./cluster/postgres-cluster-bus.js";
export { defaultAdminDist, type GatewayConfig, loadConfig } from "./config.js";
export type { Context } from "./context.js";
export { createHttpServer } from "./create-server.js";
export { createGatewayYoga, type YogaOptions } from "./create-yoga.js";
export { createImportPubSub, type ImportProgressEvent, type ImportPubSub } from "./import-progress.js";
export { isPublicPath, type PublicPagesDeps, sendPublic, servePublic } from "./public/public-routes.js";
export {
  createReadRouter,
  describeReplica,
  type ReadRouter,
  type ReadRouterOptions,
  type ReplicaState,
  type ReplicaStatus,
} from "./replicas/read-router.js";
export { walPosition } from "./replicas/wal-position.js";
export { createWritePositions, type WritePositions } from "./replicas/write-positions.js";
export { createRoundEvents, publishRoundProgress, type RoundEvents } from "./round-events.js";
export { schema } from "./schema/index.js";
export { type RunningGateway, startGateway } from "./start-gateway.js";
export { type EvidenceDownloadDeps, serveEvidence } from "./storage/evidence-download.js";
export { EVIDENCE_PATH_PREFIX, type EvidenceLinks, evidenceLinks } from "./storage/evidence-links.js";
export { type EvidenceStorage, localFolderStorage, type StoredFile } from "./storage/evidence-storage.js";
export { describeObjectStore, loadObjectStore } from "./storage/object-store-config.js";
export { type S3StorageOptions, s3Storage } from "./storage/s3-storage.js";
