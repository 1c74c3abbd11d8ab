import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../context.js";
import type { ReadRouter } from "./read-router.js";

/**
 * The one place that decides where a request's routed reads go (`context.reportsDb`): a
 * query's go where the router says for its viewer, a mutation's stay on the primary (its
 * payload reads what it just wrote). After a signed-in viewer's mutation, the primary's
 * WAL position is remembered for them before the response leaves, so their next reads
 * go to a replica only once it has replayed their write.
 */
export function useReadReplicas(router: ReadRouter): Plugin<Context> {
  return {
    onExecute({ args, extendContext, executeFn, setExecuteFn }) {
      const context = args.contextValue as Context;
      const userId = context.viewer?.userId ?? null;
      if (getOperationAST(args.document, args.operationName)?.operation !== "mutation") {
        extendContext({ reportsDb: router.readerFor(userId) });
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
