import { createHash, randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "../database.js";
import type { DbExecutor } from "../executor.js";
import { verifyPassword } from "./password.js";
import type { RoleAssignmentTable } from "./users.table.js";

/** Who is making a request: the user and every role they hold, with each scope's path. */
export interface SessionUser {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly assignments: ReadonlyArray<{
    readonly role: RoleAssignmentTable["role"];
    readonly unitId: string | null;
    /** The scope unit's materialized path; null for a system admin. */
    readonly unitPath: string | null;
  }>;
}

function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** An enabled user with every role they hold, or null. */
export async function loadSessionUser(db: DbExecutor, userId: string): Promise<SessionUser | null> {
  const user = await db
    .selectFrom("users")
    .select(["id", "username", "display_name"])
    .where("id", "=", userId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!user) return null;
  const assignments = await db
    .selectFrom("role_assignments as a")
    .leftJoin("units as u", "u.id", "a.unit_id")
    .select(["a.role", "a.unit_id as unitId", "u.path as unitPath"])
    .where("a.user_id", "=", userId)
    .orderBy("a.created_at")
    .execute();
  return { userId: user.id, username: user.username, displayName: user.display_name, assignments };
}

/**
 * The enabled account named `username` (any case) with its roles, as a session would
 * carry it; null when there is none. For callers that act as a user without a sign-in
 * (tests, the command line's `--as`).
 */
export async function sessionUserByUsername(db: DbExecutor, username: string): Promise<SessionUser | null> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["username"]), "=", username.trim().toLowerCase()))
    .executeTakeFirst();
  return row ? loadSessionUser(db, row.id) : null;
}

/**
 * The id of the enabled account these credentials open, or null. A wrong username and a
 * wrong password are indistinguishable, in the answer and in the time it takes (an
 * unknown user is checked against a dummy hash). Costs one scrypt: call it outside a
 * transaction.
 */
export async function checkCredentials(
  db: DbExecutor,
  credentials: { username: string; password: string },
): Promise<string | null> {
  const row = await db
    .selectFrom("users")
    .select(["id", "password_hash"])
    .where((eb) => eb(eb.fn("lower", ["username"]), "=", credentials.username.trim().toLowerCase()))
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  const valid = await verifyPassword(
    credentials.password,
    row?.password_hash ?? "scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
  );
  return row && valid ? row.id : null;
}

/** Stores a session of `userId` for `token` (only its hash is kept), valid until `expiresAt`. */
export async function insertSession(
  db: DbExecutor,
  session: { userId: string; token: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      user_id: session.userId,
      token_hash: tokenHash(session.token),
      expires_at: session.expiresAt.toISOString(),
    })
    .execute();
}

/**
 * Checks a username and password and, when they match an enabled account, opens a
 * session with a random token valid until `expiresAt` (for scripts and benchmarks; the
 * product signs in through `@lantoa/app`'s `signIn`, which also audits).
 */
export async function openSession(
  db: Kysely<Database>,
  credentials: { username: string; password: string },
  expiresAt: Date,
): Promise<{ token: string; user: SessionUser } | null> {
  const userId = await checkCredentials(db, credentials);
  if (!userId) return null;
  const token = randomBytes(32).toString("base64url");
  await insertSession(db, { userId, token, expiresAt });
  const user = await loadSessionUser(db, userId);
  return user ? { token, user } : null;
}

/**
 * The user behind a token and when its session expires, if the session exists, is not
 * revoked and has not expired at `now`. One statement: every request asks this first
 * (unless the gateway remembers the answer), so a round trip saved here is saved on every
 * request.
 */
export async function sessionForToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<{ user: SessionUser; expiresAt: Date } | null> {
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select([
      "u.id",
      "u.username",
      "u.display_name",
      "s.expires_at",
      sql<SessionUser["assignments"]>`coalesce((
        select json_agg(json_build_object('role', a.role, 'unitId', a.unit_id, 'unitPath', su.path) order by a.created_at)
        from role_assignments a left join units su on su.id = a.unit_id
        where a.user_id = u.id), '[]')`.as("assignments"),
    ])
    .where("s.token_hash", "=", tokenHash(token))
    .where("s.revoked_at", "is", null)
    .where("s.expires_at", ">", now.toISOString())
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    user: { userId: row.id, username: row.username, displayName: row.display_name, assignments: row.assignments },
    expiresAt: new Date(row.expires_at),
  };
}

/** The user behind a token, as {@link sessionForToken} finds it. */
export async function userForToken(db: Kysely<Database>, token: string, now: Date): Promise<SessionUser | null> {
  return (await sessionForToken(db, token, now))?.user ?? null;
}

/** Revokes a session; later requests with its token are anonymous. Returns whether it was open. */
export async function revokeSession(db: DbExecutor, token: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("sessions")
    .set({ revoked_at: now.toISOString() })
    .where("token_hash", "=", tokenHash(token))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
