export { defaultAdminDist, type GatewayConfig, loadConfig } from "./config.js";
export type { Context } from "./context.js";
export { createHttpServer } from "./create-server.js";
export { createGatewayYoga, type YogaOptions } from "./create-yoga.js";
export { schema } from "./schema/index.js";
export { type RunningGateway, startGateway } from "./start-gateway.js";
export { type EvidenceDownloadDeps, serveEvidence } from "./storage/evidence-download.js";
export { EVIDENCE_PATH_PREFIX, type EvidenceLinks, evidenceLinks } from "./storage/evidence-links.js";
export { EVIDENCE_LIMITS, type EvidenceStorage, localFolderStorage } from "./storage/evidence-storage.js";
