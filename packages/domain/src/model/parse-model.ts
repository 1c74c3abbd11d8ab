import type { DomainError } from "../errors/domain-error.js";
import type { Result } from "../errors/result.js";
import { parseWith } from "../internal/parse-with.js";
import { type Model, ModelSchema } from "./model.js";

/**
 * Parses untrusted input into a {@link Model}; a failure is `MODEL.INVALID` with
 * `details.issues` (path and message per problem).
 *
 * @example parseModel({ kind: "individual", ... }) // err when personName is missing
 */
export function parseModel(input: unknown): Result<Model, DomainError<"MODEL.INVALID">> {
  return parseWith(ModelSchema, input, "MODEL.INVALID", { vi: "Mô hình không hợp lệ", en: "Invalid model" });
}
