import {
  ExpectedVersion,
  IdempotencyKey,
  IssueCommendationInput as IssueCommendation,
  issueCommendation,
  LiftCommendationSuspensionInput,
  liftCommendationSuspension,
  RevokeCommendationInput,
  revokeCommendation,
} from "@lantoa/app";
import {
  type CommendationSuspensionRow,
  commendationFromRow,
  listCommendations,
  loadCommendation,
  modelOwnerPath,
  suspensionsOfCommendations,
} from "@lantoa/db";
import { commendationStatusOn } from "@lantoa/domain/register";
import { resolveOffsetConnection } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { CommendationRef } from "./commendation.js";
import { DomainFailure } from "./errors.js";
import { listScope, ModelRef } from "./model.js";
import { localId, perform, today } from "./mutation-support.js";
import { UnitRef } from "./unit.js";

export const CommendationStatusEnum = builder.enumType("CommendationStatus", {
  description: "Where a commendation stands on a day (the domain's commendationStatusOn).",
  values: {
    NOT_YET_EFFECTIVE: { value: "not-yet-effective" },
    IN_FORCE: { value: "in-force" },
    EXPIRED: { value: "expired" },
    SUSPENDED: { value: "suspended" },
    REVOKED: { value: "revoked" },
  } as const,
});

const CommendationSuspensionRef = builder.objectRef<CommendationSuspensionRow>("CommendationSuspension").implement({
  description: "A span in which a commendation is suspended (tạm đình chỉ), e.g. after an inspection finding.",
  fields: (t) => ({
    from: t.exposeString("suspended_from"),
    until: t.exposeString("suspended_until", {
      nullable: true,
      description: "Last suspended day; null while it lasts.",
    }),
    reason: t.exposeString("reason"),
  }),
});

builder.objectFields(CommendationRef, (t) => ({
  id: t.globalID({ resolve: (c) => ({ type: "Commendation", id: c.id }) }),
  version: t.exposeInt("version", { description: "Send back as expectedVersion when changing it." }),
  recipientKind: t.exposeString("recipient_kind", { description: "model, unit or person." }),
  recipientPersonName: t.exposeString("recipient_person_name", { nullable: true }),
  recipientUnit: t.field({ type: UnitRef, nullable: true, resolve: (c) => c.recipient_unit_id }),
  model: t.field({ type: ModelRef, nullable: true, resolve: (c) => c.recipient_model_id }),
  revocationDecisionNumber: t.exposeString("revocation_decision_number", { nullable: true }),
  fromRound: t.boolean({
    description: "Issued from an evaluation round's results.",
    resolve: (c) => c.round_id !== null,
  }),
  suspensions: t.loadableList({
    type: CommendationSuspensionRef,
    load: (ids: string[], { db }) => suspensionsOfCommendations(db, ids),
    resolve: (c) => c.id,
  }),
  status: t.loadable({
    type: CommendationStatusEnum,
    description: "Where it stands today.",
    // Batched: one query for the page's rows, one for their suspensions.
    load: async (ids: string[], context: Context) => {
      const [rows, suspensions] = await Promise.all([
        context.db.selectFrom("commendations").selectAll().where("id", "in", ids).execute(),
        suspensionsOfCommendations(context.db, ids),
      ]);
      return ids.map((id, i) => {
        const row = rows.find((r) => r.id === id);
        if (!row) return new Error(`commendation ${id} vanished`);
        return commendationStatusOn(commendationFromRow(row, suspensions[i] ?? []), today(context));
      });
    },
    resolve: (c) => c.id,
  }),
}));

const CommendationFilterInput = builder.inputType("CommendationFilter", {
  fields: (t) => ({
    withinUnitId: t.globalID({
      for: UnitRef,
      description: "Given to a model owned by, or a unit at, this unit or below.",
    }),
    status: t.field({
      type: CommendationStatusEnum,
      description: "IN_FORCE, SUSPENDED or REVOKED today.",
    }),
    year: t.int({ description: "Year of the decision.", validate: z.number().int().min(1900).max(2200) }),
  }),
});

builder.queryField("commendations", (t) =>
  t.connection({
    type: CommendationRef,
    description: "The commendation register of the viewer's scope, newest decision first.",
    authScopes: { signedIn: true },
    args: { filter: t.arg({ type: CommendationFilterInput, required: false }) },
    resolve: async (_root, args, context) => {
      const f = args.filter;
      const status = f?.status ?? undefined;
      if (status === "not-yet-effective" || status === "expired") {
        throw new GraphQLError(
          "Lọc theo trạng thái: IN_FORCE, SUSPENDED hoặc REVOKED. / Filter by IN_FORCE, SUSPENDED or REVOKED.",
          {
            extensions: { code: "BAD_USER_INPUT" },
          },
        );
      }
      const scope = await listScope(context, f?.withinUnitId?.id);
      const withinPath = scope?.path;
      let totalCount = 0;
      const connection = await resolveOffsetConnection(
        { args, defaultSize: 50, maxSize: 200 },
        async ({ limit, offset }) => {
          const page = await listCommendations(context.db, {
            withinPath,
            status,
            year: f?.year ?? undefined,
            on: today(context),
            limit,
            offset,
          });
          totalCount = page.totalCount;
          return page.rows;
        },
      );
      return { ...connection, totalCount: async () => totalCount };
    },
  }),
);

