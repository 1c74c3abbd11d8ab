import {
  appendAudit,
  type CriteriaSetRow,
  type CriteriaVersionRow,
  contentHash,
  criteriaVersionsOfSets,
  findCriteriaSetsByIds,
  findCriteriaVersionsByIds,
  freezeCriteriaVersion,
  insertCriteriaDraft,
  insertCriteriaSet,
  listCriteriaSets,
  lockCriteriaSetDraft,
  onceForKey,
  publishedCriteriaVersions,
  saveCriteriaDraftDefinition,
  staleVersion,
} from "@lantoa/db";
import {
  type CriteriaSet,
  type CriteriaSetDraft,
  CriteriaSetSchema,
  createDraftFromCriteriaSet,
  defaultCriteriaSet,
  diffCriteriaSets,
  publishCriteriaSet,
  validateCriteriaSet,
} from "@lantoa/domain/criteria";
import { type DomainError, domainError, type ShapeIssue } from "@lantoa/domain/errors";
import { z } from "zod";
import { isSystemAdmin } from "../auth/scopes.js";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { DomainFailure, ErrorInterface, fail } from "./errors.js";
import { requireViewer } from "./mutation-support.js";
import { parseUuid } from "./unit.js";

// Criteria sets have no owner unit (the table has none): they are the organization's
// rubrics, so only system admins write them and see drafts. Published versions are public
// because councils publish them with results.

/** The longest definition JSON accepted (the default set is about 8 KB). */
const MAX_DEFINITION_CHARS = 200_000;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const CriteriaSetRef = builder.loadableNode("CriteriaSet", {
  description: "A named rubric with numbered versions: published ones are frozen, at most one draft is edited.",
  id: { resolve: (s: CriteriaSetRow) => s.id, parse: parseUuid },
  load: (ids: string[], { db }) => findCriteriaSetsByIds(db, ids),
  // A set never published is a work in progress: only system admins see it.
  runScopesOnType: true,
  authScopes: (s) => (s.has_published ? true : { systemAdmin: true }),
  fields: (t) => ({
    code: t.exposeString("code", { nullable: false }),
    name: t.exposeString("name", { nullable: false }),
    createdAt: t.string({ nullable: false, resolve: (s) => new Date(s.created_at).toISOString() }),
  }),
});

export const CriteriaSetVersionRef = builder.loadableNode("CriteriaSetVersion", {
  description: "A version of a criteria set (bộ tiêu chí); a published one is immutable, a draft is editable.",
  id: { resolve: (v: CriteriaVersionRow) => v.id, parse: parseUuid },
  load: (ids: string[], { db }) => findCriteriaVersionsByIds(db, ids),
  runScopesOnType: true,
  authScopes: (v) => (v.status === "published" ? true : { systemAdmin: true }),
  fields: (t) => ({
    setCode: t.exposeString("set_code", { nullable: false }),
    setName: t.exposeString("set_name", { nullable: false }),
    versionNumber: t.exposeInt("version_number", { nullable: false }),
    status: t.exposeString("status", { nullable: false, description: "draft or published." }),
    contentHash: t.exposeString("content_hash", {
      nullable: true,
      description: "SHA-256 of the published definition.",
    }),
    publishedAt: t.string({
      nullable: true,
      resolve: (v) => (v.published_at ? new Date(v.published_at).toISOString() : null),
    }),
    createdAt: t.string({ nullable: false, resolve: (v) => new Date(v.created_at).toISOString() }),
    version: t.exposeInt("version", {
      nullable: false,
      description: "Send back as expectedVersion when saving or publishing.",
    }),
    definition: t.string({
      nullable: false,
      description: "The criteria set as JSON (see @lantoa/domain/criteria).",
      resolve: (v) => JSON.stringify(v.definition),
    }),
    criteriaSet: t.field({ nullable: false, type: CriteriaSetRef, resolve: (v) => v.criteria_set_id }),
  }),
});

