import {
  canReadUnit,
  domainActorsOf,
  ExpectedVersion,
  IdempotencyKey,
  IndicatorValueEntry,
  ModelFieldsInput,
  PersonName,
  recordIndicatorValues,
  registerReplication,
  UpdateModelInput as UpdateModel,
  updateModel,
} from "@lantoa/app";
import { loadUnitTreeFor, modelOwnerPath, replicationTree } from "@lantoa/db";
import { authorizeModelAction, type ModelAction, modelLifecycle } from "@lantoa/domain/model";
import * as z from "zod";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { DomainFailure } from "./errors.js";
import { CreateModelInput, isOpenPilot, ModelActionEnum, ModelPayload, ModelRef, modelFields } from "./model.js";
import { perform } from "./mutation-support.js";
import { UnitRef } from "./unit.js";

const ModelFields = ModelFieldsInput.shape;

async function ownerScope(context: Context, modelId: string) {
  const path = await modelOwnerPath(context.db, modelId);
  // A missing model is a system admin's question only, so nobody learns which ids exist.
  return path ? { worksForUnit: path } : { systemAdmin: true };
}

const UpdateModelInput = builder.inputType("UpdateModelInput", {
  description: "The fields to change; those left out keep their value. annualTheme: null clears it.",
  fields: (t) => ({
    name: t.string({ validate: ModelFields.name }),
    personName: t.string({ validate: PersonName }),
    fields: t.stringList({ validate: ModelFields.fields }),
    annualTheme: t.string({ validate: UpdateModel.shape.annualTheme }),
    problem: t.string({ validate: ModelFields.problem }),
    solution: t.string({ validate: ModelFields.solution }),
    startDate: t.string({ validate: ModelFields.startDate }),
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
      expectedVersion: t.arg.int({ required: true, validate: ExpectedVersion }),
    },
    resolve: (_root, { id, input, expectedVersion }, context) =>
      perform(context, updateModel, { ...input, modelId: id.id, expectedVersion }),
  }),
);

const IndicatorValueInput = builder.inputType("IndicatorValueInput", {
  fields: (t) => ({
    indicatorCode: t.string({ required: true, validate: IndicatorValueEntry.shape.indicatorCode }),
    period: t.string({
      required: true,
      description: "A year (2022), a quarter (2022-Q1) or a month (2022-03).",
      validate: IndicatorValueEntry.shape.period,
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
      expectedVersion: t.arg.int({ required: true, validate: ExpectedVersion }),
    },
    resolve: (_root, { modelId, ...args }, context) =>
      perform(context, recordIndicatorValues, { ...args, modelId: modelId.id }),
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
      const actors = domainActorsOf(viewer);
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
      idempotencyKey: t.arg.string({ required: true, validate: IdempotencyKey }),
    },
    resolve: (_root, { originModelId, input, idempotencyKey }, context) =>
      perform(
        context,
        registerReplication,
        { originModelId: originModelId.id, model: modelFields(input) },
        { idempotencyKey },
      ),
  }),
);
