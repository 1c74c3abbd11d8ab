import type { Database } from "@lantoa/db";
import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Kysely } from "kysely";
import type { Context } from "../context.js";
import type { ReadRouter } from "./read-router.js";

const replicaAnswers = new WeakSet<object>();

/** Whether this execution result read something on a replica (it may predate a write the bus announced). */
export function answeredByReplica(result: object): boolean {
  return replicaAnswers.has(result);
}

/**
 * The one place that decides where a request's routed reads go (`context.reportsDb`): a
 * query's go where the router says for its viewer, a mutation's stay on the primary (its
 * payload reads what it just wrote). After a signed-in viewer's mutation, the primary's
 * WAL position is remembered for them before the response leaves, so their next reads
 * go to a replica only once it has replayed their write.
 */
export function useReadReplicas(router: ReadRouter, primary: Kysely<Database>): Plugin<Context> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const context = args.contextValue as Context;
      const userId = context.viewer?.userId ?? null;
      if (getOperationAST(args.document, args.operationName)?.operation !== "mutation") {
        // Chosen when a resolver first asks, and remembered: an answer that read a replica is
        // marked (see answeredByReplica) so that no cache keeps what may predate a write.
        let reader: Kysely<Database> | undefined;
        Object.defineProperty(context, "reportsDb", {
          configurable: true,
          get: () => {
            reader ??= router.readerFor(userId);
            return reader;
          },
        });
        setExecuteFn(async (executeArgs) => {
          const result = await executeFn(executeArgs);
          if (reader !== undefined && reader !== primary && typeof result === "object" && result !== null) {
            replicaAnswers.add(result);
          }
          return result;
        });
        return;
      }
      if (userId === null) return;
      setExecuteFn(async (executeArgs) => {
        try {
          return await executeFn(executeArgs);
        } finally {
          await router.noteWriteOf(userId);
        }
      });
    },
  };
}