builder.objectField(CriteriaSetRef, "versions", (t) =>
  t.loadableList({
    nullable: false,
    type: CriteriaSetVersionRef,
    description: "Newest first; drafts only for system admins.",
    load: (ids: string[], context) =>
      criteriaVersionsOfSets(context.db, ids, { includeDrafts: isSystemAdmin(context.viewer) }),
    resolve: (s) => s.id,
  }),
);

builder.queryField("criteriaSets", (t) =>
  t.field({
    nullable: false,
    type: [CriteriaSetRef],
    description: "Criteria sets by code: those with a published version for everyone, all of them for system admins.",
    resolve: (_root, _args, context) => listCriteriaSets(context.db, { includeDrafts: isSystemAdmin(context.viewer) }),
  }),
);

builder.queryField("criteriaSetVersion", (t) =>
  t.field({
    type: CriteriaSetVersionRef,
    nullable: true,
    description: "One version; a draft only for system admins.",
    args: { id: t.arg.globalID({ required: true, for: CriteriaSetVersionRef }) },
    resolve: (_root, args) => args.id.id,
  }),
);

builder.queryField("criteriaSetVersions", (t) =>
  t.field({
    nullable: false,
    type: [CriteriaSetVersionRef],
    description:
      "Every published criteria-set version, newest first. Published rubrics are public: councils publish them with results.",
    resolve: (_root, _args, { db }) => publishedCriteriaVersions(db),
  }),
);

// ——— Problems: what is wrong with a definition, where, in both languages. ———

interface CriteriaProblem {
  code: string;
  message: { vi: string; en: string };
  path: string;
  criterionId: string | null;
  offset: number | null;
  line: number | null;
  column: number | null;
  excerpt: string | null;
}

const CriteriaProblemRef = builder.objectRef<CriteriaProblem>("CriteriaProblem").implement({
  description:
    "One problem of a criteria set: `path` names where (ids joined by dots, e.g. tiers.good or impact.reach); formula problems carry the position.",
  fields: (t) => ({
    code: t.exposeString("code", { nullable: false, description: "CRITERIA.POINTS_MISMATCH, FORMULA.UNKNOWN_INPUT…" }),
    message: t.string({ nullable: false, description: "In English.", resolve: (p) => p.message.en }),
    messageVi: t.string({ nullable: false, description: "In Vietnamese.", resolve: (p) => p.message.vi }),
    path: t.exposeString("path", { nullable: false }),
    criterionId: t.exposeString("criterionId", { nullable: true }),
    offset: t.exposeInt("offset", { nullable: true, description: "0-based offset in the formula." }),
    line: t.exposeInt("line", { nullable: true, description: "1-based line in the formula." }),
    column: t.exposeInt("column", { nullable: true, description: "1-based column in the formula." }),
    excerpt: t.exposeString("excerpt", {
      nullable: true,
      description: "The formula line with a caret under the column.",
    }),
  }),
});

const numberOrNull = (v: unknown) => (typeof v === "number" ? v : null);
const stringOrNull = (v: unknown) => (typeof v === "string" ? v : null);

/** An unknown key is refused rather than dropped: a typo must not silently change a rubric. */
function unknownKeyMessage(i: ShapeIssue): { vi: string; en: string } {
  const hint = i.suggestion
    ? { vi: ` Có phải ý bạn là “${i.suggestion}”?`, en: ` Did you mean “${i.suggestion}”?` }
    : { vi: "", en: "" };
  return {
    vi: `Khóa “${i.key}” tại “${i.path}” không có trong định nghĩa bộ tiêu chí.${hint.vi}`,
    en: `The key “${i.key}” at “${i.path}” is not part of a criteria set.${hint.en}`,
  };
}

