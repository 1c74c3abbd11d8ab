import {
  CreateReportDraftInput as CreateInput,
  canReadUnit,
  createReportDraft,
  DeleteReportDraftInput,
  deleteReportDraft,
  ExpectedVersion,
  isSystemAdmin,
  SaveReportDraftInput as SaveInput,
  saveReportDraft,
} from "@lantoa/app";
import {
  findReportDraft,
  listReportDrafts,
  periodicReportFigures,
  type ReportDraftWithPath,
  reportDraftFromRow,
} from "@lantoa/db";
import { reportSectionHeadings, reportSectionKeys } from "@lantoa/domain/document";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { documents } from "../documents.js";
import { DomainFailure } from "./errors.js";
import { localId, perform, requireViewer, unitPathOf } from "./mutation-support.js";
import { ExportFileRef } from "./round-workflow.js";
import { UnitRef } from "./unit.js";

const SectionKeyEnum = builder.enumType("ReportSectionKey", {
  description: "A narrative section of a periodic report, in the order it is printed.",
  values: Object.fromEntries(reportSectionKeys.map((key) => [key.toUpperCase(), { value: key }])) as Record<
    string,
    { value: (typeof reportSectionKeys)[number] }
  >,
});

const ReportSectionRef = builder
  .objectRef<{ key: (typeof reportSectionKeys)[number]; text: string }>("ReportSection")
  .implement({
    description: "One narrative section of a draft, with its printed heading; `text` is empty until someone writes it.",
    fields: (t) => ({
      key: t.field({ type: SectionKeyEnum, resolve: (s) => s.key }),
      headingVi: t.string({ resolve: (s) => reportSectionHeadings[s.key].vi }),
      heading: t.string({ description: "In English.", resolve: (s) => reportSectionHeadings[s.key].en }),
      text: t.exposeString("text"),
    }),
  });

export const ReportDraftRef = builder.objectRef<ReportDraftWithPath>("ReportDraft").implement({
  description:
    "A periodic report (báo cáo sơ kết / tổng kết) being written: the parts of the administrative document and the narrative sections; the figures come from the data when it is generated (periodicReport).",
  fields: (t) => ({
    id: t.globalID({ resolve: (d) => ({ type: "ReportDraft", id: d.id }) }),
    unit: t.field({ type: UnitRef, resolve: (d) => d.unit_id }),
    fromYear: t.exposeInt("from_year"),
    toYear: t.exposeInt("to_year"),
    superiorBody: t.exposeString("superior_body", { description: "Cơ quan chủ quản; empty when there is none." }),
    issuingBody: t.exposeString("issuing_body", { description: "Cơ quan ban hành." }),
    numberSymbol: t.exposeString("number_symbol", { description: "Số, ký hiệu, e.g. 125-BC/HU." }),
    place: t.exposeString("place"),
    reportDate: t.exposeString("report_date"),
    subject: t.exposeString("subject", { description: "Trích yếu, the line under BÁO CÁO." }),
    sections: t.field({
      type: [ReportSectionRef],
      description: "Every narrative section, in print order.",
      resolve: (d) => reportSectionKeys.map((key) => ({ key, text: d.sections[key] ?? "" })),
    }),
    recipients: t.exposeStringList("recipients", { description: "Nơi nhận, one line each." }),
    signerTitle: t.exposeString("signer_title"),
    signerName: t.exposeString("signer_name"),
    version: t.exposeInt("version", { description: "Send back as expectedVersion when saving." }),
    updatedAt: t.string({ resolve: (d) => new Date(d.updated_at).toISOString() }),
  }),
});

/** A draft's unit path for access checks: staff of its unit work on it, any reader of the unit reads it. */
async function draftScope(context: Context, id: string, scope: "readsUnit" | "worksForUnit") {
  const draft = await findReportDraft(context.db, id);
  return draft ? { [scope]: draft.unit_path } : { systemAdmin: true };
}

const ReportFormatEnum = builder.enumType("ReportFormat", {
  values: { DOCX: { value: "docx" }, PDF: { value: "pdf" } } as const,
});

builder.queryFields((t) => ({
  reportDrafts: t.field({
    type: [ReportDraftRef],
    description: "Report drafts of a unit's subtree (the viewer's own unit when none is given), latest period first.",
    authScopes: { signedIn: true },
    args: { unitId: t.arg.globalID({ for: UnitRef }) },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      const unitId = args.unitId?.id ?? viewer.assignments.find((a) => a.unitId !== null)?.unitId ?? null;
      if (unitId === null) {
        if (!isSystemAdmin(viewer)) return [];
        const root = await context.db.selectFrom("units").select("id").where("parent_id", "is", null).execute();
        return (await Promise.all(root.map((u) => listReportDrafts(context.db, u.id)))).flat();
      }
      const path = await unitPathOf(context, unitId);
      if (path === null || !canReadUnit(viewer, path)) {
        throw new GraphQLError("You may not read this unit's reports.", { extensions: { code: "FORBIDDEN" } });
      }
      return listReportDrafts(context.db, unitId);
    },
  }),
  reportDraft: t.field({
    type: ReportDraftRef,
    nullable: true,
    args: { id: t.arg.globalID({ required: true }) },
    authScopes: (_root, args, context) => draftScope(context, localId(args.id, "ReportDraft"), "readsUnit"),
    resolve: async (_root, args, context) =>
      (await findReportDraft(context.db, localId(args.id, "ReportDraft"))) ?? null,
  }),
  periodicReport: t.field({
    type: ExportFileRef,
    nullable: true,
    description:
      "The periodic report of a draft as a Word document (Nghị định 30/2020/NĐ-CP layout) or a PDF: the draft's parts and narrative, with every figure of its unit and years from the data. Null when there is no such draft.",
    args: {
      draftId: t.arg.globalID({ required: true }),
      format: t.arg({ type: ReportFormatEnum, required: true }),
    },
    authScopes: (_root, args, context) => draftScope(context, localId(args.draftId, "ReportDraft"), "readsUnit"),
    resolve: async (_root, args, context) => {
      const row = await findReportDraft(context.db, localId(args.draftId, "ReportDraft"));
      if (!row) return null;
      const figures = await periodicReportFigures(context.reportsDb, row.unit_id, row.from_year, row.to_year);
      if (!figures) return null;
      const { composeReport, renderReportDocx, renderReportPdf } = await documents();
      const report = composeReport(reportDraftFromRow(row), figures);
      const bytes = args.format === "docx" ? await renderReportDocx(report) : await renderReportPdf(report);
      const period = row.from_year === row.to_year ? `${row.to_year}` : `${row.from_year}-${row.to_year}`;
      return {
        filename: `bao-cao-${period}.${args.format}`,
        mimeType:
          args.format === "docx"
            ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            : "application/pdf",
        base64: Buffer.from(bytes).toString("base64"),
        bytes: bytes.byteLength,
      };
    },
  }),
}));

