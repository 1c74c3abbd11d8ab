import type { FormulaValue } from "./evaluate-formula.js";
import { type FormulaNode, referenceKey } from "./formula-ast.js";
import { DEFAULT_FORMULA_LIMITS } from "./formula-limits.js";

/**
 * A formula turned into a JavaScript function of its inputs' values, given in the order
 * of the `inputs` it was compiled with (a reference is named by its `referenceKey`). It returns what {@link evaluateFormula} returns
 * on success and `undefined` wherever evaluateFormula would fail: call evaluateFormula
 * then for the error.
 *
 * @example
 * const f = compileFormulaFunction(ast, ["months_running"]); f([27]) // 5.625
 */
export type FormulaFunction = (values: ReadonlyArray<FormulaValue | undefined>) => FormulaValue | undefined;

type Compiled = (values: ReadonlyArray<FormulaValue | undefined>) => FormulaValue;

// Thrown inside a compiled formula and caught by its wrapper: any failure, whatever its
// code, sends the caller back to evaluateFormula, which says what went wrong.
const FAILED = Symbol("formula failed");
const fail = (): never => {
  throw FAILED;
};
const finite = (x: number): number => (Number.isFinite(x) ? x : fail());
const unknownNode = (node: never): never => {
  throw new Error(`unknown node ${JSON.stringify(node)}`);
};

function nodeCount(node: FormulaNode): number {
  switch (node.kind) {
    case "number":
    case "boolean":
    case "input":
    case "reference":
      return 1;
    case "unary":
      return 1 + nodeCount(node.operand);
    case "binary":
      return 1 + nodeCount(node.left) + nodeCount(node.right);
    case "call": {
      let n = 1;
      for (const arg of node.args) n += nodeCount(arg);
      return n;
    }
    default:
      return unknownNode(node);
  }
}

function compileNumber(node: FormulaNode, inputs: readonly string[]): Compiled {
  const run = compileNode(node, inputs);
  return (v) => {
    const x = run(v);
    return typeof x === "number" ? x : fail();
  };
}

function compileBoolean(node: FormulaNode, inputs: readonly string[]): Compiled {
  const run = compileNode(node, inputs);
  return (v) => {
    const x = run(v);
    return typeof x === "boolean" ? x : fail();
  };
}

// Mirrors evaluateFormula's `run`, node for node: the same operations on the same
// doubles, so a result is identical to the bit; only failures are not told apart.
function compileNode(node: FormulaNode, inputs: readonly string[]): Compiled {
  switch (node.kind) {
    case "number":
    case "boolean": {
      const value = node.value;
      return () => value;
    }
    case "input":
    case "reference": {
      const index = inputs.indexOf(node.kind === "input" ? node.name : referenceKey(node.ref, node.id));
      if (index === -1) return fail;
      return (v) => {
        const x = v[index];
        if (typeof x === "number" ? !Number.isFinite(x) : typeof x !== "boolean") fail();
        return x as FormulaValue;
      };
    }
    case "unary": {
      if (node.op === "-") {
        const operand = compileNumber(node.operand, inputs);
        return (v) => -(operand(v) as number);
      }
      const operand = compileBoolean(node.operand, inputs);
      return (v) => !operand(v);
    }
    case "binary": {
      const op = node.op;
      if (op === "==" || op === "!=") {
        const left = compileNode(node.left, inputs);
        const right = compileNode(node.right, inputs);
        return op === "==" ? (v) => left(v) === right(v) : (v) => left(v) !== right(v);
      }
      if (op === "and" || op === "or") {
        const left = compileBoolean(node.left, inputs);
        const right = compileBoolean(node.right, inputs);
        return op === "and" ? (v) => left(v) && right(v) : (v) => left(v) || right(v);
      }
      const l = compileNumber(node.left, inputs) as (v: ReadonlyArray<FormulaValue | undefined>) => number;
      const r = compileNumber(node.right, inputs) as (v: ReadonlyArray<FormulaValue | undefined>) => number;
      switch (op) {
        case "+":
          return (v) => finite(l(v) + r(v));
        case "-":
          return (v) => finite(l(v) - r(v));
        case "*":
          return (v) => finite(l(v) * r(v));
        case "/":
          return (v) => {
            const a = l(v);
            const b = r(v);
            return b === 0 ? fail() : finite(a / b);
          };
        case "<":
          return (v) => l(v) < r(v);
        case "<=":
          return (v) => l(v) <= r(v);
        case ">":
          return (v) => l(v) > r(v);
        case ">=":
          return (v) => l(v) >= r(v);
        default:
          return unknownNode(op);
      }
    }
    case "call": {
      const n = node.args.length;
      // evaluateFormula fails on a wrong arity when it reaches the call, not before.
      if (n === 0 || ((node.fn === "clamp" || node.fn === "if") && n !== 3)) return fail;
      switch (node.fn) {
        case "min":
        case "max": {
          const args = node.args.map(
            (a) => compileNumber(a, inputs) as (v: ReadonlyArray<FormulaValue | undefined>) => number,
          );
          const first = args[0] as (v: ReadonlyArray<FormulaValue | undefined>) => number;
          if (node.fn === "min") {
            return (v) => {
              let acc = first(v);
              for (let i = 1; i < n; i++) acc = Math.min(acc, (args[i] as typeof first)(v));
              return acc;
            };
          }
          return (v) => {
            let acc = first(v);
            for (let i = 1; i < n; i++) acc = Math.max(acc, (args[i] as typeof first)(v));
            return acc;
          };
        }
        case "clamp": {
          const [x, lo, hi] = node.args.map((a) => compileNumber(a, inputs)) as [Compiled, Compiled, Compiled];
          return (v) => {
            const a = x(v) as number;
            const b = lo(v) as number;
            const c = hi(v) as number;
            return Math.min(Math.max(a, b), c);
          };
        }
        case "if": {
          const [test, then, otherwise] = node.args as [FormulaNode, FormulaNode, FormulaNode];
          const t = compileBoolean(test, inputs);
          const a = compileNode(then, inputs);
          const b = compileNode(otherwise, inputs);
          return (v) => (t(v) ? a(v) : b(v));
        }
        default:
          return unknownNode(node.fn);
      }
    }
    default:
      return unknownNode(node);
  }
}

/**
 * Compiles a formula's AST once into a {@link FormulaFunction}, for evaluating it for
 * many models without walking the tree or allocating per call. A formula with more
 * nodes than `maxSteps` (which could hit evaluateFormula's step limit) always answers
 * `undefined`, deferring to evaluateFormula.
 *
 * @example
 * const ast = parseFormula("min(10, 2.5 × months_running ÷ 12)");
 * if (ast.ok) compileFormulaFunction(ast.value, ["months_running"])([27]) // 5.625
 */
export function compileFormulaFunction(
  ast: FormulaNode,
  inputs: readonly string[],
  maxSteps: number = DEFAULT_FORMULA_LIMITS.maxSteps,
): FormulaFunction {
  // Each node is visited at most once per evaluation, so within this bound the step
  // limit cannot be reached.
  if (nodeCount(ast) > maxSteps) return () => undefined;
  const run = compileNode(ast, inputs);
  return (values) => {
    try {
      return run(values);
    } catch (caught) {
      if (caught === FAILED) return undefined;
      throw caught;
    }
  };
}
