import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../test-support/property-runs.js";
import { compileFormula } from "./compile-formula.js";
import { compileFormulaFunction } from "./compile-formula-function.js";
import { evaluateFormula, type FormulaValue } from "./evaluate-formula.js";
import { type FormulaNode, formulaNode } from "./formula-ast.js";
import { parseFormula } from "./parse-formula.js";
import { printFormula } from "./print-formula.js";

const numbers = { votes: "number", best: "number", months_running: "number", ok: "boolean" } as const;

const run = (source: string, values: Record<string, FormulaValue>) => {
  const compiled = compileFormula(source, numbers);
  if (!compiled.ok) throw new Error(compiled.error.message.en);
  return evaluateFormula(compiled.value.ast, values);
};

describe("formula language", () => {
  it.each([
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ["2 × 3 ÷ 4", 1.5],
    ["10 − 4 − 3", 3],
    ["-2 * -3", 6],
    ["- - 2", 2],
    ["min(3, 1, 2) + max(4, 5)", 6],
    ["clamp(15, 0, 10)", 10],
    ["if(votes > 10, 1, 2)", 1],
    ["if(votes ≥ 100 or not ok, 1, 2)", 2],
    ["if(votes >= 1 && !ok, 1, 2)", 2],
    ["if(votes ≠ 3 and votes = 42, 5, 0)", 5],
    ["20 × votes ÷ best", 16.8],
    ["1e3 / 8", 125],
    ["min(10, 2.5 * months_running / 12)", 10],
  ])("%s = %d", (source, expected) => {
    expect(run(source, { votes: 42, best: 50, months_running: 60, ok: true })).toEqual({ ok: true, value: expected });
  });

  it("defines division by zero as an error and lets if() guard it", () => {
    const r = run("votes / best", { votes: 1, best: 0, months_running: 0, ok: true });
    expect(r.ok || r.error.code).toBe("FORMULA.DIVISION_BY_ZERO");
    expect(run("if(best == 0, 0, votes / best)", { votes: 1, best: 0, months_running: 0, ok: true })).toEqual({
      ok: true,
      value: 0,
    });
  });

  it("points errors at line, column and a caret", () => {
    const r = parseFormula("votes +\n  * 2");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("FORMULA.UNEXPECTED_TOKEN");
    expect(r.error.details).toMatchObject({ offset: 10, line: 2, column: 3, excerpt: "  * 2\n  ^" });
    expect(r.error.message.en).toBe("Unexpected '*' (line 2, column 3)");
  });

  it.each([
    ["a.b", "FORMULA.UNEXPECTED_CHARACTER"],
    ["constructor.prototype", "FORMULA.UNEXPECTED_CHARACTER"],
    ["process['env']", "FORMULA.UNEXPECTED_CHARACTER"],
    ["eval(1)", "FORMULA.UNKNOWN_FUNCTION"],
    ["1 +", "FORMULA.UNEXPECTED_END"],
    ["(1", "FORMULA.UNEXPECTED_END"],
    ["1 < 2 < 3", "FORMULA.CHAINED_COMPARISON"],
    ["min", "FORMULA.UNEXPECTED_TOKEN"],
    ["1 2", "FORMULA.UNEXPECTED_TOKEN"],
    ["9".repeat(400), "FORMULA.NUMBER_TOO_LARGE"],
    [`${"(".repeat(100)}1${")".repeat(100)}`, "FORMULA.TOO_DEEP"],
    [Array.from({ length: 300 }, () => "1").join("+"), "FORMULA.TOO_COMPLEX"],
    [`${"1+".repeat(1500)}1`, "FORMULA.TOO_LONG"],
  ])("rejects %s with %s", (source, code) => {
    const r = parseFormula(source);
    expect(r.ok ? "ok" : r.error.code).toBe(code);
  });

  it.each([
    ["unknown_x + 1", "FORMULA.UNKNOWN_INPUT"],
    ["constructor + 1", "FORMULA.UNKNOWN_INPUT"],
    ["__proto__", "FORMULA.UNKNOWN_INPUT"],
    ["ok + 1", "FORMULA.TYPE_MISMATCH"],
    ["if(votes, 1, 2)", "FORMULA.TYPE_MISMATCH"],
    ["if(ok, 1, true)", "FORMULA.TYPE_MISMATCH"],
    ["not votes", "FORMULA.TYPE_MISMATCH"],
    ["clamp(1, 2)", "FORMULA.ARITY"],
    ["min()", "FORMULA.ARITY"],
  ])("checks %s → %s", (source, code) => {
    const r = compileFormula(source, numbers);
    expect(r.ok ? "ok" : r.error.code).toBe(code);
  });

  it("reports missing inputs at evaluation, never reaching the prototype", () => {
    const c = compileFormula("votes + 1", numbers);
    if (!c.ok) throw new Error("compile");
    const r = evaluateFormula(c.value.ast, Object.create({ votes: 1 }) as Record<string, number>);
    expect(r.ok || r.error.code).toBe("FORMULA.MISSING_INPUT");
  });

  it("bounds evaluation steps", () => {
    const c = parseFormula(Array.from({ length: 50 }, () => "1").join("+"));
    if (!c.ok) throw new Error("parse");
    const r = evaluateFormula(c.value, {}, 10);
    expect(r.ok || r.error.code).toBe("FORMULA.STEP_LIMIT");
  });
});

