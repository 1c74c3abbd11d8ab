import type * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import vi from "zod/v4/locales/vi.js";
import { nearestKey } from "./nearest-key.js";

/**
 * One way an input does not fit its schema: where (`path`, dot-separated) and what.
 * An unknown key is reported at its own path with `code: "UNKNOWN_KEY"` and, when one
 * is close, the known key it was probably meant to be.
 *
 * @example
 * { path: "criteria.0.eliminatry", code: "UNKNOWN_KEY", key: "eliminatry", suggestion: "eliminatory",
 *   message: "Unknown key 'eliminatry' (did you mean 'eliminatory'?)",
 *   messageVi: "Khóa 'eliminatry' không có trong cấu trúc (có phải 'eliminatory'?)" }
 */
export interface ShapeIssue {
  readonly path: string;
  /** What is wrong, in English. */
  readonly message: string;
  /** The same, in Vietnamese. */
  readonly messageVi: string;
  readonly code?: "UNKNOWN_KEY";
  readonly key?: string;
  readonly suggestion?: string | null;
}

// English and Vietnamese messages for this parse only: zod/mini loads no locale, and
// configuring one globally would change messages for every other user of zod in the application.
const english = en().localeError;
const vietnamese = vi().localeError;

// Zod drops the schema from the issues it returns; this parse-time hook keeps the keys
// the object knows on the issue (an extra field survives), so suggestions can be made.
const keepKnownKeys = (issue: z.core.$ZodRawIssue) => {
  if (issue.code === "unrecognized_keys") {
    const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
    if (shape !== undefined) (issue as { known?: string[] }).known = Object.keys(shape);
  }
  // Kept on the issue as `known` is: zod renders one message, the English one.
  const inVietnamese = vietnamese(issue);
  (issue as { messageVi?: string }).messageVi = typeof inVietnamese === "string" ? inVietnamese : inVietnamese?.message;
  return english(issue);
};

/**
 * `schema.safeParse(input)` with unknown keys reported as {@link ShapeIssue}s (path,
 * nearest known key) rather than zod's one issue per object. Never throws.
 *
 * @example
 * const r = safeParseShape(ScaleSchema, { id: "s", label, min: 0, max: 5, stepp: 1 });
 * if (!r.success) r.issues[0] // { path: "stepp", code: "UNKNOWN_KEY", suggestion: "step", ... }
 */
export function safeParseShape<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
): { success: true; data: z.infer<S> } | { success: false; issues: ShapeIssue[] } {
  const parsed = schema.safeParse(input, { error: keepKnownKeys });
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, issues: shapeIssues(parsed.error.issues) };
}

/**
 * Zod's issues as {@link ShapeIssue}s: one per unknown key, at the key's own path.
 *
 * @example
 * shapeIssues(result.error.issues).map((i) => i.path)
 */
export function shapeIssues(issues: readonly z.core.$ZodIssue[]): ShapeIssue[] {
  const out: ShapeIssue[] = [];
  for (const issue of issues) {
    const at = issue.path.map(String);
    if (issue.code !== "unrecognized_keys") {
      // A refinement words its own message (no locale renders it) and gives the Vietnamese as `params: { vi }`.
      const own = issue.code === "custom" ? (issue.params as { vi?: unknown } | undefined)?.vi : undefined;
      const messageVi = typeof own === "string" ? own : ((issue as { messageVi?: string }).messageVi ?? issue.message);
      out.push({ path: at.join("."), message: issue.message, messageVi });
      continue;
    }
    const known = (issue as { known?: string[] }).known ?? [];
    for (const key of issue.keys) {
      const suggestion = nearestKey(key, known);
      out.push({
        path: [...at, key].join("."),
        code: "UNKNOWN_KEY",
        key,
        suggestion,
        message:
          suggestion === null
            ? `Unknown key '${key}' (known keys: ${known.join(", ")})`
            : `Unknown key '${key}' (did you mean '${suggestion}'?)`,
        messageVi:
          suggestion === null
            ? `Khóa '${key}' không có trong cấu trúc (các khóa có: ${known.join(", ")})`
            : `Khóa '${key}' không có trong cấu trúc (có phải '${suggestion}'?)`,
      });
    }
  }
  return out;
}
