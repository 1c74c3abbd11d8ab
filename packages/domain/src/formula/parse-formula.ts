import { err, ok, type Result } from "../errors/index.js";
import type { FormulaBinaryOperator, FormulaFunctionName, FormulaNode, FormulaReferenceKind } from "./formula-ast.js";
import { type FormulaError, formulaError } from "./formula-error.js";
import { DEFAULT_FORMULA_LIMITS, type FormulaLimits } from "./formula-limits.js";
import { type FormulaToken, tokenizeFormula } from "./tokenize-formula.js";

const FUNCTIONS: ReadonlySet<string> = new Set<FormulaFunctionName>(["min", "max", "clamp", "if"]);
// Called with one quoted id; not reserved words, so sets whose inputs bear these names keep working.
const REFERENCES: ReadonlySet<string> = new Set<FormulaReferenceKind>(["rating", "points", "group_total"]);
/**
 * Words that can never name an input.
 *
 * @example
 * FORMULA_RESERVED_WORDS.has("if") // true
 */
export const FORMULA_RESERVED_WORDS: ReadonlySet<string> = new Set([
  "and",
  "or",
  "not",
  "true",
  "false",
  "min",
  "max",
  "clamp",
  "if",
]);

// Left binding powers; higher binds tighter. `not` sits between `and` and comparisons.
const BINARY_POWER: Readonly<Record<string, number>> = {
  or: 1,
  and: 2,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
  "==": 4,
  "!=": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "/": 6,
};
const NOT_OPERAND_POWER = 3;
const COMPARISON_POWER = 4;
const NEGATE_OPERAND_POWER = 6;

class ParseFailure {
  constructor(readonly error: FormulaError) {}
}

/**
 * Parses formula source into an AST with a Pratt parser. Grammar, loosest first:
 * `or` (`||`) · `and` (`&&`) · `not` (`!`) · comparisons `< <= > >= == != ≤ ≥ ≠ =`
 * (not chainable) · `+ - −` · `* / × ÷ ·` · unary minus · numbers, `true`, `false`,
 * input names, `(...)`, calls to `min`, `max`, `clamp`, `if`, and references to other
 * criteria of the set: `rating("id")`, `points("id")`, `group_total("id")`.
 * There is no property access, indexing or assignment; a quoted id is only an argument
 * of a reference. The only names are inputs.
 * Source length, node count and nesting depth are bounded by {@link FormulaLimits}.
 *
 * @example
 * parseFormula("min(20, 20 × votes ÷ best_votes)") // ok: call min(number 20, binary "/"(...))
 * parseFormula("a.b") // err FORMULA.UNEXPECTED_CHARACTER at line 1, column 2
 */
