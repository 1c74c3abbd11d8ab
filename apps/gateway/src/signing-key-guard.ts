import pg from "pg";

/** The advisory lock every gateway on one PostgreSQL database takes for its file-signing key. */
const SIGNING_KEY_LOCK = 0x4c54_5346; // "LTSF"

/** Refused at start: this gateway and another on the same database would sign evidence addresses differently. */
export class SigningKeyConflictError extends Error {
  override readonly name = "SigningKeyConflictError";
}

/** Held for the gateway's life; released on close. */
export interface SigningKeyLock {
  release(): Promise<void>;
}

/**
 * Keeps gateways that share a PostgreSQL database from signing download addresses with
 * different keys: an address signed by one must open on any other behind the same load
 * balancer. A gateway with a random key (no `LANTOA_FILE_SIGNING_KEY`) takes an exclusive
 * session advisory lock, one with a configured key a shared one, on a connection of its own
 * held until it stops. So a random key runs only alone, and configured keys run together
 * (their being the same secret is the operator's to ensure). The lock ends with the
 * connection: a process that dies frees it at once.
 */
export async function holdSigningKeyLock(databaseUrl: string, randomKey: boolean): Promise<SigningKeyLock> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "lantoa-signing-key-lock" });
  // A database restart ends the session (and the lock with it); never crash the gateway for it.
  client.on("error", () => undefined);
  await client.connect();
  const take = randomKey ? "pg_try_advisory_lock" : "pg_try_advisory_lock_shared";
  const { rows } = await client.query<{ held: boolean }>(`SELECT ${take}($1) AS held`, [SIGNING_KEY_LOCK]);
  if (rows[0]?.held !== true) {
    await client.end().catch(() => undefined);
    throw new SigningKeyConflictError(
      randomKey
        ? "Another gateway is running on this database. Gateways behind one address must sign evidence download links with the same key: set LANTOA_FILE_SIGNING_KEY (one secret of at least 32 characters) on every gateway."
        : "A gateway with a random file-signing key is running on this database, so its download links would not open here. Set LANTOA_FILE_SIGNING_KEY (the same secret) on it as well and restart it.",
    );
  }
  return { release: () => client.end().catch(() => undefined) };
}
