import { randomUUID } from "node:crypto";
import type { Database } from "@lantoa/db";
import {
  appendAudit,
  type CorrectiveActionTable,
  correctiveActionsOfFindings,
  findInspectionsByIds,
  findingsOfInspections,
  type InspectionFindingTable,
  type InspectionRow,
  inspectionPeriodBounds,
  listInspections,
  loadCommendation,
  loadModel,
  loadUnitTreeFor,
  onceForKey,
  saveCommendation,
  saveModel,
  staleVersion,
  updateVersioned,
} from "@lantoa/db";
import { domainError } from "@lantoa/domain/errors";
import { type ModelCommand, transitionModel } from "@lantoa/domain/model";
import {
  CorrectiveActionSchema,
  correctiveActionStatusOn,
  FindingSeveritySchema,
  findingImplications,
  type InspectionFinding,
  parseInspectionPlan,
  suspendCommendation,
} from "@lantoa/domain/register";
import { resolveOffsetConnection } from "@pothos/plugin-relay";
import type { Selectable, Transaction } from "kysely";
import { z } from "zod";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { CommendationRef } from "./commendation.js";
import { DomainFailure, fail } from "./errors.js";
import { actorsOf, forbidden, listScope, ModelRef } from "./model.js";
import { localId, notFound, requireUnits, requireViewer, today, unitPathOf } from "./mutation-support.js";
import { parseUuid, UnitRef } from "./unit.js";

type FindingRow = Selectable<InspectionFindingTable>;
type ActionRow = Selectable<CorrectiveActionTable>;

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
      resolve: (a, _args, context) => correctiveActionStatusOn(actionFromRow(a), today(context)),
    }),
  }),
});

function actionFromRow(a: ActionRow) {
  return CorrectiveActionSchema.parse({
    id: a.id,
    description: a.description,
    dueDate: a.due_on,
    // Rows from before completion days were kept (imports, demo data) may be verified
    // without one: such an action was completed by the day it was verified at the latest.
    completedOn: a.completed_on ?? a.verified_on,
    verifiedOn: a.verified_on,
  });
}

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
      const unitId = await listScope(context, f?.withinUnitId?.id);
      const withinPath = unitId === undefined ? undefined : ((await unitPathOf(context, unitId)) ?? undefined);
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
    periodFrom: t.string({ required: true, description: "First day of the period inspected.", validate: z.iso.date() }),
    periodTo: t.string({ required: true, description: "Last day of the period inspected.", validate: z.iso.date() }),
    plannedOn: t.string({ required: true, description: "The planned visit day.", validate: z.iso.date() }),
    notes: t.string({ validate: z.string().trim().max(5000) }),
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
      idempotencyKey: t.arg.string({ required: true, validate: z.string().min(8).max(100) }),
    },
    resolve: async (_root, { input, idempotencyKey }, context) => {
      const viewer = requireViewer(context);
      return context.db.transaction().execute(async (trx) => {
        const result = await onceForKey(
          trx,
          { userId: viewer.userId, key: idempotencyKey, operation: "planInspection", request: input },
          async () => {
            await requireUnits(trx, [input.inspectedUnitId.id, input.inspectingUnitId.id]);
            const plan = parseInspectionPlan({
              id: randomUUID(),
              kind: "inspection",
              inspectedUnitId: input.inspectedUnitId.id,
              inspectingUnitId: input.inspectingUnitId.id,
              period: { from: input.periodFrom, to: input.periodTo },
              visits: [],
              findings: [],
            });
            if (!plan.ok) return fail(plan.error);
            await trx
              .insertInto("inspections")
              .values({
                id: plan.value.id,
                unit_id: plan.value.inspectedUnitId,
                inspecting_unit_id: plan.value.inspectingUnitId,
                period: `${plan.value.period.from}/${plan.value.period.to}`,
                planned_on: input.plannedOn,
                status: "planned",
                notes: input.notes ?? null,
              })
              .execute();
            await appendAudit(trx, {
              actorUserId: viewer.userId,
              action: "planInspection",
              entity: "inspection",
              entityId: plan.value.id,
              after: { ...plan.value, plannedOn: input.plannedOn, notes: input.notes ?? null },
            });
            return { id: plan.value.id };
          },
        );
        if (!result.ok) fail(result.error);
        return result.value.response;
      });
    },
  }),
);

