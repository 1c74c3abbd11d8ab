import { RoundOverviewDocument, type RoundOverviewQuery, RoundProgressDocument } from "@lantoa/client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useSession } from "../session";
import { followSubscription } from "./follow-subscription";
import { graphqlEndpoint, graphqlQuery } from "./graphql";

/**
 * Feeds the round's cached overview from the gateway's `roundProgress` stream while the round
 * takes scorecards: each event's counts go straight into the cache (the page shows them at
 * once) and the overview is marked stale, so the assignments' states are re-read too. Returns
 * whether the stream is live; when it ends (refused, or a proxy that buffers it) the caller
 * polls instead.
 */
export function useRoundProgressFeed(roundId: string, active: boolean): boolean {
  const client = useQueryClient();
  const { session } = useSession();
  const token = session?.token ?? null;
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (!active) return;
    const { queryKey } = graphqlQuery(RoundOverviewDocument, { id: roundId });
    let first = true;
    const stop = followSubscription(graphqlEndpoint, RoundProgressDocument, { roundId }, token, {
      onData: ({ roundProgress }) => {
        setLive(true);
        // The first event is the state the page has just loaded.
        if (first) {
          first = false;
          return;
        }
        if (roundProgress) {
          client.setQueryData<RoundOverviewQuery>(queryKey, (old) =>
            old?.node && "progress" in old.node
              ? ({ ...old, node: { ...old.node, progress: roundProgress } } as RoundOverviewQuery)
              : old,
          );
        }
        void client.invalidateQueries({ queryKey });
      },
      onEnd: () => setLive(false),
    });
    return () => {
      stop();
      setLive(false);
    };
  }, [active, roundId, token, client]);

  return live;
}
