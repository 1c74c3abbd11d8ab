import { type FormulaNode, referenceKey } from "./formula-ast.js";

/**
 * Prints an AST back to source that parses to the same tree: binary and unary
 * expressions are fully parenthesized and operators use their ASCII spelling.
 * Number literals print with `String(value)`, which round-trips exactly.
 *
 * @example
 * printFormula(formulaNode.binary("+", formulaNode.number(1), formulaNode.input("x"))) // "(1 + x)"
 */
export function printFormula(node: FormulaNode): string {
  switch (node.kind) {
    case "number":
      return String(node.value);
    case "boolean":
      return node.value ? "true" : "false";
    case "input":
      return node.name;
    case "reference":
      return referenceKey(node.ref, node.id);
    case "unary":
      return node.op === "-" ? `(-${printFormula(node.operand)})` : `(not ${printFormula(node.operand)})`;
    case "binary":
      return `(${printFormula(node.left)} ${node.op} ${printFormula(node.right)})`;
    case "call":
      return `${node.fn}(${node.args.map(printFormula).join(", ")})`;
    default: {
      const never: never = node;
      return never;
    }
  }
}
