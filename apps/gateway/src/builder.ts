import { canReadUnit, holdsRoleOver, isSystemAdmin, STAFF_ROLES } from "@lantoa/app";
import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import ErrorsPlugin from "@pothos/plugin-errors";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import { GraphQLError } from "graphql";
import { modelsUnderReviewBy } from "./auth/reviewer-assignments.js";
import type { Context } from "./context.js";

/** How many ids one `nodes(ids:)` call may ask for. */
export const MAX_NODE_IDS = 100;

/** The most a query may cost, nest and spread (the complexity plugin's limit). */
export const COMPLEXITY_LIMIT = { complexity: 10000, depth: 12, breadth: 200 } as const;

/** The one Pothos builder; configuration only — types live in `schema/<type>.ts`. */
export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: { File: { Input: File; Output: never } };
  // Connection resolvers hand back a thunk, so the count query runs only when asked for.
  Connection: { totalCount: () => Promise<number> };
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  AuthScopes: {
    /** Any signed-in user. */
    signedIn: boolean;
    systemAdmin: boolean;
    /** Reads inside the subtree of one of the viewer's roles; the parameter is a unit path. */
    readsUnit: string;
    /** Administers the unit (a unit admin above or at it, or a system admin); the parameter is a unit path. */
    administersUnit: string;
    /** Works for the unit: an admin or an officer whose scope covers it; the parameter is a unit path. */
    worksForUnit: string;
    /** Is assigned to review the model in a round not yet finalized; the parameter is a model id. */
    reviewsModel: string;
  };
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, RelayPlugin, DataloaderPlugin, ComplexityPlugin],
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodesQueryOptions: {
      description: `Up to ${MAX_NODE_IDS} objects by global id, in the order asked; null where one does not exist or may not be read.`,
      resolve: (_root, args, _context, _info, resolveNodes) => {
        if (args.ids.length > MAX_NODE_IDS) {
          throw new GraphQLError(
            `Tối đa ${MAX_NODE_IDS} mã mỗi lần (nhận ${args.ids.length}). / At most ${MAX_NODE_IDS} ids at once (got ${args.ids.length}).`,
            { extensions: { code: "TOO_MANY_IDS", max: MAX_NODE_IDS, got: args.ids.length } },
          );
        }
        return resolveNodes(args.ids);
      },
    },
  },
  scopeAuth: {
    // A subscription is authorized when it starts, not only when each event resolves.
    authorizeOnSubscribe: true,
    authScopes: (context) => ({
      signedIn: context.viewer !== null,
      systemAdmin: isSystemAdmin(context.viewer),
      readsUnit: (unitPath) => canReadUnit(context.viewer, unitPath),
      administersUnit: (unitPath) => holdsRoleOver(context.viewer, ["unit-admin"], unitPath),
      worksForUnit: (unitPath) => holdsRoleOver(context.viewer, STAFF_ROLES, unitPath),
      reviewsModel: async (modelId) => (await modelsUnderReviewBy(context)).has(modelId),
    }),
    unauthorizedError: () =>
      new GraphQLError("Bạn không có quyền thực hiện thao tác này. / You are not allowed to do this.", {
        extensions: { code: "FORBIDDEN" },
      }),
  },
  errors: { defaultTypes: [] },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    // A list counts 10 times its items unless it says otherwise, a connection its page size.
    // The admin app's largest reads (the unit tree editor's 500 units with parents, about
    // 6,000; the model list's 200 with unit, parent, outcomes and result) stay below.
    limit: COMPLEXITY_LIMIT,
    complexityError: (kind, result) =>
      new GraphQLError(
        `Truy vấn quá ${kind === "Depth" ? "sâu" : kind === "Breadth" ? "rộng" : "nặng"} (${JSON.stringify(result)}). / The query is too ${kind === "Depth" ? "deep" : kind === "Breadth" ? "broad" : "costly"}; ask for less.`,
        { extensions: { code: "QUERY_TOO_COMPLEX", kind, ...result } },
      ),
  },
});

/**
 * The cost multiplier of a connection field: its page size. Its `edges` list already
 * counts ten times, so the field adds the rest (a page of 200 costs like 200 nodes).
 */
export function connectionComplexity(args: { first?: number | null; last?: number | null }, defaultSize: number) {
  return { field: 1, multiplier: Math.max(1, Math.ceil((args.first ?? args.last ?? defaultSize) / 10)) };
}

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

builder.globalConnectionField("totalCount", (t) =>
  t.int({
    nullable: false,
    description: "How many items match, across all pages.",
    resolve: (connection) => connection.totalCount(),
  }),
);
