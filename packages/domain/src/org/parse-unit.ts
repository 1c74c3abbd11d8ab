import type { DomainError } from "../errors/domain-error.js";
import type { Result } from "../errors/result.js";
import { parseWith } from "../internal/parse-with.js";
import { type Unit, UnitSchema } from "./unit.js";

/**
 * Parses untrusted input into a {@link Unit}; failures are `ORG.INVALID_UNIT` with
 * `details.issues` rather than a throw.
 *
 * @example parseUnit({ id: "u1", code: "X", name: " ", parentId: null, level: "commune", kind: "school" }) // err
 */
export function parseUnit(input: unknown): Result<Unit, DomainError<"ORG.INVALID_UNIT">> {
  return parseWith(UnitSchema, input, "ORG.INVALID_UNIT", { vi: "Đơn vị không hợp lệ", en: "Invalid unit" });
}
