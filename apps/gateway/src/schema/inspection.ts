import {
  AddCorrectiveActionInput,
  addCorrectiveAction,
  CompleteCorrectiveActionInput,
  completeCorrectiveAction,
  correctiveActionFromRow,
  ExpectedVersion,
  IdempotencyKey,
  isAboutOneSubject,
  PlanInspectionInput as PlanInspection,
  planInspection,
  RecordInspectionFindingInput,
  recordInspectionFinding,
} from "@lantoa/app";
import {
  type CorrectiveActionRow,
  correctiveActionsOfFindings,
  findInspectionsByIds,
  findingsOfInspections,
  type InspectionFindingRow,
  type InspectionRow,
  inspectionPeriodBounds,
  listInspections,
} from "@lantoa/db";
import { correctiveActionStatusOn, FindingSeveritySchema } from "@lantoa/domain/register";
import { resolveOffsetConnection } from "@pothos/plugin-relay";
import * as z from "zod";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { CommendationRef } from "./commendation.js";
import { DomainFailure } from "./errors.js";
import { listScope, ModelRef } from "./model.js";
import { localId, perform, today, unitPathOf } from "./mutation-support.js";
import { parseUuid, UnitRef } from "./unit.js";

type FindingRow = InspectionFindingRow;
type ActionRow = CorrectiveActionRow;

const SeverityEnum = builder.enumType("FindingSeverity", {
  description: "How serious a finding is; from major up, a finding about a model or commendation suspends it.",
  values: FindingSeveritySchema.options,
});
const InspectionStatusEnum = builder.enumType("InspectionStatus", {
  values: ["planned", "visited", "closed"] as const,
});

const CorrectiveActionRef = builder.objectRef<ActionRow>("CorrectiveAction").implement({
  description: "A follow-up a finding requires (biện pháp khắc phục), due by a day.",
  fields: (t) => ({
    id: t.globalID({ resolve: (a) => ({ type: "CorrectiveAction", id: a.id }) }),
    description: t.exposeString("description"),
    dueOn: t.exposeString("due_on"),
    completedOn: t.exposeString("completed_on", { nullable: true }),
    verifiedOn: t.exposeString("verified_on", { nullable: true }),
    version: t.exposeInt("version"),
    status: t.string({
      description:
        "open, overdue, completed, completed-late or verified today (the domain's correctiveActionStatusOn).",
      resolve: (a, _args, context) => correctiveActionStatusOn(correctiveActionFromRow(a), today(context)),
    }),
  }),
});

const FindingRef = builder.objectRef<FindingRow>("InspectionFinding").implement({
  description: "What an inspection found, about the unit, one of its models or one of its commendations.",
  fields: (t) => ({
    id: t.globalID({ resolve: (f) => ({ type: "InspectionFinding", id: f.id }) }),
    severity: t.field({ type: SeverityEnum, resolve: (f) => f.severity }),
    description: t.exposeString("description"),
    recordedOn: t.exposeString("recorded_on", { nullable: true }),
    effect: t.exposeString("effect", { description: "none, suspend-model or suspend-commendation: what it did." }),
    model: t.field({ type: ModelRef, nullable: true, resolve: (f) => f.model_id }),
    commendation: t.loadable({
      type: CommendationRef,
      nullable: true,
      load: async (ids: string[], { db }) => {
        const rows = await db.selectFrom("commendations").selectAll().where("id", "in", ids).execute();
        return ids.map((id) => rows.find((r) => r.id === id) ?? null);
      },
      resolve: (f) => f.commendation_id,
    }),
    correctiveActions: t.loadableList({
      type: CorrectiveActionRef,
      load: (ids: string[], { db }) => correctiveActionsOfFindings(db, ids),
      resolve: (f) => f.id,
    }),
  }),
});

/** An inspection of a unit; readable by whoever reads the inspected unit. */
export const InspectionRef = builder.loadableNode("Inspection", {
  description: "A planned and visited check of a unit's implementation (kiểm tra, giám sát).",
  id: { resolve: (i: InspectionRow) => i.id, parse: parseUuid },
  load: (ids: string[], { db }) => findInspectionsByIds(db, ids),
  runScopesOnType: true,
  authScopes: (inspection) => ({ readsUnit: inspection.unit_path }),
  fields: (t) => ({
    unit: t.field({ type: UnitRef, description: "The inspected unit.", resolve: (i) => i.unit_id }),
    inspectingUnit: t.field({ type: UnitRef, resolve: (i) => i.inspecting_unit_id }),
    periodFrom: t.string({
      description: "First day of the period inspected (YYYY-MM-DD).",
      resolve: (i) => inspectionPeriodBounds(i.period).from,
    }),
    periodTo: t.string({
      description: "Last day of the period inspected (YYYY-MM-DD).",
      resolve: (i) => inspectionPeriodBounds(i.period).to,
    }),
    plannedOn: t.exposeString("planned_on"),
    visitedOn: t.exposeString("visited_on", { nullable: true }),
    status: t.field({ type: InspectionStatusEnum, resolve: (i) => i.status }),
    notes: t.exposeString("notes", { nullable: true }),
    version: t.exposeInt("version"),
    findings: t.loadableList({
      type: FindingRef,
      load: (ids: string[], { db }) => findingsOfInspections(db, ids),
      resolve: (i) => i.id,
    }),
  }),
});