async function inspectionPath(context: Context, inspectionId: string) {
  const [row] = await findInspectionsByIds(context.db, [inspectionId]);
  return row ? { administersUnit: row.unit_path } : { systemAdmin: true };
}

const RecordFindingInput = builder.inputType("RecordInspectionFindingInput", {
  fields: (t) => ({
    inspectionId: t.globalID({ required: true, for: InspectionRef }),
    severity: t.field({ type: SeverityEnum, required: true }),
    description: t.string({ required: true, validate: z.string().trim().min(1).max(5000) }),
    recordedOn: t.string({ required: true, validate: z.iso.date() }),
    modelId: t.globalID({ for: ModelRef, description: "When the finding is about one of the unit's models." }),
    commendationId: t.globalID({ description: "When the finding is about one of the unit's commendations." }),
  }),
  validate: z.any().refine((i) => !(i.modelId && i.commendationId), {
    message: "A finding is about a model or a commendation, not both.",
  }),
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
        validate: z.number().int().min(1),
      }),
    },
    resolve: async (_root, { input, expectedVersion }, context) => {
      const viewer = requireViewer(context);
      const inspectionId = input.inspectionId.id;
      return context.db.transaction().execute(async (trx) => {
        const inspection = await trx
          .selectFrom("inspections as i")
          .innerJoin("units as u", "u.id", "i.unit_id")
          .selectAll("i")
          .select("u.path as unit_path")
          .where("i.id", "=", inspectionId)
          .forUpdate()
          .executeTakeFirst();
        if (!inspection) return notFound("inspection", inspectionId);
        if (inspection.version !== expectedVersion) fail(staleVersion("inspection", inspectionId, expectedVersion));
        if (inspection.status === "closed") {
          fail(
            domainError(
              "INSPECTION.CLOSED",
              { vi: "Cuộc kiểm tra đã kết thúc.", en: "The inspection is closed." },
              { inspectionId },
            ),
          );
        }
        const findingId = randomUUID();
        const subject = await findingSubject(
          trx,
          inspection.unit_path,
          input.modelId?.id,
          input.commendationId ? localId(input.commendationId, "Commendation") : undefined,
        );
        const finding: InspectionFinding = {
          id: findingId,
          severity: input.severity,
          description: input.description.trim(),
          recordedOn: input.recordedOn,
          subject,
          correctiveActions: [],
          reverification: null,
        };
        const implications = findingImplications(finding);
        await trx
          .insertInto("inspection_findings")
          .values({
            id: findingId,
            inspection_id: inspectionId,
            severity: finding.severity,
            description: finding.description,
            recorded_on: finding.recordedOn,
            model_id: subject.kind === "model" ? subject.modelId : null,
            commendation_id: subject.kind === "commendation" ? subject.commendationId : null,
            effect: implications.some((i) => i.kind === "suspend-model")
              ? "suspend-model"
              : implications.some((i) => i.kind === "suspend-commendation")
                ? "suspend-commendation"
                : "none",
          })
          .execute();
        for (const implication of implications) {
          switch (implication.kind) {
            case "suspend-model":
              await suspendModel(trx, context, implication.modelId, implication.reason);
              break;
            case "suspend-commendation": {
              const loaded = await loadCommendation(trx, implication.commendationId, { forUpdate: true });
              if (!loaded) return notFound("commendation", implication.commendationId);
              const decided = suspendCommendation(loaded.commendation, {
                from: implication.from,
                reason: implication.reason,
                findingId,
              });
              if (!decided.ok) return fail(decided.error);
              const saved = await saveCommendation(trx, decided.value, loaded.version);
              if (!saved.ok) return fail(saved.error);
              await appendAudit(trx, {
                actorUserId: viewer.userId,
                action: "commendation.suspend",
                entity: "commendation",
                entityId: loaded.commendation.id,
                before: loaded.commendation.suspensions,
                after: decided.value.suspensions,
              });
              break;
            }
            // A new finding is never already re-verified, so nothing is reinstated or lifted here.
            case "reinstate-model":
            case "lift-commendation-suspension":
              break;
            default: {
              const never: never = implication;
              return never;
            }
          }
        }
        const saved = await updateVersioned(trx, "inspections", inspectionId, expectedVersion, {
          status: "visited",
          visited_on: inspection.visited_on ?? input.recordedOn,
        });
        if (!saved.ok) fail(saved.error);
        await appendAudit(trx, {
          actorUserId: viewer.userId,
          action: "recordInspectionFinding",
          entity: "inspection",
          entityId: inspectionId,
          after: { finding, implications },
        });
        return { id: inspectionId };
      });
    },
  }),
);