/** Flattens the domain's validation error into problems the editor can place. */
function problemsOf(error: DomainError): CriteriaProblem[] {
  const issues = (error.details?.issues ?? []) as unknown[];
  if (error.code === "CRITERIA.SHAPE") {
    return (issues as ShapeIssue[]).map((i) => ({
      code: i.code === "UNKNOWN_KEY" ? "CRITERIA.UNKNOWN_KEY" : "CRITERIA.SHAPE",
      message:
        i.code === "UNKNOWN_KEY"
          ? unknownKeyMessage(i)
          : {
              vi: `Dữ liệu tại “${i.path || "gốc"}” không hợp lệ (${i.message}). Hãy sửa trường này.`,
              en: `The value at “${i.path || "root"}” is invalid (${i.message}). Fix this field.`,
            },
      path: i.path,
      criterionId: null,
      offset: null,
      line: null,
      column: null,
      excerpt: null,
    }));
  }
  return (issues as DomainError[]).map((i) => ({
    code: i.code,
    message: i.message,
    path: String(i.details?.path ?? ""),
    criterionId: stringOrNull(i.details?.criterionId),
    offset: numberOrNull(i.details?.offset),
    line: numberOrNull(i.details?.line),
    column: numberOrNull(i.details?.column),
    excerpt: stringOrNull(i.details?.excerpt),
  }));
}

/** A definition the domain refuses, with every problem; a typed member of the mutation's errors. */
export class CriteriaInvalidFailure extends DomainFailure {
  readonly problems: CriteriaProblem[];
  constructor(error: DomainError) {
    super(error);
    this.name = "CriteriaInvalidFailure";
    this.problems = problemsOf(error);
  }
}

builder.objectType(CriteriaInvalidFailure, {
  name: "CriteriaInvalidError",
  description: "The criteria set is not valid; nothing was saved. Each problem says where and what to fix.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof CriteriaInvalidFailure,
  fields: (t) => ({
    problems: t.field({ nullable: false, type: [CriteriaProblemRef], resolve: (e) => e.problems }),
  }),
});

/** Parses JSON text, then validates it as a criteria set with the domain. */
function validateDefinition(text: string): ReturnType<typeof validateCriteriaSet> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: domainError(
        "CRITERIA.SHAPE",
        { vi: "Định nghĩa bộ tiêu chí không phải JSON hợp lệ", en: "The definition is not valid JSON" },
        { issues: [{ path: "", message: "not JSON" }] },
      ),
    };
  }
  return validateCriteriaSet(json);
}

const CriteriaValidationRef = builder
  .objectRef<{ valid: boolean; problems: CriteriaProblem[]; totalPoints: number | null }>("CriteriaValidation")
  .implement({
    fields: (t) => ({
      valid: t.exposeBoolean("valid", { nullable: false }),
      problems: t.field({ nullable: false, type: [CriteriaProblemRef], resolve: (v) => v.problems }),
      totalPoints: t.exposeFloat("totalPoints", { nullable: true }),
    }),
  });

builder.queryField("validateCriteriaDefinition", (t) =>
  t.field({
    nullable: false,
    type: CriteriaValidationRef,
    description:
      "Checks a criteria-set definition without saving it: the problems saveCriteriaDraft reports and publishing refuses (the admin app runs the same domain check in the browser as you type).",
    authScopes: { signedIn: true },
    args: { definition: t.arg.string({ required: true, validate: z.string().max(MAX_DEFINITION_CHARS) }) },
    resolve: (_root, args) => {
      const checked = validateDefinition(args.definition);
      return checked.ok
        ? { valid: true, problems: [], totalPoints: checked.value.totalPoints }
        : { valid: false, problems: problemsOf(checked.error), totalPoints: null };
    },
  }),
);

// ——— Diff ———

const CriteriaChangeRef = builder.objectRef<ReturnType<typeof diffCriteriaSets>[number]>("CriteriaChange").implement({
  description: "One difference between two versions, as a sentence in both languages.",
  fields: (t) => ({
    entity: t.exposeString("entity", {
      nullable: false,
      description: "criterion, gate, group, scale, band, tier, input or setting.",
    }),
    change: t.exposeString("change", { nullable: false, description: "added, removed or changed." }),
    itemId: t.exposeString("id", { nullable: false, description: "The id of what changed (a band: scaleId/bandId)." }),
    field: t.exposeString("field", { nullable: true }),
    before: t.string({ nullable: true, description: "JSON.", resolve: (c) => jsonOrNull(c.before) }),
    after: t.string({ nullable: true, description: "JSON.", resolve: (c) => jsonOrNull(c.after) }),
    message: t.string({ nullable: false, description: "In English.", resolve: (c) => c.message.en }),
    messageVi: t.string({ nullable: false, description: "In Vietnamese.", resolve: (c) => c.message.vi }),
  }),
});

