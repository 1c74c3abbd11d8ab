import {
  AddEvidenceInput,
  addEvidence,
  canReadUnit,
  createModel,
  EVIDENCE_LIMITS,
  ExpectedVersion,
  IdempotencyKey,
  isSystemAdmin,
  ModelFieldsInput,
  ModelStepSchema,
  TransitionModelInput,
  transitionModel,
  UploadedFileSchema,
} from "@lantoa/app";
import {
  countModelsMatchingRead,
  findModelsByIdsRead,
  indicatorValuesRead,
  type LatestResultRow,
  latestPublishedResultsRead,
  listModelsRead,
  type ModelFilter,
  type ScopedModelRow,
  searchModelsPage,
} from "@lantoa/db";
import { ModelStatusSchema } from "@lantoa/domain/model";
import {
  type ResolveCursorConnectionArgs,
  resolveCursorConnection,
  resolveOffsetConnection,
} from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import * as z from "zod";
import { mayAddEvidence } from "../auth/upload-access.js";
import { builder, connectionComplexity } from "../builder.js";
import type { Context } from "../context.js";
import { DomainFailure } from "./errors.js";
import { decodeModelCursor, modelCursor } from "./model-cursor.js";
import { ModelOrderEnum } from "./model-order.js";
import { perform, requireViewer, unitPathOf } from "./mutation-support.js";
import { parseUuid, UnitRef } from "./unit.js";

const ModelStatusEnum = builder.enumType("ModelStatus", { values: ModelStatusSchema.options });
export const ModelActionEnum = builder.enumType("ModelAction", { values: ModelStepSchema.options });

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

