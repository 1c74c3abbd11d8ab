import type { Result } from "../errors/result.js";

/** Test helper: the value of a successful Result, or a thrown error naming the code. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
  return result.value;
}