const InspectionFilterInput = builder.inputType("InspectionFilter", {
  fields: (t) => ({
    withinUnitId: t.globalID({ for: UnitRef, description: "Inspections of this unit or a unit below it." }),
    status: t.field({ type: InspectionStatusEnum }),
    year: t.int({ description: "Year planned.", validate: z.number().int().min(1900).max(2200) }),
  }),
});

builder.queryField("inspections", (t) =>
  t.connection({
    type: InspectionRef,
    description: "Inspections in the viewer's scope, latest planned first.",
    authScopes: { signedIn: true },
    args: { filter: t.arg({ type: InspectionFilterInput, required: false }) },
    resolve: async (_root, args, context) => {
      const f = args.filter;
      const scope = await listScope(context, f?.withinUnitId?.id);
      const withinPath = scope?.path;
      let totalCount = 0;
      const connection = await resolveOffsetConnection(
        { args, defaultSize: 50, maxSize: 200 },
        async ({ limit, offset }) => {
          const page = await listInspections(context.db, {
            withinPath,
            status: f?.status ?? undefined,
            year: f?.year ?? undefined,
            limit,
            offset,
          });
          totalCount = page.totalCount;
          return page.rows;
        },
      );
      return { ...connection, totalCount: async () => totalCount };
    },
  }),
);

const InspectionPayload = builder.objectRef<{ id: string }>("InspectionPayload").implement({
  fields: (t) => ({ inspection: t.field({ type: InspectionRef, resolve: (p) => p.id }) }),
});

const PlanInspectionInput = builder.inputType("PlanInspectionInput", {
  fields: (t) => ({
    inspectedUnitId: t.globalID({ required: true, for: UnitRef }),
    inspectingUnitId: t.globalID({ required: true, for: UnitRef }),
    periodFrom: t.string({
      required: true,
      description: "First day of the period inspected.",
      validate: PlanInspection.shape.periodFrom,
    }),
    periodTo: t.string({
      required: true,
      description: "Last day of the period inspected.",
      validate: PlanInspection.shape.periodTo,
    }),
    plannedOn: t.string({
      required: true,
      description: "The planned visit day.",
      validate: PlanInspection.shape.plannedOn,
    }),
    notes: t.string({ validate: PlanInspection.shape.notes }),
  }),
});

builder.mutationField("planInspection", (t) =>
  t.field({
    type: InspectionPayload,
    description:
      "Plans an inspection of a unit by another unit (an admin over the inspected unit who works for the inspecting one). Retrying with the same idempotencyKey returns the first result.",
    errors: { types: [DomainFailure] },
    authScopes: async (_root, args, context) => {
      const [inspected, inspecting] = await Promise.all([
        unitPathOf(context, args.input.inspectedUnitId.id),
        unitPathOf(context, args.input.inspectingUnitId.id),
      ]);
      return inspected && inspecting
        ? { $all: { administersUnit: inspected, worksForUnit: inspecting } }
        : { systemAdmin: true };
    },
    args: {
      input: t.arg({ type: PlanInspectionInput, required: true }),
      idempotencyKey: t.arg.string({ required: true, validate: IdempotencyKey }),
    },
    resolve: (_root, { input, idempotencyKey }, context) =>
      perform(
        context,
        planInspection,
        { ...input, inspectedUnitId: input.inspectedUnitId.id, inspectingUnitId: input.inspectingUnitId.id },
        { idempotencyKey },
      ),
  }),
);

async function inspectionPath(context: Context, inspectionId: string) {
  const [row] = await findInspectionsByIds(context.db, [inspectionId]);
  return row ? { administersUnit: row.unit_path } : { systemAdmin: true };
}

