export { type Adopter, adoptersOf } from "./adopters-of.js";
export {
  type CompareWithOriginError,
  compareWithOrigin,
  type IndicatorComparison,
  type OutcomeFigure,
} from "./compare-with-origin.js";
export {
  addReplicationLink,
  buildReplicationForest,
  emptyReplicationForest,
  type ReplicationForest,
  type ReplicationLinkError,
} from "./replication-forest.js";
export { type ReplicationLink, ReplicationLinkSchema } from "./replication-link.js";
export { replicationLinksFromModels } from "./replication-links-from-models.js";
export {
  type SpreadMetrics,
  type SpreadMetricsError,
  type SpreadMetricsInput,
  type SpreadModel,
  spreadMetrics,
} from "./spread-metrics.js";
