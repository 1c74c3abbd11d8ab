import {
  type DbExecutor,
  findCriteriaVersionByNumber,
  findNominatedModels,
  findRoundByCode,
  findUnitsByIds,
  insertRound,
  insertRoundModels,
  listModelsInRoundScope,
  loadModelFacts,
  type RoundModelEntry,
} from "@lantoa/db";
import { CriteriaSetSchema, compileCriteriaSet } from "@lantoa/domain/criteria";
import { domainError, err, ok } from "@lantoa/domain/errors";
import { checkEligibility, type RoundSettings, RoundSettingsSchema } from "@lantoa/domain/round";
import * as z from "zod";
import { holdsRoleOver } from "../access/roles.js";
import { forbidden } from "../errors/forbidden.js";
import { defineUseCase } from "../runner/use-case.js";
import { IsoDay, RecordId, requiredText } from "../shared/input-schemas.js";
import { deadlinesOf, deadlinesOutOfOrder, RoundDeadlinesInput } from "./round-deadlines.js";

/** Why a nominated code was left out of a round's scope. */
export type SkippedReason = "UNKNOWN" | "NOT_RUNNING" | "OUTSIDE_SCOPE";

/** A nominated code the round did not take, as typed, and why. */
export interface SkippedNomination {
  readonly code: string;
  readonly reason: SkippedReason;
}

/** A new round: its code and name, the published criteria version it pins, its organizer, scope and settings. */
export const CreateRoundInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}._-]{1,64}$/u),
  name: requiredText(300),
  criteriaSetCode: z.string().max(64),
  criteriaVersion: z.number().int().min(1),
  organizerUnitId: RecordId,
  /** A year, a quarter (2022-Q3) or a month (2022-07): the period whose indicator values count. */
  period: z.string().regex(/^\d{4}(-(Q[1-4]|\d{2}))?$/),
  /** Gates measure time running at this day. */
  referenceDate: IsoDay,
  /** Scope: models owned in this subtree (default: the organizer's). */
  withinUnitId: RecordId.nullish(),
  level: z.string().max(64).nullish(),
  field: z.string().max(64).nullish(),
  /** Scope: models started on or before this day. */
  startedBy: IsoDay.nullish(),
  /** Scope: only these nominated models (by code). */
  modelCodes: z.array(z.string().max(64)).max(10_000).nullish(),
  reviewersPerModel: z.number().int().min(1).max(10).nullish(),
  /** Share of members present; default 2/3. */
  quorum: z.number().gt(0).max(1).nullish(),
  /** Share of votes for; default 0.7. */
  approvalThreshold: z.number().gt(0).max(1).nullish(),
  commentsRequired: z.boolean().nullish(),
  /** Due dates of the steps; each may be set later with setRoundDeadlines. */
  deadlines: RoundDeadlinesInput.nullish(),
});

/**
 * Creates a round in draft pinned to a published criteria-set version (an admin of the
 * organizer), puts the models of its scope in it (active ones owned inside the scope's
 * subtree, the organizer's by default) and evaluates the set's gates for each at the
 * reference date (stored per model, shown before the round opens). A panel seed is
 * recorded now, so anyone can re-run the draw. Nominated codes are matched without
 * regard to case; every one left out is reported with its reason (`skipped`): no such
 * model, a model not running (not active), or one outside the scope (owned outside the
 * organizer's or the within-unit's subtree, or of another level, field or start).
 * Audited `round.create`.
 */
