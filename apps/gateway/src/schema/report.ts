import {
  countModels,
  countReplicationSpread,
  goldenBookCounts,
  indicatorTotals,
  leaderboardPage,
  replicationSpread,
} from "@lantoa/db";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { mayReadRoundResults } from "../auth/round-visibility.js";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { listScope, ModelRef } from "./model.js";
import { UnitRef } from "./unit.js";

const CountRowRef = builder.objectRef<{ key: string; count: number }>("CountRow").implement({
  fields: (t) => ({ key: t.exposeString("key"), count: t.exposeInt("count") }),
});

const IndicatorTotalRef = builder
  .objectRef<{
    indicatorCode: string;
    unitCode: string;
    aggregation: string;
    groupKey: string | null;
    value: number | null;
    models: number;
  }>("IndicatorTotal")
  .implement({
    description:
      "An indicator rolled up: summed, averaged by weight (a percent is never summed), or not aggregated (null).",
    fields: (t) => ({
      indicatorCode: t.exposeString("indicatorCode"),
      unitCode: t.exposeString("unitCode"),
      aggregation: t.exposeString("aggregation"),
      groupKey: t.exposeString("groupKey", { nullable: true }),
      value: t.exposeFloat("value", { nullable: true }),
      models: t.exposeInt("models"),
    }),
  });

export const ReportFilterInput = builder.inputType("ReportFilter", {
  fields: (t) => ({
    withinUnitId: t.globalID({ for: UnitRef }),
    fromYear: t.int({ validate: z.number().int().min(1900).max(2200) }),
    toYear: t.int({ validate: z.number().int().min(1900).max(2200) }),
    field: t.string({ validate: z.string().max(64) }),
  }),
});

const ModelDimension = builder.enumType("ModelCountDimension", {
  values: {
    LEVEL: { value: "level" },
    FIELD: { value: "field" },
    UNIT_KIND: { value: "unit-kind" },
    STATUS: { value: "status" },
    YEAR: { value: "year" },
  } as const,
});
const ReplicationSpreadOrder = builder.enumType("ReplicationSpreadOrder", {
  values: {
    ALL_ADOPTERS: { value: "all-adopters", description: "Most adopters at any depth first." },
    ADOPTING_UNITS: { value: "adopting-units", description: "Most distinct adopting units first." },
  } as const,
});
const GoldenBookDimension = builder.enumType("GoldenBookDimension", {
  values: {
    YEAR: { value: "year" },
    FIELD: { value: "field" },
    UNIT_KIND: { value: "unit-kind" },
    STATUS: { value: "status" },
    SUBJECT: { value: "subject" },
  } as const,
});
const IndicatorGrouping = builder.enumType("IndicatorGrouping", {
  description:
    "How indicator totals are grouped: TOTAL, by YEAR, by CHILD_UNIT of filter.withinUnitId, or by the models' FIELD (a model of two fields counts in each).",
  values: {
    TOTAL: { value: "total" },
    YEAR: { value: "year" },
    CHILD_UNIT: { value: "child-unit" },
    FIELD: { value: "field" },
  } as const,
});

/** Reports read inside a scope: the asked unit must be one the viewer reads; a system admin may read all. */
export async function reportFilter(
  context: Context,
  input:
    | { withinUnitId?: { id: string } | null; fromYear?: number | null; toYear?: number | null; field?: string | null }
    | null
    | undefined,
) {
  // The same scope rule, message and path lookup as every list (the viewer's own unit by default).
  const withinUnitId = (await listScope(context, input?.withinUnitId?.id))?.id;
  return {
    withinUnitId,
    fromYear: input?.fromYear ?? undefined,
    toYear: input?.toYear ?? undefined,
    field: input?.field ?? undefined,
  };
}