export function parseFormula(
  source: string,
  limits: FormulaLimits = DEFAULT_FORMULA_LIMITS,
): Result<FormulaNode, FormulaError> {
  if (source.length > limits.maxSourceLength) {
    return err(
      formulaError(
        "FORMULA.TOO_LONG",
        {
          vi: `Công thức dài ${source.length} ký tự, tối đa ${limits.maxSourceLength}`,
          en: `The formula is ${source.length} characters long; at most ${limits.maxSourceLength}`,
        },
        undefined,
        { length: source.length, max: limits.maxSourceLength },
      ),
    );
  }
  const lexed = tokenizeFormula(source);
  if (!lexed.ok) return lexed;
  const tokens = lexed.value;
  let pos = 0;
  let nodes = 0;

  const fail = (code: Parameters<typeof formulaError>[0], vi: string, en: string, offset: number): never => {
    throw new ParseFailure(formulaError(code, { vi, en }, { source, offset }));
  };
  const peek = (): FormulaToken => tokens[pos] as FormulaToken;
  const next = (): FormulaToken => tokens[pos++] as FormulaToken;
  const describe = (t: FormulaToken) => (t.type === "end" ? "kết thúc|end of input" : `'${t.text}'|'${t.text}'`);
  const unexpected = (t: FormulaToken): never => {
    const [vi, en] = describe(t).split("|") as [string, string];
    return t.type === "end"
      ? fail("FORMULA.UNEXPECTED_END", "Công thức kết thúc đột ngột", "Unexpected end of formula", t.start)
      : fail("FORMULA.UNEXPECTED_TOKEN", `Gặp ${vi} không mong đợi`, `Unexpected ${en}`, t.start);
  };
  const count = (offset: number) => {
    nodes++;
    if (nodes > limits.maxNodes) {
      fail(
        "FORMULA.TOO_COMPLEX",
        `Công thức có quá ${limits.maxNodes} nút`,
        `The formula has more than ${limits.maxNodes} nodes`,
        offset,
      );
    }
  };
  const expect = (type: FormulaToken["type"]): FormulaToken => {
    const t = peek();
    if (t.type !== type) unexpected(t);
    return next();
  };
  const binaryOperatorOf = (t: FormulaToken): FormulaBinaryOperator | undefined => {
    if (t.type === "operator" && t.text !== "not") return t.text as FormulaBinaryOperator;
    if (t.type === "identifier" && (t.text === "and" || t.text === "or")) return t.text;
    return undefined;
  };

  const parseExpression = (minPower: number, depth: number): FormulaNode => {
    if (depth > limits.maxDepth) {
      fail(
        "FORMULA.TOO_DEEP",
        `Công thức lồng quá ${limits.maxDepth} mức`,
        `The formula nests deeper than ${limits.maxDepth} levels`,
        peek().start,
      );
    }
    let left = parsePrefix(depth);
    for (;;) {
      const t = peek();
      const op = binaryOperatorOf(t);
      if (op === undefined) break;
      const power = BINARY_POWER[op] as number;
      if (power <= minPower) break;
      next();
      const right = parseExpression(power, depth + 1);
      count(t.start);
      left = { kind: "binary", op, left, right, start: left.start, end: right.end };
      if (power === COMPARISON_POWER) {
        const after = binaryOperatorOf(peek());
        if (after !== undefined && BINARY_POWER[after] === COMPARISON_POWER) {
          fail(
            "FORMULA.CHAINED_COMPARISON",
            "Không thể nối các phép so sánh; dùng 'and'",
            "Comparisons cannot be chained; use 'and'",
            peek().start,
          );
        }
      }
    }
    return left;
  };

  const parsePrefix = (depth: number): FormulaNode => {
    const t = next();
    switch (t.type) {
      case "number":
        count(t.start);
        return { kind: "number", value: t.value, start: t.start, end: t.end };
      case "(": {
        const inner = parseExpression(0, depth + 1);
        const close = expect(")");
        return { ...inner, start: t.start, end: close.end } as FormulaNode;
      }
      case "operator": {
        if (t.text === "-" || t.text === "not") {
          const operand = parseExpression(t.text === "-" ? NEGATE_OPERAND_POWER : NOT_OPERAND_POWER, depth + 1);
          count(t.start);
          return { kind: "unary", op: t.text, operand, start: t.start, end: operand.end };
        }
        return unexpected(t);
      }
      case "identifier": {
        if (t.text === "not") {
          const operand = parseExpression(NOT_OPERAND_POWER, depth + 1);
          count(t.start);
          return { kind: "unary", op: "not", operand, start: t.start, end: operand.end };
        }
        if (t.text === "true" || t.text === "false") {
          count(t.start);
          return { kind: "boolean", value: t.text === "true", start: t.start, end: t.end };
        }
        if (peek().type === "(" && REFERENCES.has(t.text)) {
          next();
          const id = peek();
          const close = tokens[pos + 1] as FormulaToken;
          if (id.type !== "string" || close.type !== ")") {
            fail(
              "FORMULA.REFERENCE_ARGUMENT",
              `${t.text}(…) nhận một mã trong dấu nháy, ví dụ ${t.text}("novelty")`,
              `${t.text}(…) takes one id in quotes, e.g. ${t.text}("novelty")`,
              id.start,
            );
          }
          pos += 2;
          count(t.start);
          return {
            kind: "reference",
            ref: t.text as FormulaReferenceKind,
            id: id.text,
            start: t.start,
            end: close.end,
          };
        }
        if (peek().type === "(") {
          if (!FUNCTIONS.has(t.text)) {
            fail(
              "FORMULA.UNKNOWN_FUNCTION",
              `Không có hàm '${t.text}'; chỉ có min, max, clamp, if, rating, points, group_total`,
              `There is no function '${t.text}'; only min, max, clamp, if, rating, points, group_total`,
              t.start,
            );
          }
          next();
          const args: FormulaNode[] = [];
          if (peek().type !== ")") {
            for (;;) {
              args.push(parseExpression(0, depth + 1));
              if (peek().type !== ",") break;
              next();
            }
          }
          const close = expect(")");
          count(t.start);
          return { kind: "call", fn: t.text as FormulaFunctionName, args, start: t.start, end: close.end };
        }
        if (FORMULA_RESERVED_WORDS.has(t.text)) return unexpected(t);
        count(t.start);
        return { kind: "input", name: t.text, start: t.start, end: t.end };
      }
      default:
        return unexpected(t);
    }
  };

  try {
    const ast = parseExpression(0, 1);
    const rest = peek();
    if (rest.type !== "end") unexpected(rest);
    return ok(ast);
  } catch (caught) {
    if (caught instanceof ParseFailure) return err(caught.error);
    throw caught;
  }
}
