/**
 * The abstract syntax tree of the formula language: a discriminated union on `kind`.
 * `start`/`end` are source offsets (UTF-16 code units) so checks can point at the text.
 * The AST is produced by {@link parseFormula}, never by users, so it is typed rather than
 * validated by zod; criteria sets store the source text, which is the part validated.
 */

/**
 * Arithmetic, comparison and logical binary operators, in their canonical ASCII spelling.
 *
 * @example
 * const op: FormulaBinaryOperator = "<="; // also written ≤ in source
 */
export type FormulaBinaryOperator = "+" | "-" | "*" | "/" | "<" | "<=" | ">" | ">=" | "==" | "!=" | "and" | "or";

/**
 * The built-in functions; nothing else can be called.
 *
 * @example
 * const fn: FormulaFunctionName = "clamp";
 */
export type FormulaFunctionName = "min" | "max" | "clamp" | "if";

/**
 * A non-negative finite number literal (negative numbers are a unary minus).
 *
 * @example
 * formulaNode.number(2.5) // { kind: "number", value: 2.5, start: 0, end: 0 }
 */
export interface FormulaNumberNode {
  readonly kind: "number";
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

/**
 * `true` or `false`.
 *
 * @example
 * formulaNode.boolean(true)
 */
export interface FormulaBooleanNode {
  readonly kind: "boolean";
  readonly value: boolean;
  readonly start: number;
  readonly end: number;
}

/**
 * A reference to a named input (an indicator code or a fact such as `months_running`).
 *
 * @example
 * formulaNode.input("months_running")
 */
export interface FormulaInputNode {
  readonly kind: "input";
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * What a reference reads: a rating criterion's aggregated rating on its scale, a scored
 * criterion's exact points, or the exact sum of a group's points.
 *
 * @example
 * const ref: FormulaReferenceKind = "group_total";
 */
export type FormulaReferenceKind = "rating" | "points" | "group_total";

/**
 * `rating("id")`, `points("id")` or `group_total("id")`: a value of another criterion
 * or group of the same set, for one model.
 *
 * @example
 * formulaNode.reference("rating", "novelty")
 */
export interface FormulaReferenceNode {
  readonly kind: "reference";
  readonly ref: FormulaReferenceKind;
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The name under which a reference's value is passed to {@link evaluateFormula}: it is
 * never a valid input name, so the two cannot clash.
 *
 * @example
 * referenceKey("rating", "novelty") // 'rating("novelty")'
 */
export function referenceKey(ref: FormulaReferenceKind, id: string): string {
  return `${ref}("${id}")`;
}

/**
 * `-x` or `not x`.
 *
 * @example
 * formulaNode.unary("not", formulaNode.input("disciplined"))
 */
export interface FormulaUnaryNode {
  readonly kind: "unary";
  readonly op: "-" | "not";
  readonly operand: FormulaNode;
  readonly start: number;
  readonly end: number;
}

/**
 * `a op b`.
 *
 * @example
 * formulaNode.binary("/", formulaNode.input("votes"), formulaNode.input("best"))
 */
export interface FormulaBinaryNode {
  readonly kind: "binary";
  readonly op: FormulaBinaryOperator;
  readonly left: FormulaNode;
  readonly right: FormulaNode;
  readonly start: number;
  readonly end: number;
}

/**
 * `min(...)`, `max(...)`, `clamp(x, lo, hi)`, `if(cond, a, b)`.
 *
 * @example
 * formulaNode.call("min", [formulaNode.number(10), formulaNode.input("x")])
 */
export interface FormulaCallNode {
  readonly kind: "call";
  readonly fn: FormulaFunctionName;
  readonly args: readonly FormulaNode[];
  readonly start: number;
  readonly end: number;
}

/**
 * Any node of a formula.
 *
 * @example
 * const ast: FormulaNode = formulaNode.binary("+", formulaNode.number(1), formulaNode.input("x"));
 */
export type FormulaNode =
  | FormulaNumberNode
  | FormulaBooleanNode
  | FormulaInputNode
  | FormulaReferenceNode
  | FormulaUnaryNode
  | FormulaBinaryNode
  | FormulaCallNode;

/**
 * The static type of an expression.
 *
 * @example
 * checkFormula(ast, { votes: "number" }) // ok("number")
 */
export type FormulaType = "number" | "boolean";

/**
 * `create` helpers for building ASTs in code and tests (spans default to 0).
 *
 * @example
 * formulaNode.call("max", [formulaNode.number(0), formulaNode.input("votes")])
 */
export const formulaNode = {
  number: (value: number, start = 0, end = 0): FormulaNumberNode => ({ kind: "number", value, start, end }),
  boolean: (value: boolean, start = 0, end = 0): FormulaBooleanNode => ({ kind: "boolean", value, start, end }),
  input: (name: string, start = 0, end = 0): FormulaInputNode => ({ kind: "input", name, start, end }),
  reference: (ref: FormulaReferenceKind, id: string, start = 0, end = 0): FormulaReferenceNode => ({
    kind: "reference",
    ref,
    id,
    start,
    end,
  }),
  unary: (op: "-" | "not", operand: FormulaNode, start = 0, end = 0): FormulaUnaryNode => ({
    kind: "unary",
    op,
    operand,
    start,
    end,
  }),
  binary: (
    op: FormulaBinaryOperator,
    left: FormulaNode,
    right: FormulaNode,
    start = 0,
    end = 0,
  ): FormulaBinaryNode => ({
    kind: "binary",
    op,
    left,
    right,
    start,
    end,
  }),
  call: (fn: FormulaFunctionName, args: readonly FormulaNode[], start = 0, end = 0): FormulaCallNode => ({
    kind: "call",
    fn,
    args,
    start,
    end,
  }),
} as const;

/**
 * `is` helper: narrows a node by kind.
 *
 * @example
 * if (isFormulaNode(node, "input")) node.name
 */
export function isFormulaNode<K extends FormulaNode["kind"]>(
  node: FormulaNode,
  kind: K,
): node is Extract<FormulaNode, { kind: K }> {
  return node.kind === kind;
}
