import { createPubSub } from "graphql-yoga";

/**
 * In-process events of round progress: published after a change to a round's
 * assignments or scorecards commits, read by the `roundProgress` subscription (SSE).
 * One gateway process; several would need a shared bus (e.g. PostgreSQL LISTEN/NOTIFY).
 */
export const roundEvents = createPubSub<{ roundProgress: [roundId: string, payload: { roundId: string }] }>();

/** Tells subscribers that a round's progress changed. */
export function publishRoundProgress(roundId: string): void {
  roundEvents.publish("roundProgress", roundId, { roundId });
}
