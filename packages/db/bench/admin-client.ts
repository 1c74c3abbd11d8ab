import pg from "pg";

/**
 * Runs `work` on a connection of its own to the server's admin database, to create or
 * drop a benchmark's database.
 */
export async function withAdminClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
