import { randomUUID } from "node:crypto";
import { appendAudit, onceForKey, staleVersion, updateVersioned } from "@lantoa/db";
import { domainError } from "@lantoa/domain/errors";
import { decideGoldenBookEntry, parseGoldenBookEntry } from "@lantoa/domain/register";
import { sql } from "kysely";
import { z } from "zod";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { DomainFailure, fail } from "./errors.js";
import { type EntryRow, GoldenBookEntryRef } from "./golden-book.js";
import { localId, notFound, requireUnits, requireViewer, unitPathOf } from "./mutation-support.js";
import { UnitRef } from "./unit.js";

builder.objectFields(GoldenBookEntryRef, (t) => ({
  id: t.globalID({ resolve: (e) => ({ type: "GoldenBookEntry", id: e.id }) }),
  version: t.exposeInt("version", { description: "Send back as expectedVersion when deciding it." }),
  decisionReason: t.exposeString("decision_reason", { nullable: true, description: "Why it was rejected." }),
}));

async function entryRow(db: Context["db"], id: string): Promise<EntryRow | undefined> {
  return db
    .selectFrom("golden_book_entries as g")
    .innerJoin("units as u", "u.id", "g.unit_id")
    .selectAll("g")
    .select("u.path as unit_path")
    .where("g.id", "=", id)
    .executeTakeFirst();
}

