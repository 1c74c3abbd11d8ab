import type { SelectQueryBuilder } from "kysely";

/**
 * A read split in two: the statement, and how its rows answer the caller. Whoever runs
 * it chooses how: {@link runBatchRead} sends the statement alone; the gateway folds
 * several reads due at the same moment into one statement, each as a JSON column
 * (`json_agg` of its rows), and gets the rows back as JSON. JSON has no timestamps, so
 * `timestamps` names the columns to turn back into `Date`s; numbers, dates
 * (`YYYY-MM-DD`) and arrays come back as the driver gives them (see connect.ts).
 *
 * @example
 * const read = indicatorValuesRead(db, ids);
 * const values = await runBatchRead(read); // one list per id, in the order asked
 */
export interface BatchRead<Row, Answer> {
  // biome-ignore lint/suspicious/noExplicitAny: any tables, any aliases; only the row type matters
  readonly query: SelectQueryBuilder<any, any, Row>;
  readonly timestamps: readonly (keyof Row & string)[];
  arrange(rows: readonly Row[]): Answer;
}

/** Runs a read as one statement of its own. */
export async function runBatchRead<Row, Answer>(read: BatchRead<Row, Answer>): Promise<Answer> {
  return read.arrange(await read.query.execute());
}

/** Rows decoded from JSON with their timestamp columns made `Date`s again, as the driver returns them. */
export function rowsFromJson<Row>(read: BatchRead<Row, unknown>, rows: readonly Record<string, unknown>[]): Row[] {
  if (read.timestamps.length === 0) return rows as Row[];
  return rows.map((row) => {
    const copy: Record<string, unknown> = { ...row };
    for (const column of read.timestamps) {
      const value = copy[column];
      if (typeof value === "string") copy[column] = new Date(value);
    }
    return copy as Row;
  });
}
