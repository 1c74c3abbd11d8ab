import { randomUUID } from "node:crypto";
import {
  appendAudit,
  countModelsMatching,
  findModelsByIds,
  indicatorValuesOfModels,
  insertModel,
  type LatestResultRow,
  latestPublishedResults,
  listModels,
  loadModel,
  loadUnitTreeFor,
  type ModelFilter,
  onceForKey,
  type ScopedModelRow,
  saveModel,
  staleVersion,
  updateVersioned,
} from "@lantoa/db";
import { domainError } from "@lantoa/domain/errors";
import { draftModel, type ModelCommand, ModelStatusSchema, transitionModel } from "@lantoa/domain/model";
import type { Actor } from "@lantoa/domain/org";
import { type ResolveCursorConnectionArgs, resolveCursorConnection } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { canReadUnit, isSystemAdmin } from "../auth/scopes.js";
import { mayAddEvidence } from "../auth/upload-access.js";
import { builder, connectionComplexity } from "../builder.js";
import type { Context } from "../context.js";
import { EVIDENCE_LIMITS } from "../storage/evidence-storage.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { DomainFailure, fail } from "./errors.js";
import { requireViewer } from "./mutation-support.js";
import { parseUuid, UnitRef } from "./unit.js";

const ModelStatusEnum = builder.enumType("ModelStatus", { values: ModelStatusSchema.options });
export const ModelActionEnum = builder.enumType("ModelAction", {
  values: ["submit", "approve", "return", "activate", "suspend", "reinstate", "archive"] as const,
});

export const IndicatorValueRef = builder
  .objectRef<{ indicator_code: string; period: string; value: number; unit_code: string }>("IndicatorValue")
  .implement({
    description: "A measured outcome of a model for a period (2022, 2022-Q1, 2022-03), in the indicator's unit.",
    fields: (t) => ({
      indicatorCode: t.exposeString("indicator_code"),
      period: t.exposeString("period"),
      value: t.exposeFloat("value"),
      unitCode: t.exposeString("unit_code"),
    }),
  });

const ModelResultRef = builder.objectRef<LatestResultRow>("ModelResult").implement({
  description: "A model's result in an evaluation round.",
  fields: (t) => ({
    roundCode: t.exposeString("round_code"),
    roundName: t.exposeString("round_name"),
    total: t.float({ description: "Points, to three decimals.", resolve: (r) => r.total_milli / 1000 }),
    max: t.float({ resolve: (r) => r.max_milli / 1000 }),
    tier: t.exposeString("tier", { nullable: true }),
    rank: t.exposeInt("rank", { nullable: true }),
    eliminated: t.exposeBoolean("eliminated"),
  }),
});

type StatusHistoryRow = {
  from: string | null;
  to: string;
  command: string;
  by: string;
  at: string;
  reason: string | null;
};

const StatusHistoryRef = builder.objectRef<StatusHistoryRow>("StatusChange").implement({
  fields: (t) => ({
    from: t.exposeString("from", { nullable: true }),
    to: t.exposeString("to"),
    command: t.exposeString("command"),
    by: t.exposeString("by"),
    at: t.exposeString("at"),
    reason: t.exposeString("reason", { nullable: true }),
  }),
});

/**
 * An exemplary model. Only users whose role covers the owner unit may read it; the
 * check runs on the object, so every path to a model (lists, `node`) is guarded.
 */
/** An active pilot: any signed-in user may read it, to replicate it in their own unit. */
export function isOpenPilot(model: { is_pilot: boolean; status: string }): boolean {
  return model.is_pilot && model.status === "active";
}

