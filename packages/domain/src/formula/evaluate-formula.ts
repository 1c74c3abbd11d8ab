import { err, ok, type Result } from "../errors/index.js";
import { type FormulaNode, referenceKey } from "./formula-ast.js";
import { type FormulaError, formulaError } from "./formula-error.js";
import { DEFAULT_FORMULA_LIMITS } from "./formula-limits.js";

/**
 * A value a formula works with.
 *
 * @example
 * evaluateFormula(ast, { votes: 3, ok: true }) // values are numbers or booleans
 */
export type FormulaValue = number | boolean;

class EvaluationFailure {
  constructor(readonly error: FormulaError) {}
}

/**
 * Evaluates an AST over named input values, in IEEE-754 doubles.
 * Defined behaviour: `x / 0` is the error `FORMULA.DIVISION_BY_ZERO` (guard with
 * `if(d == 0, 0, x / d)`; `if` evaluates only the branch taken); any result that is
 * not finite is `FORMULA.NOT_FINITE`; a missing or wrongly typed input is
 * `FORMULA.MISSING_INPUT`; more than `maxSteps` visited nodes is `FORMULA.STEP_LIMIT`.
 * A reference's value is read under its {@link referenceKey}, e.g. `'rating("novelty")'`.
 * Inputs are read as own properties only, so `constructor` or `__proto__` never reach
 * the prototype. Nothing else is reachable.
 *
 * @example
 * const ast = parseFormula("if(best == 0, 0, 20 × votes ÷ best)");
 * if (ast.ok) evaluateFormula(ast.value, { votes: 30, best: 40 }) // ok(15)
 */
export function evaluateFormula(
  ast: FormulaNode,
  values: Readonly<Record<string, FormulaValue>>,
  maxSteps: number = DEFAULT_FORMULA_LIMITS.maxSteps,
): Result<FormulaValue, FormulaError> {
  let steps = 0;
  const fail = (code: Parameters<typeof formulaError>[0], vi: string, en: string, details = {}): never => {
    throw new EvaluationFailure(formulaError(code, { vi, en }, undefined, details));
  };
  const num = (node: FormulaNode): number => {
    const v = run(node);
    if (typeof v !== "number") fail("FORMULA.TYPE_MISMATCH", "Cần một số", "Expected a number", { at: node.start });
    return v as number;
  };
  const bool = (node: FormulaNode): boolean => {
    const v = run(node);
    if (typeof v !== "boolean") {
      fail("FORMULA.TYPE_MISMATCH", "Cần giá trị đúng/sai", "Expected a true/false value", { at: node.start });
    }
    return v as boolean;
  };
  const finite = (x: number): number => {
    if (!Number.isFinite(x)) fail("FORMULA.NOT_FINITE", "Kết quả không hữu hạn", "The result is not finite");
    return x;
  };
  const run = (node: FormulaNode): FormulaValue => {
    steps++;
    if (steps > maxSteps) {
      fail("FORMULA.STEP_LIMIT", `Vượt quá ${maxSteps} bước tính`, `More than ${maxSteps} evaluation steps`);
    }
    switch (node.kind) {
      case "number":
      case "boolean":
        return node.value;
      case "input":
      case "reference": {
        const name = node.kind === "input" ? node.name : referenceKey(node.ref, node.id);
        const v = Object.hasOwn(values, name) ? values[name] : undefined;
        if (typeof v === "number" ? !Number.isFinite(v) : typeof v !== "boolean") {
          fail("FORMULA.MISSING_INPUT", `Thiếu giá trị đầu vào '${name}'`, `Input '${name}' has no value`, {
            input: name,
          });
        }
        return v as FormulaValue;
      }
      case "unary":
        return node.op === "-" ? -num(node.operand) : !bool(node.operand);
      case "binary":
        switch (node.op) {
          case "+":
            return finite(num(node.left) + num(node.right));
          case "-":
            return finite(num(node.left) - num(node.right));
          case "*":
            return finite(num(node.left) * num(node.right));
          case "/": {
            const a = num(node.left);
            const b = num(node.right);
            if (b === 0) fail("FORMULA.DIVISION_BY_ZERO", "Chia cho 0", "Division by zero", { at: node.start });
            return finite(a / b);
          }
          case "<":
            return num(node.left) < num(node.right);
          case "<=":
            return num(node.left) <= num(node.right);
          case ">":
            return num(node.left) > num(node.right);
          case ">=":
            return num(node.left) >= num(node.right);
          case "==":
            return run(node.left) === run(node.right);
          case "!=":
            return run(node.left) !== run(node.right);
          case "and":
            return bool(node.left) && bool(node.right);
          case "or":
            return bool(node.left) || bool(node.right);
          default: {
            const never: never = node;
            return never;
          }
        }
      case "call":
        if (node.args.length === 0 || ((node.fn === "clamp" || node.fn === "if") && node.args.length !== 3)) {
          fail("FORMULA.ARITY", `Sai số đối số của ${node.fn}`, `Wrong number of arguments to ${node.fn}`);
        }
        switch (node.fn) {
          case "min":
          case "max": {
            let acc = num(node.args[0] as FormulaNode);
            for (let i = 1; i < node.args.length; i++) {
              const v = num(node.args[i] as FormulaNode);
              acc = node.fn === "min" ? Math.min(acc, v) : Math.max(acc, v);
            }
            return acc;
          }
          case "clamp": {
            const [x, lo, hi] = node.args.map(num) as [number, number, number];
            return Math.min(Math.max(x, lo), hi);
          }
          case "if":
            return bool(node.args[0] as FormulaNode)
              ? run(node.args[1] as FormulaNode)
              : run(node.args[2] as FormulaNode);
          default: {
            const never: never = node.fn;
            return never;
          }
        }
      default: {
        const never: never = node;
        return never;
      }
    }
  };
  try {
    return ok(run(ast));
  } catch (caught) {
    if (caught instanceof EvaluationFailure) return err(caught.error);
    throw caught;
  }
}
