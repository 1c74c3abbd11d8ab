export { type ConversionError, convertQuantity } from "./convert-quantity.js";
export { type Dimension, DimensionSchema } from "./dimension.js";
export { findUnitOfMeasure } from "./find-unit-of-measure.js";
export {
  type FormatLocale,
  FormatLocaleSchema,
  type FormatQuantityOptions,
  formatQuantity,
} from "./format-quantity.js";
export {
  type Aggregation,
  AggregationSchema,
  defaultIndicatorDefinitions,
  type IndicatorDefinition,
  IndicatorDefinitionSchema,
} from "./indicator-definition.js";
export { type IndicatorValue, IndicatorValueSchema } from "./indicator-value.js";
export { type Period, PeriodSchema, periodContains, periodKey, periodsOverlap } from "./period.js";
export { type Quantity, QuantitySchema } from "./quantity.js";
export {
  type AverageCell,
  type IndicatorRollUp,
  type RollUpError,
  type RollUpInput,
  rollUpIndicator,
  type SumCell,
} from "./roll-up-indicator.js";
export { defaultUnitsOfMeasure, type UnitOfMeasure, UnitOfMeasureSchema } from "./unit-of-measure.js";
export { type IndicatorDefinitionError, validateIndicatorDefinitions } from "./validate-indicator-definitions.js";
export { type IndicatorValueError, validateIndicatorValue } from "./validate-indicator-value.js";