const jsonOrNull = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** A version the viewer may read, or a typed failure. */
async function readableVersion(context: Context, id: string): Promise<CriteriaVersionRow> {
  const [row] = await findCriteriaVersionsByIds(context.db, [id]);
  if (!row || (row.status !== "published" && !isSystemAdmin(context.viewer))) fail(versionNotFound(id));
  return row;
}

builder.queryField("diffCriteriaVersions", (t) =>
  t.field({
    type: [CriteriaChangeRef],
    description: "What changed from one version to another (criteria, gates, scales, bands, tiers, settings).",
    errors: { types: [DomainFailure] },
    args: {
      from: t.arg.globalID({ required: true, for: CriteriaSetVersionRef }),
      to: t.arg.globalID({ required: true, for: CriteriaSetVersionRef }),
    },
    resolve: async (_root, args, context) => {
      const [from, to] = [await readableVersion(context, args.from.id), await readableVersion(context, args.to.id)];
      return diffCriteriaSets(CriteriaSetSchema.parse(from.definition), CriteriaSetSchema.parse(to.definition));
    },
  }),
);

// ——— Mutations ———

function versionNotFound(id: string): DomainError {
  return domainError(
    "CRITERIA.VERSION_NOT_FOUND",
    { vi: "Không tìm thấy phiên bản bộ tiêu chí.", en: "No such criteria-set version." },
    { id },
  );
}

function publishedImmutable(row: CriteriaVersionRow): DomainError {
  return domainError(
    "CRITERIA.PUBLISHED_IMMUTABLE",
    {
      vi: `Phiên bản ${row.version_number} của “${row.set_name}” đã ban hành nên không sửa được. Hãy tạo bản nháp mới từ phiên bản này rồi sửa bản nháp.`,
      en: `Version ${row.version_number} of “${row.set_name}” is published and cannot change. Start a new draft from it and edit the draft.`,
    },
    { id: row.id, versionNumber: row.version_number },
  );
}

/** Loads a version inside the transaction, locking it, or fails with a typed error. */
async function lockedVersion(trx: Parameters<typeof insertCriteriaSet>[0], id: string) {
  await trx.selectFrom("criteria_set_versions").select("id").where("id", "=", id).forUpdate().execute();
  const [row] = await findCriteriaVersionsByIds(trx, [id]);
  if (!row) fail(versionNotFound(id));
  return row;
}

/** The smallest valid set: one rated criterion and two tiers, for a set started from scratch. */
function blankCriteriaSet(code: string, name: { vi: string; en: string }): CriteriaSetDraft {
  return {
    status: "draft",
    id: code,
    name,
    basedOnVersion: null,
    totalPoints: 100,
    inputs: [],
    scales: [{ id: "scale-10", label: { vi: "Thang 0–10", en: "0–10 scale" }, min: 0, max: 10, step: 1, bands: [] }],
    criteria: [
      {
        kind: "rating",
        id: "quality",
        label: { vi: "Chất lượng", en: "Quality" },
        points: 100,
        scaleId: "scale-10",
      },
    ],
    tiers: [
      { id: "pass", label: { vi: "Đạt", en: "Pass" }, min: 50 },
      { id: "fail", label: { vi: "Không đạt", en: "Fail" }, min: 0 },
    ],
    gatePolicy: { maxNonEliminatoryFailures: 0 },
    aggregation: {
      method: { kind: "mean" },
      minReviewers: 2,
      calibration: { enabled: false, minRatingsPerReviewer: 5 },
    },
    tieBreaks: [],
    quotas: [],
  };
}

