import { randomUUID } from "node:crypto";
import {
  appendAudit,
  type Database,
  insertModel,
  loadModel,
  loadUnitTreeFor,
  onceForKey,
  originChain,
  recordIndicatorValues,
  replicationTree,
  saveModel,
  staleVersion,
  updateVersioned,
} from "@lantoa/db";
import { domainError } from "@lantoa/domain/errors";
import { authorizeModelAction, draftModel, editModel, type ModelAction, modelLifecycle } from "@lantoa/domain/model";
import { IndicatorDefinitionSchema, type Period, validateIndicatorValue } from "@lantoa/domain/outcome";
import { addReplicationLink, buildReplicationForest } from "@lantoa/domain/replication";
import type { Transaction } from "kysely";
import { z } from "zod";
import { canReadUnit } from "../auth/scopes.js";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { DomainFailure, fail } from "./errors.js";
import {
  actorsOf,
  CreateModelInput,
  forbidden,
  isOpenPilot,
  ModelActionEnum,
  ModelPayload,
  ModelRef,
} from "./model.js";
import { modelOwnerPath, notFound, requireViewer } from "./mutation-support.js";
import { UnitRef } from "./unit.js";

async function ownerScope(context: Context, modelId: string) {
  const path = await modelOwnerPath(context, modelId);
  // A missing model is a system admin's question only, so nobody learns which ids exist.
  return path ? { worksForUnit: path } : { systemAdmin: true };
}

const UpdateModelInput = builder.inputType("UpdateModelInput", {
  description: "The fields to change; those left out keep their value. annualTheme: null clears it.",
  fields: (t) => ({
    name: t.string({ validate: z.string().trim().min(1).max(500) }),
    personName: t.string({ validate: z.string().trim().min(1).max(200) }),
    fields: t.stringList({ validate: z.array(z.string().max(64)).min(1).max(10) }),
    annualTheme: t.string({ validate: z.string().trim().max(300).nullable() }),
    problem: t.string({ validate: z.string().max(5000) }),
    solution: t.string({ validate: z.string().max(5000) }),
    startDate: t.string({ validate: z.iso.date() }),
  }),
});

builder.mutationField("updateModel", (t) =>
  t.field({
    type: ModelPayload,
    description:
      "Edits a draft or returned model's fields, if nobody saved it since expectedVersion (DB.STALE_VERSION otherwise). The domain's model schema judges the result (MODEL.INVALID with details.issues).",
    errors: { types: [DomainFailure] },
    authScopes: (_root, args, context) => ownerScope(context, args.id.id),
    args: {
      id: t.arg.globalID({ required: true, for: ModelRef }),
      input: t.arg({ type: UpdateModelInput, required: true }),
      expectedVersion: t.arg.int({ required: true, validate: z.number().int().min(1) }),
    },
    resolve: async (_root, { id, input, expectedVersion }, context) => {
      const viewer = requireViewer(context);
      return context.db.transaction().execute(async (trx) => {
        const loaded = await loadModel(trx, id.id, { forUpdate: true });
        if (!loaded) return notFound("model", id.id);
        if (loaded.version !== expectedVersion) fail(staleVersion("model", id.id, expectedVersion));
        const before = loaded.model;
        const parsed = editModel(before, {
          name: input.name ?? undefined,
          personName: input.personName ?? undefined,
          fieldCodes: input.fields ?? undefined,
          annualTheme: input.annualTheme,
          problem: input.problem ?? undefined,
          solution: input.solution ?? undefined,
          startDate: input.startDate ?? undefined,
        });
        if (!parsed.ok) return fail(parsed.error);
        const unknownFields = await unknownFieldCodes(trx, parsed.value.fieldCodes);
        if (unknownFields.length > 0) fail(unknownFieldError(unknownFields));
        const saved = await saveModel(trx, parsed.value, expectedVersion, { actorName: viewer.displayName });
        if (!saved.ok) fail(saved.error);
        await appendAudit(trx, {
          actorUserId: viewer.userId,
          action: "updateModel",
          entity: "model",
          entityId: id.id,
          before: { ...before, version: expectedVersion },
          after: { ...parsed.value, version: saved.value.version },
        });
        return { id: id.id };
      });
    },
  }),
);

