import * as z from "zod/mini";
import { IsoDateSchema, IsoDateTimeSchema } from "../internal/iso-date.js";

/**
 * An entry in a unit's golden book of good people and good deeds (Sổ vàng người tốt,
 * việc tốt): a person or a collective, the deed, its field and date, who nominated it and,
 * once decided, who verified or rejected it and when. A `verified` or `rejected` entry
 * carries its `decision`; a `nominated` one does not.
 *
 * @example
 * GoldenBookEntrySchema.parse({ id: "g1", subject: { kind: "person", personName: "Trần Văn C" },
 *   deed: "Hiến 200 m² đất làm đường", fieldCode: "economy", date: "2021-06-01", unitId: "xa-a",
 *   nominatedBy: "user-3", status: "nominated", decision: null })
 */
export const GoldenBookEntrySchema = z
  .strictObject({
    id: z.string().check(z.minLength(1)),
    subject: z.discriminatedUnion("kind", [
      z.strictObject({
        kind: z.literal("person"),
        personName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      }),
      z.strictObject({ kind: z.literal("collective"), unitId: z.string().check(z.minLength(1)) }),
    ]),
    deed: z.string().check(z.trim(), z.minLength(1)),
    fieldCode: z.string().check(z.minLength(1)),
    date: IsoDateSchema,
    unitId: z.string().check(z.minLength(1)),
    nominatedBy: z.string().check(z.minLength(1)),
    status: z.enum(["nominated", "verified", "rejected"]),
    decision: z.nullable(
      z.strictObject({
        by: z.string().check(z.minLength(1)),
        at: IsoDateTimeSchema,
        reason: z.nullable(z.string().check(z.trim(), z.minLength(1))),
      }),
    ),
  })
  .check(
    z.refine((e) => (e.status === "nominated") === (e.decision === null), {
      message: "a decided entry needs its decision, a nominated one has none",
      params: { vi: "mục đã quyết định cần có quyết định, mục mới đề cử thì chưa có" },
      path: ["decision"],
    }),
    z.refine((e) => e.status !== "rejected" || (e.decision?.reason ?? null) !== null, {
      message: "a rejection needs a reason",
      params: { vi: "từ chối cần có lý do" },
      path: ["decision", "reason"],
    }),
  );
/** A value parsed by {@link GoldenBookEntrySchema}. @example const value: GoldenBookEntry = GoldenBookEntrySchema.parse(input); */
export type GoldenBookEntry = z.infer<typeof GoldenBookEntrySchema>;