const CriteriaStartEnum = builder.enumType("CriteriaStart", {
  description: "What a new criteria set starts from (ignored when copyOfVersionId is given).",
  values: { DEFAULT: { description: "The default rubric of DOMAIN.md." }, BLANK: { description: "One criterion." } },
});

const CreateCriteriaSetInput = builder.inputType("CreateCriteriaSetInput", {
  fields: (t) => ({
    code: t.string({
      required: true,
      description: "Letters, digits, - and _ (e.g. hoi-thi-2026).",
      validate: z.string().trim().regex(CODE),
    }),
    name: t.string({ required: true, validate: z.string().trim().min(1).max(300) }),
    nameEn: t.string({ validate: z.string().trim().min(1).max(300) }),
    startFrom: t.field({ type: CriteriaStartEnum }),
    copyOfVersionId: t.globalID({ for: CriteriaSetVersionRef, description: "Start from a copy of this version." }),
  }),
});

const CriteriaSetPayload = builder.objectRef<{ setId: string; versionId: string }>("CriteriaSetPayload").implement({
  fields: (t) => ({
    criteriaSet: t.field({ nullable: false, type: CriteriaSetRef, resolve: (p) => p.setId }),
    draft: t.field({ nullable: false, type: CriteriaSetVersionRef, resolve: (p) => p.versionId }),
  }),
});

const CriteriaVersionPayload = builder
  .objectRef<{ versionId: string; problems?: CriteriaProblem[] }>("CriteriaVersionPayload")
  .implement({
    fields: (t) => ({
      version: t.field({ nullable: false, type: CriteriaSetVersionRef, resolve: (p) => p.versionId }),
      problems: t.field({
        nullable: false,
        type: [CriteriaProblemRef],
        description:
          "What still keeps a saved draft from being published (empty when it is ready): a draft may be saved unfinished.",
        resolve: (p) => p.problems ?? [],
      }),
    }),
  });

builder.mutationField("createCriteriaSet", (t) =>
  t.field({
    type: CriteriaSetPayload,
    description:
      "Creates a criteria set with a first draft: the default rubric, a blank one or a copy of a version. Retrying with the same idempotencyKey returns the first result.",
    authScopes: { systemAdmin: true },
    errors: { types: [CriteriaInvalidFailure, DomainFailure] },
    args: {
      input: t.arg({ type: CreateCriteriaSetInput, required: true }),
      idempotencyKey: t.arg.string({ required: true, validate: z.string().min(8).max(100) }),
    },
    resolve: async (_root, { input, idempotencyKey }, context) => {
      const viewer = requireViewer(context);
      const request = { ...input, copyOfVersionId: input.copyOfVersionId?.id ?? null };
      return context.db.transaction().execute(async (trx) => {
        const result = await onceForKey(
          trx,
          { userId: viewer.userId, key: idempotencyKey, operation: "createCriteriaSet", request },
          async () => {
            const code = input.code.trim();
            const name = { vi: input.name.trim(), en: (input.nameEn ?? input.name).trim() };
            let start: CriteriaSetDraft;
            if (input.copyOfVersionId) {
              const [source] = await findCriteriaVersionsByIds(trx, [input.copyOfVersionId.id]);
              if (!source) fail(versionNotFound(input.copyOfVersionId.id));
              const parsed = CriteriaSetSchema.parse(source.definition);
              start = parsed.status === "published" ? createDraftFromCriteriaSet(parsed) : parsed;
            } else {
              start =
                input.startFrom === "BLANK" ? blankCriteriaSet(code, name) : (defaultCriteriaSet as CriteriaSetDraft);
            }
            const draft = { ...JSON.parse(JSON.stringify(start)), id: code, name, basedOnVersion: null };
            const checked = validateCriteriaSet(draft);
            if (!checked.ok) throw new CriteriaInvalidFailure(checked.error);
            const taken = await trx
              .selectFrom("criteria_sets")
              .select("id")
              .where("code", "=", code)
              .executeTakeFirst();
            if (taken) {
              fail(
                domainError(
                  "CRITERIA.DUPLICATE_CODE",
                  {
                    vi: `Mã bộ tiêu chí “${code}” đã được dùng. Hãy chọn mã khác.`,
                    en: `The criteria-set code “${code}” is already used. Choose another.`,
                  },
                  { code },
                ),
              );
            }
            const created = await insertCriteriaSet(trx, { code, name: name.vi, definition: checked.value });
            await appendAudit(trx, {
              actorUserId: viewer.userId,
              action: "createCriteriaSet",
              entity: "criteria_set",
              entityId: created.setId,
              after: { code, name, draftId: created.versionId, copyOf: request.copyOfVersionId },
            });
            return created;
          },
        );
        if (!result.ok) fail(result.error);
        return result.value.response;
      });
    },
  }),
);

