import type { MessagePort } from "node:worker_threads";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from "kysely";
import type { Database } from "../database.js";

/**
 * A worker thread's way to the database: its Kysely sends each statement over a
 * MessagePort to the thread that owns the connections ({@link serveDatabaseOverPort}),
 * which runs it and sends the rows back. The worker does the CPU work (parsing, checking,
 * planning) while the statements, transactions included, run where the pool (or PGlite)
 * lives, exactly as they would without the worker.
 */
type Request =
  | { readonly id: number; readonly op: "acquire" }
  | { readonly id: number; readonly op: "release" | "begin" | "commit" | "rollback"; readonly connection: number }
  | {
      readonly id: number;
      readonly op: "query";
      readonly connection: number;
      readonly sql: string;
      readonly parameters: readonly unknown[];
    };

type Reply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: { message: string; code?: string } };

/** The owning side: answers a worker's statements on `db` until the worker goes; returns a cleanup. */
export function serveDatabaseOverPort(db: Kysely<Database>, port: MessagePort): () => Promise<void> {
  const sessions = new Map<number, { run: Kysely<Database>; release: () => void; inTransaction: boolean }>();
  let nextConnection = 0;
  let closed = false;
  const handle = async (request: Request): Promise<unknown> => {
    if (request.op === "acquire") {
      const connection = ++nextConnection;
      // Holds one pooled connection until the worker releases it (a transaction needs one).
      await new Promise<void>((acquired, failed) => {
        db.connection()
          .execute(
            (run) =>
              new Promise<void>((release) => {
                // The worker went away while this connection was on its way: give it straight back.
                if (closed) release();
                else sessions.set(connection, { run, release, inTransaction: false });
                acquired();
              }),
          )
          .catch(failed);
      });
      return connection;
    }
    const session = sessions.get(request.connection);
    if (!session) throw new Error(`No connection ${request.connection}`);
    switch (request.op) {
      case "release":
        sessions.delete(request.connection);
        session.release();
        return null;
      case "begin":
      case "commit":
      case "rollback":
        await session.run.executeQuery(CompiledQuery.raw(request.op));
        session.inTransaction = request.op === "begin";
        return null;
      case "query": {
        const result = await session.run.executeQuery(CompiledQuery.raw(request.sql, [...request.parameters]));
        return { rows: result.rows, numAffectedRows: result.numAffectedRows };
      }
    }
  };
  const onMessage = (request: Request) => {
    handle(request).then(
      (value) => port.postMessage({ id: request.id, ok: true, value } satisfies Reply),
      (error: Error & { code?: string }) =>
        port.postMessage({
          id: request.id,
          ok: false,
          error: { message: error.message, ...(error.code ? { code: error.code } : {}) },
        } satisfies Reply),
    );
  };
  port.on("message", onMessage);
  // When the worker is gone (done, crashed, out of memory): roll back what it left open
  // and give every connection back, so nothing half-written stays and the pool is whole.
  return async () => {
    closed = true;
    port.off("message", onMessage);
    for (const [id, session] of sessions) {
      sessions.delete(id);
      if (session.inTransaction) await session.run.executeQuery(CompiledQuery.raw("rollback")).catch(() => {});
      session.release();
    }
  };
}

/** The worker's side: a Kysely whose statements run on the owning thread's database. */
export function databaseOverPort(port: MessagePort): Kysely<Database> {
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  port.on("message", (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
  });
  const ask = (request: Record<string, unknown>): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      port.postMessage({ ...request, id });
    });

  class PortConnection implements DatabaseConnection {
    constructor(readonly id: number) {}
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      return (await ask({
        op: "query",
        connection: this.id,
        sql: query.sql,
        parameters: query.parameters,
      })) as QueryResult<R>;
    }
    // biome-ignore lint/correctness/useYield: streaming is not offered over the port.
    async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
      throw new Error("Streaming queries are not supported from a worker");
    }
  }
  const op = (name: "begin" | "commit" | "rollback" | "release") => async (connection: DatabaseConnection) => {
    await ask({ op: name, connection: (connection as PortConnection).id });
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => new PortConnection((await ask({ op: "acquire" })) as number),
    beginTransaction: op("begin"),
    commitTransaction: op("commit"),
    rollbackTransaction: op("rollback"),
    releaseConnection: op("release"),
    destroy: async () => {},
  };
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}
