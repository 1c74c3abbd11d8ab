import { importRoundAssignments, UnassignReviewerInput, unassignReviewer } from "@lantoa/app";
import {
  type AssignmentGrid,
  type AssignmentGridCell,
  type AssignmentGridModel,
  type AssignmentGridReviewer,
  assignmentGrid,
  exportRoundAssignments,
} from "@lantoa/db";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.js";
import { publishRoundProgress } from "../round-events.js";
import { DomainFailure } from "./errors.js";
import { ModelRef } from "./model.js";
import { perform } from "./mutation-support.js";
import { RoundRef } from "./round.js";
import { administersRoundById, ExportFileRef } from "./round-workflow.js";

const GridModelRef = builder.objectRef<AssignmentGridModel>("AssignmentGridModel").implement({
  description: "A row of a round's assignment grid: one of its eligible models.",
  fields: (t) => ({
    modelId: t.id({ nullable: false, resolve: (m) => encodeGlobalID("Model", m.modelId) }),
    code: t.exposeString("code", { nullable: false }),
    name: t.exposeString("name", { nullable: false }),
    unitName: t.exposeString("unitName", { nullable: false }),
  }),
});

const GridReviewerRef = builder.objectRef<AssignmentGridReviewer>("AssignmentGridReviewer").implement({
  description: "A column of a round's assignment grid: a reviewer of the pool, or anyone still assigned in the round.",
  fields: (t) => ({
    username: t.exposeString("username", { nullable: false }),
    displayName: t.exposeString("displayName", { nullable: false }),
    unitName: t.exposeString("unitName", { nullable: true }),
    load: t.exposeInt("load", {
      nullable: false,
      description: "Models they review in this round (declared conflicts not counted).",
    }),
    inPool: t.exposeBoolean("inPool", {
      nullable: false,
      description: "In the reviewer pool now; false for someone assigned before losing the role or their account.",
    }),
  }),
});

const ConflictKindEnum = builder.enumType("AssignmentConflict", {
  description: "TREE: the reviewer's unit owns the model or is above its owner. DECLARED: the reviewer declared one.",
  values: ["TREE", "DECLARED"] as const,
});

const GridCellRef = builder.objectRef<AssignmentGridCell>("AssignmentGridCell").implement({
  description: "A cell of the grid that is not blank: an assignment, a conflict of interest, or both.",
  fields: (t) => ({
    modelId: t.id({ nullable: false, resolve: (c) => encodeGlobalID("Model", c.modelId) }),
    username: t.exposeString("username", { nullable: false }),
    assigned: t.exposeBoolean("assigned", { nullable: false }),
    conflict: t.field({ type: ConflictKindEnum, nullable: true, resolve: (c) => c.conflict }),
    source: t.exposeString("source", { nullable: true, description: "manual, bulk, draw or disagreement." }),
    scorecardStatus: t.exposeString("scorecardStatus", {
      nullable: true,
      description: "The reviewer's scorecard: draft or submitted; null while none is saved.",
    }),
  }),
});

const GridRef = builder.objectRef<AssignmentGrid>("AssignmentGrid").implement({
  description: "A round's models (rows) × reviewers (columns), with each reviewer's load and every non-blank cell.",
  fields: (t) => ({
    models: t.field({ type: [GridModelRef], nullable: false, resolve: (g) => g.models }),
    reviewers: t.field({ type: [GridReviewerRef], nullable: false, resolve: (g) => g.reviewers }),
    cells: t.field({ type: [GridCellRef], nullable: false, resolve: (g) => g.cells }),
  }),
});

builder.objectField(RoundRef, "assignmentGrid", (t) =>
  t.field({
    type: GridRef,
    description:
      "The assignment grid: eligible models × the reviewer pool, each reviewer's load, assignments and conflicts (by the unit tree and declared), in two statements. Admins of the organizer.",
    authScopes: (round) => ({ administersUnit: round.organizer_path }),
    resolve: (round, _args, context) => assignmentGrid(context.db, round.id),
  }),
);

builder.mutationField("unassignReviewer", (t) =>
  t.field({
    type: builder.objectRef<{ id: string }>("UnassignReviewerPayload").implement({
      fields: (f) => ({ round: f.field({ type: RoundRef, resolve: (p) => p.id }) }),
    }),
    description:
      "Takes a reviewer off a model of a round (draft, self-assessment or review) unless their scorecard for it exists (ROUND.SCORECARD_STARTED).",
    errors: { types: [DomainFailure] },
    args: {
      roundId: t.arg.globalID({ required: true, for: RoundRef }),
      modelId: t.arg.globalID({ required: true, for: ModelRef }),
      reviewerUsername: t.arg.string({ required: true, validate: UnassignReviewerInput.shape.reviewerUsername }),
    },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: async (_root, args, context) => {
      const done = await perform(context, unassignReviewer, {
        roundId: args.roundId.id,
        modelId: args.modelId.id,
        reviewerUsername: args.reviewerUsername,
      });
      publishRoundProgress(context.roundEvents, args.roundId.id);
      return done;
    },
  }),
);

const AssignmentsFormatEnum = builder.enumType("AssignmentsExportFormat", { values: ["XLSX", "CSV"] as const });

builder.queryField("roundAssignmentsExport", (t) =>
  t.field({
    type: ExportFileRef,
    nullable: true,
    description:
      "The round's assignments (model code and name, reviewer username and name, how assigned) as XLSX or CSV with Vietnamese headers; the same file imports back with importRoundAssignments. Admins of the organizer.",
    args: {
      roundId: t.arg.globalID({ required: true, for: RoundRef }),
      format: t.arg({ type: AssignmentsFormatEnum, required: true }),
    },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: async (_root, args, context) => {
      const file = await exportRoundAssignments(
        context.reportsDb,
        args.roundId.id,
        args.format === "XLSX" ? "xlsx" : "csv",
      );
      if (!file) return null;
      return {
        filename: file.filename,
        mimeType: file.mimeType,
        base64: Buffer.from(file.bytes).toString("base64"),
        bytes: file.bytes.byteLength,
      };
    },
  }),
);

const ImportAssignmentsPayload = builder
  .objectRef<{ id: string; rows: number; assigned: number }>("ImportRoundAssignmentsPayload")
  .implement({
    fields: (t) => ({
      round: t.field({ type: RoundRef, resolve: (p) => p.id }),
      rows: t.exposeInt("rows", { nullable: false, description: "Rows read from the file." }),
      assigned: t.exposeInt("assigned", {
        nullable: false,
        description: "New assignments (pairs already assigned are left).",
      }),
    }),
  });

builder.mutationField("importRoundAssignments", (t) =>
  t.field({
    type: ImportAssignmentsPayload,
    description:
      "Assigns reviewers from an XLSX or CSV file (a model code and a reviewer username per row; multipart request). Every row is checked; with any problem nothing is written and ROUND.ASSIGNMENTS_REJECTED lists them by row in its details.",
    errors: { types: [DomainFailure] },
    args: {
      roundId: t.arg.globalID({ required: true, for: RoundRef }),
      file: t.arg({ type: "File", required: true }),
    },
    authScopes: (_root, args, context) => administersRoundById(context, args.roundId.id),
    resolve: async (_root, args, context) => {
      const done = await perform(context, importRoundAssignments, { roundId: args.roundId.id, file: args.file });
      publishRoundProgress(context.roundEvents, args.roundId.id);
      return done;
    },
  }),
);