export const ModelRef = builder.loadableNode("Model", {
  description: "An exemplary model (mô hình) registered by a unit.",
  id: { resolve: (model: ScopedModelRow) => model.id, parse: parseUuid },
  load: (ids: string[], { db }) => findModelsByIds(db, ids),
  runScopesOnType: true,
  // An active pilot is there to be copied: every signed-in user may read it. A reviewer
  // reads the models they review, wherever they are (checked only when the unit does not allow it).
  authScopes: (model) =>
    isOpenPilot(model) ? { signedIn: true } : { readsUnit: model.owner_path, reviewsModel: model.id },
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    kind: t.exposeString("kind", { description: "collective or individual." }),
    personName: t.exposeString("person_name", { nullable: true }),
    status: t.field({ type: ModelStatusEnum, resolve: (m) => m.status }),
    fields: t.exposeStringList("fields", { description: "Field codes (lĩnh vực)." }),
    annualTheme: t.exposeString("annual_theme", { nullable: true }),
    problem: t.exposeString("problem", { nullable: true }),
    solution: t.exposeString("solution", { nullable: true }),
    startDate: t.exposeString("start_date"),
    isPilot: t.exposeBoolean("is_pilot"),
    generated: t.exposeBoolean("generated", { description: "True for generated demo data." }),
    version: t.exposeInt("version", { description: "Send back as expectedVersion when changing the model." }),
    ownerUnit: t.field({ type: UnitRef, resolve: (m) => m.owner_unit_id }),
    indicatorValues: t.loadableList({
      type: IndicatorValueRef,
      load: (ids: string[], { db }) => indicatorValuesOfModels(db, ids),
      resolve: (m) => m.id,
    }),
    latestResult: t.loadable({
      type: ModelResultRef,
      nullable: true,
      load: (ids: string[], { db }) => latestPublishedResults(db, ids),
      resolve: (m) => m.id,
    }),
    statusHistory: t.loadableList({
      type: StatusHistoryRef,
      description: "Every lifecycle transition, oldest first; `by` is the actor's display name.",
      // Batched across a page of models: one query however many models ask.
      load: async (ids: string[], { db }) => {
        const rows = await db
          .selectFrom("model_status_history")
          .select(["model_id", "from_status", "to_status", "command", "actor_name", "at", "reason"])
          .where("model_id", "in", ids)
          .orderBy("at")
          .orderBy("id")
          .execute();
        const byModel = new Map<string, StatusHistoryRow[]>(ids.map((id) => [id, []]));
        for (const h of rows) {
          byModel.get(h.model_id)?.push({
            from: h.from_status,
            to: h.to_status,
            command: h.command,
            by: h.actor_name,
            at: new Date(h.at).toISOString(),
            reason: h.reason,
          });
        }
        return ids.map((id) => byModel.get(id) ?? []);
      },
      resolve: (m) => m.id,
    }),
  }),
});

const ModelFilterInput = builder.inputType("ModelFilter", {
  fields: (t) => ({
    withinUnitId: t.globalID({ for: UnitRef, description: "Owned by this unit or a unit below it." }),
    level: t.string({ validate: z.string().max(64) }),
    unitKind: t.string({ validate: z.string().max(64) }),
    field: t.string({ validate: z.string().max(64) }),
    status: t.field({ type: ModelStatusEnum }),
    annualTheme: t.string({ validate: z.string().max(300) }),
    fromYear: t.int({ validate: z.number().int().min(1900).max(2200) }),
    toYear: t.int({ validate: z.number().int().min(1900).max(2200) }),
    text: t.string({ description: "Without diacritics, typo-tolerant.", validate: z.string().max(200) }),
    excludeGenerated: t.boolean(),
    pilots: t.boolean({
      description:
        "Active pilots of every unit, which any signed-in user may read (they exist to be replicated): the list is not limited to the viewer's scope; withinUnitId still narrows it.",
    }),
  }),
});

export const MODEL_CODE = /^[\p{L}\p{N}._-]{1,64}$/u;

/** The scope a list is limited to: the asked unit, else the viewer's first role's unit (all for a system admin). */
export async function listScope(context: Context, askedUnitId: string | undefined): Promise<string | undefined> {
  const viewer = requireViewer(context);
  const unitId = askedUnitId ?? (isSystemAdmin(viewer) ? undefined : (viewer.assignments[0]?.unitId ?? undefined));
  if (unitId === undefined) return undefined;
  const unit = await context.db.selectFrom("units").select("path").where("id", "=", unitId).executeTakeFirst();
  if (!unit || !canReadUnit(viewer, unit.path)) {
    throw new GraphQLError("Bạn không có quyền xem đơn vị này. / You may not read this unit.", {
      extensions: { code: "FORBIDDEN" },
    });
  }
  return unitId;
}

