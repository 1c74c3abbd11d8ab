import { randomUUID } from "node:crypto";
import pgListen from "pg-listen";
import { BUS_CHANNELS, busListeners, type ClusterBus, MAX_NOTICE_BYTES, warnOfBus } from "./cluster-bus.js";

/** The `application_name` of every gateway's listening connection (what an operator sees in pg_stat_activity). */
export const BUS_APPLICATION_NAME = "lantoa-cluster-bus";

/**
 * The bus over PostgreSQL LISTEN/NOTIFY: one dedicated connection per gateway, listening
 * on every {@link BUS_CHANNELS} channel, which also sends this gateway's notices (one
 * connection keeps them in order: an import's `done` never overtakes its last step).
 * pg-listen reconnects when the connection is lost (a database restart,
 * `pg_terminate_backend`), with a growing pause up to 5 s and no limit, listens again,
 * and checks the connection every 30 s with a trivial query (a silently dropped network
 * path). Notices are delivered on commit only and to every listener, the sender's own
 * connection included. While disconnected, notices are lost: `onReconnect` listeners
 * empty what they might have emptied. (pg-listen 1.7 sends its LISTENs after a
 * reconnection all at once, which pg 8 queues with a deprecation warning and pg 9 will
 * refuse: check it before moving to pg 9.)
 */
export async function postgresClusterBus(databaseUrl: string): Promise<ClusterBus> {
  const listeners = busListeners();
  const reconnected = new Set<() => void>();
  let closed = false;
  let connectedOnce = false;
  const subscriber = pgListen.default(
    { connectionString: databaseUrl, application_name: BUS_APPLICATION_NAME },
    {
      // Payloads stay text: the session channel's come from SQL, not JSON.
      parse: (text: string) => text,
      serialize: (text: string) => text,
      retryTimeout: 0,
      retryInterval: (attempt: number) => Math.min(100 * 2 ** attempt, 5_000),
      paranoidChecking: 30_000,
    },
  );
  subscriber.events.on("notification", ({ channel, payload }) => listeners.deliver(channel, payload ?? ""));
  // pg-listen reports here a payload it could not read and a reconnection that failed
  // after connecting (the 30 s check then starts another): without a listener, the
  // process would end.
  subscriber.events.on("error", (error) => warnOfBus(`The cluster bus's connection failed: ${error.message}`));
  subscriber.events.on("connected", () => {
    // pg-listen keeps trying after close when it was reconnecting: end what it found.
    if (closed) {
      void subscriber.close().catch(() => undefined);
      return;
    }
    if (!connectedOnce) {
      connectedOnce = true;
      return;
    }
    warnOfBus("The cluster bus reconnected; notices sent meanwhile are lost, so the caches were emptied.");
    for (const listener of reconnected) listener();
  });
  try {
    await subscriber.connect();
    for (const channel of BUS_CHANNELS) await subscriber.listenTo(channel);
  } catch (error) {
    closed = true;
    await subscriber.close().catch(() => undefined);
    throw error;
  }
  let sending = Promise.resolve();
  return {
    id: randomUUID(),
    hearsDatabase: true,
    notify(channel, payload) {
      if (Buffer.byteLength(payload) > MAX_NOTICE_BYTES) {
        warnOfBus(`A notice on ${channel} of ${Buffer.byteLength(payload)} bytes was not sent (the limit is 8000).`);
        return;
      }
      // One at a time: in order, and never a query on the connection while another runs.
      sending = sending
        .then(() => subscriber.notify(channel, payload))
        .then(
          () => undefined,
          (error: Error) => warnOfBus(`A notice on ${channel} was not sent: ${error.message}`),
        );
    },
    listen: listeners.listen,
    onReconnect(listener) {
      reconnected.add(listener);
      return () => void reconnected.delete(listener);
    },
    async close() {
      closed = true;
      // The notices already handed over go out first (a failing one settles at once).
      await sending;
      await subscriber.close().catch(() => undefined);
    },
  };
}