builder.queryFields((t) => ({
  modelCounts: t.field({
    type: [CountRowRef],
    description: "Models counted by a dimension.",
    authScopes: { signedIn: true },
    args: { by: t.arg({ type: ModelDimension, required: true }), filter: t.arg({ type: ReportFilterInput }) },
    resolve: async (_root, args, context) =>
      countModels(context.reportsDb, args.by, await reportFilter(context, args.filter)),
  }),
  indicatorTotals: t.field({
    type: [IndicatorTotalRef],
    authScopes: { signedIn: true },
    args: { groupBy: t.arg({ type: IndicatorGrouping, required: true }), filter: t.arg({ type: ReportFilterInput }) },
    resolve: async (_root, args, context) => {
      const filter = await reportFilter(context, args.filter);
      if (args.groupBy === "child-unit" && filter.withinUnitId === undefined) {
        throw new GraphQLError("Grouping by child unit needs filter.withinUnitId.", {
          extensions: { code: "BAD_USER_INPUT" },
        });
      }
      return indicatorTotals(context.reportsDb, filter, { by: args.groupBy });
    },
  }),
  goldenBookCounts: t.field({
    type: [CountRowRef],
    authScopes: { signedIn: true },
    args: { by: t.arg({ type: GoldenBookDimension, required: true }), filter: t.arg({ type: ReportFilterInput }) },
    resolve: async (_root, args, context) =>
      goldenBookCounts(context.reportsDb, args.by, await reportFilter(context, args.filter)),
  }),
  replicationSpread: t.field({
    type: [
      builder.objectRef<Awaited<ReturnType<typeof replicationSpread>>[number]>("ReplicationSpread").implement({
        fields: (f) => ({
          originModelId: f.id({ resolve: (r) => encodeGlobalID("Model", r.originModelId) }),
          originName: f.exposeString("originName"),
          directAdopters: f.exposeInt("directAdopters"),
          allAdopters: f.exposeInt("allAdopters"),
          depth: f.exposeInt("depth"),
          adoptingUnits: f.exposeInt("adoptingUnits"),
          eligibleUnits: f.exposeInt("eligibleUnits"),
          coverage: f.exposeFloat("coverage"),
          levelsReached: f.exposeStringList("levelsReached"),
          fieldsReached: f.exposeStringList("fieldsReached"),
          firstAdoptionDays: f.exposeInt("firstAdoptionDays"),
          medianAdoptionDays: f.exposeInt("medianAdoptionDays"),
        }),
      }),
    ],
    description:
      "How far pilot models spread, a page at a time (a country has thousands of pilots): most adopters first by default.",
    authScopes: { signedIn: true },
    args: {
      filter: t.arg({ type: ReportFilterInput }),
      orderBy: t.arg({ type: ReplicationSpreadOrder, defaultValue: "all-adopters" }),
      offset: t.arg.int({ defaultValue: 0, validate: z.number().int().min(0).max(1_000_000) }),
      limit: t.arg.int({ defaultValue: 50, validate: z.number().int().min(1).max(500) }),
      originModelId: t.arg.globalID({
        for: ModelRef,
        description: "Only this pilot's row (none if it has no adopter).",
      }),
    },
    resolve: async (_root, args, context) =>
      replicationSpread(context.reportsDb, await reportFilter(context, args.filter), {
        order: args.orderBy ?? "all-adopters",
        offset: args.offset ?? 0,
        limit: args.limit ?? 50,
        originModelId: args.originModelId?.id,
      }),
  }),
  replicationSpreadCount: t.int({
    description: "How many pilots (origins with at least one adopter) replicationSpread lists for the filter.",
    authScopes: { signedIn: true },
    args: { filter: t.arg({ type: ReportFilterInput }) },
    resolve: async (_root, args, context) =>
      countReplicationSpread(context.reportsDb, await reportFilter(context, args.filter)),
  }),
}));

const LeaderboardRowRef = builder
  .objectRef<Awaited<ReturnType<typeof leaderboardPage>>[number]>("LeaderboardRow")
  .implement({
    fields: (t) => ({
      modelName: t.exposeString("modelName"),
      modelCode: t.exposeString("modelCode"),
      unitName: t.exposeString("unitName"),
      total: t.float({ resolve: (r) => r.totalMilli / 1000 }),
      max: t.float({ resolve: (r) => r.maxMilli / 1000 }),
      tier: t.exposeString("tier", { nullable: true }),
      rank: t.exposeInt("rank", { nullable: true }),
      eliminated: t.exposeBoolean("eliminated"),
      breakdown: t.string({
        description: "Per-criterion breakdown as JSON.",
        resolve: (r) => JSON.stringify(r.breakdown),
      }),
      explanationVi: t.string({
        nullable: true,
        resolve: (r) => (r.explanation as { vi?: string } | null)?.vi ?? null,
      }),
      explanationEn: t.string({
        nullable: true,
        resolve: (r) => (r.explanation as { en?: string } | null)?.en ?? null,
      }),
    }),
  });

builder.queryField("leaderboard", (t) =>
  t.field({
    type: [LeaderboardRowRef],
    description:
      "A round's results in rank order. Anyone may read a published round; before publication only the organizer's admins.",
    args: {
      roundCode: t.arg.string({ required: true, validate: z.string().min(1).max(100) }),
      offset: t.arg.int({ defaultValue: 0, validate: z.number().int().min(0).max(1_000_000) }),
      limit: t.arg.int({ defaultValue: 50, validate: z.number().int().min(1).max(200) }),
    },
    resolve: async (_root, args, context) => {
      const round = await context.db
        .selectFrom("rounds as r")
        .innerJoin("units as u", "u.id", "r.organizer_unit_id")
        .select(["r.id", "r.status", "u.path"])
        .where("r.code", "=", args.roundCode)
        .executeTakeFirst();
      if (!round) throw new GraphQLError("No such round.", { extensions: { code: "NOT_FOUND" } });
      if (!mayReadRoundResults(context.viewer, { status: round.status, organizerPath: round.path })) {
        throw new GraphQLError("This round's results are not published yet.", { extensions: { code: "FORBIDDEN" } });
      }
      return leaderboardPage(context.reportsDb, round.id, { offset: args.offset ?? 0, limit: args.limit ?? 50 });
    },
  }),
);