builder.queryField("models", (t) =>
  t.connection({
    type: ModelRef,
    description: "Models in the viewer's scope, by code, filtered.",
    authScopes: { signedIn: true },
    complexity: (args) => connectionComplexity(args, 50),
    args: { filter: t.arg({ type: ModelFilterInput, required: false }) },
    resolve: async (_root, args, context) => {
      const f = args.filter;
      const pilots = f?.pilots === true;
      const filter: ModelFilter = {
        withinUnitId: pilots ? f?.withinUnitId?.id : await listScope(context, f?.withinUnitId?.id),
        level: f?.level ?? undefined,
        unitKind: f?.unitKind ?? undefined,
        field: f?.field ?? undefined,
        status: f?.status ?? undefined,
        annualTheme: f?.annualTheme ?? undefined,
        fromYear: f?.fromYear ?? undefined,
        toYear: f?.toYear ?? undefined,
        text: f?.text ?? undefined,
        excludeGenerated: f?.excludeGenerated ?? undefined,
        ...(pilots ? { pilotsOnly: true, status: "active" as const } : {}),
      };
      const connection = await resolveCursorConnection(
        { args, toCursor: (m: ScopedModelRow) => encodeCursor(m.code), defaultSize: 50, maxSize: 200 },
        ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) =>
          listModels(context.db, filter, {
            afterCode: after === undefined ? undefined : decodeCursor(after, MODEL_CODE),
            beforeCode: before === undefined ? undefined : decodeCursor(before, MODEL_CODE),
            limit,
            inverted,
          }),
      );
      return { ...connection, totalCount: () => countModelsMatching(context.db, filter) };
    },
  }),
);

/** The viewer's roles as domain actors, strongest first, for the domain to authorize. */
export function actorsOf(context: Context): Actor[] {
  const viewer = context.viewer;
  if (!viewer) return [];
  const strength = ["system-admin", "unit-admin", "unit-officer", "reviewer", "viewer"];
  return [...viewer.assignments]
    .sort((a, b) => strength.indexOf(a.role) - strength.indexOf(b.role))
    .map((a) => ({ userId: viewer.userId, role: a.role, unitId: a.unitId }));
}

export const CreateModelInput = builder.inputType("CreateModelInput", {
  fields: (t) => ({
    code: t.string({ required: true, validate: z.string().trim().regex(MODEL_CODE) }),
    name: t.string({ required: true, validate: z.string().trim().min(1).max(500) }),
    ownerUnitId: t.globalID({ required: true, for: UnitRef }),
    fields: t.stringList({ required: true, validate: z.array(z.string().max(64)).min(1).max(10) }),
    annualTheme: t.string({ validate: z.string().trim().max(300) }),
    problem: t.string({ required: true, validate: z.string().max(5000) }),
    solution: t.string({ required: true, validate: z.string().max(5000) }),
    startDate: t.string({ required: true, validate: z.iso.date() }),
  }),
});

export const ModelPayload = builder.objectRef<{ id: string }>("ModelPayload").implement({
  fields: (t) => ({ model: t.field({ type: ModelRef, resolve: (p) => p.id }) }),
});

builder.mutationField("createModel", (t) =>
  t.field({
    type: ModelPayload,
    description:
      "Registers a draft model for a unit. Retrying with the same idempotencyKey returns the first result instead of creating twice.",
    authScopes: { signedIn: true },
    errors: { types: [DomainFailure] },
    args: {
      input: t.arg({ type: CreateModelInput, required: true }),
      idempotencyKey: t.arg.string({ required: true, validate: z.string().min(8).max(100) }),
    },
    resolve: async (_root, { input, idempotencyKey }, context) => {
      const viewer = requireViewer(context);
      const at = context.now.toISOString();
      return context.db.transaction().execute(async (trx) => {
        const result = await onceForKey(
          trx,
          { userId: viewer.userId, key: idempotencyKey, operation: "createModel", request: input },
          async () => {
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
              originModelId: null,
            };
            let decided: ReturnType<typeof draftModel> | undefined;
            for (const actor of actorsOf(context)) {
              decided = draftModel(modelInput, { actor, at, tree });
              if (decided.ok) break;
            }
            if (!decided?.ok) return fail(decided?.error ?? forbidden());
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
            await insertModel(trx, decided.value.model, decided.value.entry, viewer.displayName);
            await appendAudit(trx, {
              actorUserId: viewer.userId,
              action: "createModel",
              entity: "model",
              entityId: decided.value.model.id,
              after: decided.value.model,
            });
            return { id: decided.value.model.id };
          },
        );
        if (!result.ok) fail(result.error);
        return result.value.response;
      });
    },
  }),
);

