import { sql } from "kysely";
import type { DbExecutor } from "../executor.js";

/** A user as a notification needs them: whether to e-mail, in which language. */
export interface NotificationRecipient {
  readonly userId: string;
  readonly email: string | null;
  readonly language: "vi" | "en";
  /** Kinds they receive in the app only. */
  readonly emailOptOuts: readonly string[];
}

/**
 * The enabled users among `userIds` with their e-mail address, language and e-mail choices
 * (disabled users receive nothing).
 */
export async function findNotificationRecipients(
  db: DbExecutor,
  userIds: readonly string[],
): Promise<NotificationRecipient[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom("users")
    .select(["id", "email", "language", "email_opt_outs"])
    .where("id", "in", [...new Set(userIds)])
    .where("disabled_at", "is", null)
    .execute();
  return rows.map((r) => ({ userId: r.id, email: r.email, language: r.language, emailOptOuts: r.email_opt_outs }));
}

/**
 * The staff (unit admins and officers) of these units themselves, not of the units above:
 * who files a unit's models.
 */
export async function unitStaffOf(db: DbExecutor, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom("role_assignments")
    .select("user_id")
    .distinct()
    .where("role", "in", ["unit-admin", "unit-officer"])
    .where("unit_id", "in", [...new Set(unitIds)])
    .execute();
  return rows.map((r) => r.user_id);
}

/**
 * The unit admins of the nearest unit above `unitPath` that has any (who approve what the
 * unit submits).
 */
export async function nearestAdminsAbove(db: DbExecutor, unitPath: string): Promise<string[]> {
  const rows = await db
    .selectFrom("role_assignments as a")
    .innerJoin("units as u", "u.id", "a.unit_id")
    .select(["a.user_id", "u.path"])
    .where("a.role", "=", "unit-admin")
    .where("u.path", "<>", unitPath)
    .where(sql<boolean>`starts_with(${unitPath}, u.path)`)
    .execute();
  const nearest = Math.max(0, ...rows.map((r) => r.path.length));
  return [...new Set(rows.filter((r) => r.path.length === nearest).map((r) => r.user_id))];
}

/** The reviewers assigned in a round (any model). */
export async function reviewersOfRound(db: DbExecutor, roundId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("reviewer_assignments")
    .select("reviewer_user_id")
    .distinct()
    .where("round_id", "=", roundId)
    .execute();
  return rows.map((r) => r.reviewer_user_id);
}

/** The owner units of a round's eligible models. */
export async function ownerUnitsOfRound(db: DbExecutor, roundId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("round_models as rm")
    .innerJoin("models as m", "m.id", "rm.model_id")
    .select("m.owner_unit_id")
    .distinct()
    .where("rm.round_id", "=", roundId)
    .where("rm.eligible", "=", true)
    .execute();
  return rows.map((r) => r.owner_unit_id);
}

/** Codes and names of models, by id. */
export async function modelLabels(
  db: DbExecutor,
  ids: readonly string[],
): Promise<Map<string, { code: string; name: string; ownerUnitId: string; ownerPath: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("models")
    .select(["id", "code", "name", "owner_unit_id", "owner_path"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [r.id, { code: r.code, name: r.name, ownerUnitId: r.owner_unit_id, ownerPath: r.owner_path }]),
  );
}

/** What a user chose about their notifications. */
export interface NotificationPreferences {
  readonly email: string | null;
  readonly language: "vi" | "en";
  readonly emailOptOuts: readonly string[];
}

/** The user's notification preferences, if the user exists. */
export async function findNotificationPreferences(
  db: DbExecutor,
  userId: string,
): Promise<NotificationPreferences | null> {
  const row = await db
    .selectFrom("users")
    .select(["email", "language", "email_opt_outs"])
    .where("id", "=", userId)
    .executeTakeFirst();
  return row ? { email: row.email, language: row.language, emailOptOuts: row.email_opt_outs } : null;
}

/** Saves the user's notification preferences. */
export async function saveNotificationPreferences(
  db: DbExecutor,
  userId: string,
  preferences: NotificationPreferences,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ email: preferences.email, language: preferences.language, email_opt_outs: [...preferences.emailOptOuts] })
    .where("id", "=", userId)
    .execute();
}
