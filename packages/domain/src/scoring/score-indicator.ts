import {
  type CompiledCriteriaSet,
  type CompiledScoredCriterion,
  type IndicatorCriterion,
  scaleDecimalRatio,
} from "../criteria/index.js";
import { type DomainError, domainError, err, ok, type Result } from "../errors/index.js";
import type { RoundContext } from "./build-round-context.js";
import type { CriterionDetail } from "./model-score.js";
import type { SubjectFacts } from "./scoring-subject.js";

const clamp = (x: number, max: number) => (x < 0 ? 0 : Math.min(x, max));

/**
 * Points of an `indicator` criterion for one model, exact on the decimals as typed and
 * rounded half up once to milli-points, clamped to [0, points]. `relative-to-best`
 * gives 0 to everyone when the best value is ≤ 0.
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
  const points = indicatorPoints(compiled, c, facts, context);
  if (typeof points !== "number") return err(points);
  return ok({ pointsMilli: points, detail: indicatorDetail(compiled, c, facts, context) });
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
  const rule = (c.criterion as IndicatorCriterion).rule;
  const has = Object.hasOwn(facts.indicators, rule.input);
  const value = (has ? facts.indicators[rule.input] : compiled.inputs.get(rule.input)?.missingAs) as number;
  const best = rule.kind === "relative-to-best" ? context?.best.get(rule.input) : undefined;
  // Two literals rather than a spread: one object, and `best` only when there is one.
  return best === undefined
    ? { kind: "indicator", rule: rule.kind, input: rule.input, value, defaulted: !has }
    : { kind: "indicator", rule: rule.kind, input: rule.input, value, defaulted: !has, best };
}

/**
 * {@link scoreIndicator}'s points alone, without allocating a breakdown (the round hot path).
 *
 * @example
 * indicatorPoints(compiled, criterion, facts, context) // 14000 for 3 adopters on the default set
 */
export function indicatorPoints(
  compiled: CompiledCriteriaSet,
  c: CompiledScoredCriterion,
  facts: SubjectFacts,
  context: RoundContext | undefined,
): number | DomainError {
  if (c.criterion.kind !== "indicator") throw new Error("not an indicator criterion");
  const rule = c.criterion.rule;
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
  const max = c.maxMilli;
  switch (rule.kind) {
    case "linear":
      return clamp(scaleDecimalRatio(max, value, rule.from, rule.to), max);
    case "thresholds": {
      let points = 0;
      for (const step of c.thresholds ?? []) if (value >= step.atLeast) points = step.pointsMilli;
      return points;
    }
    case "ratio-to-target": {
      const capped = rule.cap >= 1 ? max : scaleDecimalRatio(max, rule.cap, 0, 1);
      return Math.min(clamp(scaleDecimalRatio(max, value, 0, rule.target), max), capped);
    }
    case "relative-to-best": {
      const best = context?.best.get(rule.input);
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
      return best <= 0 ? 0 : clamp(scaleDecimalRatio(max, value, 0, best), max);
    }
    default: {
      const never: never = rule;
      throw new Error(`unknown rule ${JSON.stringify(never)}`);
    }
  }
}