const GoldenBookEntryPayload = builder.objectRef<{ id: string }>("GoldenBookEntryPayload").implement({
  fields: (t) => ({
    entry: t.field({
      type: GoldenBookEntryRef,
      resolve: async (p, _args, { db }) => {
        const row = await entryRow(db, p.id);
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
    subjectName: t.string({ required: true, validate: z.string().trim().min(1).max(200) }),
    deed: t.string({ required: true, validate: z.string().trim().min(1).max(5000) }),
    field: t.string({ required: true, description: "A field code (lĩnh vực).", validate: z.string().min(1).max(64) }),
    deedDate: t.string({ required: true, validate: z.iso.date() }),
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
      idempotencyKey: t.arg.string({ required: true, validate: z.string().min(8).max(100) }),
    },
    resolve: async (_root, { input, idempotencyKey }, context) => {
      const viewer = requireViewer(context);
      return context.db.transaction().execute(async (trx) => {
        const result = await onceForKey(
          trx,
          { userId: viewer.userId, key: idempotencyKey, operation: "createGoldenBookEntry", request: input },
          async () => {
            await requireUnits(trx, [input.unitId.id]);
            const field = await trx
              .selectFrom("fields")
              .select("code")
              .where("code", "=", input.field)
              .executeTakeFirst();
            if (!field) {
              fail(
                domainError(
                  "GOLDEN_BOOK.UNKNOWN_FIELD",
                  { vi: `Lĩnh vực "${input.field}" không có trong danh mục.`, en: `Unknown field "${input.field}".` },
                  { field: input.field },
                ),
              );
            }
            const parsed = parseGoldenBookEntry({
              id: randomUUID(),
              subject:
                input.subjectKind === "person"
                  ? { kind: "person", personName: input.subjectName }
                  : { kind: "collective", unitId: input.unitId.id },
              deed: input.deed,
              fieldCode: input.field,
              date: input.deedDate,
              unitId: input.unitId.id,
              nominatedBy: viewer.userId,
              status: "nominated",
              decision: null,
            });
            if (!parsed.ok) return fail(parsed.error);
            const entry = parsed.value;
            // The natural key's unique index would otherwise answer a repeated nomination with a crash.
            const twin = await trx
              .selectFrom("golden_book_entries")
              .select("id")
              .where("unit_id", "=", entry.unitId)
              .where("deed_date", "=", entry.date)
              .where(sql`lantoa_match_key(subject_name)`, "=", sql<string>`lantoa_match_key(${input.subjectName})`)
              .where(sql`lantoa_match_key(deed)`, "=", sql<string>`lantoa_match_key(${entry.deed})`)
              .executeTakeFirst();
            if (twin) {
              fail(
                domainError(
                  "GOLDEN_BOOK.DUPLICATE_ENTRY",
                  {
                    vi: "Sổ vàng của đơn vị đã có mục này (cùng người, cùng ngày, cùng việc tốt).",
                    en: "The unit's golden book already has this entry (same subject, date and deed).",
                  },
                  { id: twin.id },
                ),
              );
            }
            await trx
              .insertInto("golden_book_entries")
              .values({
                id: entry.id,
                unit_id: entry.unitId,
                subject_kind: entry.subject.kind,
                subject_name: input.subjectName.trim(),
                deed: entry.deed,
                field: entry.fieldCode,
                deed_date: entry.date,
                nominated_by: viewer.displayName,
                status: "nominated",
              })
              .execute();
            await appendAudit(trx, {
              actorUserId: viewer.userId,
              action: "createGoldenBookEntry",
              entity: "golden_book_entry",
              entityId: entry.id,
              after: entry,
            });
            return { id: entry.id };
          },
        );
        if (!result.ok) fail(result.error);
        return result.value.response;
      });
    },
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
      const row = await entryRow(context.db, localId(args.id, "GoldenBookEntry"));
      return row ? { administersUnit: row.unit_path } : { systemAdmin: true };
    },
    args: {
      id: t.arg.globalID({ required: true }),
      outcome: t.arg({ type: DecisionEnum, required: true }),
      reason: t.arg.string({ validate: z.string().trim().min(1).max(2000) }),
      expectedVersion: t.arg.int({ required: true, validate: z.number().int().min(1) }),
    },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      const id = localId(args.id, "GoldenBookEntry");
      return context.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom("golden_book_entries")
          .selectAll()
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) return notFound("entry", id);
        if (row.version !== args.expectedVersion) fail(staleVersion("golden_book_entry", id, args.expectedVersion));
        // Who nominated it: the user the audit log names, else the name stored (imported entries).
        const nomination = await trx
          .selectFrom("audit_log")
          .select("actor_user_id")
          .where("entity", "=", "golden_book_entry")
          .where("entity_id", "=", id)
          .where("action", "=", "createGoldenBookEntry")
          .executeTakeFirst();
        const entry = parseGoldenBookEntry({
          id,
          subject:
            row.subject_kind === "person"
              ? { kind: "person", personName: row.subject_name }
              : { kind: "collective", unitId: row.unit_id },
          deed: row.deed,
          fieldCode: row.field ?? "unspecified",
          date: row.deed_date,
          unitId: row.unit_id,
          nominatedBy: nomination?.actor_user_id ?? row.nominated_by,
          status: row.status,
          decision:
            row.status === "nominated"
              ? null
              : {
                  by: row.verified_by ?? "?",
                  at: new Date(row.verified_at ?? row.created_at).toISOString(),
                  reason: row.decision_reason ?? (row.status === "rejected" ? "?" : null),
                },
        });
        if (!entry.ok) return fail(entry.error);
        const decided = decideGoldenBookEntry(entry.value, {
          outcome: args.outcome,
          by: viewer.userId,
          at: context.now.toISOString(),
          ...(args.reason == null ? {} : { reason: args.reason }),
        });
        if (!decided.ok) return fail(decided.error);
        const saved = await updateVersioned(trx, "golden_book_entries", id, args.expectedVersion, {
          status: decided.value.status,
          verified_by: viewer.displayName,
          verified_at: context.now,
          decision_reason: decided.value.decision?.reason ?? null,
        });
        if (!saved.ok) fail(saved.error);
        await appendAudit(trx, {
          actorUserId: viewer.userId,
          action: `goldenBook.${decided.value.status}`,
          entity: "golden_book_entry",
          entityId: id,
          before: { status: row.status, version: row.version },
          after: {
            status: decided.value.status,
            reason: decided.value.decision?.reason ?? null,
            version: saved.value.version,
          },
        });
        return { id };
      });
    },
  }),
);
