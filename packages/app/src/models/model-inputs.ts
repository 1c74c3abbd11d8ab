import * as z from "zod";
import { IsoDay, RecordId, requiredText } from "../shared/input-schemas.js";

/** What a model's code may hold: letters (any script), digits, `.`, `_` and `-`, 1–64 of them. */
export const MODEL_CODE = /^[\p{L}\p{N}._-]{1,64}$/u;

/** The person an individual model is about. */
export const PersonName = requiredText(200);

/** The fields of a model its unit fills in; a registration and a replication share them. */
export const ModelFieldsInput = z.object({
  code: z.string().trim().regex(MODEL_CODE),
  name: requiredText(500),
  ownerUnitId: RecordId,
  /** Codes from the catalogue of fields (lĩnh vực). */
  fields: z.array(z.string().max(64)).min(1).max(10),
  annualTheme: z.string().trim().max(300).nullish(),
  problem: z.string().max(5000),
  solution: z.string().max(5000),
  startDate: IsoDay,
});
