import type { PubSubEventTarget } from "graphql-yoga";
import { type BusChannel, type ClusterBus, warnOfBus } from "./cluster-bus.js";

/**
 * An event target for graphql-yoga's `createPubSub({ eventTarget })` whose events travel
 * over the cluster bus: `dispatchEvent` sends a notice (the event's type and detail, as
 * JSON) on `channel`, and each notice heard there is dispatched to this gateway's
 * subscribers, whichever gateway published it (the redis-event-target pattern). Details
 * must survive JSON.
 *
 * @example
 * const roundEvents = createPubSub<{ roundProgress: [string, { roundId: string }] }>({
 *   eventTarget: busEventTarget(bus, "lantoa_round_progress"),
 * });
 */
// biome-ignore lint/suspicious/noExplicitAny: the constraint graphql-yoga's own PubSub types declare.
export function busEventTarget<Args extends { [key: string]: [] | [any] | [number | string, any] }>(
  bus: ClusterBus,
  channel: BusChannel,
): PubSubEventTarget<Args> {
  const local = new EventTarget();
  bus.listen(channel, (payload) => {
    let event: { type: string; detail: unknown };
    try {
      event = JSON.parse(payload);
    } catch {
      warnOfBus(`An unreadable notice on ${channel} was ignored.`);
      return;
    }
    local.dispatchEvent(new CustomEvent(event.type, { detail: event.detail }));
  });
  return {
    addEventListener: (type, callback, options) => local.addEventListener(type, callback as EventListener, options),
    removeEventListener: (type, callback, options) =>
      local.removeEventListener(type, callback as EventListener, options),
    dispatchEvent(event) {
      bus.notify(channel, JSON.stringify({ type: event.type, detail: event.detail }));
      return true;
    },
  };
}