const ReportDraftPayload = builder.objectRef<{ id: string }>("ReportDraftPayload").implement({
  fields: (t) => ({
    reportDraft: t.field({
      type: ReportDraftRef,
      resolve: async (p, _args, context) => {
        const draft = await findReportDraft(context.db, p.id);
        if (!draft) throw new Error(`report draft ${p.id} vanished`);
        return draft;
      },
    }),
  }),
});

const Create = CreateInput.shape;
const CreateReportDraftInput = builder.inputType("CreateReportDraftInput", {
  fields: (t) => ({
    unitId: t.globalID({ required: true, for: UnitRef }),
    fromYear: t.int({ required: true, validate: Create.fromYear }),
    toYear: t.int({ required: true, validate: Create.toYear }),
  }),
});

const ReportSectionInput = builder.inputType("ReportSectionInput", {
  fields: (t) => ({
    key: t.field({ type: SectionKeyEnum, required: true }),
    text: t.string({ required: true, validate: SaveInput.shape.sections.element.shape.text }),
  }),
});

const Save = SaveInput.shape;
const SaveReportDraftInput = builder.inputType("SaveReportDraftInput", {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    fromYear: t.int({ required: true, validate: Save.fromYear }),
    toYear: t.int({ required: true, validate: Save.toYear }),
    superiorBody: t.string({ required: true, validate: Save.superiorBody }),
    issuingBody: t.string({ required: true, validate: Save.issuingBody }),
    numberSymbol: t.string({ required: true, validate: Save.numberSymbol }),
    place: t.string({ required: true, validate: Save.place }),
    reportDate: t.string({ required: true, validate: Save.reportDate }),
    subject: t.string({ required: true, validate: Save.subject }),
    sections: t.field({ type: [ReportSectionInput], required: true }),
    recipients: t.stringList({ required: true, validate: Save.recipients }),
    signerTitle: t.string({ required: true, validate: Save.signerTitle }),
    signerName: t.string({ required: true, validate: Save.signerName }),
    expectedVersion: t.int({ required: true, validate: ExpectedVersion }),
  }),
});

builder.mutationFields((t) => ({
  createReportDraft: t.field({
    type: ReportDraftPayload,
    description:
      "Starts a periodic report for a unit's subtree and years, filled from the unit (its place, its superior, a subject): for the unit's staff.",
    errors: { types: [DomainFailure] },
    authScopes: async (_root, args, context) => {
      const path = await unitPathOf(context, args.input.unitId.id);
      return path ? { worksForUnit: path } : { systemAdmin: true };
    },
    args: { input: t.arg({ type: CreateReportDraftInput, required: true }) },
    resolve: (_root, { input }, context) => perform(context, createReportDraft, { ...input, unitId: input.unitId.id }),
  }),
  saveReportDraft: t.field({
    type: ReportDraftPayload,
    description: "Saves a report draft's parts and narrative (REPORT.INVALID when they do not make a report).",
    errors: { types: [DomainFailure] },
    authScopes: (_root, args, context) => draftScope(context, localId(args.input.id, "ReportDraft"), "worksForUnit"),
    args: { input: t.arg({ type: SaveReportDraftInput, required: true }) },
    resolve: (_root, { input: { id, ...input } }, context) =>
      perform(context, saveReportDraft, { ...input, draftId: localId(id, "ReportDraft") }),
  }),
  deleteReportDraft: t.field({
    type: builder.objectRef<{ id: string }>("DeleteReportDraftPayload").implement({
      fields: (f) => ({ id: f.id({ resolve: (p) => encodeGlobalID("ReportDraft", p.id) }) }),
    }),
    description: "Deletes a report draft nobody changed since it was read.",
    errors: { types: [DomainFailure] },
    authScopes: (_root, args, context) => draftScope(context, localId(args.id, "ReportDraft"), "worksForUnit"),
    args: {
      id: t.arg.globalID({ required: true }),
      expectedVersion: t.arg.int({ required: true, validate: DeleteReportDraftInput.shape.expectedVersion }),
    },
    resolve: (_root, args, context) =>
      perform(context, deleteReportDraft, {
        draftId: localId(args.id, "ReportDraft"),
        expectedVersion: args.expectedVersion,
      }),
  }),
}));
