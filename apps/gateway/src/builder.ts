import SchemaBuilder from "@pothos/core";
import RelayPlugin from "@pothos/plugin-relay";
import type { Context } from "./context.js";

/** The one Pothos builder; configuration only — types live in `schema/<type>.ts`. */
export const builder = new SchemaBuilder<{
  Context: Context;
  // Connection resolvers hand back a thunk, so the count query runs only when asked for.
  Connection: { totalCount: () => Promise<number> };
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [RelayPlugin],
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
});

builder.queryType({});

builder.globalConnectionField("totalCount", (t) =>
  t.int({
    nullable: false,
    description: "How many items match, across all pages.",
    resolve: (connection) => connection.totalCount(),
  }),
);
