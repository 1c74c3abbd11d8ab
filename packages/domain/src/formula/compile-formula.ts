import { ok, type Result } from "../errors/index.js";
import { checkFormula, type FormulaReferences } from "./check-formula.js";
import { type FormulaNode, type FormulaReferenceKind, type FormulaType, referenceKey } from "./formula-ast.js";
import type { FormulaError } from "./formula-error.js";
import { DEFAULT_FORMULA_LIMITS, type FormulaLimits } from "./formula-limits.js";
import { parseFormula } from "./parse-formula.js";

/**
 * A parsed and type-checked formula, ready to evaluate many times.
 *
 * @example
 * compileFormula("votes / 2", { votes: "number" }) // ok({ type: "number", inputs: ["votes"], ... })
 */
export interface CompiledFormula {
  readonly source: string;
  readonly ast: FormulaNode;
  readonly type: FormulaType;
  /** The input names it reads, sorted. */
  readonly inputs: readonly string[];
  /** The criteria and groups it references, sorted by key (see {@link referenceKey}). */
  readonly references: ReadonlyArray<{ readonly ref: FormulaReferenceKind; readonly id: string; readonly key: string }>;
}

/**
 * Parses and checks a formula against the inputs it may read (and the criteria and
 * groups it may reference); what a criteria set does when it is saved, so a bad formula
 * never reaches a round.
 *
 * @example
 * compileFormula("min(10, 2.5 × months_running ÷ 12)", { months_running: "number" })
 * // ok({ type: "number", inputs: ["months_running"], ... })
 */
export function compileFormula(
  source: string,
  inputs: Readonly<Record<string, FormulaType>>,
  limits: FormulaLimits = DEFAULT_FORMULA_LIMITS,
  references?: FormulaReferences,
): Result<CompiledFormula, FormulaError> {
  const parsed = parseFormula(source, limits);
  if (!parsed.ok) return parsed;
  const type = checkFormula(parsed.value, inputs, source, references);
  if (!type.ok) return type;
  const used = new Set<string>();
  const referenced = new Map<string, { ref: FormulaReferenceKind; id: string; key: string }>();
  const visit = (node: FormulaNode): void => {
    switch (node.kind) {
      case "input":
        used.add(node.name);
        return;
      case "reference": {
        const key = referenceKey(node.ref, node.id);
        referenced.set(key, { ref: node.ref, id: node.id, key });
        return;
      }
      case "unary":
        visit(node.operand);
        return;
      case "binary":
        visit(node.left);
        visit(node.right);
        return;
      case "call":
        for (const arg of node.args) visit(arg);
        return;
      case "number":
      case "boolean":
        return;
      default: {
        const unreachable: never = node;
        throw new Error(`unknown node ${JSON.stringify(unreachable)}`);
      }
    }
  };
  visit(parsed.value);
  const keys = [...referenced.keys()].sort();
  return ok({
    source,
    ast: parsed.value,
    type: type.value,
    inputs: [...used].sort(),
    references: keys.map((k) => referenced.get(k) as { ref: FormulaReferenceKind; id: string; key: string }),
  });
}
