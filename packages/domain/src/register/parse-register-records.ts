import type { DomainError } from "../errors/domain-error.js";
import type { Result } from "../errors/result.js";
import { parseWith } from "../internal/parse-with.js";
import { type Commendation, CommendationSchema } from "./commendation.js";
import { type GoldenBookEntry, GoldenBookEntrySchema } from "./golden-book-entry.js";
import { type InspectionPlan, InspectionPlanSchema } from "./inspection-plan.js";

/**
 * Parses untrusted input into a {@link Commendation}; failures are `COMMENDATION.INVALID`.
 *
 * @example parseCommendation(JSON.parse(body))
 */
export function parseCommendation(input: unknown): Result<Commendation, DomainError<"COMMENDATION.INVALID">> {
  return parseWith(CommendationSchema, input, "COMMENDATION.INVALID", {
    vi: "Thông tin khen thưởng không hợp lệ",
    en: "Invalid commendation",
  });
}

/**
 * Parses untrusted input into a {@link GoldenBookEntry}; failures are `GOLDEN_BOOK.INVALID`.
 *
 * @example parseGoldenBookEntry(JSON.parse(body))
 */
export function parseGoldenBookEntry(input: unknown): Result<GoldenBookEntry, DomainError<"GOLDEN_BOOK.INVALID">> {
  return parseWith(GoldenBookEntrySchema, input, "GOLDEN_BOOK.INVALID", {
    vi: "Thông tin sổ vàng không hợp lệ",
    en: "Invalid golden-book entry",
  });
}

/**
 * Parses untrusted input into an {@link InspectionPlan}; failures are `INSPECTION.INVALID`.
 *
 * @example parseInspectionPlan(JSON.parse(body))
 */
export function parseInspectionPlan(input: unknown): Result<InspectionPlan, DomainError<"INSPECTION.INVALID">> {
  return parseWith(InspectionPlanSchema, input, "INSPECTION.INVALID", {
    vi: "Kế hoạch kiểm tra không hợp lệ",
    en: "Invalid inspection plan",
  });
}
