import { type DomainError, domainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import { daysBetween } from "../internal/iso-date.js";
import type { Model } from "../model/model.js";
import { unitNotFound } from "../org/unit-not-found.js";
import type { UnitTree } from "../org/unit-tree.js";
import { adoptersOf } from "./adopters-of.js";
import type { ReplicationForest } from "./replication-forest.js";

/**
 * What spread metrics need of a model.
 *
 * @example const m: SpreadModel = { id: "m-qs", ownerUnitId: "chqs", fieldCodes: ["environment"], startDate: "2019-03-01" };
 */
export type SpreadModel = Pick<Model, "id" | "ownerUnitId" | "fieldCodes" | "startDate">;

/**
 * How far a pilot model (mô hình điểm) has spread.
 *
 * @example metrics.coverage.ratio // 5 / 6
 */
export interface SpreadMetrics {
  readonly pilotModelId: string;
  readonly directAdopterIds: readonly string[];
  readonly allAdopterIds: readonly string[];
  /** Generations below the pilot: 0 with no adopters, 1 with direct adopters only. */
  readonly depth: number;
  readonly coverage: {
    /** Eligible units with at least one adopter. */
    readonly adoptingUnitIds: readonly string[];
    readonly eligibleUnitCount: number;
    /** adopting ÷ eligible, `null` when nothing is eligible. */
    readonly ratio: number | null;
    /** Units that adopted although not listed as eligible (reported, not counted). */
    readonly outsideEligibleUnitIds: readonly string[];
  };
  /** Level codes of the adopters' units, sorted. */
  readonly levelsReached: readonly string[];
  /** Field codes of the adopters, sorted. */
  readonly fieldsReached: readonly string[];
  /** Days from the pilot's start to each adoption; `null` with no adopters. */
  readonly timeToAdopt: {
    readonly count: number;
    readonly minDays: number;
    readonly medianDays: number;
    readonly maxDays: number;
  } | null;
}

/**
 * Input of {@link spreadMetrics}.
 *
 * @example spreadMetrics({ forest, pilotModelId: "m-qs", models, tree, eligibleUnitIds })
 */
export interface SpreadMetricsInput {
  readonly forest: ReplicationForest;
  readonly pilotModelId: string;
  /** The pilot and every adopter (others are ignored). */
  readonly models: readonly SpreadModel[];
  readonly tree: UnitTree;
  /** Units that could adopt the pilot, e.g. the province's districts. */
  readonly eligibleUnitIds: readonly string[];
}

/**
 * Errors of {@link spreadMetrics}.
 *
 * @example if (!r.ok && r.error.code === "REPLICATION.ADOPTED_BEFORE_ORIGIN_START") fixDates(r.error.details);
 */
export type SpreadMetricsError = DomainError<
  "REPLICATION.UNKNOWN_MODEL" | "REPLICATION.ADOPTED_BEFORE_ORIGIN_START" | "ORG.UNIT_NOT_FOUND"
>;

/**
 * Spread of a pilot model: direct and all adopters, generations deep, coverage (adopting
 * units ÷ eligible units), levels and fields reached, and time to adopt (days from the
 * pilot's start date to each adoption date: min, median, max). An adoption dated before
 * the pilot started is reported as an error, not a negative delay.
 *
 * @example
 * // "Đường hoa quân sự" replicated to 5 of the province's 6 districts
 * spreadMetrics({ forest, pilotModelId: "m-qs", models, tree, eligibleUnitIds: districtIds })
 * // ok({ coverage: { ratio: 0.8333, ... }, depth: 1, ... })
 */
export function spreadMetrics(input: SpreadMetricsInput): Result<SpreadMetrics, SpreadMetricsError> {
  const { forest, pilotModelId, tree } = input;
  const modelById = new Map(input.models.map((m) => [m.id, m]));
  const pilot = modelById.get(pilotModelId);
  if (pilot === undefined) return err(unknownModel(pilotModelId));

  const adopters = adoptersOf(forest, pilotModelId);
  const eligible = new Set(input.eligibleUnitIds);
  const adoptingUnits = new Set<string>();
  const outside = new Set<string>();
  const levels = new Set<string>();
  const fields = new Set<string>();
  const delays: number[] = [];
  for (const { modelId } of adopters) {
    const model = modelById.get(modelId);
    if (model === undefined) return err(unknownModel(modelId));
    const unit = tree.nodes.get(model.ownerUnitId)?.unit;
    if (unit === undefined) return err(unitNotFound(model.ownerUnitId));
    (eligible.has(unit.id) ? adoptingUnits : outside).add(unit.id);
    levels.add(unit.level);
    for (const f of model.fieldCodes) fields.add(f);
    const adoptedOn = forest.originOf.get(modelId)?.adoptedOn ?? model.startDate;
    const days = daysBetween(pilot.startDate, adoptedOn);
    if (days < 0) {
      return err(
        domainError(
          "REPLICATION.ADOPTED_BEFORE_ORIGIN_START",
          {
            vi: `Mô hình ${modelId} được nhân rộng ngày ${adoptedOn}, trước khi mô hình điểm bắt đầu (${pilot.startDate})`,
            en: `Model ${modelId} was adopted on ${adoptedOn}, before the pilot started (${pilot.startDate})`,
          },
          { modelId, adoptedOn, pilotStartDate: pilot.startDate },
        ),
      );
    }
    delays.push(days);
  }

  delays.sort((a, b) => a - b);
  const mid = Math.floor(delays.length / 2);
  return ok({
    pilotModelId,
    directAdopterIds: adopters.filter((a) => a.generation === 1).map((a) => a.modelId),
    allAdopterIds: adopters.map((a) => a.modelId),
    depth: adopters.reduce((d, a) => Math.max(d, a.generation), 0),
    coverage: {
      adoptingUnitIds: [...adoptingUnits],
      eligibleUnitCount: eligible.size,
      ratio: eligible.size === 0 ? null : adoptingUnits.size / eligible.size,
      outsideEligibleUnitIds: [...outside],
    },
    levelsReached: [...levels].sort(),
    fieldsReached: [...fields].sort(),
    timeToAdopt:
      delays.length === 0
        ? null
        : {
            count: delays.length,
            minDays: delays[0] as number,
            medianDays:
              delays.length % 2 === 1
                ? (delays[mid] as number)
                : ((delays[mid - 1] as number) + (delays[mid] as number)) / 2,
            maxDays: delays[delays.length - 1] as number,
          },
  });
}

function unknownModel(modelId: string): DomainError<"REPLICATION.UNKNOWN_MODEL"> {
  return domainError(
    "REPLICATION.UNKNOWN_MODEL",
    { vi: `Không có dữ liệu mô hình ${modelId}`, en: `Model ${modelId} was not provided` },
    { modelId },
  );
}
