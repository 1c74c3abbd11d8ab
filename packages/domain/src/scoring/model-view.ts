import type { CompiledScale } from "../criteria/index.js";
import type { DomainError, LocalizedText } from "../errors/index.js";
import type { QuotaDemotion } from "./apply-quotas.js";
import { explainModelScore } from "./explain-model-score.js";
import { judgeGates } from "./judge-gates.js";
import type {
  CriterionDetail,
  CriterionScore,
  Disqualification,
  GateOutcome,
  ModelScore,
  ReviewerRatingUse,
  SelfAssessment,
} from "./model-score.js";
import { DISQUALIFIED, NO_POINTS, type RoundColumns } from "./score-columns.js";
import type { ScoringSubject } from "./scoring-subject.js";

const NONE: readonly never[] = Object.freeze([]);
const CALIBRATION = [null, "z", "shift", "none"] as const;

interface Built {
  points?: readonly number[];
  exact?: readonly number[];
  criteria?: readonly CriterionScore[];
  gates?: readonly GateOutcome[];
  explanation?: LocalizedText;
}

/**
 * A scored model with its place in the round.
 *
 * @example
 * round.models.map((m) => [m.position, m.rank, m.modelId, m.tierId])
 */
export interface RankedModel extends ModelScore {
  /** "1224" competition rank (null when disqualified); see {@link rankModels}. */
  readonly rank: number | null;
  /** Position in the total order, 1-based. */
  readonly position: number;
  /** The final tier, after quotas (null when disqualified). */
  readonly tierId: string | null;
  /** The tier a quota demoted it from, if any. */
  readonly demotedFrom: string | null;
  /** Why a quota demoted it (base, allowance, and the tie it lost, if any); null if it was not. */
  readonly demotion: QuotaDemotion | null;
}

/**
 * One model of a scored round, read from the round's columns: a view holds the columns
 * and the model's index, nothing else, so a round of 100,000 models allocates 100,000
 * small objects and no per-criterion ones. Every field is read from the columns; the
 * breakdown (`points`, `criteria`, `gates`, `explanation`…) is built when first read and
 * kept. `JSON.stringify` (through `toJSON`) gives the plain object.
 *
 * @example
 * const m = round.models[0]; m.totalMilli; m.criteria[0]?.pointsMilli; JSON.stringify(m)
 */
export class ModelView implements RankedModel {
  readonly #columns: RoundColumns;
  readonly #i: number;
  readonly #explain: boolean;
  // What has been built from the columns so far: one field, so views stay small.
  #built: Built | undefined;

  constructor(columns: RoundColumns, i: number, explain: boolean) {
    this.#columns = columns;
    this.#i = i;
    this.#explain = explain;
  }