async function unknownFieldCodes(db: Transaction<Database>, codes: readonly string[]): Promise<string[]> {
  const known = await db
    .selectFrom("fields")
    .select("code")
    .where("code", "in", [...codes])
    .execute();
  return codes.filter((c) => !known.some((k) => k.code === c));
}

function unknownFieldError(codes: readonly string[]) {
  return domainError(
    "MODEL.UNKNOWN_FIELD",
    { vi: `Lĩnh vực không có trong danh mục: ${codes.join(", ")}.`, en: `Unknown field codes: ${codes.join(", ")}.` },
    { codes },
  );
}

const PERIOD = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

function periodOf(key: string): Period {
  const match = PERIOD.exec(key);
  if (!match) throw new Error(`not a period key: ${key}`);
  const year = Number(match[1]);
  if (match[2]) return { kind: "quarter", year, quarter: Number(match[2]) };
  if (match[3]) return { kind: "month", year, month: Number(match[3]) };
  return { kind: "year", year };
}

const IndicatorValueInput = builder.inputType("IndicatorValueInput", {
  fields: (t) => ({
    indicatorCode: t.string({ required: true, validate: z.string().min(1).max(64) }),
    period: t.string({
      required: true,
      description: "A year (2022), a quarter (2022-Q1) or a month (2022-03).",
      validate: z.string().regex(PERIOD),
    }),
    value: t.float({ required: true, description: "In the indicator's unit of measure." }),
  }),
});

builder.mutationField("recordIndicatorValues", (t) =>
  t.field({
    type: ModelPayload,
    description:
      "Records a model's outcomes per period, in each indicator's unit; a figure already recorded for the same indicator and period is corrected, never doubled. Each value is checked by the domain (percent 0–100, whole counts, whole đồng): all or nothing.",
    errors: { types: [DomainFailure] },
    authScopes: (_root, args, context) => ownerScope(context, args.modelId.id),
    args: {
      modelId: t.arg.globalID({ required: true, for: ModelRef }),
      values: t.arg({ type: [IndicatorValueInput], required: true, validate: z.array(z.any()).min(1).max(200) }),
      expectedVersion: t.arg.int({ required: true, validate: z.number().int().min(1) }),
    },
    resolve: async (_root, { modelId, values, expectedVersion }, context) => {
      const viewer = requireViewer(context);
      return context.db.transaction().execute(async (trx) => {
        const model = await trx
          .selectFrom("models")
          .select(["id", "owner_unit_id"])
          .where("id", "=", modelId.id)
          .executeTakeFirst();
        if (!model) return notFound("model", modelId.id);
        const codes = [...new Set(values.map((v) => v.indicatorCode))];
        const indicators = await trx.selectFrom("indicators").selectAll().where("code", "in", codes).execute();
        const accepted = values.map((v, index) => {
          const row = indicators.find((i) => i.code === v.indicatorCode);
          if (!row) {
            return fail(
              domainError(
                "OUTCOME.UNKNOWN_INDICATOR",
                { vi: `Không có chỉ tiêu "${v.indicatorCode}".`, en: `There is no indicator "${v.indicatorCode}".` },
                { index, indicatorCode: v.indicatorCode },
              ),
            );
          }
          const definition = IndicatorDefinitionSchema.parse({
            code: row.code,
            name: { vi: row.name_vi, en: row.name_en },
            unitCode: row.unit_code,
            aggregation:
              row.aggregation === "weighted-average"
                ? { kind: "weighted-average", weightIndicatorCode: row.weight_indicator_code }
                : { kind: row.aggregation },
          });
          const checked = validateIndicatorValue(
            {
              unitId: model.owner_unit_id,
              modelId: model.id,
              indicatorCode: v.indicatorCode,
              period: periodOf(v.period),
              value: v.value,
            },
            definition,
          );
          if (!checked.ok) return fail({ ...checked.error, details: { ...checked.error.details, index } });
          return {
            modelId: model.id,
            indicatorCode: row.code,
            period: v.period,
            value: v.value,
            unitCode: row.unit_code,
          };
        });
        const saved = await updateVersioned(trx, "models", model.id, expectedVersion, { updated_at: context.now });
        if (!saved.ok) fail(saved.error);
        await recordIndicatorValues(trx, accepted);
        await appendAudit(trx, {
          actorUserId: viewer.userId,
          action: "recordIndicatorValues",
          entity: "model",
          entityId: model.id,
          after: { values: accepted, version: saved.value.version },
        });
        return { id: model.id };
      });
    },
  }),
);

