import { criteriaVersionNotFound, isSystemAdmin } from "@lantoa/app";
import {
  type CriteriaSetRow,
  type CriteriaVersionRow,
  criteriaVersionsOfSets,
  findCriteriaSetsByIds,
  findCriteriaVersionsByIds,
  listCriteriaSets,
  publishedCriteriaVersions,
} from "@lantoa/db";
import { CriteriaSetSchema, diffCriteriaSets } from "@lantoa/domain/criteria";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { DomainFailure, fail } from "./errors.js";
import { parseUuid } from "./unit.js";

// Criteria sets have no owner unit (the table has none): they are the organization's
// rubrics, so only system admins write them and see drafts. Published versions are public
// because councils publish them with results.

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
  if (!row || (row.status !== "published" && !isSystemAdmin(context.viewer))) fail(criteriaVersionNotFound(id));
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