const ModelTargetRef = builder
  .objectRef<{ indicator_code: string; target_value: number; unit_code: string }>("ModelTarget")
  .implement({
    description: "What a model commits to reach: a value of an indicator, in the indicator's unit.",
    fields: (t) => ({
      indicatorCode: t.exposeString("indicator_code"),
      targetValue: t.exposeFloat("target_value"),
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

/**
 * The model's authScopes below decided without a lookup: true when the viewer (signed in)
 * may read the model as an open pilot or within a role's subtree. False says only that the
 * full check must decide (it may still find the viewer reviewing the model).
 */
export function readsModelAtOnce(
  viewer: Parameters<typeof canReadUnit>[0],
  model: { is_pilot: boolean; status: string; owner_path: string },
): boolean {
  return viewer !== null && (isOpenPilot(model) || canReadUnit(viewer, model.owner_path));
}

export const ModelRef = builder.loadableNode("Model", {
  description: "An exemplary model (mô hình) registered by a unit.",
  id: { resolve: (model: ScopedModelRow) => model.id, parse: parseUuid },
  load: (ids: string[], { db, reads }) => reads.run(findModelsByIdsRead(db, ids)),
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
    isPublic: t.exposeBoolean("is_public", {
      description: "Shown on the public showcase while it runs or has run (an admin of its unit decides).",
    }),
    generated: t.exposeBoolean("generated", { description: "True for generated demo data." }),
    version: t.exposeInt("version", { description: "Send back as expectedVersion when changing the model." }),
    ownerUnit: t.field({ type: UnitRef, resolve: (m) => m.owner_unit_id }),
    indicatorValues: t.loadableList({
      type: IndicatorValueRef,
      load: (ids: string[], { db, reads }) => reads.run(indicatorValuesRead(db, ids)),
      resolve: (m) => m.id,
    }),
    targets: t.loadableList({
      type: ModelTargetRef,
      description: "The model's targets, by indicator code.",
      load: (ids: string[], { db, reads }) =>
        reads.run({
          query: db
            .selectFrom("model_targets")
            .select(["model_id", "indicator_code", "target_value", "unit_code"])
            .where("model_id", "in", ids)
            .orderBy("indicator_code"),
          timestamps: [],
          arrange: (rows) =>
            ids.map((id) =>
              rows.filter((r) => r.model_id === id).map((r) => ({ ...r, target_value: Number(r.target_value) })),
            ),
        }),
      resolve: (m) => m.id,
    }),
    latestResult: t.loadable({
      type: ModelResultRef,
      nullable: true,
      load: (ids: string[], { db, reads }) => reads.run(latestPublishedResultsRead(db, ids)),
      resolve: (m) => m.id,
    }),
    statusHistory: t.loadableList({
      type: StatusHistoryRef,
      description: "Every lifecycle transition, oldest first; `by` is the actor's display name.",
      // Batched across a page of models: one query however many models ask.
      load: (ids: string[], { db, reads }) =>
        reads.run({
          query: db
            .selectFrom("model_status_history")
            .select(["model_id", "from_status", "to_status", "command", "actor_name", "at", "reason"])
            .where("model_id", "in", ids)
            .orderBy("at")
            .orderBy("id"),
          timestamps: ["at"],
          arrange: (rows) => {
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
        }),
      resolve: (m) => m.id,
    }),
  }),
});

/** The rules of ModelFilter's fields, shared with the compiled reads, which check them without the executor. */
export const MODEL_FILTER_RULES = {
  level: z.string().max(64),
  unitKind: z.string().max(64),
  field: z.string().max(64),
  annualTheme: z.string().max(300),
  fromYear: z.number().int().min(1900).max(2200),
  toYear: z.number().int().min(1900).max(2200),
  text: z.string().max(200),
};

const ModelFilterInput = builder.inputType("ModelFilter", {
  fields: (t) => ({
    withinUnitId: t.globalID({ for: UnitRef, description: "Owned by this unit or a unit below it." }),
    level: t.string({ validate: MODEL_FILTER_RULES.level }),
    unitKind: t.string({ validate: MODEL_FILTER_RULES.unitKind }),
    field: t.string({ validate: MODEL_FILTER_RULES.field }),
    status: t.field({ type: ModelStatusEnum }),
    annualTheme: t.string({ validate: MODEL_FILTER_RULES.annualTheme }),
    fromYear: t.int({ validate: MODEL_FILTER_RULES.fromYear }),
    toYear: t.int({ validate: MODEL_FILTER_RULES.toYear }),
    text: t.string({
      description:
        "A model's code (exactly, its start or a part: HUGAO finds TL-2018-HUGAO) or words of its name and text, without diacritics and typo-tolerant; % and _ are plain characters.",
      validate: MODEL_FILTER_RULES.text,
    }),
    excludeGenerated: t.boolean(),
    pilots: t.boolean({
      description:
        "Active pilots of every unit, which any signed-in user may read (they exist to be replicated): the list is not limited to the viewer's scope; withinUnitId still narrows it.",
    }),
  }),
});

/**
 * The unit a list is limited to, with its path (lists page by it): the asked unit, else
 * the viewer's first role's unit; undefined (everything) for a system admin. The path of a
 * unit the viewer holds a role in comes with the session (no statement); another unit's
 * is read through the request's batch. FORBIDDEN when the viewer may not read the unit.
 */
export async function listScope(
  context: Context,
  askedUnitId: string | undefined,
): Promise<{ id: string; path: string } | undefined> {
  const viewer = requireViewer(context);
  const unitId = askedUnitId ?? (isSystemAdmin(viewer) ? undefined : (viewer.assignments[0]?.unitId ?? undefined));
  if (unitId === undefined) return undefined;
  const path = viewer.assignments.find((a) => a.unitId === unitId)?.unitPath ?? (await unitPathOf(context, unitId));
  if (path === null || !canReadUnit(viewer, path)) {
    throw new GraphQLError("Bạn không có quyền xem đơn vị này. / You may not read this unit.", {
      extensions: { code: "FORBIDDEN" },
    });
  }
  return { id: unitId, path };
}

/** The `models` field's filter argument, as the executor hands it over (a global id decoded). */
export type ModelFilterArgs = {
  readonly [K in keyof typeof ModelFilterInput.$inferInput]?: (typeof ModelFilterInput.$inferInput)[K] | null;
};

/**
 * The list filter of the `models` field: the asked filter within the viewer's scope (see
 * {@link listScope}; pilots are not limited to it). FORBIDDEN when the viewer may not read
 * the asked unit.
 */
export async function modelListFilter(context: Context, f: ModelFilterArgs | null | undefined): Promise<ModelFilter> {
  const pilots = f?.pilots === true;
  const scope = pilots ? undefined : await listScope(context, f?.withinUnitId?.id);
  return {
    // The scope's path, known from the check, lets the planner see the subtree's size.
    ...(pilots ? { withinUnitId: f?.withinUnitId?.id } : { withinPath: scope?.path }),
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
}

builder.queryField("models", (t) =>
  t.connection({
    type: ModelRef,
    description:
      "Models in the viewer's scope, filtered: in orderBy's order (by code unless asked), or, with filter.text, best match first (the code typed exactly, codes starting with it, codes holding it, then the closest names; orderBy is then ignored).",
    authScopes: { signedIn: true },
    complexity: (args) => connectionComplexity(args, 50),
    args: {
      filter: t.arg({ type: ModelFilterInput, required: false }),
      orderBy: t.arg({ type: ModelOrderEnum, required: false, defaultValue: "code" }),
    },
    resolve: async (_root, args, context) => {
      const filter = await modelListFilter(context, args.filter);
      const text = filter.text?.trim();
      const order = args.orderBy ?? "code";
      // A search reads best first (code, then closest name), paged by offset; a list by keyset in its order.
      const connection = text
        ? await resolveOffsetConnection({ args, defaultSize: 50, maxSize: 200 }, ({ limit, offset }) =>
            searchModelsPage(context.db, { ...filter, text }, { offset, limit }),
          )
        : await resolveCursorConnection(
            { args, toCursor: (m: ScopedModelRow) => modelCursor(m, order), defaultSize: 50, maxSize: 200 },
            ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) =>
              context.reads.run(
                listModelsRead(context.db, filter, {
                  order,
                  after: after === undefined ? undefined : decodeModelCursor(after, order),
                  before: before === undefined ? undefined : decodeModelCursor(before, order),
                  limit,
                  inverted,
                }),
              ),
          );
      return { ...connection, totalCount: () => context.reads.run(countModelsMatchingRead(context.db, filter)) };
    },
  }),
);

const ModelFields = ModelFieldsInput.shape;
export const CreateModelInput = builder.inputType("CreateModelInput", {
  fields: (t) => ({
    code: t.string({ required: true, validate: ModelFields.code }),
    name: t.string({ required: true, validate: ModelFields.name }),
    ownerUnitId: t.globalID({ required: true, for: UnitRef }),
    fields: t.stringList({ required: true, validate: ModelFields.fields }),
    annualTheme: t.string({ validate: ModelFields.annualTheme }),
    problem: t.string({ required: true, validate: ModelFields.problem }),
    solution: t.string({ required: true, validate: ModelFields.solution }),
    startDate: t.string({ required: true, validate: ModelFields.startDate }),
  }),
});

/** The use case's model fields from the GraphQL input (a global id becomes the unit's id). */
export function modelFields(input: typeof CreateModelInput.$inferInput) {
  return { ...input, ownerUnitId: input.ownerUnitId.id };
}

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
      idempotencyKey: t.arg.string({ required: true, validate: IdempotencyKey }),
    },
    resolve: (_root, { input, idempotencyKey }, context) =>
      perform(context, createModel, modelFields(input), { idempotencyKey }),
  }),
);

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
      reason: t.arg.string({ validate: TransitionModelInput.shape.reason }),
      expectedVersion: t.arg.int({ required: true, validate: ExpectedVersion }),
    },
    resolve: (_root, { id, ...args }, context) => perform(context, transitionModel, { ...args, modelId: id.id }),
  }),
);

