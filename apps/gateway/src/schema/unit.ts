import { countUnits, findUnitsByIds, listUnits, type UnitRow } from "@lantoa/db";
import { type ResolveCursorConnectionArgs, resolveCursorConnection } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { builder } from "../builder.js";
import { decodeCursor, encodeCursor } from "./cursor.js";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A unit path is a chain of ids, each followed by a slash.
const UNIT_PATH = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/)+$/i;

const UnitFilterInput = z.object({
  search: z.string().trim().max(200).optional(),
  withinUnitId: z.string().regex(UUID, "withinUnitId is not a unit id").optional(),
});

/** Parses a node id's local part as a uuid; a forged id is a typed user error. */
export function parseUuid(id: string): string {
  if (!UUID.test(id)) throw new GraphQLError("Not a valid id.", { extensions: { code: "BAD_ID" } });
  return id;
}

/**
 * A node of the organization tree. The organization's structure is public: anyone may
 * read units (published results name them); what units own is guarded elsewhere.
 */
export const UnitRef = builder.loadableNode("Unit", {
  description: "A node of the organization tree (Đơn vị / tổ chức).",
  id: { resolve: (unit: UnitRow) => unit.id, parse: parseUuid },
  load: (ids: string[], { db }) => findUnitsByIds(db, ids),
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    level: t.exposeString("level", { description: "Level code (province, district, commune...)." }),
    kind: t.exposeString("kind", { description: "Unit kind code (party-committee, police...)." }),
    version: t.exposeInt("version", { description: "Send back when editing, for optimistic concurrency." }),
    depth: t.int({
      description: "0 for a root, 1 for its children, and so on.",
      resolve: (unit) => unit.path.split("/").length - 2,
    }),
  }),
});

// Declared after the node so the field can return the loadable type by id (batched).
builder.objectField(UnitRef, "parent", (t) =>
  t.field({ type: UnitRef, nullable: true, resolve: (unit) => unit.parent_id }),
);

const UnitFilter = builder.inputType("UnitFilter", {
  fields: (t) => ({
    search: t.string({
      description: "Matches the name without regard to diacritics: 'thanh liem' finds 'Thanh Liêm'.",
    }),
    withinUnitId: t.globalID({ for: UnitRef, description: "Only this unit and the units below it." }),
  }),
});

builder.queryField("units", (t) =>
  t.connection({
    type: UnitRef,
    description: "Units in tree order (depth first).",
    args: { filter: t.arg({ type: UnitFilter, required: false }) },
    resolve: async (_root, args, { db }) => {
      const parsed = UnitFilterInput.safeParse({
        search: args.filter?.search ?? undefined,
        withinUnitId: args.filter?.withinUnitId?.id,
      });
      if (!parsed.success) {
        throw new GraphQLError(`Invalid filter: ${parsed.error.issues.map((i) => i.message).join("; ")}`, {
          extensions: { code: "BAD_USER_INPUT" },
        });
      }
      const filter = parsed.data;
      const connection = await resolveCursorConnection(
        { args, toCursor: (unit: UnitRow) => encodeCursor(unit.path), defaultSize: 50, maxSize: 500 },
        ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) =>
          listUnits(db, filter, {
            afterPath: after === undefined ? undefined : decodeCursor(after, UNIT_PATH),
            beforePath: before === undefined ? undefined : decodeCursor(before, UNIT_PATH),
            limit,
            inverted,
          }),
      );
      return { ...connection, totalCount: () => countUnits(db, filter) };
    },
  }),
);
