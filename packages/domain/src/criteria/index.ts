export * from "../formula/index.js";
export {
  type AggregationConfig,
  AggregationConfigSchema,
  type AggregationMethod,
  AggregationMethodSchema,
} from "./aggregation-config.js";
export {
  type CompiledAllowance,
  type CompiledCriteriaSet,
  type CompiledGate,
  type CompiledScale,
  type CompiledScoredCriterion,
  type CriteriaIssue,
  checkCriteriaSet,
  compileCriteriaSet,
  FACT_INPUTS,
} from "./compile-criteria-set.js";
export {
  type CriteriaSet,
  type CriteriaSetDraft,
  CriteriaSetDraftSchema,
  type CriteriaSetInput,
  CriteriaSetSchema,
  type InputDefinition,
  InputDefinitionSchema,
  type PublishedCriteriaSet,
  PublishedCriteriaSetSchema,
} from "./criteria-set.js";
export {
  type CriteriaGroup,
  CriteriaGroupSchema,
  type CriteriaNode,
  CriteriaNodeSchema,
  type Criterion,
  CriterionSchema,
  type FormulaCriterion,
  FormulaCriterionSchema,
  type GateCriterion,
  GateCriterionSchema,
  type IndicatorCriterion,
  IndicatorCriterionSchema,
  type RatingCriterion,
  RatingCriterionSchema,
  type ScoredCriterion,
} from "./criterion.js";
export { defaultCriteriaSet } from "./default-criteria-set.js";
export { type CriteriaChange, diffCriteriaSets } from "./diff-criteria-sets.js";
export { type GateCondition, GateConditionSchema } from "./gate-condition.js";
export { type IndicatorRule, IndicatorRuleSchema, InputCodeSchema } from "./indicator-rule.js";
export {
  decimalOf,
  divideRoundHalfUp,
  formatMilli,
  MILLI,
  mulDivRoundHalfUp,
  roundToMilli,
  scaleDecimalRatio,
  toMilli,
} from "./milli-points.js";
export { createDraftFromCriteriaSet, publishCriteriaSet } from "./publish-criteria-set.js";
export { type Quota, QuotaSchema } from "./quota.js";
export { CriteriaIdSchema, type Scale, type ScaleBand, ScaleBandSchema, ScaleSchema } from "./scale.js";
export { shapeCriteriaSet } from "./shape-criteria-set.js";
export { type TieBreak, TieBreakSchema } from "./tie-break.js";
export { type Tier, TierSchema } from "./tier.js";
export { validateCriteriaSet } from "./validate-criteria-set.js";