export function forbidden() {
  return domainError("AUTH.FORBIDDEN", {
    vi: "Bạn không có quyền thực hiện thao tác này với đơn vị này.",
    en: "You are not allowed to do this for this unit.",
  });
}

builder.mutationField("transitionModel", (t) =>
  t.field({
    type: ModelPayload,
    description:
      "Moves a model through its lifecycle (submit, approve, return, activate, suspend, reinstate, archive) as the viewer's role allows, recording who, when and why.",
    authScopes: { signedIn: true },
    errors: { types: [DomainFailure] },
    args: {
      id: t.arg.globalID({ required: true, for: ModelRef }),
      action: t.arg({ type: ModelActionEnum, required: true }),
      reason: t.arg.string({ validate: z.string().trim().min(1).max(2000) }),
      expectedVersion: t.arg.int({ required: true, validate: z.number().int().min(1) }),
    },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      return context.db.transaction().execute(async (trx) => {
        const loaded = await loadModel(trx, args.id.id, { forUpdate: true });
        if (!loaded) {
          fail(
            domainError("MODEL.NOT_FOUND", { vi: "Không tìm thấy mô hình.", en: "No such model." }, { id: args.id.id }),
          );
        }
        // A change made since the client read the model is the news that matters most:
        // say so before judging the action against a status the client has not seen.
        if (loaded.version !== args.expectedVersion) fail(staleVersion("model", loaded.model.id, args.expectedVersion));
        const tree = await loadUnitTreeFor(trx, [loaded.model.ownerUnitId, ...viewer.assignments.map((a) => a.unitId)]);
        const command = { kind: args.action, reason: args.reason ?? null } as ModelCommand;
        let decided: ReturnType<typeof transitionModel> | undefined;
        for (const actor of actorsOf(context)) {
          decided = transitionModel(loaded.model, loaded.history, command, {
            actor,
            at: context.now.toISOString(),
            tree,
          });
          if (decided.ok) break;
        }
        if (!decided?.ok) return fail(decided?.error ?? forbidden());
        const saved = await saveModel(trx, decided.value.model, args.expectedVersion, {
          entry: decided.value.entry,
          actorName: viewer.displayName,
        });
        if (!saved.ok) fail(saved.error);
        await appendAudit(trx, {
          actorUserId: viewer.userId,
          action: `model.${args.action}`,
          entity: "model",
          entityId: loaded.model.id,
          before: { status: loaded.model.status, version: loaded.version },
          after: { status: decided.value.model.status, version: saved.value.version },
        });
        return { id: loaded.model.id };
      });
    },
  }),
);

/** A file of a multipart request, told apart from any other JSON value a client may send in its place. */
function isUploadedFile(value: unknown): value is File {
  const file = value as File | null;
  return (
    typeof file === "object" &&
    file !== null &&
    typeof file.name === "string" &&
    typeof file.size === "number" &&
    typeof file.arrayBuffer === "function"
  );
}

builder.scalarType("File", {
  description: "An uploaded file (GraphQL multipart request spec).",
  serialize: () => {
    throw new GraphQLError("File is an input-only scalar.");
  },
  // Resolvers read a file's name and bytes: anything else is the client's mistake, not a crash.
  parseValue: (value) => {
    if (isUploadedFile(value)) return value;
    throw new GraphQLError("Hãy gửi một tệp (multipart). / Send a file (multipart request).", {
      extensions: { code: "BAD_USER_INPUT" },
    });
  },
  parseLiteral: () => {
    throw new GraphQLError("Hãy gửi một tệp (multipart). / Send a file (multipart request).", {
      extensions: { code: "BAD_USER_INPUT" },
    });
  },
});