const FindingShape = RecordInspectionFindingInput.shape;
const RecordFindingInput = builder.inputType("RecordInspectionFindingInput", {
  fields: (t) => ({
    inspectionId: t.globalID({ required: true, for: InspectionRef }),
    severity: t.field({ type: SeverityEnum, required: true }),
    description: t.string({ required: true, validate: FindingShape.description }),
    recordedOn: t.string({ required: true, validate: FindingShape.recordedOn }),
    modelId: t.globalID({ for: ModelRef, description: "When the finding is about one of the unit's models." }),
    commendationId: t.globalID({ description: "When the finding is about one of the unit's commendations." }),
  }),
  validate: z.any().refine(isAboutOneSubject, { message: "A finding is about a model or a commendation, not both." }),
});

builder.mutationField("recordInspectionFinding", (t) =>
  t.field({
    type: InspectionPayload,
    description:
      "Records a finding of an inspection and, in the same transaction, applies what the domain says it implies: from major severity, a finding about a model suspends the model, one about a commendation suspends the commendation (both audited).",
    errors: { types: [DomainFailure] },
    authScopes: (_root, args, context) => inspectionPath(context, args.input.inspectionId.id),
    args: {
      input: t.arg({ type: RecordFindingInput, required: true }),
      expectedVersion: t.arg.int({
        required: true,
        description: "The inspection's version.",
        validate: ExpectedVersion,
      }),
    },
    resolve: (_root, { input, expectedVersion }, context) =>
      perform(context, recordInspectionFinding, {
        ...input,
        inspectionId: input.inspectionId.id,
        modelId: input.modelId?.id,
        commendationId: input.commendationId ? localId(input.commendationId, "Commendation") : undefined,
        expectedVersion,
      }),
  }),
);

const ActionPayload = builder.objectRef<{ id: string }>("CorrectiveActionPayload").implement({
  fields: (t) => ({
    correctiveAction: t.field({
      type: CorrectiveActionRef,
      resolve: async (p, _args, { db }) =>
        db.selectFrom("corrective_actions").selectAll().where("id", "=", p.id).executeTakeFirstOrThrow(),
    }),
  }),
});

async function findingScope(context: Context, findingId: string, scope: "administersUnit" | "worksForUnit") {
  const row = await context.db
    .selectFrom("inspection_findings as f")
    .innerJoin("inspections as i", "i.id", "f.inspection_id")
    .innerJoin("units as u", "u.id", "i.unit_id")
    .select("u.path")
    .where("f.id", "=", findingId)
    .executeTakeFirst();
  return row ? { [scope]: row.path } : { systemAdmin: true };
}

builder.mutationField("addCorrectiveAction", (t) =>
  t.field({
    type: ActionPayload,
    description:
      "Requires a corrective action of a finding, due by a day not before the finding. Retrying with the same idempotencyKey returns the first result.",
    errors: { types: [DomainFailure] },
    authScopes: (_root, args, context) =>
      findingScope(context, localId(args.findingId, "InspectionFinding"), "administersUnit"),
    args: {
      findingId: t.arg.globalID({ required: true, description: "InspectionFinding.id" }),
      description: t.arg.string({ required: true, validate: AddCorrectiveActionInput.shape.description }),
      dueOn: t.arg.string({ required: true, validate: AddCorrectiveActionInput.shape.dueOn }),
      idempotencyKey: t.arg.string({ required: true, validate: IdempotencyKey }),
    },
    resolve: (_root, args, context) =>
      perform(
        context,
        addCorrectiveAction,
        {
          findingId: localId(args.findingId, "InspectionFinding"),
          description: args.description,
          dueOn: args.dueOn,
        },
        { idempotencyKey: args.idempotencyKey },
      ),
  }),
);

builder.mutationField("completeCorrectiveAction", (t) =>
  t.field({
    type: ActionPayload,
    description: "The inspected unit reports a corrective action done on a day.",
    errors: { types: [DomainFailure] },
    authScopes: async (_root, args, context) => {
      const action = await context.db
        .selectFrom("corrective_actions")
        .select("finding_id")
        .where("id", "=", localId(args.id, "CorrectiveAction"))
        .executeTakeFirst();
      return action ? findingScope(context, action.finding_id, "worksForUnit") : { systemAdmin: true };
    },
    args: {
      id: t.arg.globalID({ required: true, description: "CorrectiveAction.id" }),
      completedOn: t.arg.string({ required: true, validate: CompleteCorrectiveActionInput.shape.completedOn }),
      expectedVersion: t.arg.int({ required: true, validate: ExpectedVersion }),
    },
    resolve: (_root, args, context) =>
      perform(context, completeCorrectiveAction, {
        actionId: localId(args.id, "CorrectiveAction"),
        completedOn: args.completedOn,
        expectedVersion: args.expectedVersion,
      }),
  }),
);