const CommendationPayload = builder.objectRef<{ id: string }>("CommendationPayload").implement({
  fields: (t) => ({
    commendation: t.field({
      type: CommendationRef,
      resolve: async (p, _args, { db }) =>
        db.selectFrom("commendations").selectAll().where("id", "=", p.id).executeTakeFirstOrThrow(),
    }),
  }),
});

/** The scope over a commendation: administering its recipient's unit. */
async function commendationScope(context: Context, id: string) {
  const loaded = await loadCommendation(context.db, id);
  return loaded?.unitPath ? { administersUnit: loaded.unitPath } : { systemAdmin: true };
}

const Issue = IssueCommendation.shape;
const IssueCommendationInput = builder.inputType("IssueCommendationInput", {
  fields: (t) => ({
    modelId: t.globalID({ required: true, for: ModelRef }),
    decisionNumber: t.string({ required: true, validate: Issue.decisionNumber }),
    decisionDate: t.string({ required: true, validate: Issue.decisionDate }),
    issuer: t.string({
      required: true,
      description: "Who decided (e.g. Ban Thường vụ Huyện ủy).",
      validate: Issue.issuer,
    }),
    level: t.string({
      required: true,
      description: "A level code (see configuration.levelSets).",
      validate: Issue.level,
    }),
    form: t.string({
      required: true,
      description: "A form code (see configuration.commendationForms).",
      validate: Issue.form,
    }),
    validUntil: t.string({ validate: Issue.validUntil }),
    reason: t.string({
      description: "Why it is given, as the certificate prints it (at most 2,000 characters).",
      validate: Issue.reason,
    }),
  }),
});

builder.mutationField("issueCommendation", (t) =>
  t.field({
    type: CommendationPayload,
    description:
      "Records a commendation decided outside a round (a manual decision) for a model. Retrying with the same idempotencyKey returns the first result.",
    errors: { types: [DomainFailure] },
    authScopes: async (_root, args, context) => {
      const path = await modelOwnerPath(context.db, args.input.modelId.id);
      return path ? { administersUnit: path } : { systemAdmin: true };
    },
    args: {
      input: t.arg({ type: IssueCommendationInput, required: true }),
      idempotencyKey: t.arg.string({ required: true, validate: IdempotencyKey }),
    },
    resolve: (_root, { input, idempotencyKey }, context) =>
      perform(context, issueCommendation, { ...input, modelId: input.modelId.id }, { idempotencyKey }),
  }),
);

builder.mutationField("revokeCommendation", (t) =>
  t.field({
    type: CommendationPayload,
    description: "Revokes a commendation from a day, with a reason (required) and the revoking decision's number.",
    errors: { types: [DomainFailure] },
    authScopes: (_root, args, context) => commendationScope(context, localId(args.id, "Commendation")),
    args: {
      id: t.arg.globalID({ required: true }),
      revokedOn: t.arg.string({ required: true, validate: RevokeCommendationInput.shape.revokedOn }),
      reason: t.arg.string({ required: true, validate: RevokeCommendationInput.shape.reason }),
      decisionNumber: t.arg.string({ validate: RevokeCommendationInput.shape.decisionNumber }),
      expectedVersion: t.arg.int({ required: true, validate: ExpectedVersion }),
    },
    resolve: (_root, args, context) =>
      perform(context, revokeCommendation, {
        commendationId: localId(args.id, "Commendation"),
        revokedOn: args.revokedOn,
        reason: args.reason,
        decisionNumber: args.decisionNumber,
        expectedVersion: args.expectedVersion,
      }),
  }),
);

builder.mutationField("liftCommendationSuspension", (t) =>
  t.field({
    type: CommendationPayload,
    description: "Ends a commendation's open suspension; `until` is the last suspended day.",
    errors: { types: [DomainFailure] },
    authScopes: (_root, args, context) => commendationScope(context, localId(args.id, "Commendation")),
    args: {
      id: t.arg.globalID({ required: true }),
      until: t.arg.string({ required: true, validate: LiftCommendationSuspensionInput.shape.until }),
      expectedVersion: t.arg.int({ required: true, validate: ExpectedVersion }),
    },
    resolve: (_root, args, context) =>
      perform(context, liftCommendationSuspension, {
        commendationId: localId(args.id, "Commendation"),
        until: args.until,
        expectedVersion: args.expectedVersion,
      }),
  }),
);
