export { checkFormula, type FormulaReferences } from "./check-formula.js";
export { type CompiledFormula, compileFormula } from "./compile-formula.js";
export { compileFormulaFunction, type FormulaFunction } from "./compile-formula-function.js";
export { evaluateFormula, type FormulaValue } from "./evaluate-formula.js";
export {
  type FormulaBinaryNode,
  type FormulaBinaryOperator,
  type FormulaBooleanNode,
  type FormulaCallNode,
  type FormulaFunctionName,
  type FormulaInputNode,
  type FormulaNode,
  type FormulaNumberNode,
  type FormulaReferenceKind,
  type FormulaReferenceNode,
  type FormulaType,
  type FormulaUnaryNode,
  formulaNode,
  isFormulaNode,
  referenceKey,
} from "./formula-ast.js";
export { type FormulaError, type FormulaErrorCode, formulaError, formulaPosition } from "./formula-error.js";
export { DEFAULT_FORMULA_LIMITS, type FormulaLimits, FormulaLimitsSchema } from "./formula-limits.js";
export { FORMULA_RESERVED_WORDS, parseFormula } from "./parse-formula.js";
export { printFormula } from "./print-formula.js";
export { type FormulaToken, tokenizeFormula } from "./tokenize-formula.js";
