import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * What a document may hold before anything else looks at it. The admin app's largest
 * operation has about 120 tokens, no aliases and no directives; these leave room for
 * other clients while a hostile document is refused in time linear in its size.
 */
export const QUERY_LIMITS = {
  /** Lexer tokens, counted while parsing: parsing stops at the first one past the limit. */
  tokens: 5_000,
  /** Aliased fields: each alias of a field is one more call of its resolver. */
  aliases: 30,
  directives: 20,
  /** Field nesting, fragments flattened: the same measure as the cost check's depth. */
  depth: 12,
  /** The JSON body of a request that is not an upload. */
  jsonBodyBytes: 1024 * 1024,
} as const;

type Kind = "Tokens" | "Aliases" | "Directives" | "Depth";

const words: Record<Kind, [vi: string, en: string]> = {
  Tokens: ["dài", "long"],
  Aliases: ["nhiều bí danh", "many aliases"],
  Directives: ["nhiều chỉ thị", "many directives"],
  Depth: ["sâu", "deep"],
};

/** The limit's refusal as the cost check words it (QUERY_TOO_COMPLEX), so clients handle one code. */
function tooComplex(kind: Kind, limit: number, found: string): never {
  const [vi, en] = words[kind];
  throw new GraphQLError(`Truy vấn quá ${vi} (${found}). / The query is too ${en}; ask for less.`, {
    extensions: { code: "QUERY_TOO_COMPLEX", kind, limit, http: { status: 400 } },
  });
}

/** graphql-armor's refusal message ends with "found N." for every limit but tokens. */
const foundIn = (error: GraphQLError) => /found (\d+)/.exec(error.message)?.[0] ?? "limit exceeded";

/** Options of {@link useQueryLimits}. */
export interface QueryLimitOptions {
  /** Answer introspection queries (GraphiQL and code generators need them). */
  readonly introspection: boolean;
  /** Say "Did you mean …?" in validation errors; they reveal the schema to whoever probes it. */
  readonly fieldSuggestions: boolean;
}

/**
 * Refuses oversized documents before validation or the cost check run (graphql-armor: a
 * token limit inside the parser, then aliases, directives and depth in one pass each),
 * caps the JSON body, and in production hides the schema: no introspection, no field
 * suggestions. Costs, connection pages included, are still checked by the complexity
 * plugin at execution; each alias counts there as the field it repeats.
 */
export function useQueryLimits(options: QueryLimitOptions): Plugin[] {
  const reject = (kind: Kind, limit: number) => [
    (_context: unknown, error: GraphQLError) => tooComplex(kind, limit, foundIn(error)),
  ];
  const plugins: Plugin[] = [
    useJsonBodyLimit(QUERY_LIMITS.jsonBodyBytes),
    maxTokensPlugin({ n: QUERY_LIMITS.tokens, onReject: reject("Tokens", QUERY_LIMITS.tokens) }) as Plugin,
    maxAliasesPlugin({ n: QUERY_LIMITS.aliases, onReject: reject("Aliases", QUERY_LIMITS.aliases) }) as Plugin,
    maxDirectivesPlugin({
      n: QUERY_LIMITS.directives,
      onReject: reject("Directives", QUERY_LIMITS.directives),
    }) as Plugin,
    maxDepthPlugin({
      n: QUERY_LIMITS.depth,
      flattenFragments: true,
      onReject: reject("Depth", QUERY_LIMITS.depth),
    }) as Plugin,
  ];
  if (!options.introspection) plugins.push(useDisableIntrospection());
  if (!options.fieldSuggestions) plugins.push(blockFieldSuggestionsPlugin() as Plugin);
  return plugins;
}

/**
 * Refuses a JSON or form body larger than `limit` (uploads have their own limits): by its
 * declared length before reading, and while reading a body sent without one (chunked).
 */
function useJsonBodyLimit(limit: number): Plugin {
  const tooLarge = () =>
    new GraphQLError(`Yêu cầu quá lớn (tối đa ${limit} byte). / The request body is larger than ${limit} bytes.`, {
      extensions: { code: "PAYLOAD_TOO_LARGE", http: { status: 413 } },
    });
  return {
    onRequestParse: ({ request, requestParser, setRequestParser, fetchAPI }) => {
      if (request.method !== "POST" || (request.headers.get("content-type") ?? "").startsWith("multipart/")) return;
      const declared = request.headers.get("content-length");
      if (declared !== null) {
        // Node's HTTP parser never reads past the declared length, so checking it is enough,
        // and spares every ordinary request a web stream wrapped around its body (which cost
        // more CPU than answering `{ __typename }`).
        if (Number(declared) > limit) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((req) => {
        let read = 0;
        // The body may be Node's stream or the fetch ponyfill's: pipe it through its own kind.
        const Transform = req.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
        const body = (req.body as ReadableStream<Uint8Array>).pipeThrough(
          new Transform<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              read += chunk.byteLength;
              if (read > limit) controller.error(tooLarge());
              else controller.enqueue(chunk);
            },
          }),
        );
        return parse(
          new fetchAPI.Request(req.url, {
            method: req.method,
            headers: req.headers,
            body,
            duplex: "half",
          } as RequestInit),
        );
      });
    },
  };
}
