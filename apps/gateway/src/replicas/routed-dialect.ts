import { type Database, isDatabaseUnavailable } from "@lantoa/db";
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from "kysely";

/** Where one statement goes: a replica's own connection, and what to do when it cannot answer. */
export interface ReadTarget {
  readonly db: Kysely<Database>;
  /** Called when the replica failed for connection reasons; the statement is then sent to the primary. */
  failed(error: unknown): void;
  /** Called when the replica answered (a counter for the status). */
  served(): void;
}

/**
 * Whether a replica's failure says nothing about the statement, so the primary may answer
 * it instead: the replica cannot be reached, or a hot standby cancelled the read because
 * replay needed the rows it was reading (SQLSTATE 40001 "conflict with recovery"; outside
 * a transaction only a standby raises it for a read).
 */
export function isReplicaFailure(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === "40001" && /conflict with recovery/i.test(String((error as Error).message));
}

/**
 * A Kysely whose every statement goes to the replica `pick` names at that moment (or the
 * primary when it names none), and to the primary when that replica fails for connection
 * reasons: a reader never sees a replica's outage. Each statement stands alone (the
 * replica's and the primary's pools hand out connections per statement), so transactions
 * and streams are refused: routed reads are single statements.
 */
export function routedReader(primary: Kysely<Database>, pick: () => ReadTarget | null): Kysely<Database> {
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const target = pick();
      if (!target) return primary.executeQuery<R>(query as CompiledQuery<R>);
      try {
        const result = await target.db.executeQuery<R>(query as CompiledQuery<R>);
        target.served();
        return result;
      } catch (error) {
        if (!isReplicaFailure(error)) throw error;
        target.failed(error);
        return primary.executeQuery<R>(query as CompiledQuery<R>);
      }
    },
    streamQuery() {
      throw new Error("Reads routed to replicas are single statements: stream from the primary.");
    },
  };
  const notInTransaction = async () => {
    throw new Error("Reads routed to replicas run outside transactions: open transactions on the primary.");
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    releaseConnection: async () => {},
    beginTransaction: notInTransaction,
    commitTransaction: notInTransaction,
    rollbackTransaction: notInTransaction,
    // The replicas' and the primary's own Kysely instances are closed by their owners.
    destroy: async () => {},
  };
  const dialect: Dialect = {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => driver,
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
  return new Kysely<Database>({ dialect });
}
