import { type BatchRead, type Database, rowsFromJson } from "@lantoa/db";
import { type Kysely, sql } from "kysely";

interface Pending {
  // biome-ignore lint/suspicious/noExplicitAny: reads of any row type share one statement
  readonly read: BatchRead<any, unknown>;
  readonly resolve: (answer: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Sends the reads asked for in the same turn of the event loop as one SQL statement,
 * each read a JSON column of one SELECT (`json_agg` of its rows). The DataLoaders of a
 * page's fields (owner units, outcomes, latest results, evidence…) dispatch their batches
 * in the same turn, so they cost one round trip to PostgreSQL together instead of one
 * each: the round trips, not the statements' work, were most of a read's cost.
 * One per request; reads outside a transaction only.
 *
 * @example
 * const [rows, total] = await Promise.all([
 *   context.reads.run(listModelsRead(db, filter, page)),
 *   context.reads.run(countModelsMatchingRead(db, filter)),
 * ]); // one statement
 */
export class ReadBatch {
  readonly #db: Kysely<Database>;
  #pending: Pending[] = [];

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The read's answer, once the statement it joins has run. */
  run<Row, Answer>(read: BatchRead<Row, Answer>): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      if (this.#pending.length === 0) setImmediate(() => void this.#flush());
      this.#pending.push({ read, resolve: resolve as (answer: unknown) => void, reject });
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    try {
      const columns = batch.map(
        ({ read }, i) => sql`(select coalesce(json_agg(r), '[]'::json) from (${read.query}) r) as ${sql.ref(`r${i}`)}`,
      );
      const { rows } = await sql<Record<string, Record<string, unknown>[]>>`select ${sql.join(columns)}`.execute(
        this.#db,
      );
      const row = rows[0] ?? {};
      batch.forEach(({ read, resolve, reject }, i) => {
        try {
          resolve(read.arrange(rowsFromJson(read, row[`r${i}`] ?? [])));
        } catch (error) {
          reject(error);
        }
      });
    } catch (error) {
      for (const { reject } of batch) reject(error);
    }
  }
}
