/** What every report can be narrowed to. */
export interface ReportFilter {
  /** Only what is owned by this unit or a unit below it. */
  readonly withinUnitId?: string | undefined;
  /** First and last year, inclusive (a model's start year; a value's period year). */
  readonly fromYear?: number | undefined;
  readonly toYear?: number | undefined;
  /** Only models working in this field (a model may have several). */
  readonly field?: string | undefined;
}