builder.scalarType("File", {
  description: "An uploaded file (GraphQL multipart request spec).",
  serialize: () => {
    throw new GraphQLError("File is an input-only scalar.");
  },
  // Resolvers read a file's name and bytes: anything else is the client's mistake, not a crash.
  parseValue: (value) => {
    if (UploadedFileSchema.safeParse(value).success) return value as File;
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
    is_public: boolean;
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
      id: t.globalID({ resolve: (e) => ({ type: "Evidence", id: e.id }) }),
      kind: t.exposeString("kind"),
      title: t.exposeString("title"),
      isPublic: t.exposeBoolean("is_public", {
        description:
          "Shown with its model on the public showcase (photos); off until an admin of the unit turns it on.",
      }),
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
    load: (ids: string[], { db, reads }) =>
      reads.run({
        query: db
          .selectFrom("evidence")
          .select(["id", "model_id", "kind", "title", "mime_type", "size_bytes", "uri", "storage_key", "is_public"])
          .where("model_id", "in", ids)
          .orderBy("uploaded_at")
          .orderBy("id"),
        timestamps: [],
        arrange: (rows) =>
          ids.map((id) =>
            rows
              .filter((r) => r.model_id === id)
              .map((r) => ({ ...r, size_bytes: r.size_bytes === null ? null : Number(r.size_bytes) })),
          ),
      }),
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
      title: t.arg.string({ required: true, validate: AddEvidenceInput.shape.title }),
      file: t.arg({ type: "File", required: true }),
      expectedVersion: t.arg.int({ required: true, validate: ExpectedVersion }),
    },
    resolve: (_root, { modelId, ...args }, context) => perform(context, addEvidence, { ...args, modelId: modelId.id }),
  }),
);
