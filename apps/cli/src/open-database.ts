import { type Connection, type ConnectOptions, connect, connectOptionsFrom } from "@lantoa/db";

/** Where the data is, as the gateway decides it: DATABASE_URL, else PGlite in LANTOA_DATA_DIR (default .lantoa/data). */
export function databaseTarget(env: NodeJS.ProcessEnv = process.env): ConnectOptions & { describe: string } {
  const options = connectOptionsFrom({ databaseUrl: env.DATABASE_URL, dataDir: env.LANTOA_DATA_DIR ?? ".lantoa/data" });
  const describe =
    options.engine === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite ${options.dataDir ?? "memory"}`;
  return { ...options, describe };
}

/** Opens the database, runs `work`, and always closes it (PGlite must be closed to flush its folder). */
export async function withDatabase<T>(work: (connection: Connection) => Promise<T>): Promise<T> {
  const target = databaseTarget();
  const connection = await connect(target);
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}
