import { createServer, type Server, type Socket, connect as tcpConnect } from "node:net";
import type { Database } from "@lantoa/db";
import { type Kysely, sql } from "kysely";
import pg from "pg";

/** The environment variable naming a hot standby of `TEST_DATABASE_URL`'s server. */
export const TEST_REPLICA_URL_VAR = "TEST_REPLICA_URL";

/**
 * The replica's address when the replica suites can run. Says why they are skipped when
 * they cannot, and fails under `CI=true`, where a skipped suite would look green.
 */
export function testReplicaUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env[TEST_REPLICA_URL_VAR];
  if (url && env.TEST_DATABASE_URL) return url;
  const why = `the read-replica suite needs TEST_DATABASE_URL and ${TEST_REPLICA_URL_VAR}=postgres://user@host:port/db (a hot standby of that server, e.g. made with pg_basebackup -R)`;
  if (env.CI === "true") throw new Error(`CI=true but the replica is not set: ${why}`);
  process.stdout.write(`\n  skipped: read replicas, because ${why}.\n\n`);
  return undefined;
}

/** The same server's address for another database (a test database appears on the replica too). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs a statement on the replica's server with a connection of its own. */
export async function onReplica<T extends pg.QueryResultRow>(replicaUrl: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: replicaUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Waits (up to `timeoutMs`) until the replica has replayed everything the primary has
 * written so far, and `database` can be opened there.
 */
export async function waitForReplay(
  primary: Kysely<Database>,
  replicaUrl: string,
  database: string,
  timeoutMs = 30_000,
): Promise<void> {
  const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(primary);
  const target = rows[0]?.lsn;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const [row] = await onReplica<{ caught: boolean }>(
        withDatabase(replicaUrl, database),
        `select pg_last_wal_replay_lsn() >= '${target}'::pg_lsn as caught`,
      );
      if (row?.caught) return;
    } catch (error) {
      // The database is not on the replica yet.
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`The replica did not replay ${target} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Runs `body` with the replica's replay paused (`pg_wal_replay_pause()`), and resumes
 * replay afterwards whatever happens: the replica is shared by the suite.
 */
export async function withReplayPaused<T>(replicaUrl: string, body: () => Promise<T>): Promise<T> {
  await onReplica(replicaUrl, "select pg_wal_replay_pause()");
  try {
    // Pausing is asked for, then takes effect: wait until it has.
    for (let i = 0; i < 400; i++) {
      const [row] = await onReplica<{ state: string }>(replicaUrl, "select pg_get_wal_replay_pause_state() as state");
      if (row?.state === "paused") break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return await body();
  } finally {
    await onReplica(replicaUrl, "select pg_wal_replay_resume()");
  }
}

/**
 * A TCP relay on 127.0.0.1 to a PostgreSQL server, which a test can cut: the server stays
 * up for everyone else while this route to it disappears (connections reset, new ones refused).
 */
export interface CuttableRoute {
  /** The server's address with the relay's port. */
  readonly url: string;
  cut(): Promise<void>;
}

export async function cuttableRoute(targetUrl: string): Promise<CuttableRoute> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const server: Server = createServer((incoming) => {
    const outgoing = tcpConnect(Number(target.port || 5432), target.hostname);
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => sockets.delete(socket));
    }
    incoming.pipe(outgoing).pipe(incoming);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as { port: number }).port);
  return {
    url: url.toString(),
    cut: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
