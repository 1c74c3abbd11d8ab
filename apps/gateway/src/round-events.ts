import { createPubSub, type PubSub } from "graphql-yoga";
import { busEventTarget } from "./cluster/bus-event-target.js";
import type { ClusterBus } from "./cluster/cluster-bus.js";

/** Events of round progress, one topic per round. */
export type RoundEvents = PubSub<{ roundProgress: [roundId: string, payload: { roundId: string }] }>;

/**
 * A gateway's round-progress events: published after a change to a round's assignments or
 * scorecards commits, read by the `roundProgress` subscription (SSE). They travel over the
 * cluster bus, so a subscriber on any gateway of the database hears a change made through
 * any other.
 */
export function createRoundEvents(bus: ClusterBus): RoundEvents {
  return createPubSub({ eventTarget: busEventTarget(bus, "lantoa_round_progress") });
}

/** Tells subscribers, on every gateway, that a round's progress changed. */
export function publishRoundProgress(events: RoundEvents, roundId: string): void {
  events.publish("roundProgress", roundId, { roundId });
}
