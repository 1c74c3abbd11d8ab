import type { Kysely, Transaction } from "kysely";
import type { Database } from "../database.js";
import type { ImportProblem } from "./import-problem.js";

/** How many records an import adds, changes and finds already as the file says. */
export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** What an import would write, checked against the database: its problems, its counts and the write itself. */
export interface ImportPlan {
  readonly problems: ImportProblem[];
  readonly counts: Record<string, ImportCounts>;
  /** Writes the plan; call only without problems, inside the transaction it was planned in. */
  write(trx: Transaction<Database>, progress: (done: number, total: number) => void): Promise<void>;
}

/** Database handle a planner reads through. */
export type Db = Kysely<Database> | Transaction<Database>;

export const emptyCounts = (): ImportCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

/** Runs `work` on consecutive slices of `items`. */
export async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (batch: T[], doneBefore: number) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await work(items.slice(i, i + size), i);
}
