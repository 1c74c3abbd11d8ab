import { ModelSchema } from "@lantoa/domain/model";
import { z } from "zod";

/** A model's fields as the domain's `ModelSchema` states them (the schema the gateway parses with). */
const model = ModelSchema.options[0].shape;

/** The characters the gateway accepts in a model code (`MODEL_CODE`), on top of the domain's length. */
export const modelCodePattern = /^[\p{L}\p{N}._-]{1,64}$/u;

/**
 * The create, edit and replication forms' rules: the domain's schema for each field, with the
 * limits the gateway's inputs add (code characters, at most ten fields, text lengths).
 */
export const modelFormSchema = z.object({
  code: model.code.regex(modelCodePattern),
  name: model.name,
  ownerUnitId: model.ownerUnitId,
  fields: model.fieldCodes.max(10),
  annualTheme: z.string().trim().max(300),
  problem: z.string().max(5000),
  solution: z.string().max(5000),
  startDate: model.startDate,
});

/** The sentence beside each field the schema refuses. */
export const modelFormMessages = {
  code: "create.codeInvalid",
  name: "create.nameRequired",
  ownerUnitId: "create.ownerRequired",
  fields: "create.fieldsRequired",
  annualTheme: "create.themeTooLong",
  problem: "create.textTooLong",
  solution: "create.textTooLong",
  startDate: "create.startDateInvalid",
} as const;
