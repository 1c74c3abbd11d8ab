import type { Actor } from "../runner/actor.js";

/**
 * Whom the golden book's rules see acting: the user's id, or the command line by its
 * name (it has no account), which is also the nominator an entry it nominated records.
 */
export function actingUser(actor: Actor): string {
  return actor.userId ?? actor.displayName;
}
