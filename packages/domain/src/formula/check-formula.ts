import { err, ok, type Result } from "../errors/index.js";
import type { FormulaNode, FormulaReferenceKind, FormulaType } from "./formula-ast.js";
import { type FormulaError, formulaError } from "./formula-error.js";

const ARITY: Readonly<Record<string, readonly [number, number]>> = {
  min: [1, 32],
  max: [1, 32],
  clamp: [3, 3],
  if: [3, 3],
};

/**
 * The ids a formula may reference, per reference kind; a formula checked without them may
 * reference nothing.
 *
 * @example
 * const refs: FormulaReferences = { rating: new Set(["novelty"]), points: new Set(["novelty", "reach"]), group_total: new Set(["impact"]) };
 */
export type FormulaReferences = Readonly<Record<FormulaReferenceKind, ReadonlySet<string>>>;

const NO_REFERENCES: FormulaReferences = { rating: new Set(), points: new Set(), group_total: new Set() };
const REFERENCE_WORDS: Readonly<Record<FormulaReferenceKind, readonly [string, string]>> = {
  rating: ["tiêu chí chấm điểm", "rating criterion"],
  points: ["tiêu chí có điểm", "scored criterion"],
  group_total: ["nhóm tiêu chí", "group"],
};

class CheckFailure {
  constructor(readonly error: FormulaError) {}
}

/**
 * Type-checks an AST against the inputs it may use: every name must be a declared input,
 * arithmetic and comparisons take numbers, `and`/`or`/`not` and the condition of `if`
 * take booleans, both branches of `if` have one type, `==`/`!=` compare equal types.
 * A reference (`rating("id")`, `points("id")`, `group_total("id")`) must name an id of its
 * kind in `references`, and is a number. Returns the expression's type. `source` is only
 * used to point errors at the text.
 *
 * @example
 * checkFormula(ast, { votes: "number" }, "votes / 2") // ok("number")
 * checkFormula(ast, {}, "votes / 2") // err FORMULA.UNKNOWN_INPUT at column 1
 */
export function checkFormula(
  ast: FormulaNode,
  inputs: Readonly<Record<string, FormulaType>>,
  source = "",
  references: FormulaReferences = NO_REFERENCES,
): Result<FormulaType, FormulaError> {
  const fail = (code: Parameters<typeof formulaError>[0], vi: string, en: string, node: FormulaNode): never => {
    throw new CheckFailure(formulaError(code, { vi, en }, source === "" ? undefined : { source, offset: node.start }));
  };
  const want = (node: FormulaNode, type: FormulaType, what: string): void => {
    const actual = typeOf(node);
    if (actual !== type) {
      const vi = type === "number" ? "một số" : "một giá trị đúng/sai";
      const en = type === "number" ? "a number" : "a true/false value";
      fail("FORMULA.TYPE_MISMATCH", `${what} cần ${vi}`, `${what} needs ${en}`, node);
    }
  };
  const typeOf = (node: FormulaNode): FormulaType => {
    switch (node.kind) {
      case "number":
        return "number";
      case "boolean":
        return "boolean";
      case "input": {
        if (!Object.hasOwn(inputs, node.name)) {
          fail(
            "FORMULA.UNKNOWN_INPUT",
            `Không có đầu vào '${node.name}'`,
            `There is no input named '${node.name}'`,
            node,
          );
        }
        return inputs[node.name] as FormulaType;
      }
      case "reference": {
        if (!references[node.ref].has(node.id)) {
          const [vi, en] = REFERENCE_WORDS[node.ref];
          fail("FORMULA.UNKNOWN_REFERENCE", `Không có ${vi} '${node.id}'`, `There is no ${en} '${node.id}'`, node);
        }
        return "number";
      }
      case "unary":
        if (node.op === "-") {
          want(node.operand, "number", "'-'");
          return "number";
        }
        want(node.operand, "boolean", "'not'");
        return "boolean";
      case "binary":
        switch (node.op) {
          case "+":
          case "-":
          case "*":
          case "/":
            want(node.left, "number", `'${node.op}'`);
            want(node.right, "number", `'${node.op}'`);
            return "number";
          case "<":
          case "<=":
          case ">":
          case ">=":
            want(node.left, "number", `'${node.op}'`);
            want(node.right, "number", `'${node.op}'`);
            return "boolean";
          case "==":
          case "!=":
            want(node.right, typeOf(node.left), `'${node.op}'`);
            return "boolean";
          case "and":
          case "or":
            want(node.left, "boolean", `'${node.op}'`);
            want(node.right, "boolean", `'${node.op}'`);
            return "boolean";
          default: {
            const never: never = node;
            return never;
          }
        }
      case "call": {
        const [least, most] = ARITY[node.fn] as readonly [number, number];
        if (node.args.length < least || node.args.length > most) {
          const expected = least === most ? `${least}` : `${least}–${most}`;
          fail(
            "FORMULA.ARITY",
            `Hàm ${node.fn} nhận ${expected} đối số, có ${node.args.length}`,
            `${node.fn} takes ${expected} arguments, got ${node.args.length}`,
            node,
          );
        }
        if (node.fn === "if") {
          const [cond, then, otherwise] = node.args as [FormulaNode, FormulaNode, FormulaNode];
          want(cond, "boolean", "if");
          const type = typeOf(then);
          want(otherwise, type, "if");
          return type;
        }
        for (const arg of node.args) want(arg, "number", node.fn);
        return "number";
      }
      default: {
        const never: never = node;
        return never;
      }
    }
  };
  try {
    return ok(typeOf(ast));
  } catch (caught) {
    if (caught instanceof CheckFailure) return err(caught.error);
    throw caught;
  }
}