builder.mutationField("saveCriteriaDraft", (t) =>
  t.field({
    type: CriteriaVersionPayload,
    description:
      "Replaces a draft's definition. An unfinished draft is saved with the problems the domain finds (formula problems with line and column), returned in `problems`; publishing needs none. A malformed definition (not JSON, wrong structure) is refused as CriteriaInvalidError and nothing is saved.",
    authScopes: { systemAdmin: true },
    errors: { types: [CriteriaInvalidFailure, DomainFailure] },
    args: {
      versionId: t.arg.globalID({ required: true, for: CriteriaSetVersionRef }),
      definition: t.arg.string({ required: true, validate: z.string().max(MAX_DEFINITION_CHARS) }),
      expectedVersion: t.arg.int({ required: true, validate: z.number().int().min(1) }),
    },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      return context.db.transaction().execute(async (trx) => {
        const row = await lockedVersion(trx, args.versionId.id);
        if (row.status === "published") fail(publishedImmutable(row));
        if (row.version !== args.expectedVersion)
          fail(staleVersion("criteria_set_versions", row.id, args.expectedVersion));
        const checked = validateDefinition(args.definition);
        // Work in progress is kept with its problems; only a malformed definition is refused.
        if (!checked.ok && checked.error.code === "CRITERIA.SHAPE") throw new CriteriaInvalidFailure(checked.error);
        const shaped = checked.ok ? checked.value : CriteriaSetSchema.parse(JSON.parse(args.definition));
        const problems = checked.ok ? [] : problemsOf(checked.error);
        const before = row.definition as CriteriaSetDraft;
        // The server owns identity and lineage: the editor cannot rename the set's id or
        // claim another base version.
        const definition: CriteriaSet = {
          ...shaped,
          status: "draft",
          id: row.set_code,
          basedOnVersion: before.basedOnVersion ?? null,
        } as CriteriaSetDraft;
        const saved = await saveCriteriaDraftDefinition(trx, row.id, args.expectedVersion, definition);
        if (!saved.ok) fail(saved.error);
        if (definition.name.vi !== row.set_name) {
          await trx
            .updateTable("criteria_sets")
            .set({ name: definition.name.vi })
            .where("id", "=", row.criteria_set_id)
            .execute();
        }
        await appendAudit(trx, {
          actorUserId: viewer.userId,
          action: "saveCriteriaDraft",
          entity: "criteria_set_version",
          entityId: row.id,
          before: { version: row.version, definition: row.definition },
          after: { version: saved.value.version, definition },
        });
        return { versionId: row.id, problems };
      });
    },
  }),
);