describe("references to other criteria", () => {
  const references = {
    rating: new Set(["novelty", "running-12"]),
    points: new Set(["novelty", "reach"]),
    group_total: new Set(["impact"]),
  };
  const compile = (source: string) => compileFormula(source, numbers, undefined, references);

  it('reads rating("id"), points(\'id\') and group_total("id") as numbers, with ids that are not names', () => {
    const compiled = compile(`rating("running-12") + points('novelty') * 2 - group_total("impact")`);
    if (!compiled.ok) throw new Error(compiled.error.message.en);
    expect(compiled.value.references.map((r) => r.key)).toEqual([
      'group_total("impact")',
      'points("novelty")',
      'rating("running-12")',
    ]);
    const values = { 'rating("running-12")': 3, 'points("novelty")': 10, 'group_total("impact")': 4 };
    expect(evaluateFormula(compiled.value.ast, values)).toEqual({ ok: true, value: 19 });
    const names = [...compiled.value.inputs, ...compiled.value.references.map((r) => r.key)];
    expect(compileFormulaFunction(compiled.value.ast, names)([4, 10, 3])).toBe(19);
  });

  it("prints references back to source that parses to the same tree", () => {
    const parsed = parseFormula(`rating('novelty')*2`);
    if (!parsed.ok) throw new Error(parsed.error.message.en);
    expect(printFormula(parsed.value)).toBe('(rating("novelty") * 2)');
    expect(parseFormula(printFormula(parsed.value))).toEqual(parseFormula('(rating("novelty") * 2)'));
  });

  it.each<[string, string, number]>([
    ['rating("reach")', "There is no rating criterion 'reach' (line 1, column 1)", 1],
    ['1 + points("theme")', "There is no scored criterion 'theme' (line 1, column 5)", 5],
    ['group_total("novelty")', "There is no group 'novelty' (line 1, column 1)", 1],
  ])("refuses %s: %s", (source, message, column) => {
    const r = compile(source);
    expect(r.ok ? "ok" : [r.error.code, r.error.message.en, r.error.details?.column]).toEqual([
      "FORMULA.UNKNOWN_REFERENCE",
      message,
      column,
    ]);
  });

  it("refuses references where none may be made", () => {
    const r = compileFormula('points("novelty")', numbers);
    expect(r.ok ? "ok" : r.error.code).toBe("FORMULA.UNKNOWN_REFERENCE");
  });

  it.each<[string, string]>([
    ["rating(novelty)", "FORMULA.REFERENCE_ARGUMENT"],
    ['rating("a", "b")', "FORMULA.REFERENCE_ARGUMENT"],
    ["rating()", "FORMULA.REFERENCE_ARGUMENT"],
    ['"novelty" + 1', "FORMULA.UNEXPECTED_TOKEN"],
    ['min("a", 1)', "FORMULA.UNEXPECTED_TOKEN"],
    ['rating("novelty)', "FORMULA.UNTERMINATED_STRING"],
    ['rating("nov\nelty")', "FORMULA.UNTERMINATED_STRING"],
  ])("refuses %s with %s", (source, code) => {
    const r = compile(source);
    expect(r.ok ? "ok" : r.error.code).toBe(code);
  });

  it("keeps an input named like a reference usable", () => {
    const r = compileFormula("points * 2", { points: "number" });
    expect(r.ok && evaluateFormula(r.value.ast, { points: 4 })).toEqual({ ok: true, value: 8 });
  });

  it("fails with the reference's key when its value is missing", () => {
    const compiled = compile('points("reach") + 1');
    if (!compiled.ok) throw new Error(compiled.error.message.en);
    const r = evaluateFormula(compiled.value.ast, {});
    expect(r.ok ? "ok" : [r.error.code, r.error.details?.input]).toEqual(["FORMULA.MISSING_INPUT", 'points("reach")']);
  });
});

