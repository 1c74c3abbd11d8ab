import { canReadUnit } from "@lantoa/app";
import { type GoldenBookEntryWithPath, searchGoldenBook } from "@lantoa/db";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { builder } from "../builder.js";
import { UnitRef } from "./unit.js";

export const GoldenBookEntryRef = builder.objectRef<GoldenBookEntryWithPath>("GoldenBookEntry").implement({
  description: "An entry of the golden book of good people and good deeds (Sổ vàng người tốt, việc tốt).",
  fields: (t) => ({
    subjectKind: t.exposeString("subject_kind", { description: "person or collective." }),
    subjectName: t.exposeString("subject_name"),
    deed: t.exposeString("deed"),
    field: t.exposeString("field", { nullable: true }),
    deedDate: t.exposeString("deed_date"),
    status: t.exposeString("status"),
    nominatedBy: t.exposeString("nominated_by"),
    verifiedBy: t.exposeString("verified_by", { nullable: true }),
    unit: t.field({ type: UnitRef, resolve: (e) => e.unit_id }),
  }),
});

builder.queryField("goldenBook", (t) =>
  t.field({
    type: [GoldenBookEntryRef],
    description: "Golden-book entries of a unit's subtree, newest first, or matching a search (without diacritics).",
    authScopes: { signedIn: true },
    args: {
      withinUnitId: t.arg.globalID({ for: UnitRef, required: true }),
      search: t.arg.string({ validate: z.string().max(200) }),
      limit: t.arg.int({ defaultValue: 50, validate: z.number().int().min(1).max(200) }),
    },
    resolve: async (_root, args, { db, viewer }) => {
      const scope = await db
        .selectFrom("units")
        .select("path")
        .where("id", "=", args.withinUnitId.id)
        .executeTakeFirst();
      if (!scope || !canReadUnit(viewer, scope.path)) {
        throw new GraphQLError("You may not read this unit's golden book.", { extensions: { code: "FORBIDDEN" } });
      }
      let query = db
        .selectFrom("golden_book_entries as g")
        .innerJoin("units as u", "u.id", "g.unit_id")
        .selectAll("g")
        .select("u.path as unit_path")
        .where("u.path", "like", `${scope.path}%`);
      if (args.search?.trim()) {
        const hits = await searchGoldenBook(db, args.search, {
          withinUnitId: args.withinUnitId.id,
          limit: args.limit ?? 50,
        });
        if (hits.length === 0) return [];
        const order = new Map(hits.map((h, i) => [h.id, i]));
        const rows = await query
          .where(
            "g.id",
            "in",
            hits.map((h) => h.id),
          )
          .execute();
        return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      }
      query = query
        .orderBy("g.deed_date", "desc")
        .orderBy("g.id")
        .limit(args.limit ?? 50);
      return query.execute();
    },
  }),
);
