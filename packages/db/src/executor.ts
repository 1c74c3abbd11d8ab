import type { Kysely, Transaction } from "kysely";
import type { Database } from "./database.js";

/** The database, for callers outside this package that must not import Kysely themselves. */
export type Db = Kysely<Database>;

/** A transaction on the database; use cases receive one from their runner. */
export type DbTransaction = Transaction<Database>;

/** Where a repository function runs its statements: the database or a transaction on it. */
export type DbExecutor = Db | DbTransaction;