builder.mutationField("publishCriteriaVersion", (t) =>
  t.field({
    type: CriteriaVersionPayload,
    description:
      "Validates a draft and freezes it as a published version with a content hash; rounds pin published versions, and nothing can change one afterwards.",
    authScopes: { systemAdmin: true },
    errors: { types: [CriteriaInvalidFailure, DomainFailure] },
    args: {
      versionId: t.arg.globalID({ required: true, for: CriteriaSetVersionRef }),
      expectedVersion: t.arg.int({ required: true, validate: z.number().int().min(1) }),
    },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      return context.db.transaction().execute(async (trx) => {
        const row = await lockedVersion(trx, args.versionId.id);
        if (row.status === "published") fail(publishedImmutable(row));
        if (row.version !== args.expectedVersion)
          fail(staleVersion("criteria_set_versions", row.id, args.expectedVersion));
        const draft = validateCriteriaSet(row.definition);
        if (!draft.ok) throw new CriteriaInvalidFailure(draft.error);
        if (draft.value.status !== "draft") fail(publishedImmutable(row));
        const published = publishCriteriaSet(draft.value, {
          version: row.version_number,
          publishedAt: context.now.toISOString(),
        });
        if (!published.ok) {
          if (published.error.code === "CRITERIA.INVALID") throw new CriteriaInvalidFailure(published.error);
          fail(published.error);
        }
        const hash = contentHash(published.value);
        const frozen = await freezeCriteriaVersion(trx, row.id, args.expectedVersion, {
          definition: published.value,
          contentHash: hash,
          publishedAt: published.value.publishedAt,
        });
        if (!frozen.ok) fail(frozen.error);
        await appendAudit(trx, {
          actorUserId: viewer.userId,
          action: "publishCriteriaVersion",
          entity: "criteria_set_version",
          entityId: row.id,
          before: { status: "draft", version: row.version },
          after: { status: "published", versionNumber: row.version_number, contentHash: hash },
        });
        return { versionId: row.id };
      });
    },
  }),
);

builder.mutationField("newCriteriaDraft", (t) =>
  t.field({
    type: CriteriaVersionPayload,
    description:
      "Starts the next draft of a set from one of its published versions (at most one draft per set). Retrying with the same idempotencyKey returns the first draft.",
    authScopes: { systemAdmin: true },
    errors: { types: [DomainFailure] },
    args: {
      fromVersionId: t.arg.globalID({ required: true, for: CriteriaSetVersionRef }),
      idempotencyKey: t.arg.string({ required: true, validate: z.string().min(8).max(100) }),
    },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      return context.db.transaction().execute(async (trx) => {
        const result = await onceForKey(
          trx,
          {
            userId: viewer.userId,
            key: args.idempotencyKey,
            operation: "newCriteriaDraft",
            request: { fromVersionId: args.fromVersionId.id },
          },
          async () => {
            const [source] = await findCriteriaVersionsByIds(trx, [args.fromVersionId.id]);
            if (!source) fail(versionNotFound(args.fromVersionId.id));
            const parsed = CriteriaSetSchema.parse(source.definition);
            if (parsed.status !== "published") {
              fail(
                domainError(
                  "CRITERIA.NOT_PUBLISHED",
                  {
                    vi: "Chỉ tạo được bản nháp mới từ một phiên bản đã ban hành. Hãy sửa trực tiếp bản nháp này.",
                    en: "A new draft starts from a published version. Edit this draft instead.",
                  },
                  { id: source.id },
                ),
              );
            }
            const existing = await lockCriteriaSetDraft(trx, source.criteria_set_id);
            if (existing) {
              fail(
                domainError(
                  "CRITERIA.DRAFT_EXISTS",
                  {
                    vi: `Bộ tiêu chí này đã có bản nháp (phiên bản ${existing.version_number}). Hãy sửa hoặc ban hành bản nháp đó trước.`,
                    en: `This criteria set already has a draft (version ${existing.version_number}). Edit or publish that draft first.`,
                  },
                  { draftId: existing.id },
                ),
              );
            }
            const draft = createDraftFromCriteriaSet(parsed);
            const created = await insertCriteriaDraft(trx, source.criteria_set_id, draft);
            await appendAudit(trx, {
              actorUserId: viewer.userId,
              action: "newCriteriaDraft",
              entity: "criteria_set_version",
              entityId: created.versionId,
              after: { fromVersionId: source.id, versionNumber: created.versionNumber },
            });
            return { versionId: created.versionId };
          },
        );
        if (!result.ok) fail(result.error);
        return result.value.response;
      });
    },
  }),
);
