import type { SessionUser } from "@lantoa/db";

/**
 * Who runs a use case: a signed-in user with their role assignments (each scoped to a
 * unit subtree by its materialized path), or the operator at the command line.
 */
export interface Actor {
  /** The user; null for the command line, which has no account. */
  readonly userId: string | null;
  readonly displayName: string;
  readonly assignments: SessionUser["assignments"];
}

/**
 * The operator of the `lantoa` command line: whoever can run it holds the database's
 * credentials, so they act as a system admin; audit entries record no user.
 */
export const commandLineActor: Actor = {
  userId: null,
  displayName: "lantoa (dòng lệnh)",
  assignments: [{ role: "system-admin", unitId: null, unitPath: null }],
};

/** Someone not signed in (a sign-in attempt): no user, no roles. */
export const anonymousActor: Actor = { userId: null, displayName: "anonymous", assignments: [] };

/** The job queue (reminders): acts for nobody, holds no role; its notifications name no sender. */
export const jobQueueActor: Actor = { userId: null, displayName: "lantoa (việc nền)", assignments: [] };
