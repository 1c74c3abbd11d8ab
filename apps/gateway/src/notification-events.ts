import { createPubSub, type PubSub, Repeater } from "graphql-yoga";
import type { ClusterBus } from "./cluster/cluster-bus.js";

/** "Something new for this user", one topic per user id; `*` for every user. */
export interface NotificationEvents {
  readonly pubsub: PubSub<{ notificationsChanged: [userId: string, payload: true] }>;
  /** Whether any notice will ever come (PostgreSQL): without, a stream has nothing to wait for. */
  readonly live: boolean;
}

/**
 * A gateway's news of notifications: the database's `lantoa_notifications` notices (the
 * recipients of new notification rows, comma-separated, or `*`), told to the subscribers
 * of each recipient. After a lost bus connection everyone is told, since notices were
 * missed. Only PostgreSQL sends them.
 */
export function createNotificationEvents(bus: ClusterBus): NotificationEvents {
  const pubsub: NotificationEvents["pubsub"] = createPubSub();
  bus.listen("lantoa_notifications", (payload) => {
    for (const userId of new Set(payload.split(","))) pubsub.publish("notificationsChanged", userId, true);
  });
  bus.onReconnect(() => pubsub.publish("notificationsChanged", "*", true));
  return { pubsub, live: bus.hearsDatabase };
}

/**
 * A user's stream: at once, then on each notice for them or for everyone. Where no notice
 * can come (PGlite) it ends after the first event, so a client falls back to polling
 * rather than holding a connection open for nothing.
 */
export function notificationChangesFor(events: NotificationEvents, userId: string): AsyncIterable<true> {
  if (!events.live) return Repeater.merge([[true as const]]);
  return Repeater.merge([
    [true as const],
    events.pubsub.subscribe("notificationsChanged", userId),
    events.pubsub.subscribe("notificationsChanged", "*"),
  ]);
}
