import {
  ConfigurationCode,
  CreateUnitInput,
  createUnit,
  ExpectedVersion,
  moveUnit,
  renameUnit,
  UnitName,
} from "@lantoa/app";
import { countUnits, listUnits, type UnitRow } from "@lantoa/db";
import { type ResolveCursorConnectionArgs, resolveCursorConnection } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { builder, connectionComplexity } from "../builder.js";
import type { Context } from "../context.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { DomainFailure } from "./errors.js";
import { perform } from "./mutation-support.js";

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
  // Loads the units' parents in the same statement and primes the loader with them:
  // lists show a unit with its parent, and that saves a round trip per level asked.
  load: async (ids: string[], context) => {
    const rows = await context.reads.run({
      query: context.db
        .selectFrom("units")
        .selectAll()
        .where((eb) =>
          eb.or([
            eb("id", "in", ids),
            eb("id", "in", eb.selectFrom("units as c").select("c.parent_id").where("c.id", "in", ids)),
          ]),
        ),
      timestamps: ["created_at", "updated_at"],
      arrange: (found) => found,
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const asked = new Set(ids);
    const loader = UnitRef.getDataloader(context);
    for (const row of rows) if (!asked.has(row.id)) loader.prime(row.id, row);
    return ids.map((id) => byId.get(id) ?? null);
  },
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
    complexity: (args) => connectionComplexity(args, 50),
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

const UnitPayload = builder.objectRef<{ id: string }>("UnitPayload").implement({
  fields: (t) => ({ unit: t.field({ type: UnitRef, resolve: (p) => p.id }) }),
});

async function unitPath(context: Context, id: string): Promise<string> {
  const unit = await context.db.selectFrom("units").select(["path", "version"]).where("id", "=", id).executeTakeFirst();
  if (!unit) throw new GraphQLError("No such unit.", { extensions: { code: "NOT_FOUND" } });
  return unit.path;
}

builder.mutationFields((t) => ({
  createUnit: t.field({
    type: UnitPayload,
    description: "Adds a unit under a parent the viewer administers.",
    errors: { types: [DomainFailure] },
    authScopes: async (_root, args, context) => ({ administersUnit: await unitPath(context, args.parentId.id) }),
    args: {
      parentId: t.arg.globalID({ required: true, for: UnitRef }),
      code: t.arg.string({ required: true, validate: CreateUnitInput.shape.code }),
      name: t.arg.string({ required: true, validate: UnitName }),
      level: t.arg.string({ required: true, validate: ConfigurationCode }),
      kind: t.arg.string({ required: true, validate: ConfigurationCode }),
    },
    resolve: (_root, { parentId, ...args }, context) =>
      perform(context, createUnit, { ...args, parentId: parentId.id }),
  }),
  renameUnit: t.field({
    type: UnitPayload,
    errors: { types: [DomainFailure] },
    authScopes: async (_root, args, context) => ({ administersUnit: await unitPath(context, args.id.id) }),
    args: {
      id: t.arg.globalID({ required: true, for: UnitRef }),
      name: t.arg.string({ required: true, validate: UnitName }),
      expectedVersion: t.arg.int({ required: true, validate: ExpectedVersion }),
    },
    resolve: (_root, { id, ...args }, context) => perform(context, renameUnit, { ...args, unitId: id.id }),
  }),
  moveUnit: t.field({
    type: UnitPayload,
    description: "Moves a unit and its subtree under another parent; the viewer must administer both places.",
    errors: { types: [DomainFailure] },
    authScopes: async (_root, args, context) => {
      const [from, to] = await Promise.all([unitPath(context, args.id.id), unitPath(context, args.newParentId.id)]);
      return { $all: { administersUnit: from, $any: { administersUnit: to } } };
    },
    args: {
      id: t.arg.globalID({ required: true, for: UnitRef }),
      newParentId: t.arg.globalID({ required: true, for: UnitRef }),
      expectedVersion: t.arg.int({ required: true, validate: ExpectedVersion }),
    },
    resolve: (_root, { id, newParentId, expectedVersion }, context) =>
      perform(context, moveUnit, { unitId: id.id, newParentId: newParentId.id, expectedVersion }),
  }),
}));