/** The finding's subject, checked to belong to the inspected unit's subtree. */
async function findingSubject(
  trx: Transaction<Database>,
  unitPath: string,
  modelId: string | undefined,
  commendationId: string | undefined,
): Promise<InspectionFinding["subject"]> {
  const outside = (id: string) =>
    fail(
      domainError(
        "INSPECTION.SUBJECT_OUTSIDE_UNIT",
        {
          vi: "Kết luận chỉ nói về mô hình hoặc khen thưởng của đơn vị được kiểm tra.",
          en: "A finding may only concern a model or commendation of the inspected unit.",
        },
        { id },
      ),
    );
  if (modelId !== undefined) {
    const owner = await trx
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select("u.path")
      .where("m.id", "=", modelId)
      .executeTakeFirst();
    if (!owner?.path.startsWith(unitPath)) return outside(modelId);
    return { kind: "model", modelId };
  }
  if (commendationId !== undefined) {
    const id = commendationId;
    const loaded = await loadCommendation(trx, id);
    if (!loaded?.unitPath?.startsWith(unitPath)) return outside(id);
    return { kind: "commendation", commendationId: id };
  }
  return { kind: "unit" };
}

/** Suspends a model as a finding implies, through the domain's lifecycle (the inspector must have the authority). */
async function suspendModel(trx: Transaction<Database>, context: Context, modelId: string, reason: string) {
  const viewer = requireViewer(context);
  const loaded = await loadModel(trx, modelId, { forUpdate: true });
  if (!loaded) return notFound("model", modelId);
  const tree = await loadUnitTreeFor(trx, [loaded.model.ownerUnitId, ...viewer.assignments.map((a) => a.unitId)]);
  const command: ModelCommand = { kind: "suspend", reason };
  let decided: ReturnType<typeof transitionModel> | undefined;
  for (const actor of actorsOf(context)) {
    decided = transitionModel(loaded.model, loaded.history, command, { actor, at: context.now.toISOString(), tree });
    if (decided.ok) break;
  }
  if (!decided?.ok) return fail(decided?.error ?? forbidden());
  const saved = await saveModel(trx, decided.value.model, loaded.version, {
    entry: decided.value.entry,
    actorName: viewer.displayName,
  });
  if (!saved.ok) return fail(saved.error);
  await appendAudit(trx, {
    actorUserId: viewer.userId,
    action: "model.suspend",
    entity: "model",
    entityId: modelId,
    before: { status: loaded.model.status, version: loaded.version },
    after: { status: decided.value.model.status, version: saved.value.version },
  });
}

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
      description: t.arg.string({ required: true, validate: z.string().trim().min(1).max(5000) }),
      dueOn: t.arg.string({ required: true, validate: z.iso.date() }),
      idempotencyKey: t.arg.string({ required: true, validate: z.string().min(8).max(100) }),
    },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      const findingId = localId(args.findingId, "InspectionFinding");
      return context.db.transaction().execute(async (trx) => {
        const result = await onceForKey(
          trx,
          {
            userId: viewer.userId,
            key: args.idempotencyKey,
            operation: "addCorrectiveAction",
            request: { findingId, description: args.description, dueOn: args.dueOn },
          },
          async () => {
            const found = await trx
              .selectFrom("inspection_findings as f")
              .innerJoin("inspections as i", "i.id", "f.inspection_id")
              .select([
                "f.id",
                "f.severity",
                "f.description",
                "f.recorded_on",
                "i.id as inspection_id",
                "i.unit_id",
                "i.inspecting_unit_id",
                "i.period",
                "i.planned_on",
              ])
              .where("f.id", "=", findingId)
              .executeTakeFirst();
            if (!found) return notFound("finding", findingId);
            const actionId = randomUUID();
            const [from, to] = found.period.includes("/")
              ? found.period.split("/")
              : [found.planned_on, found.planned_on];
            // The whole plan is judged by the domain: an action may not fall due before its finding.
            const plan = parseInspectionPlan({
              id: found.inspection_id,
              kind: "inspection",
              inspectedUnitId: found.unit_id,
              inspectingUnitId: found.inspecting_unit_id,
              period: { from, to },
              visits: [],
              findings: [
                {
                  id: found.id,
                  severity: found.severity,
                  description: found.description,
                  recordedOn: found.recorded_on ?? found.planned_on,
                  subject: { kind: "unit" },
                  correctiveActions: [
                    {
                      id: actionId,
                      description: args.description,
                      dueDate: args.dueOn,
                      completedOn: null,
                      verifiedOn: null,
                    },
                  ],
                  reverification: null,
                },
              ],
            });
            if (!plan.ok) return fail(plan.error);
            await trx
              .insertInto("corrective_actions")
              .values({
                id: actionId,
                finding_id: findingId,
                description: args.description.trim(),
                due_on: args.dueOn,
                status: "open",
                verified_on: null,
                verified_by: null,
              })
              .execute();
            await appendAudit(trx, {
              actorUserId: viewer.userId,
              action: "addCorrectiveAction",
              entity: "corrective_action",
              entityId: actionId,
              after: { findingId, description: args.description, dueOn: args.dueOn },
            });
            return { id: actionId };
          },
        );
        if (!result.ok) fail(result.error);
        return result.value.response;
      });
    },
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
      completedOn: t.arg.string({ required: true, validate: z.iso.date() }),
      expectedVersion: t.arg.int({ required: true, validate: z.number().int().min(1) }),
    },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      const id = localId(args.id, "CorrectiveAction");
      return context.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom("corrective_actions")
          .selectAll()
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) return notFound("action", id);
        if (row.version !== args.expectedVersion) fail(staleVersion("corrective_action", id, args.expectedVersion));
        if (row.completed_on !== null) {
          fail(
            domainError(
              "INSPECTION.ACTION_ALREADY_COMPLETED",
              { vi: "Biện pháp khắc phục này đã hoàn thành.", en: "This corrective action is already completed." },
              { id, completedOn: row.completed_on },
            ),
          );
        }
        const action = CorrectiveActionSchema.safeParse({ ...actionFromRow(row), completedOn: args.completedOn });
        if (!action.success) {
          fail(
            domainError(
              "INSPECTION.INVALID",
              { vi: "Biện pháp khắc phục không hợp lệ", en: "Invalid corrective action" },
              { issues: action.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
            ),
          );
        }
        const saved = await updateVersioned(trx, "corrective_actions", id, args.expectedVersion, {
          status: "done",
          completed_on: args.completedOn,
        });
        if (!saved.ok) fail(saved.error);
        await appendAudit(trx, {
          actorUserId: viewer.userId,
          action: "completeCorrectiveAction",
          entity: "corrective_action",
          entityId: id,
          before: { status: row.status, version: row.version },
          after: { status: "done", completedOn: args.completedOn, version: saved.value.version },
        });
        return { id };
      });
    },
  }),
);
