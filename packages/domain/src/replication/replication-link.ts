import * as z from "zod/mini";
import { IsoDateSchema } from "../internal/iso-date.js";

/**
 * An adopter model replicating (nhân rộng) an origin model, adopted on a date.
 *
 * @example ReplicationLinkSchema.parse({ originModelId: "m-qs", adopterModelId: "m-qs-kb", adoptedOn: "2020-04-01" })
 */
export const ReplicationLinkSchema = z
  .strictObject({
    originModelId: z.string().check(z.minLength(1)),
    adopterModelId: z.string().check(z.minLength(1)),
    adoptedOn: IsoDateSchema,
  })
  .check(
    z.refine((l) => l.originModelId !== l.adopterModelId, {
      message: "a model cannot replicate itself",
      params: { vi: "mô hình không thể nhân rộng chính nó" },
      path: ["adopterModelId"],
    }),
  );
/** A value parsed by {@link ReplicationLinkSchema}. @example const value: ReplicationLink = ReplicationLinkSchema.parse(input); */
export type ReplicationLink = z.infer<typeof ReplicationLinkSchema>;
