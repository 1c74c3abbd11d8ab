import { IMPORT_FILE_LIMITS, importSpreadsheet } from "@lantoa/app";
import {
  type ExportReportName,
  exportReport,
  exportReports,
  type ImportKind,
  type ImportProblem,
  type ImportReport,
  importKinds,
  spreadsheetTemplate,
} from "@lantoa/db";
import { Repeater } from "graphql-yoga";
import { z } from "zod";
import { mayImportSpreadsheets } from "../auth/upload-access.js";
import { builder } from "../builder.js";
import { type ImportProgressEvent, throttledProgress } from "../import-progress.js";
import { DomainFailure } from "./errors.js";
import { perform, requireViewer } from "./mutation-support.js";
import { ReportFilterInput, reportFilter } from "./report.js";

/** `models-by-level` ↔ `MODELS_BY_LEVEL`: GraphQL enum names cannot hold dashes. */
const enumValues = <T extends string>(names: readonly T[]) =>
  Object.fromEntries(names.map((name) => [name.toUpperCase().replace(/-/g, "_"), { value: name }])) as Record<
    string,
    { value: T }
  >;

const ImportKindEnum = builder.enumType("ImportKind", {
  description: "What a spreadsheet import holds: units, models with their outcomes, or golden-book entries.",
  values: enumValues<ImportKind>(importKinds),
});
const ExportReportEnum = builder.enumType("ExportReport", {
  description:
    "A list (units, models, golden book: they import back unchanged), a report, or the periodic summary (a sheet per section).",
  values: enumValues<ExportReportName>(exportReports),
});
export const SpreadsheetFormatEnum = builder.enumType("SpreadsheetFormat", {
  values: { XLSX: { value: "xlsx" }, CSV: { value: "csv" } } as const,
});

export const MIME_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

export const SpreadsheetFileRef = builder
  .objectRef<{ filename: string; mimeType: string; base64: string }>("SpreadsheetFile")
  .implement({
    description: "A generated spreadsheet: decode `base64` and save it as `filename`.",
    fields: (t) => ({
      filename: t.exposeString("filename"),
      mimeType: t.exposeString("mimeType"),
      base64: t.exposeString("base64"),
    }),
  });

const ImportProblemRef = builder.objectRef<ImportProblem>("ImportProblem").implement({
  description: "One thing wrong with an imported file: the sheet row (1 is the header; 0 the whole file) and column.",
  fields: (t) => ({
    row: t.exposeInt("row"),
    column: t.exposeString("column", { description: "The column's Vietnamese header; empty for a whole row or file." }),
    code: t.exposeString("code"),
    messageVi: t.string({ resolve: (p) => p.message.vi }),
    message: t.string({ description: "In English.", resolve: (p) => p.message.en }),
  }),
});

const ImportCountRef = builder
  .objectRef<{ record: string; created: number; updated: number; unchanged: number }>("ImportCount")
  .implement({
    description: "What an import wrote, or would write, of one record type.",
    fields: (t) => ({
      record: t.exposeString("record", {
        description: "units, models, indicatorValues or goldenBookEntries.",
      }),
      created: t.exposeInt("created"),
      updated: t.exposeInt("updated"),
      unchanged: t.exposeInt("unchanged"),
    }),
  });

const ImportResultRef = builder.objectRef<ImportReport>("ImportResult").implement({
  description:
    "The outcome of an import. With any problem nothing was written and `problems` lists them all; otherwise `counts` says what changed (or would, on a dry run).",
  fields: (t) => ({
    kind: t.field({ type: ImportKindEnum, resolve: (r) => r.kind }),
    dryRun: t.exposeBoolean("dryRun"),
    applied: t.exposeBoolean("applied", { description: "Whether the file was written." }),
    rows: t.exposeInt("rows", { description: "Data rows read." }),
    problems: t.field({ type: [ImportProblemRef], resolve: (r) => [...r.problems] }),
    counts: t.field({
      type: [ImportCountRef],
      resolve: (r) =>
        Object.entries(r.counts).map(([record, c]) => ({
          record,
          created: c.inserted,
          updated: c.updated,
          unchanged: c.unchanged,
        })),
    }),
  }),
});

const ImportProgressRef = builder.objectRef<ImportProgressEvent>("ImportProgress").implement({
  description: "Where a running import is: reading the file, checking rows, or writing them.",
  fields: (t) => ({
    operationId: t.exposeString("operationId"),
    phase: t.exposeString("phase", { description: "ready, read, check, write or done." }),
    done: t.exposeInt("done"),
    total: t.exposeInt("total"),
  }),
});

/** Progress events are keyed by user as well as operation: nobody can listen to another's import. */
const progressTopic = (userId: string, operationId: string) => `${userId}:${operationId}`;