export const createRound = defineUseCase({
  name: "createRound",
  input: CreateRoundInput,
  run: async (scope, input) => {
    const { trx } = scope;
    const version = await findCriteriaVersionByNumber(trx, input.criteriaSetCode, input.criteriaVersion);
    if (version?.status !== "published") {
      return err(
        domainError(
          "ROUND.CRITERIA_NOT_PUBLISHED",
          {
            vi: "Đợt bình xét phải dùng một phiên bản bộ tiêu chí đã công bố.",
            en: "A round must pin a published criteria-set version.",
          },
          {
            criteriaVersionId: version?.id ?? null,
            criteriaSetCode: input.criteriaSetCode,
            criteriaVersion: input.criteriaVersion,
          },
        ),
      );
    }
    const compiled = compileCriteriaSet(CriteriaSetSchema.parse(version.definition));
    if (!compiled.ok) return compiled;
    if (await findRoundByCode(trx, input.code)) {
      return err(
        domainError(
          "ROUND.DUPLICATE_CODE",
          { vi: `Mã đợt ${input.code} đã được dùng.`, en: `The round code ${input.code} is already used.` },
          { code: input.code },
        ),
      );
    }
    const deadlines = deadlinesOf(input.deadlines);
    const outOfOrder = deadlinesOutOfOrder(deadlines);
    if (outOfOrder) return err(outOfOrder);
    const withinUnitId = input.withinUnitId ?? undefined;
    const [organizer, named] = await findUnitsByIds(trx, [
      input.organizerUnitId,
      withinUnitId ?? input.organizerUnitId,
    ]);
    const within = withinUnitId ? named : organizer;
    if (!organizer || !within?.path.startsWith(organizer.path)) {
      return err(
        domainError(
          "ROUND.SCOPE_OUTSIDE_ORGANIZER",
          {
            vi: "Phạm vi đợt phải nằm trong đơn vị tổ chức.",
            en: "The round's scope must lie inside the organizing unit.",
          },
          { organizerUnitId: input.organizerUnitId, withinUnitId: withinUnitId ?? null },
        ),
      );
    }
    if (!holdsRoleOver(scope.actor, ["unit-admin"], organizer.path)) return err(forbidden());
    const roundScope = {
      withinUnitId,
      level: input.level ?? undefined,
      field: input.field ?? undefined,
      startedBy: input.startedBy ?? undefined,
      modelCodes: input.modelCodes ?? undefined,
    };
    const settingsGiven: Partial<RoundSettings> = {
      ...(input.reviewersPerModel != null ? { reviewersPerModel: input.reviewersPerModel } : {}),
      ...(input.quorum != null ? { quorum: input.quorum } : {}),
      ...(input.approvalThreshold != null ? { approvalThreshold: input.approvalThreshold } : {}),
      ...(input.commentsRequired != null ? { commentsRequired: input.commentsRequired } : {}),
    };
    const modelIds = await listModelsInRoundScope(trx, {
      ...roundScope,
      withinPath: within.path,
      statuses: ["active"],
    });
    const skipped = input.modelCodes ? await skippedNominations(trx, input.modelCodes, modelIds, within.path) : [];
    const id = scope.newId();
    const round = {
      code: input.code,
      name: input.name,
      criteriaVersionId: version.id,
      organizerUnitId: input.organizerUnitId,
      period: input.period,
      referenceDate: input.referenceDate,
      scope: roundScope,
    };
    await insertRound(trx, {
      ...round,
      id,
      settings: RoundSettingsSchema.parse(settingsGiven),
      // 128 bits for the draw, from the runner's ids: fixed in tests, random in production.
      drawSeed: scope.newId().replaceAll("-", ""),
      deadlines,
    });
    const facts = await loadModelFacts(trx, modelIds, { referenceDate: input.referenceDate, period: input.period });
    const entries: RoundModelEntry[] = [];
    for (const f of facts) {
      const decided = checkEligibility(compiled.value, f.facts, input.referenceDate);
      if (!decided.ok) return decided;
      entries.push({
        modelId: f.modelId,
        eligible: decided.value.eligible,
        gates: decided.value.gates.map((g) => ({
          criterionId: g.criterionId,
          label: g.label,
          passed: g.passed,
          observed: g.observed,
        })),
      });
    }
    await insertRoundModels(trx, id, entries);
    const eligible = entries.filter((e) => e.eligible).length;
    await scope.audit({
      action: "round.create",
      entity: "round",
      entityId: id,
      after: { ...round, settings: settingsGiven, deadlines, models: entries.length, eligible, skipped },
    });
    return ok({ id, models: entries.length, eligible, skipped });
  },
});

/**
 * The nominated codes the scope did not take, each once (as first typed), with why:
 * unknown, owned outside the scope's subtree (or filtered out by level, field or start),
 * or not running.
 */
async function skippedNominations(
  trx: DbExecutor,
  codes: readonly string[],
  taken: readonly string[],
  withinPath: string,
): Promise<SkippedNomination[]> {
  const found = await findNominatedModels(trx, codes);
  const takenIds = new Set(taken);
  const seen = new Set<string>();
  const skipped: SkippedNomination[] = [];
  for (const code of codes) {
    const key = code.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const matches = found.filter((m) => m.code.toLowerCase() === key);
    if (matches.some((m) => takenIds.has(m.id))) continue;
    const inside = matches.filter((m) => m.ownerPath.startsWith(withinPath));
    const reason: SkippedReason =
      matches.length === 0
        ? "UNKNOWN"
        : inside.length === 0 || inside.every((m) => m.status === "active")
          ? "OUTSIDE_SCOPE"
          : "NOT_RUNNING";
    skipped.push({ code, reason });
  }
  return skipped;
}
