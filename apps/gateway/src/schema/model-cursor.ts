import { MODEL_CODE } from "@lantoa/app";
import { type ModelOrder, type ModelPosition, type ModelRow, modelPosition } from "@lantoa/db";
import { ModelStatusSchema } from "@lantoa/domain/model";
import * as z from "zod";
import { badCursor, decodeCursor, encodeCursor } from "./cursor.js";

const code = z.string().regex(MODEL_CODE);
const sortValue: Record<Exclude<ModelOrder, "code">, z.ZodType<string>> = {
  name: z.string().min(1).max(1000),
  status: z.enum(ModelStatusSchema.options),
  newest: z.iso.date(),
};

/**
 * A cursor in a list of models: in code order the code alone (the cursors clients held
 * before there were other orders), otherwise `[order, sort value, code]` as JSON, so a
 * cursor of one order is refused in another rather than read as a wrong position.
 */
export function modelCursor(row: Pick<ModelRow, "code" | "name" | "status" | "start_date">, order: ModelOrder): string {
  const position = modelPosition(row, order);
  return encodeCursor(order === "code" ? position.code : JSON.stringify([order, position.value, position.code]));
}

/** The position a client's cursor stands for in `order`; a forged or foreign cursor is a BAD_CURSOR error. */
export function decodeModelCursor(cursor: string, order: ModelOrder): ModelPosition {
  if (order === "code") return { code: decodeCursor(cursor, MODEL_CODE) };
  const json = decodeCursor(cursor, /^\[[\s\S]*\]$/);
  const shape = z.tuple([z.literal(order), sortValue[order], code]);
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw badCursor();
  }
  const parsed = shape.safeParse(data);
  if (!parsed.success) throw badCursor();
  const [, value, modelCode] = parsed.data;
  return { value, code: modelCode };
}