builder.objectField(ModelRef, "allowedActions", (t) =>
  t.field({
    type: [ModelActionEnum],
    description:
      "The lifecycle steps the viewer may take on this model now, as the domain's lifecycle decides from its status and the viewer's roles (show only these buttons). One tree lookup per model: ask it on a detail, not a list.",
    resolve: async (model, _args, context) => {
      const viewer = context.viewer;
      if (!viewer) return [];
      const tree = await loadUnitTreeFor(context.db, [model.owner_unit_id, ...viewer.assignments.map((a) => a.unitId)]);
      const actors = actorsOf(context);
      return modelLifecycle
        .filter((rule) => rule.action !== "draft" && rule.from.includes(model.status))
        .filter((rule) =>
          actors.some(
            (actor) => authorizeModelAction({ actor, action: rule.action, ownerUnitId: model.owner_unit_id, tree }).ok,
          ),
        )
        .map((rule) => rule.action as Exclude<ModelAction, "draft">);
    },
  }),
);

interface ReplicationView {
  readonly modelId: string;
  readonly code: string;
  readonly name: string;
  readonly ownerUnitId: string;
  readonly ownerPath: string;
  readonly originModelId: string;
  readonly adoptedOn: string;
  readonly depth: number;
  /** An active pilot, which every signed-in user may read. */
  readonly openPilot: boolean;
}

const ReplicationRef = builder.objectRef<ReplicationView>("Replication").implement({
  description:
    "A link in a replication tree (nhân rộng): a model, the model it adapts, and how far from the pilot it sits. The code, name and unit are public; `model` is null when the viewer may not read it.",
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    ownerUnit: t.field({ type: UnitRef, resolve: (r) => r.ownerUnitId }),
    adoptedOn: t.exposeString("adoptedOn"),
    depth: t.exposeInt("depth", { description: "1 for a direct adopter, 2 for an adopter of an adopter…" }),
    originModelId: t.globalID({ resolve: (r) => ({ type: "Model", id: r.originModelId }) }),
    model: t.field({
      type: ModelRef,
      nullable: true,
      resolve: (r, _args, context) => (r.openPilot || canReadUnit(context.viewer, r.ownerPath) ? r.modelId : null),
    }),
  }),
});

builder.objectField(ModelRef, "origin", (t) =>
  t.loadable({
    type: ReplicationRef,
    nullable: true,
    description: "The model this one replicates (its pilot), when it is a replication; depth 1. Batched across a page.",
    load: async (ids: string[], { db }) => {
      const rows = await db
        .selectFrom("replications as r")
        .innerJoin("models as m", "m.id", "r.origin_model_id")
        .innerJoin("units as u", "u.id", "m.owner_unit_id")
        .select([
          "r.adopter_model_id",
          "m.id",
          "m.code",
          "m.name",
          "m.owner_unit_id",
          "u.path",
          "r.adopted_on",
          "m.is_pilot",
          "m.status",
        ])
        .where("r.adopter_model_id", "in", ids)
        .execute();
      return ids.map((id) => {
        const row = rows.find((r) => r.adopter_model_id === id);
        return row
          ? {
              modelId: row.id,
              code: row.code,
              name: row.name,
              ownerUnitId: row.owner_unit_id,
              ownerPath: row.path,
              originModelId: row.id,
              adoptedOn: row.adopted_on,
              depth: 1,
              openPilot: isOpenPilot(row),
            }
          : null;
      });
    },
    resolve: (model) => model.id,
  }),
);