const EvidenceRef = builder
  .objectRef<{
    id: string;
    kind: string;
    title: string;
    mime_type: string | null;
    size_bytes: number | null;
    uri: string | null;
    storage_key: string | null;
  }>("Evidence")
  .implement({
    description: "A document, photo or link backing a model's claims (minh chứng).",
    fields: (t) => ({
      kind: t.exposeString("kind"),
      title: t.exposeString("title"),
      mimeType: t.exposeString("mime_type", { nullable: true }),
      sizeBytes: t.exposeInt("size_bytes", { nullable: true }),
      uri: t.exposeString("uri", { nullable: true }),
      downloadUrl: t.string({
        nullable: true,
        description:
          "Where an uploaded file can be fetched (GET, no token needed): a signed address, relative to the gateway, valid for an hour. Null for a link-only evidence (see uri).",
        resolve: (e, _args, { evidenceLinks, now }) => (e.storage_key ? evidenceLinks.pathFor(e.id, now) : null),
      }),
    }),
  });

builder.objectField(ModelRef, "evidence", (t) =>
  t.loadableList({
    type: EvidenceRef,
    load: async (ids: string[], { db }) => {
      const rows = await db
        .selectFrom("evidence")
        .select(["id", "model_id", "kind", "title", "mime_type", "size_bytes", "uri", "storage_key"])
        .where("model_id", "in", ids)
        .orderBy("uploaded_at")
        .execute();
      return ids.map((id) =>
        rows
          .filter((r) => r.model_id === id)
          .map((r) => ({ ...r, size_bytes: r.size_bytes === null ? null : Number(r.size_bytes) })),
      );
    },
    resolve: (m) => m.id,
  }),
);

builder.mutationField("addEvidence", (t) =>
  t.field({
    type: ModelPayload,
    description: `Uploads a file as evidence of a model (PDF, JPEG, PNG, WebP, DOCX or XLSX, at most ${EVIDENCE_LIMITS.maxBytes / 1024 / 1024} MB).`,
    errors: { types: [DomainFailure] },
    authScopes: (_root, args, context) => mayAddEvidence(context.db, context.viewer, args.modelId.id),
    args: {
      modelId: t.arg.globalID({ required: true, for: ModelRef }),
      title: t.arg.string({ required: true, validate: z.string().trim().min(1).max(300) }),
      file: t.arg({ type: "File", required: true }),
      expectedVersion: t.arg.int({ required: true, validate: z.number().int().min(1) }),
    },
    resolve: async (_root, args, { db, storage, viewer }) => {
      const file = args.file;
      if (
        file.size > EVIDENCE_LIMITS.maxBytes ||
        !(EVIDENCE_LIMITS.mimeTypes as readonly string[]).includes(file.type)
      ) {
        fail(
          domainError(
            "EVIDENCE.NOT_ACCEPTED",
            {
              vi: "Tệp minh chứng phải là PDF, ảnh (JPEG, PNG, WebP), Word hoặc Excel và không quá 10 MB.",
              en: "Evidence must be a PDF, an image (JPEG, PNG, WebP), Word or Excel file of at most 10 MB.",
            },
            { size: file.size, type: file.type },
          ),
        );
      }
      const key = `${args.modelId.id}/${randomUUID()}`;
      await storage.put(key, file);
      try {
        return await db.transaction().execute(async (trx) => {
          const saved = await updateVersioned(trx, "models", args.modelId.id, args.expectedVersion, {});
          if (!saved.ok) fail(saved.error);
          const { id } = await trx
            .insertInto("evidence")
            .values({
              model_id: args.modelId.id,
              kind: file.type.startsWith("image/") ? "photo" : "document",
              title: args.title,
              storage_key: key,
              mime_type: file.type,
              size_bytes: file.size,
              uploaded_by: viewer?.userId ?? null,
            })
            .returning("id")
            .executeTakeFirstOrThrow();
          await appendAudit(trx, {
            actorUserId: viewer?.userId ?? null,
            action: "addEvidence",
            entity: "model",
            entityId: args.modelId.id,
            after: { evidenceId: id, title: args.title, size: file.size, type: file.type },
          });
          return { id: args.modelId.id };
        });
      } catch (error) {
        // Nothing of a refused upload stays behind: the row rolled back, the file goes too.
        await storage.remove(key);
        throw error;
      }
    },
  }),
);
