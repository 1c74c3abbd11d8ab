import { builder } from "../builder.js";

const RoundSummaryRef = builder
  .objectRef<{
    code: string;
    name: string;
    status: string;
    period: string;
    results_hash: string | null;
    criteria_version: number;
  }>("RoundSummary")
  .implement({
    description: "An evaluation round (đợt bình xét).",
    fields: (t) => ({
      code: t.exposeString("code"),
      name: t.exposeString("name"),
      status: t.exposeString("status", {
        description: "draft, self-assessment, review, council, finalized or published.",
      }),
      period: t.exposeString("period"),
      resultsHash: t.exposeString("results_hash", { nullable: true, description: "SHA-256 of the finalized results." }),
      criteriaVersion: t.exposeInt("criteria_version"),
    }),
  });

builder.queryField("publishedRounds", (t) =>
  t.field({
    type: [RoundSummaryRef],
    description: "Rounds whose results are published, newest first: public.",
    resolve: (_root, _args, { db }) =>
      db
        .selectFrom("rounds as r")
        .innerJoin("criteria_set_versions as v", "v.id", "r.criteria_version_id")
        .select(["r.code", "r.name", "r.status", "r.period", "r.results_hash", "v.version_number as criteria_version"])
        .where("r.status", "=", "published")
        .orderBy("r.published_at", "desc")
        .execute(),
  }),
);