builder.objectField(ModelRef, "replications", (t) =>
  t.field({
    type: [ReplicationRef],
    description: "Every model replicating this one, down the whole tree, depth first (one recursive query).",
    resolve: async (model, _args, { db }) =>
      (await replicationTree(db, model.id)).map((r) => ({
        modelId: r.model_id,
        code: r.code,
        name: r.name,
        ownerUnitId: r.owner_unit_id,
        ownerPath: r.owner_path,
        originModelId: r.origin_model_id,
        adoptedOn: r.adopted_on,
        depth: r.depth,
        openPilot: isOpenPilot(r),
      })),
  }),
);

builder.mutationField("registerReplication", (t) =>
  t.field({
    type: ModelPayload,
    description:
      "An adopter unit registers its adapted copy of a pilot model: a new draft model linked to the pilot (the domain keeps the replication tree acyclic). Retrying with the same idempotencyKey returns the first result.",
    authScopes: { signedIn: true },
    errors: { types: [DomainFailure] },
    args: {
      originModelId: t.arg.globalID({ required: true, for: ModelRef }),
      input: t.arg({ type: CreateModelInput, required: true }),
      idempotencyKey: t.arg.string({ required: true, validate: z.string().min(8).max(100) }),
    },
    resolve: async (_root, { originModelId, input, idempotencyKey }, context) => {
      const viewer = requireViewer(context);
      const at = context.now.toISOString();
      return context.db.transaction().execute(async (trx) => {
        const result = await onceForKey(
          trx,
          {
            userId: viewer.userId,
            key: idempotencyKey,
            operation: "registerReplication",
            request: { originModelId: originModelId.id, input },
          },
          async () => {
            const origin = await trx
              .selectFrom("models")
              .select(["id", "is_pilot"])
              .where("id", "=", originModelId.id)
              .executeTakeFirst();
            if (!origin) return notFound("model", originModelId.id);
            if (!origin.is_pilot) {
              fail(
                domainError(
                  "REPLICATION.NOT_A_PILOT",
                  {
                    vi: "Chỉ nhân rộng được mô hình đã được chọn làm mô hình điểm.",
                    en: "Only a model chosen as a pilot can be replicated.",
                  },
                  { originModelId: origin.id },
                ),
              );
            }
            const tree = await loadUnitTreeFor(trx, [input.ownerUnitId.id, ...viewer.assignments.map((a) => a.unitId)]);
            const modelInput = {
              kind: "collective",
              id: randomUUID(),
              code: input.code,
              name: input.name,
              ownerUnitId: input.ownerUnitId.id,
              fieldCodes: input.fields,
              annualTheme: input.annualTheme ?? null,
              problem: input.problem,
              solution: input.solution,
              startDate: input.startDate,
              targets: [],
              evidence: [],
              originModelId: origin.id,
            };
            let decided: ReturnType<typeof draftModel> | undefined;
            for (const actor of actorsOf(context)) {
              decided = draftModel(modelInput, { actor, at, tree });
              if (decided.ok) break;
            }
            if (!decided?.ok) return fail(decided?.error ?? forbidden());
            const model = decided.value.model;
            const chain = await buildReplicationForest(await originChain(trx, origin.id));
            const linked = chain.ok
              ? addReplicationLink(chain.value, {
                  originModelId: origin.id,
                  adopterModelId: model.id,
                  adoptedOn: model.startDate,
                })
              : chain;
            if (!linked.ok) return fail(linked.error);
            const unknownFields = await unknownFieldCodes(trx, model.fieldCodes);
            if (unknownFields.length > 0) fail(unknownFieldError(unknownFields));
            const duplicate = await trx
              .selectFrom("models")
              .select("id")
              .where("code", "=", input.code)
              .executeTakeFirst();
            if (duplicate) {
              fail(
                domainError(
                  "MODEL.DUPLICATE_CODE",
                  { vi: `Mã mô hình ${input.code} đã được dùng.`, en: `The model code ${input.code} is already used.` },
                  { code: input.code },
                ),
              );
            }
            await insertModel(trx, model, decided.value.entry, viewer.displayName);
            await appendAudit(trx, {
              actorUserId: viewer.userId,
              action: "registerReplication",
              entity: "model",
              entityId: model.id,
              after: model,
            });
            return { id: model.id };
          },
        );
        if (!result.ok) fail(result.error);
        return result.value.response;
      });
    },
  }),
);
