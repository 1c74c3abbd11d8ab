import { ReportSectionKeySchema } from "@lantoa/domain/document";
import * as z from "zod";

/** A year a report covers. */
export const ReportYear = z.number().int().min(1900).max(2200);

/** The narrative sections as callers send them: one entry per section written. */
export const ReportSectionsInput = z
  .array(z.object({ key: ReportSectionKeySchema, text: z.string().max(20_000) }))
  .max(20)
  .refine((sections) => new Set(sections.map((s) => s.key)).size === sections.length, {
    message: "each section at most once",
  });

/** The sections as the draft keeps them, by key; empty texts are left out. */
export function sectionsByKey(sections: z.output<typeof ReportSectionsInput>): Record<string, string> {
  return Object.fromEntries(sections.filter((s) => s.text.trim() !== "").map((s) => [s.key, s.text]));
}
