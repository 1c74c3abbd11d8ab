import { GraphQLRequestError } from "@lantoa/client";
import { DomainRefusal } from "../data/graphql";
import { errorSentence } from "./error-sentences";

/** A failure as the user reads it: the sentence for its code, and the gateway's own words under it. */
export interface Problem {
  /** The code it came with (`DB.STALE_VERSION`, `FORBIDDEN`, `NETWORK`…), for tests and support, never shown alone. */
  code: string;
  sentence: string;
  /** The gateway's words when they add something (the record named, the requirement missed). */
  detail: string | null;
  /** A refusal's machine-readable details (`modelIds`, `requirement`…). */
  details: Readonly<Record<string, unknown>>;
}

function codeOf(error: unknown): string {
  if (error instanceof DomainRefusal) return error.code;
  if (!(error instanceof GraphQLRequestError)) return "UNKNOWN";
  if (error.kind === "network") return "NETWORK";
  if (error.status === 413) return "PAYLOAD_TOO_LARGE";
  if (error.kind === "http") return (error.status ?? 0) >= 500 ? "INTERNAL_SERVER_ERROR" : "UNKNOWN";
  return error.code ?? "BAD_USER_INPUT";
}

/**
 * What went wrong, in the user's language: a refused mutation (`DomainRefusal`) or a failed
 * request (`GraphQLRequestError`). A code without a sentence (never, while the sentence test
 * passes) falls back to the gateway's words, then to a general sentence.
 */
export function problemOf(error: unknown, locale: "vi" | "en"): Problem {
  const code = codeOf(error);
  const said =
    error instanceof DomainRefusal
      ? ((locale === "vi" ? error.messageVi : error.message) ?? null)
      : error instanceof GraphQLRequestError && error.kind === "graphql" && code === "BAD_USER_INPUT"
        ? error.message
        : null;
  const sentence = errorSentence(code, locale) ?? said ?? (errorSentence("UNKNOWN", locale) as string);
  const detail = said && said.trim() !== sentence.trim() ? said : null;
  return { code, sentence, detail, details: error instanceof DomainRefusal ? error.details : {} };
}
