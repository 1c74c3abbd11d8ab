import * as z from "zod/mini";

/** A message in the two languages the product speaks. */
export const LocalizedTextSchema = z.strictObject({ vi: z.string(), en: z.string() });
/** A value parsed by {@link LocalizedTextSchema}. @example const value: LocalizedText = LocalizedTextSchema.parse(input); */
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * An expected failure, returned as a value rather than thrown.
 * `code` is namespaced by module (`ORG.CYCLE`, `CRITERIA.WEIGHTS_NOT_100`) so the
 * gateway can map it once to a typed GraphQL error.
 *
 * @example
 * const e = domainError("ORG.CYCLE", { vi: "Cây đơn vị có vòng lặp", en: "The unit tree has a cycle" }, { unitId: "u1" });
 */
export interface DomainError<Code extends string = string> {
  readonly code: Code;
  readonly message: LocalizedText;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Builds a {@link DomainError}. */
export function domainError<Code extends string>(
  code: Code,
  message: LocalizedText,
  details?: Record<string, unknown>,
): DomainError<Code> {
  return details === undefined ? { code, message } : { code, message, details };
}
