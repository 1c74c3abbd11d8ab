import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { type DataFolderLockedError, lockDataFolder } from "./data-folder-lock.js";
import type { Database } from "./database.js";

// Counts and sums come back as JavaScript numbers rather than strings; the values
// Lan Tỏa stores stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));
// A calendar date stays the "YYYY-MM-DD" string it is; a Date would shift with the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** Where the data lives: a PostgreSQL server, or embedded PGlite in a folder (or in memory). */
export type ConnectOptions =
  | { readonly engine: "postgres"; readonly url: string; readonly maxConnections?: number }
  | {
      readonly engine: "pglite";
      readonly dataDir?: string;
      /** A data folder dumped by PGlite's `dumpDataDir()` to start from (tests start from a seeded image). */
      readonly loadDataDir?: Blob;
    };

/** An open database: the typed Kysely handle, which engine serves it, and how to close it. */
export interface Connection {
  readonly db: Kysely<Database>;
  readonly engine: ConnectOptions["engine"];
  close(): Promise<void>;
}

/**
 * Opens the database. PGlite keeps its files in `dataDir` (in memory when omitted),
 * locked for this process until `close` ({@link DataFolderLockedError} names another
 * holder), and loads the `unaccent` and `pg_trgm` extensions the search needs.
 *
 * @example
 * const { db, close } = await connect({ engine: "pglite", dataDir: ".lantoa/data" });
 * const units = await db.selectFrom("units").selectAll().execute();
 * await close();
 */
export async function connect(options: ConnectOptions): Promise<Connection> {
  if (options.engine === "postgres") {
    const pool = survivingLostConnections(
      new pg.Pool({
        connectionString: options.url,
        max: options.maxConnections ?? 10,
        // While the server is down or restarting, a request fails within seconds with a
        // retryable error rather than waiting for a connection forever.
        connectionTimeoutMillis: 5_000,
      }),
    );
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: "postgres", close: () => db.destroy() };
  }
  // One process per data folder: a second one (the command line beside a running gateway)
  // would corrupt it, so it is refused with the holder named.
  const lock = options.dataDir === undefined ? undefined : lockDataFolder(options.dataDir);
  try {
    const connection = pgliteConnection(await openPglite(options));
    if (!lock) return connection;
    return {
      ...connection,
      close: async () => {
        try {
          await connection.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/**
 * The server may close a connection at any time (a restart, an idle timeout, an operator,
 * a dropped test database). node-postgres then emits "error" on the pool for an idle
 * connection and on the client itself for one checked out (inside a query or a
 * transaction); Node throws an "error" event nobody listens to, ending the process. So
 * every client gets a listener the moment the pool creates it, and the loss becomes a
 * warning (`LANTOA_DB_CONNECTION_LOST`): the query in flight fails (callers see
 * {@link isDatabaseUnavailable}), the pool discards the connection, the next query opens
 * another.
 */
function survivingLostConnections(pool: pg.Pool): pg.Pool {
  const warn = (error: Error) =>
    process.emitWarning(
      `A database connection was closed by the server (${error.message}); the next query opens a new one.`,
      { code: "LANTOA_DB_CONNECTION_LOST" },
    );
  pool.on("connect", (client) => client.on("error", warn));
  // An idle client's error reaches the pool too, after the listener above has warned.
  pool.on("error", () => {});
  return pool;
}

/**
 * Starts PGlite with the extensions the schema needs, in a folder, in memory, or from a
 * dump. It does not lock a folder: {@link connect} does (see `lockDataFolder`).
 */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });
  return PGlite.create(options.dataDir ?? "memory://", {
    extensions: { unaccent, pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
}

/** Kysely over an open PGlite, through its node-postgres adapter. Closing closes PGlite too. */
export function pgliteConnection(pglite: PGlite): Connection {
  const pool = survivingLostConnections(new pg.Pool(createPgConfig(pglite)));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: "pglite",
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

/**
 * Chooses the engine from the environment's convention: PostgreSQL when a URL is
 * given, PGlite in `dataDir` otherwise.
 */
export function connectOptionsFrom(config: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}): ConnectOptions {
  return config.databaseUrl
    ? { engine: "postgres", url: config.databaseUrl }
    : config.dataDir === undefined
      ? { engine: "pglite" }
      : { engine: "pglite", dataDir: config.dataDir };
}
