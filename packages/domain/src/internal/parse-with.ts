import type * as z from "zod/mini";
import { type DomainError, domainError, type LocalizedText } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import { safeParseShape } from "./shape-issues.js";

/**
 * Parses `input` with a zod schema and turns a failure into a {@link DomainError}
 * whose `details.issues` lists each path and message (an unknown key with the known key
 * it was probably meant to be), so callers never see a throw.
 *
 * @example
 * parseWith(UnitSchema, raw, "ORG.INVALID_UNIT", { vi: "Đơn vị không hợp lệ", en: "Invalid unit" })
 */
export function parseWith<S extends z.ZodMiniType, Code extends string>(
  schema: S,
  input: unknown,
  code: Code,
  message: LocalizedText,
): Result<z.infer<S>, DomainError<Code>> {
  const parsed = safeParseShape(schema, input);
  if (parsed.success) return ok(parsed.data);
  return err(domainError(code, message, { issues: parsed.issues }));
}