describe("formula fuzzing", () => {
  const alphabet = fc.constantFrom(
    ..."0123456789.eE+-−*×/÷·()<>=!≤≥≠&|, abcvotesbestokminmaxclampifandornottrue_\n\t$[]'\"`{};:?".split(""),
    "votes",
    "best",
    "min(",
    "if(",
    "clamp(",
    " and ",
    " or ",
    "not ",
    "true",
  );
  const sources = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.array(alphabet, { maxLength: 40 }).map((a) => a.join("")),
  );

  it("rejects or safely evaluates any string", () => {
    fc.assert(
      fc.property(
        sources,
        fc.double({ noNaN: true }),
        fc.double({ noNaN: true }),
        fc.boolean(),
        (source, votes, best, b) => {
          const compiled = compileFormula(source, numbers);
          if (!compiled.ok) {
            expect(compiled.error.code).toMatch(/^FORMULA\./);
            return;
          }
          const r = evaluateFormula(compiled.value.ast, { votes, best, months_running: 12, ok: b });
          if (r.ok) expect(typeof r.value).toBe(compiled.value.type);
          else expect(r.error.code).toMatch(/^FORMULA\./);
        },
      ),
      { numRuns: propertyRuns(3000) },
    );
  });

  const ast = fc.letrec<{ num: FormulaNode; bool: FormulaNode }>((tie) => ({
    num: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc
        .oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e6, noNaN: true }))
        .map((v) => formulaNode.number(v)),
      fc.constantFrom("votes", "best").map((n) => formulaNode.input(n)),
      tie("num").map((x) => formulaNode.unary("-", x)),
      fc
        .tuple(fc.constantFrom("+", "-", "*", "/") as fc.Arbitrary<"+" | "-" | "*" | "/">, tie("num"), tie("num"))
        .map(([op, a, b]) => formulaNode.binary(op, a, b)),
      fc
        .tuple(
          fc.constantFrom("min", "max") as fc.Arbitrary<"min" | "max">,
          fc.array(tie("num"), { minLength: 1, maxLength: 3 }),
        )
        .map(([fn, args]) => formulaNode.call(fn, args)),
      fc.tuple(tie("num"), tie("num"), tie("num")).map((args) => formulaNode.call("clamp", args)),
      fc.tuple(tie("bool"), tie("num"), tie("num")).map((args) => formulaNode.call("if", args)),
    ),
    bool: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.boolean().map((b) => formulaNode.boolean(b)),
      fc.constant(formulaNode.input("ok")),
      tie("bool").map((x) => formulaNode.unary("not", x)),
      fc
        .tuple(fc.constantFrom("<", "<=", ">", ">=", "==", "!=") as fc.Arbitrary<"<">, tie("num"), tie("num"))
        .map(([op, a, b]) => formulaNode.binary(op, a, b)),
      fc
        .tuple(fc.constantFrom("and", "or") as fc.Arbitrary<"and" | "or">, tie("bool"), tie("bool"))
        .map(([op, a, b]) => formulaNode.binary(op, a, b)),
    ),
  }));

  const withoutSpans = (node: FormulaNode): unknown =>
    JSON.parse(JSON.stringify(node, (key, value) => (key === "start" || key === "end" ? undefined : value)));

  it("parses printed well-formed ASTs back to the same tree and value", () => {
    fc.assert(
      fc.property(fc.oneof(ast.num, ast.bool), fc.integer({ min: -50, max: 50 }), fc.boolean(), (tree, votes, b) => {
        const source = printFormula(tree);
        const compiled = compileFormula(source, numbers, {
          maxSourceLength: 100_000,
          maxNodes: 100_000,
          maxDepth: 256,
          maxSteps: 100_000,
        });
        if (!compiled.ok) throw new Error(`${source}: ${compiled.error.message.en}`);
        expect(withoutSpans(compiled.value.ast)).toEqual(withoutSpans(tree));
        const values = { votes, best: 7, months_running: 0, ok: b };
        const outcome = (r: ReturnType<typeof evaluateFormula>) => (r.ok ? r.value : r.error.code);
        expect(outcome(evaluateFormula(compiled.value.ast, values, 100_000))).toEqual(
          outcome(evaluateFormula(tree, values, 100_000)),
        );
      }),
      { numRuns: propertyRuns(1500) },
    );
  });

  it("compiles to a function that agrees with evaluateFormula wherever it succeeds", () => {
    const inputs = ["best", "ok", "votes"];
    fc.assert(
      fc.property(
        fc.oneof(ast.num, ast.bool),
        fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ noNaN: true })),
        fc.oneof(fc.constant(0), fc.double({ noNaN: true })),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (tree, votes, best, b, maxSteps) => {
          const expected = evaluateFormula(tree, { votes, best, ok: b }, maxSteps);
          const got = compileFormulaFunction(tree, inputs, maxSteps)([best, b, votes]);
          if (expected.ok) {
            if (got !== undefined) expect(Object.is(got, expected.value)).toBe(true);
          } else expect(got).toBeUndefined();
          // Within the step limit, it answers whenever evaluateFormula does.
          const unlimited = evaluateFormula(tree, { votes, best, ok: b }, 100_000);
          const fast = compileFormulaFunction(tree, inputs, 100_000)([best, b, votes]);
          expect(fast === undefined).toBe(!unlimited.ok);
          if (unlimited.ok) expect(Object.is(fast, unlimited.value)).toBe(true);
        },
      ),
      { numRuns: propertyRuns(3000) },
    );
  });

  it("a compiled function fails like evaluateFormula on a missing input or a wrong arity", () => {
    const ast = parseFormula("if(votes > 1, votes, best)");
    if (!ast.ok) throw new Error(ast.error.message.en);
    const f = compileFormulaFunction(ast.value, ["best", "votes"]);
    expect(f([undefined, 3])).toBe(3);
    expect(f([undefined, 0])).toBeUndefined();
    expect(f([Number.POSITIVE_INFINITY, 0])).toBeUndefined();
    expect(compileFormulaFunction(formulaNode.call("clamp", [formulaNode.number(1)]), [])([])).toBeUndefined();
    expect(compileFormulaFunction(formulaNode.input("votes"), [])([])).toBeUndefined();
  });
});
