import { isSystemAdmin, pathWithin } from "@lantoa/app";
import { type AuditEntryRow, type AuditFilter, countAuditEntries, exportAuditLog, listAuditEntries } from "@lantoa/db";
import { type ResolveCursorConnectionArgs, resolveCursorConnection } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { builder, connectionComplexity } from "../builder.js";
import type { Context } from "../context.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { requireViewer, unitPathOf } from "./mutation-support.js";
import { MIME_TYPES, SpreadsheetFileRef, SpreadsheetFormatEnum } from "./spreadsheet.js";
import { UnitRef } from "./unit.js";

const AuditEntryRef = builder.objectRef<AuditEntryRow>("AuditEntry").implement({
  description:
    "One audited change: who did what and when, to which record (and its unit), with the record before and after.",
  fields: (t) => ({
    id: t.id({ resolve: (e) => String(e.id) }),
    at: t.exposeString("at", { description: "When, as an ISO 8601 instant." }),
    actorUsername: t.exposeString("actorUsername", { nullable: true, description: "Null for the system itself." }),
    actorName: t.exposeString("actorName", { nullable: true }),
    action: t.exposeString("action", { description: "What was done: model.approve, createUnit, round.FINALIZE…" }),
    entity: t.exposeString("entity", { description: "The kind of record: unit, model, commendation, round…" }),
    entityId: t.exposeString("entityId"),
    unit: t.field({
      type: UnitRef,
      nullable: true,
      description: "The unit the record belongs to; null for records of no unit (criteria sets, configuration).",
      resolve: (e) => e.unitId,
    }),
    before: t.string({ nullable: true, description: "The record before, as JSON.", resolve: (e) => json(e.before) }),
    after: t.string({ nullable: true, description: "The record after, as JSON.", resolve: (e) => json(e.after) }),
  }),
});

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

const AuditFilterInput = builder.inputType("AuditFilter", {
  fields: (t) => ({
    withinUnitId: t.globalID({ for: UnitRef, description: "Records of this unit's subtree (default: the viewer's)." }),
    actor: t.string({ description: "The actor's username.", validate: z.string().trim().min(1).max(100) }),
    action: t.string({
      description: "An action, or its start: `model` finds model.approve and model.submit.",
      validate: z.string().trim().min(1).max(100),
    }),
    entity: t.string({ description: "unit, model, commendation, round…", validate: z.string().trim().min(1).max(64) }),
    entityId: t.string({ validate: z.string().trim().min(1).max(200) }),
    fromDate: t.string({ description: "From this day (YYYY-MM-DD).", validate: z.iso.date() }),
    toDate: t.string({ description: "Up to this day, included (YYYY-MM-DD).", validate: z.iso.date() }),
  }),
});

type AuditFilterArgs =
  | {
      withinUnitId?: { id: string } | null;
      actor?: string | null;
      action?: string | null;
      entity?: string | null;
      entityId?: string | null;
      fromDate?: string | null;
      toDate?: string | null;
    }
  | null
  | undefined;

function refuse(): never {
  throw new GraphQLError(
    "Chỉ quản trị hệ thống và quản trị đơn vị (trong phạm vi của mình) xem được nhật ký. / Only system admins, and unit admins within their units, may read the audit log.",
    {
      extensions: { code: "FORBIDDEN" },
    },
  );
}

/**
 * Who reads what of the audit log: a system admin everything (or the unit asked); a unit
 * admin the records of their own subtrees (or of a unit inside them); anyone else nothing.
 */
async function auditScope(context: Context, input: AuditFilterArgs): Promise<AuditFilter> {
  const viewer = requireViewer(context);
  const asked = input?.withinUnitId?.id;
  let withinUnitIds: string[] | undefined;
  if (isSystemAdmin(viewer)) {
    withinUnitIds = asked === undefined ? undefined : [asked];
  } else {
    const administered = viewer.assignments.filter((a) => a.role === "unit-admin" && a.unitId && a.unitPath);
    if (administered.length === 0) refuse();
    if (asked === undefined) withinUnitIds = administered.map((a) => a.unitId as string);
    else {
      const path = await unitPathOf(context, asked);
      if (path === null || !administered.some((a) => pathWithin(path, a.unitPath as string))) refuse();
      withinUnitIds = [asked];
    }
  }
  return {
    withinUnitIds,
    actor: input?.actor ?? undefined,
    action: input?.action ?? undefined,
    entity: input?.entity ?? undefined,
    entityId: input?.entityId ?? undefined,
    fromDate: input?.fromDate ?? undefined,
    toDate: input?.toDate ?? undefined,
  };
}

const ENTRY_ID = /^\d{1,18}$/;

builder.queryFields((t) => ({
  auditLog: t.connection({
    type: AuditEntryRef,
    description:
      "The audit log, newest first: system admins read all of it, unit admins the records of their subtrees. Filter by unit, actor, action (or its start), kind of record and days.",
    authScopes: { signedIn: true },
    complexity: (args) => connectionComplexity(args, 50),
    args: { filter: t.arg({ type: AuditFilterInput }) },
    resolve: async (_root, args, context) => {
      const filter = await auditScope(context, args.filter);
      const connection = await resolveCursorConnection(
        { args, toCursor: (e: AuditEntryRow) => encodeCursor(String(e.id)), defaultSize: 50, maxSize: 200 },
        ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) =>
          listAuditEntries(context.db, filter, {
            // Newest first: "after" a cursor is older, "before" it is newer.
            beforeId: after === undefined ? undefined : Number(decodeCursor(after, ENTRY_ID)),
            afterId: before === undefined ? undefined : Number(decodeCursor(before, ENTRY_ID)),
            limit,
            inverted,
          }),
      );
      return { ...connection, totalCount: () => countAuditEntries(context.db, filter) };
    },
  }),
  auditLogExport: t.field({
    type: SpreadsheetFileRef,
    description:
      "The audit log entries matching the filter (at most 20,000, newest first) as XLSX or CSV: when, who, what, record, unit, before and after. Same access as auditLog.",
    authScopes: { signedIn: true },
    args: {
      format: t.arg({ type: SpreadsheetFormatEnum, required: true }),
      filter: t.arg({ type: AuditFilterInput }),
    },
    resolve: async (_root, args, context) => {
      const filter = await auditScope(context, args.filter);
      const data = await exportAuditLog(context.db, filter, args.format);
      return {
        filename: `lantoa-nhat-ky-${context.now.toISOString().slice(0, 10)}.${args.format}`,
        mimeType: MIME_TYPES[args.format],
        base64: Buffer.from(data).toString("base64"),
      };
    },
  }),
}));
