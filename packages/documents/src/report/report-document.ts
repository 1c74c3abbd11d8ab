import type { ReportDraft } from "@lantoa/domain/document";

/** A table of a report: a header row and rows of cells; numeric columns are right-aligned. */
export interface ReportTable {
  readonly kind: "table";
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Relative widths, one per column. */
  readonly widths: readonly number[];
  /** Which columns hold figures. */
  readonly numeric: readonly boolean[];
}

/** One block of a report's body, in reading order. */
export type ReportBlock =
  /** A numbered part ("I. …", level 1) or item ("1. …", level 2). */
  | { readonly kind: "heading"; readonly level: 1 | 2; readonly text: string }
  /** A paragraph of the body; `draft` marks a narrative section nobody has written yet. */
  | { readonly kind: "paragraph"; readonly text: string; readonly draft?: boolean }
  | ReportTable;

/**
 * A periodic report laid out once, for both renderers (DOCX and PDF): the parts of an
 * administrative document from the draft, and the body's blocks with the figures.
 */
export interface ReportDocument {
  readonly draft: ReportDraft;
  readonly blocks: readonly ReportBlock[];
}