  get #subject(): ScoringSubject {
    return this.#columns.subjects[this.#i] as ScoringSubject;
  }

  get #cache(): Built {
    this.#built ??= {};
    return this.#built;
  }

  #tierId(index: number): string | null {
    return index < 0 ? null : (this.#columns.compiled.tiers[index]?.tier.id ?? null);
  }

  get modelId(): string {
    return this.#subject.modelId;
  }

  get unitId(): string {
    return this.#subject.unitId;
  }

  get unitGroup(): string | undefined {
    return this.#subject.unitGroup;
  }

  get registeredAt(): string {
    return this.#subject.registeredAt;
  }

  get status(): "qualified" | "disqualified" {
    return this.#columns.state[this.#i] === DISQUALIFIED ? "disqualified" : "qualified";
  }

  get totalMilli(): number {
    return this.#columns.totalMilli[this.#i] as number;
  }

  get exactTotalMilli(): number {
    return this.#columns.exactTotalMilli[this.#i] as number;
  }

  get maxMilli(): number {
    return this.#columns.compiled.totalMilli;
  }

  get scoreTierId(): string | null {
    return this.#tierId(this.#columns.scoreTier[this.#i] as number);
  }

  get rank(): number | null {
    const rank = this.#columns.rank[this.#i] as number;
    return rank === 0 ? null : rank;
  }

  get position(): number {
    return this.#columns.position[this.#i] as number;
  }

  get tierId(): string | null {
    return this.#tierId(this.#columns.tier[this.#i] as number);
  }

  get demotedFrom(): string | null {
    return this.#tierId(this.#columns.demotedFrom[this.#i] as number);
  }

  get demotion(): QuotaDemotion | null {
    return this.#columns.demotions.get(this.#i) ?? null;
  }

  get points(): readonly number[] {
    const k = this.#columns.criteria;
    this.#cache.points ??= Array.from(this.#columns.points.subarray(this.#i * k, (this.#i + 1) * k));
    return this.#cache.points;
  }

  get exactPointsMilli(): readonly number[] {
    const k = this.#columns.criteria;
    this.#cache.exact ??= Array.from(this.#columns.exactMilli.subarray(this.#i * k, (this.#i + 1) * k));
    return this.#cache.exact;
  }

  get criteria(): readonly CriterionScore[] {
    this.#cache.criteria ??= this.#columns.full ? criteriaOf(this.#columns, this.#i) : NONE;
    return this.#cache.criteria;
  }

  get gates(): readonly GateOutcome[] {
    this.#cache.gates ??= gatesOf(this.#columns, this.#i);
    return this.#cache.gates;
  }

  get failedGates(): readonly string[] {
    return this.gates.filter((g) => !g.passed).map((g) => g.criterionId);
  }

  get disqualification(): Disqualification | null {
    if (this.status !== "disqualified") return null;
    return judgeGates(
      this.#columns.compiled,
      this.gates.map((g) => !g.passed),
    );
  }

  get disagreement(): ModelScore["disagreement"] {
    return disagreementOf(this.#columns, this.#i);
  }

  get warnings(): readonly DomainError[] {
    return this.#columns.warnings.get(this.#i) ?? NONE;
  }

  get selfAssessment(): SelfAssessment | null {
    return selfAssessmentOf(this.#columns, this.#i);
  }

  get explanation(): LocalizedText | undefined {
    if (!this.#explain) return undefined;
    this.#cache.explanation ??= explainModelScore(this, this.#columns.compiled.set, this.tierId ?? this.scoreTierId);
    return this.#cache.explanation;
  }

  /** The model's score without its place in the round. */
  toScore(): ModelScore {
    const score: ModelScore = {
      modelId: this.modelId,
      unitId: this.unitId,
      unitGroup: this.unitGroup,
      registeredAt: this.registeredAt,
      status: this.status,
      disqualification: this.disqualification,
      totalMilli: this.totalMilli,
      exactTotalMilli: this.exactTotalMilli,
      maxMilli: this.maxMilli,
      scoreTierId: this.scoreTierId,
      points: this.points,
      exactPointsMilli: this.exactPointsMilli,
      criteria: this.criteria,
      gates: this.gates,
      failedGates: this.failedGates,
      disagreement: this.disagreement,
      warnings: this.warnings,
      selfAssessment: this.selfAssessment,
    };
    const explanation = this.explanation;
    return explanation === undefined ? score : { ...score, explanation };
  }

  /** The plain object, with its place in the round. */
  toJSON(): RankedModel {
    return {
      ...this.toScore(),
      rank: this.rank,
      position: this.position,
      tierId: this.tierId,
      demotedFrom: this.demotedFrom,
      demotion: this.demotion,
    };
  }
}

function criteriaOf(cols: RoundColumns, i: number): CriterionScore[] {
  const compiled = cols.compiled;
  const k = cols.criteria;
  const gap = compiled.criterionGapMilli;
  const rows = cols.reviewerRows;
  return compiled.scored.map((sc, c): CriterionScore => {
    const at = i * k + c;
    const criterion = sc.criterion;
    let detail: CriterionDetail;
    switch (criterion.kind) {
      case "rating": {
        const scale = sc.scale as CompiledScale;
        const reviewers: ReviewerRatingUse[] = [];
        const start = cols.reviewerStart[at] as number;
        for (let r = start; r < start + (cols.reviewerCount[at] as number); r++) {
          const raw = rows.rawMilli[r] as number;
          const used = rows.usedMilli[r] as number;
          reviewers.push({
            reviewerId: cols.reviewerIds[rows.reviewer[r] as number] as string,
            rawMilli: raw,
            usedMilli: used,
            shiftMilli: used - raw,
            pointsMilli: rows.pointsMilli[r] as number,
            calibration: CALIBRATION[rows.calibration[r] as number] ?? null,
          });
        }
        const band = cols.band[at] as number;
        const spread = cols.spreadMilli[at] as number;
        detail = {
          kind: "rating",
          method: compiled.set.aggregation.method.kind,
          reviewers,
          aggregate: {
            numerator: cols.aggregateNumerator[at] as number,
            denominator: cols.aggregateDenominator[at] as number,
          },
          scaleMinMilli: scale.minMilli,
          scaleMaxMilli: scale.maxMilli,
          band: band < 0 ? null : (scale.bands[band]?.summary ?? null),
          spreadMilli: spread,
          exceedsGap: gap !== undefined && spread > gap,
        };
        break;
      }
      case "indicator": {
        const rule = criterion.rule;
        const value = cols.value[at] as number;
        const defaulted = cols.flag[at] === 1;
        const best = rule.kind === "relative-to-best" ? cols.best.get(rule.input) : undefined;
        detail =
          best === undefined
            ? { kind: "indicator", rule: rule.kind, input: rule.input, value, defaulted }
            : { kind: "indicator", rule: rule.kind, input: rule.input, value, defaulted, best };
        break;
      }
      case "formula":
        detail = {
          kind: "formula",
          expression: criterion.expression,
          value: cols.value[at] as number,
          clamped: cols.flag[at] === 1,
        };
        break;
      default: {
        const never: never = criterion;
        throw new Error(`unknown criterion ${JSON.stringify(never)}`);
      }
    }
    return {
      criterionId: criterion.id,
      label: criterion.label,
      maxMilli: sc.maxMilli,
      pointsMilli: cols.points[at] as number,
      exactMilli: cols.exactMilli[at] as number,
      detail,
    };
  });
}

function gatesOf(cols: RoundColumns, i: number): GateOutcome[] {
  const g = cols.gateCount;
  return cols.compiled.gates.map((gate, j): GateOutcome => {
    const raw = cols.gateObserved[i * g + j] as number;
    const kind = gate.criterion.condition.kind;
    const observed = Number.isNaN(raw) ? null : kind === "not-disciplined" || kind === "formula" ? raw === 1 : raw;
    return {
      criterionId: gate.criterion.id,
      label: gate.criterion.label,
      passed: cols.gatePassed[i * g + j] === 1,
      eliminatory: gate.criterion.eliminatory,
      condition: gate.criterion.condition,
      observed,
    };
  });
}

/**
 * Whether model i's reviewers disagree beyond the set's gaps, from the columns.
 *
 * @example
 * disagreementOf(columns, 0).needsAnotherReviewer
 */
export function disagreementOf(cols: RoundColumns, i: number): ModelScore["disagreement"] {
  const compiled = cols.compiled;
  const gap = compiled.criterionGapMilli;
  const k = cols.criteria;
  let criteria: string[] | undefined;
  if (gap !== undefined) {
    for (let c = 0; c < k; c++) {
      const sc = compiled.scored[c];
      if (sc?.criterion.kind === "rating" && (cols.spreadMilli[i * k + c] as number) > gap) {
        criteria ??= [];
        criteria.push(sc.criterion.id);
      }
    }
  }
  const totalSpreadMilli = cols.totalSpreadMilli[i] as number;
  const totalExceedsGap = compiled.totalGapMilli !== undefined && totalSpreadMilli > compiled.totalGapMilli;
  return {
    criteria: criteria ?? NONE,
    totalSpreadMilli,
    totalExceedsGap,
    needsAnotherReviewer: totalExceedsGap || criteria !== undefined,
  };
}

function selfAssessmentOf(cols: RoundColumns, i: number): SelfAssessment | null {
  if (cols.hasSelf[i] !== 1) return null;
  const k = cols.criteria;
  const totalMilli = cols.selfTotalMilli[i] as number;
  return {
    totalMilli,
    complete: cols.selfComplete[i] === 1,
    criteria: cols.compiled.scored.map((sc, c) => {
      const p = cols.selfPoints[i * k + c] as number;
      return { criterionId: sc.criterion.id, pointsMilli: p === NO_POINTS ? null : p };
    }),
    differenceMilli: (cols.totalMilli[i] as number) - totalMilli,
  };
}
