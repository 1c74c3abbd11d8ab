import type { ColumnType, Generated, Selectable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Row type of `users`. `password_hash` is a scrypt hash, never the password. */
export interface UserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  unit_id: string | null;
  disabled_at: Date | null;
  /** Where e-mail notifications go; none when null. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  /** The language of their notifications and e-mails. */
  language: ColumnType<"vi" | "en", "vi" | "en" | undefined, "vi" | "en">;
  /** Notification kinds they receive in the app only, not by e-mail. */
  email_opt_outs: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  version: Generated<number>;
}
export type UserRow = Selectable<UserTable>;

/** Row type of `role_assignments`: a role over a unit subtree (none for system admins). */
export interface RoleAssignmentTable {
  id: Generated<string>;
  user_id: string;
  role: "system-admin" | "unit-admin" | "unit-officer" | "reviewer" | "viewer";
  unit_id: string | null;
  created_at: Timestamp;
}

/** Row type of `sessions`: an issued token (only its hash is kept), expiring and revocable. */
export interface SessionTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Date | string;
  revoked_at: Date | string | null;
}

/** Row type of `login_attempts`: rate-limiter-flexible's counter of sign-in attempts per key. */
export interface LoginAttemptTable {
  /** `<limiter>:<account or address>`. */
  key: string;
  points: number;
  /** When the count resets, in epoch milliseconds. */
  expire: number | null;
}
