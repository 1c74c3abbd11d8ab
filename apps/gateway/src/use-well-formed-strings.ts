import { type DocumentNode, GraphQLError, Kind, visit } from "graphql";
import type { Plugin } from "graphql-yoga";

/** Half of a UTF-16 surrogate pair without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A NUL or a lone surrogate: PostgreSQL stores neither as text. */
const isMalformed = (text: string) => text.includes("\u0000") || LONE_SURROGATE.test(text);

/** The first string in `value` (a variables object, at any depth) that PostgreSQL could not store. */
function malformedIn(value: unknown, depth = 0): string | null {
  if (typeof value === "string") return isMalformed(value) ? value : null;
  if (depth > 64 || value === null || typeof value !== "object") return null;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const found = malformedIn(item, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** Documents already walked: yoga's parser cache hands the same document to every request that sends its text. */
const literalsChecked = new WeakMap<DocumentNode, boolean>();

function malformedLiteral(document: DocumentNode): boolean {
  const known = literalsChecked.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (isMalformed(node.value)) found = true;
    },
  });
  literalsChecked.set(document, found);
  return found;
}

const refusal = () =>
  new GraphQLError(
    "Văn bản chứa ký tự không hợp lệ (ký tự NUL hoặc nửa cặp UTF-16). / Text holds a character that is not allowed (NUL or half a UTF-16 pair).",
    { extensions: { code: "BAD_USER_INPUT", reason: "MALFORMED_TEXT" } },
  );

/**
 * Refuses, before any resolver runs, a request whose arguments hold a NUL character or a
 * lone UTF-16 surrogate, in its variables or in the document's own string literals.
 * PostgreSQL stores neither as text, so such a search text, name or round code used to
 * reach the database and come back as an internal error; it is the caller's input, and
 * says so (BAD_USER_INPUT).
 */
export function useWellFormedStrings(): Plugin {
  const check = (document: DocumentNode, variables: unknown) =>
    malformedIn(variables) !== null || malformedLiteral(document);
  return {
    onExecute: ({ args, setResultAndStopExecution }) => {
      if (check(args.document, args.variableValues)) setResultAndStopExecution({ errors: [refusal()] });
    },
    onSubscribe: ({ args, setResultAndStopExecution }) => {
      if (check(args.document, args.variableValues)) setResultAndStopExecution({ errors: [refusal()] });
    },
  };
}