const OperationIdSchema = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);

builder.mutationField("importSpreadsheet", (t) =>
  t.field({
    type: ImportResultRef,
    description: `Imports units, models with outcomes, or golden-book entries from an XLSX or CSV file (at most ${IMPORT_FILE_LIMITS.maxBytes / 1024 / 1024} MB; multipart request). Every row is checked; with any problem nothing is written. A dry run only checks and counts. Unit admins import within their subtrees (rows outside them are problems), system admins anywhere. Pass an operationId and subscribe to importProgress with it to follow a long import.`,
    errors: { types: [DomainFailure] },
    authScopes: (_root, _args, context) => mayImportSpreadsheets(context.viewer),
    args: {
      file: t.arg({ type: "File", required: true }),
      kind: t.arg({ type: ImportKindEnum, required: true }),
      dryRun: t.arg.boolean({ required: true }),
      operationId: t.arg.string({
        description: "A client-chosen id (8-100 letters, digits, - or _) to follow progress with importProgress.",
        validate: OperationIdSchema,
      }),
    },
    resolve: async (_root, { operationId, ...args }, context) => {
      const topic = context.viewer && operationId ? progressTopic(context.viewer.userId, operationId) : null;
      const publish = throttledProgress((event: Omit<ImportProgressEvent, "operationId">) => {
        if (topic && operationId) context.pubsub.publish("importProgress", topic, { operationId, ...event });
      });
      let rows = 0;
      try {
        return await perform(context, importSpreadsheet, {
          ...args,
          onProgress: (progress) => {
            if (progress.phase === "check") rows = progress.total;
            publish(progress);
          },
        });
      } finally {
        publish({ phase: "done", done: rows, total: rows });
      }
    },
  }),
);

builder.subscriptionField("importProgress", (t) =>
  t.field({
    type: ImportProgressRef,
    description:
      "Progress of the viewer's own import started with this operationId (over SSE). Open it before sending the file: a first `ready` event says it listens; it ends after the `done` event.",
    authScopes: { signedIn: true },
    args: { operationId: t.arg.string({ required: true, validate: OperationIdSchema }) },
    subscribe: (_root, args, context) => {
      const viewer = requireViewer(context);
      const events = context.pubsub.subscribe("importProgress", progressTopic(viewer.userId, args.operationId));
      const operationId = args.operationId;
      // Repeaters, not an async generator: a generator waiting for the next event could
      // not be stopped until one came, so a client that left kept its listener. The
      // listener is attached before `ready` goes out, so no event after it is missed.
      const stream = Repeater.merge([
        [{ operationId, phase: "ready", done: 0, total: 0 } satisfies ImportProgressEvent],
        events,
      ]);
      return new Repeater<ImportProgressEvent>(async (push, stop) => {
        stop.then(() => stream.return());
        for await (const event of stream) {
          await push(event);
          if (event.phase === "done") break;
        }
        stop();
      });
    },
    resolve: (event) => event,
  }),
);

const exportName = (report: string, format: "xlsx" | "csv", at: Date) =>
  `lantoa-${report}-${at.toISOString().slice(0, 10)}.${format}`;

builder.queryFields((t) => ({
  spreadsheetTemplate: t.field({
    type: SpreadsheetFileRef,
    description: "The empty import template of a kind, with Vietnamese headers (and a note on each, in XLSX).",
    authScopes: { signedIn: true },
    args: {
      kind: t.arg({ type: ImportKindEnum, required: true }),
      format: t.arg({ type: SpreadsheetFormatEnum, required: true }),
    },
    resolve: async (_root, args) => {
      const data = await spreadsheetTemplate(args.kind, args.format);
      return {
        filename: `mau-${args.kind}.${args.format}`,
        mimeType: MIME_TYPES[args.format],
        base64: Buffer.from(data).toString("base64"),
      };
    },
  }),
  exportSpreadsheet: t.field({
    type: SpreadsheetFileRef,
    description:
      "A list or report as XLSX (formatted, Vietnamese headers) or CSV (UTF-8 with BOM), inside the viewer's scope: without filter.withinUnitId, a unit's user gets their own subtree.",
    authScopes: { signedIn: true },
    args: {
      report: t.arg({ type: ExportReportEnum, required: true }),
      format: t.arg({ type: SpreadsheetFormatEnum, required: true }),
      filter: t.arg({ type: ReportFilterInput }),
    },
    resolve: async (_root, args, context) => {
      const filter = await reportFilter(context, args.filter);
      const data = await exportReport(context.reportsDb, args.report, args.format, filter);
      return {
        filename: exportName(args.report, args.format, context.now),
        mimeType: MIME_TYPES[args.format],
        base64: Buffer.from(data).toString("base64"),
      };
    },
  }),
}));
