import { once } from "node:events";
import type { Kysely } from "kysely";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "../database.js";

/** A value of a generated row: text, number, boolean, null, or a text array. */
export type ScaleValue = string | number | boolean | null | readonly string[];

/** Loads generated rows into one table; returns how many it loaded. */
export interface TableLoader {
  load(table: string, columns: readonly string[], rows: Iterable<ScaleValue[]>): Promise<number>;
}

function copyText(value: ScaleValue): string {
  if (value === null) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  if (typeof value === "string")
    return value.replace(/[\\\t\n\r]/g, (c) => (c === "\t" ? "\\t" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\\\"));
  // Generated array elements are codes: no quotes, commas or braces to escape.
  return `{${value.join(",")}}`;
}

/**
 * Streams rows with `COPY … FROM STDIN` (text format) over a plain pg client:
 * the fastest way into PostgreSQL, an order of magnitude past multi-row INSERTs.
 */
export function copyLoader(client: pg.ClientBase): TableLoader {
  return {
    async load(table, columns, rows) {
      const stream = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
      const done = new Promise<void>((resolve, reject) => {
        stream.on("finish", resolve);
        stream.on("error", reject);
      });
      let count = 0;
      let chunk = "";
      for (const row of rows) {
        chunk += `${row.map(copyText).join("\t")}\n`;
        count++;
        if (chunk.length >= 1 << 16) {
          if (!stream.write(chunk)) await Promise.race([once(stream, "drain"), done]);
          chunk = "";
        }
      }
      stream.end(chunk);
      await done;
      return count;
    },
  };
}

/**
 * Loads rows with multi-row INSERTs of `batchSize` rows (for PGlite, which has no
 * COPY FROM STDIN over the wire). Kept under PostgreSQL's 65,535 parameters.
 */
export function insertLoader(db: Kysely<Database>, batchSize = 1000): TableLoader {
  // Tables are named at run time here; the rows were typed by their generators.
  const untyped = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  return {
    async load(table, columns, rows) {
      const perBatch = Math.max(1, Math.min(batchSize, Math.floor(65_000 / columns.length)));
      let batch: Record<string, unknown>[] = [];
      let count = 0;
      const flush = async () => {
        if (batch.length > 0) await untyped.insertInto(table).values(batch).execute();
        batch = [];
      };
      for (const row of rows) {
        const record: Record<string, unknown> = {};
        columns.forEach((column, i) => {
          const value = row[i];
          record[column] = Array.isArray(value) ? [...value] : value;
        });
        batch.push(record);
        count++;
        if (batch.length >= perBatch) await flush();
      }
      await flush();
      return count;
    },
  };
}
