import type { DbExecutor, DbTransaction } from "../executor.js";
import type { RoleAssignmentTable } from "./users.table.js";

/** The id of the account with this username (any case), if any. */
export async function findUserIdByUsername(db: DbExecutor, username: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["username"]), "=", username.trim().toLowerCase()))
    .executeTakeFirst();
  return row?.id;
}

/** A new account and its one role (scoped to `unitId`; null for a system admin). Returns its id. */
export async function insertUser(
  trx: DbTransaction,
  user: {
    username: string;
    displayName: string;
    passwordHash: string;
    role: RoleAssignmentTable["role"];
    unitId: string | null;
  },
): Promise<string> {
  const { id } = await trx
    .insertInto("users")
    .values({
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      unit_id: user.unitId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx.insertInto("role_assignments").values({ user_id: id, role: user.role, unit_id: user.unitId }).execute();
  return id;
}
