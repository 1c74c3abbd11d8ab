import { randomBytes } from "node:crypto";
import { CriteriaSetSchema, compileCriteriaSet } from "@lantoa/domain/criteria";
import { type DomainError, domainError, err, ok, type Result } from "@lantoa/domain/errors";
import { checkEligibility, type RoundSettings, RoundSettingsSchema } from "@lantoa/domain/round";
import type { Transaction } from "kysely";
import { z } from "zod";
import { appendAudit } from "../audit/append-audit.js";
import type { Database } from "../database.js";
import { loadModelFacts } from "./load-scoring-subjects.js";

/**
 * Which models take part: owned inside a unit's subtree (the organizer's by default),
 * optionally at one level, in one field, started by a date, in given statuses (active
 * by default).
 *
 * @example
 * RoundScopeSchema.parse({ withinUnitId: "…", field: "economy", startedBy: "2022-06-30" })
 */
export const RoundScopeSchema = z.object({
  withinUnitId: z.uuid().optional(),
  level: z.string().max(64).optional(),
  field: z.string().max(64).optional(),
  startedBy: z.iso.date().optional(),
  /** Nominated models, by code (within the scope's subtree). */
  modelCodes: z.array(z.string().max(64)).max(10_000).optional(),
  statuses: z
    .array(z.enum(["draft", "submitted", "approved", "returned", "active", "suspended", "archived"]))
    .max(7)
    .optional(),
});
/** A value of {@link RoundScopeSchema}. */
export type RoundScope = z.infer<typeof RoundScopeSchema>;

/** What an admin gives to open a round in draft. */
export interface NewRound {
  readonly code: string;
  readonly name: string;
  readonly criteriaVersionId: string;
  readonly organizerUnitId: string;
  readonly period: string;
  readonly referenceDate: string;
  readonly scope: RoundScope;
  readonly settings: Partial<RoundSettings>;
}

/**
 * Creates a round in draft pinned to a published criteria-set version, puts the
 * models of its scope in it and evaluates the set's gates for each at the reference
 * date (stored per model, shown before the round opens). A panel seed is generated
 * and recorded now, so the draw can be re-run by anyone. One audit entry.
 *
 * @example
 * const created = await createRound(trx, { code: "TL-2025", … }, { actorUserId });
 * if (created.ok) created.value.eligible // 42
 */
export async function createRound(
  trx: Transaction<Database>,
  input: NewRound,
  actor: { actorUserId: string | null },
): Promise<Result<{ id: string; models: number; eligible: number }, DomainError>> {
  const version = await trx
    .selectFrom("criteria_set_versions")
    .select(["id", "status", "definition"])
    .where("id", "=", input.criteriaVersionId)
    .executeTakeFirst();
  if (!version || version.status !== "published") {
    return err(
      domainError(
        "ROUND.CRITERIA_NOT_PUBLISHED",
        {
          vi: "Đợt bình xét phải dùng một phiên bản bộ tiêu chí đã công bố.",
          en: "A round must pin a published criteria-set version.",
        },
        { criteriaVersionId: input.criteriaVersionId },
      ),
    );
  }
  const compiled = compileCriteriaSet(CriteriaSetSchema.parse(version.definition));
  if (!compiled.ok) return compiled;
  const duplicate = await trx.selectFrom("rounds").select("id").where("code", "=", input.code).executeTakeFirst();
  if (duplicate) {
    return err(
      domainError(
        "ROUND.DUPLICATE_CODE",
        { vi: `Mã đợt ${input.code} đã được dùng.`, en: `The round code ${input.code} is already used.` },
        { code: input.code },
      ),
    );
  }
  const organizer = await trx
    .selectFrom("units")
    .select("path")
    .where("id", "=", input.organizerUnitId)
    .executeTakeFirst();
  const within = input.scope.withinUnitId
    ? await trx.selectFrom("units").select("path").where("id", "=", input.scope.withinUnitId).executeTakeFirst()
    : organizer;
  if (!organizer || !within || !within.path.startsWith(organizer.path)) {
    return err(
      domainError(
        "ROUND.SCOPE_OUTSIDE_ORGANIZER",
        {
          vi: "Phạm vi đợt phải nằm trong đơn vị tổ chức.",
          en: "The round's scope must lie inside the organizing unit.",
        },
        { organizerUnitId: input.organizerUnitId, withinUnitId: input.scope.withinUnitId ?? null },
      ),
    );
  }
  let query = trx
    .selectFrom("models as m")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select("m.id")
    .where("u.path", "like", `${within.path}%`)
    .where("m.status", "in", input.scope.statuses ?? ["active"]);
  if (input.scope.level) query = query.where("u.level", "=", input.scope.level);
  if (input.scope.field) query = query.where((eb) => eb(eb.val(input.scope.field), "=", eb.fn.any("m.fields")));
  if (input.scope.modelCodes)
    query = query.where("m.code", "in", input.scope.modelCodes.length ? input.scope.modelCodes : [""]);
  if (input.scope.startedBy) query = query.where("m.start_date", "<=", input.scope.startedBy);
  const modelIds = (await query.orderBy("m.code").execute()).map((m) => m.id);
  const settings = RoundSettingsSchema.parse(input.settings);
  const { id } = await trx
    .insertInto("rounds")
    .values({
      code: input.code,
      name: input.name,
      criteria_version_id: input.criteriaVersionId,
      organizer_unit_id: input.organizerUnitId,
      status: "draft",
      period: input.period,
      reference_date: input.referenceDate,
      scope: JSON.stringify(input.scope),
      settings: JSON.stringify(settings),
      draw_seed: randomBytes(16).toString("hex"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const facts = await loadModelFacts(trx, modelIds, { referenceDate: input.referenceDate, period: input.period });
  const rows = [];
  for (const f of facts) {
    const decided = checkEligibility(compiled.value, f.facts, input.referenceDate);
    if (!decided.ok) return decided;
    rows.push({
      round_id: id,
      model_id: f.modelId,
      eligible: decided.value.eligible,
      gate_outcomes: JSON.stringify(
        decided.value.gates.map((g) => ({
          criterionId: g.criterionId,
          label: g.label,
          passed: g.passed,
          observed: g.observed,
        })),
      ),
    });
  }
  for (let i = 0; i < rows.length; i += 1000)
    await trx
      .insertInto("round_models")
      .values(rows.slice(i, i + 1000))
      .execute();
  const eligible = rows.filter((r) => r.eligible).length;
  await appendAudit(trx, {
    actorUserId: actor.actorUserId,
    action: "round.create",
    entity: "round",
    entityId: id,
    after: { ...input, models: rows.length, eligible },
  });
  return ok({ id, models: rows.length, eligible });
}
