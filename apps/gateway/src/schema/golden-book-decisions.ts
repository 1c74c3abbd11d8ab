import {
  CreateGoldenBookEntryInput as CreateEntry,
  createGoldenBookEntry,
  ExpectedVersion,
  IdempotencyKey,
  VerifyGoldenBookEntryInput,
  verifyGoldenBookEntry,
} from "@lantoa/app";
import { findGoldenBookEntry } from "@lantoa/db";
import { builder } from "../builder.js";
import { DomainFailure } from "./errors.js";
import { GoldenBookEntryRef } from "./golden-book.js";
import { localId, perform, unitPathOf } from "./mutation-support.js";
import { UnitRef } from "./unit.js";

builder.objectFields(GoldenBookEntryRef, (t) => ({
  id: t.globalID({ resolve: (e) => ({ type: "GoldenBookEntry", id: e.id }) }),
  version: t.exposeInt("version", { description: "Send back as expectedVersion when deciding it." }),
  decisionReason: t.exposeString("decision_reason", { nullable: true, description: "Why it was rejected." }),
}));

const GoldenBookEntryPayload = builder.objectRef<{ id: string }>("GoldenBookEntryPayload").implement({
  fields: (t) => ({
    entry: t.field({
      type: GoldenBookEntryRef,
      resolve: async (p, _args, { db }) => {
        const row = await findGoldenBookEntry(db, p.id);
        if (!row) throw new Error(`golden-book entry ${p.id} vanished`);
        return row;
      },
    }),
  }),
});

const SubjectKindEnum = builder.enumType("GoldenBookSubjectKind", {
  values: { PERSON: { value: "person" }, COLLECTIVE: { value: "collective" } } as const,
});

const CreateGoldenBookEntryInput = builder.inputType("CreateGoldenBookEntryInput", {
  fields: (t) => ({
    unitId: t.globalID({ required: true, for: UnitRef, description: "The unit whose golden book it goes into." }),
    subjectKind: t.field({ type: SubjectKindEnum, required: true }),
    subjectName: t.string({ required: true, validate: CreateEntry.shape.subjectName }),
    deed: t.string({ required: true, validate: CreateEntry.shape.deed }),
    field: t.string({ required: true, description: "A field code (lĩnh vực).", validate: CreateEntry.shape.field }),
    deedDate: t.string({ required: true, validate: CreateEntry.shape.deedDate }),
  }),
});

builder.mutationField("createGoldenBookEntry", (t) =>
  t.field({
    type: GoldenBookEntryPayload,
    description:
      "Nominates a good person or good deed for a unit's golden book (status nominated, to be verified by an admin). Retrying with the same idempotencyKey returns the first result.",
    errors: { types: [DomainFailure] },
    authScopes: async (_root, args, context) => {
      const path = await unitPathOf(context, args.input.unitId.id);
      return path ? { worksForUnit: path } : { systemAdmin: true };
    },
    args: {
      input: t.arg({ type: CreateGoldenBookEntryInput, required: true }),
      idempotencyKey: t.arg.string({ required: true, validate: IdempotencyKey }),
    },
    resolve: (_root, { input, idempotencyKey }, context) =>
      perform(context, createGoldenBookEntry, { ...input, unitId: input.unitId.id }, { idempotencyKey }),
  }),
);

const DecisionEnum = builder.enumType("GoldenBookDecision", {
  values: { VERIFIED: { value: "verified" }, REJECTED: { value: "rejected" } } as const,
});

builder.mutationField("verifyGoldenBookEntry", (t) =>
  t.field({
    type: GoldenBookEntryPayload,
    description:
      "Verifies or rejects a nominated golden-book entry (a rejection needs a reason; the nominator may not decide their own nomination).",
    errors: { types: [DomainFailure] },
    authScopes: async (_root, args, context) => {
      const row = await findGoldenBookEntry(context.db, localId(args.id, "GoldenBookEntry"));
      return row ? { administersUnit: row.unit_path } : { systemAdmin: true };
    },
    args: {
      id: t.arg.globalID({ required: true }),
      outcome: t.arg({ type: DecisionEnum, required: true }),
      reason: t.arg.string({ validate: VerifyGoldenBookEntryInput.shape.reason }),
      expectedVersion: t.arg.int({ required: true, validate: ExpectedVersion }),
    },
    resolve: (_root, args, context) =>
      perform(context, verifyGoldenBookEntry, {
        entryId: localId(args.id, "GoldenBookEntry"),
        outcome: args.outcome,
        reason: args.reason,
        expectedVersion: args.expectedVersion,
      }),
  }),
);
