import { type DomainError, domainError } from "@lantoa/domain/errors";
import type * as z from "zod";

/** A use case's input did not match its schema (a caller that skipped the edge's validation). */
export function invalidInput(useCase: string, issues: readonly z.core.$ZodIssue[]): DomainError<"INPUT.INVALID"> {
  const list = issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  const first = list[0];
  const where = first ? ` (${first.path || "input"}: ${first.message})` : "";
  return domainError(
    "INPUT.INVALID",
    { vi: `Dữ liệu gửi lên không hợp lệ${where}.`, en: `The input is not valid${where}.` },
    { useCase, issues: list },
  );
}
