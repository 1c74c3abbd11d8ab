import {
  type CompiledCriteriaSet,
  type CompiledScoredCriterion,
  decimalOf,
  type IndicatorCriterion,
} from "../criteria/index.js";
import { type DomainError, domainError, err, ok, type Result } from "../errors/index.js";
import type { RoundContext } from "./build-round-context.js";
import { ExactPoints } from "./exact-points.js";
import type { CriterionDetail } from "./model-score.js";
import type { SubjectFacts } from "./scoring-subject.js";

/**
 * Points of an `indicator` criterion for one model, exact on the decimals as typed and
 * rounded half up once to milli-points, clamped to [0, points]. `relative-to-best`
 * gives 0 to everyone when the best value is ≤ 0; the best is taken over the round's
 * qualified, scored models (see {@link buildRoundContext}).
 *
 * @example
 * // relative-to-best, 20 points, votes 30, best 40 → 15000 milli-points
 * scoreIndicator(compiled, criterion, facts, context) // ok({ pointsMilli: 15000, detail: {...} })
 */
export function scoreIndicator(
  compiled: CompiledCriteriaSet,
  c: CompiledScoredCriterion,
  facts: SubjectFacts,
  context: RoundContext | undefined,
): Result<{ pointsMilli: number; detail: CriterionDetail }, DomainError> {
  const value = indicatorValue(compiled, c, facts);
  if (typeof value !== "number") return err(value);
  const parts = new ExactPoints(1);
  const set = setIndicatorPoints(parts, 0, c, value, context?.best.get(indicatorRule(c).input));
  if (set !== null) return err(set);
  const shown = new Int32Array(1);
  const pointsMilli = parts.roundOnce(1, shown, 0);
  return ok({ pointsMilli, detail: indicatorDetail(compiled, c, facts, context) });
}

/** The rule of an `indicator` criterion. */
export function indicatorRule(c: CompiledScoredCriterion): IndicatorCriterion["rule"] {
  if (c.criterion.kind !== "indicator") throw new Error("not an indicator criterion");
  return c.criterion.rule;
}

/**
 * A model's value of the indicator a criterion reads: its own, else the input's
 * `missingAs`, else `SCORING.MISSING_INDICATOR`.
 *
 * @example
 * indicatorValue(compiled, replicability, { ...facts, indicators: {} }) // 0 (missingAs)
 */
export function indicatorValue(
  compiled: CompiledCriteriaSet,
  c: CompiledScoredCriterion,
  facts: SubjectFacts,
): number | DomainError {
  const rule = indicatorRule(c);
  const value = Object.hasOwn(facts.indicators, rule.input)
    ? facts.indicators[rule.input]
    : compiled.inputs.get(rule.input)?.missingAs;
  if (value === undefined || !Number.isFinite(value)) {
    return domainError(
      "SCORING.MISSING_INDICATOR",
      {
        vi: `Tiêu chí '${c.criterion.id}' thiếu giá trị chỉ tiêu '${rule.input}'`,
        en: `Criterion '${c.criterion.id}' needs a value for the indicator '${rule.input}'`,
      },
      { criterionId: c.criterion.id, input: rule.input },
    );
  }
  return value;
}

/**
 * Writes an indicator criterion's exact points for `value` into slot `slot` of `parts`;
 * an error when a `relative-to-best` rule has no best (no round context).
 */
export function setIndicatorPoints(
  parts: ExactPoints,
  slot: number,
  c: CompiledScoredCriterion,
  value: number,
  best: number | undefined,
): DomainError | null {
  const rule = indicatorRule(c);
  const max = c.maxMilli;
  switch (rule.kind) {
    case "linear":
      setScaled(parts, slot, max, value, rule.from, rule.to, 1);
      return null;
    case "thresholds": {
      let points = 0;
      for (const step of c.thresholds ?? []) if (value >= step.atLeast) points = step.pointsMilli;
      parts.setWhole(slot, points);
      return null;
    }
    case "ratio-to-target":
      setScaled(parts, slot, max, value, 0, rule.target, rule.cap);
      return null;
    case "relative-to-best":
      if (best === undefined) {
        return domainError(
          "SCORING.ROUND_CONTEXT_REQUIRED",
          {
            vi: `Tiêu chí '${c.criterion.id}' so với giá trị cao nhất của đợt: cần dữ liệu cả đợt`,
            en: `Criterion '${c.criterion.id}' is relative to the round's best: the round context is required`,
          },
          { criterionId: c.criterion.id },
        );
      }
      if (best <= 0) parts.setWhole(slot, 0);
      else setScaled(parts, slot, max, value, 0, best, 1);
      return null;
    default: {
      const never: never = rule;
      throw new Error(`unknown rule ${JSON.stringify(never)}`);
    }
  }
}

/**
 * `max × (value − from) ÷ (to − from)` milli-points, exactly on the decimals as typed,
 * clamped to [0, max × cap].
 */
function setScaled(
  parts: ExactPoints,
  slot: number,
  max: number,
  value: number,
  from: number,
  to: number,
  cap: number,
): void {
  if (cap === 1 && Number.isInteger(value) && Number.isInteger(from) && Number.isInteger(to)) {
    let n = max * (value - from);
    let d = to - from;
    if (d < 0) {
      n = -n;
      d = -d;
    }
    if (Number.isSafeInteger(n) && Number.isSafeInteger(max * d)) {
      if (n <= 0) parts.setWhole(slot, 0);
      else if (n >= max * d) parts.setWhole(slot, max);
      else parts.setRatio(slot, n, d);
      return;
    }
  }
  const v = decimalOf(value);
  const f = decimalOf(from);
  const t = decimalOf(to);
  const scale = Math.max(v.scale, f.scale, t.scale);
  const lift = (x: { mantissa: bigint; scale: number }) => x.mantissa * 10n ** BigInt(scale - x.scale);
  let n = BigInt(max) * (lift(v) - lift(f));
  let d = lift(t) - lift(f);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  // The cap as a ratio of integers: max × cap = capN ÷ capD milli-points.
  const c = decimalOf(cap);
  const capN = BigInt(max) * c.mantissa;
  const capD = 10n ** BigInt(c.scale);
  if (n <= 0n) parts.setWhole(slot, 0);
  else if (n * capD >= capN * d) parts.setBigRatio(slot, capN, capD);
  else parts.setBigRatio(slot, n, d);
}

/**
 * The breakdown {@link scoreIndicator} reports beside the points, once they are known.
 *
 * @example
 * indicatorDetail(compiled, criterion, facts, context) // { kind: "indicator", rule: "thresholds", input: "adopters", value: 3, defaulted: false }
 */
export function indicatorDetail(
  compiled: CompiledCriteriaSet,
  c: CompiledScoredCriterion,
  facts: SubjectFacts,
  context: RoundContext | undefined,
): CriterionDetail {
  const rule = indicatorRule(c);
  const has = Object.hasOwn(facts.indicators, rule.input);
  const value = (has ? facts.indicators[rule.input] : compiled.inputs.get(rule.input)?.missingAs) as number;
  const best = rule.kind === "relative-to-best" ? context?.best.get(rule.input) : undefined;
  return best === undefined
    ? { kind: "indicator", rule: rule.kind, input: rule.input, value, defaulted: !has }
    : { kind: "indicator", rule: rule.kind, input: rule.input, value, defaulted: !has, best };
}
