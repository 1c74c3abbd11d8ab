import type { CriteriaSetVersionTable } from "@lantoa/db";
import type { Selectable } from "kysely";
import { builder } from "../builder.js";

type VersionRow = Selectable<CriteriaSetVersionTable> & { set_code: string; set_name: string };

const CriteriaSetVersionRef = builder.objectRef<VersionRow>("CriteriaSetVersion").implement({
  description: "A version of a criteria set (bộ tiêu chí); a published one is immutable.",
  fields: (t) => ({
    setCode: t.exposeString("set_code"),
    setName: t.exposeString("set_name"),
    versionNumber: t.exposeInt("version_number"),
    status: t.exposeString("status"),
    contentHash: t.exposeString("content_hash", { nullable: true }),
    publishedAt: t.string({
      nullable: true,
      resolve: (v) => (v.published_at ? new Date(v.published_at).toISOString() : null),
    }),
    definition: t.string({
      description: "The criteria set as JSON (see @lantoa/domain/criteria).",
      resolve: (v) => JSON.stringify(v.definition),
    }),
  }),
});

builder.queryField("criteriaSetVersions", (t) =>
  t.field({
    type: [CriteriaSetVersionRef],
    description:
      "Every criteria-set version, newest first. Published rubrics are public: councils publish them with results.",
    resolve: (_root, _args, { db }) =>
      db
        .selectFrom("criteria_set_versions as v")
        .innerJoin("criteria_sets as s", "s.id", "v.criteria_set_id")
        .selectAll("v")
        .select(["s.code as set_code", "s.name as set_name"])
        .where("v.status", "=", "published")
        .orderBy("s.code")
        .orderBy("v.version_number", "desc")
        .execute(),
  }),
);
