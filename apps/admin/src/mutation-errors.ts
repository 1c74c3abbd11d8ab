import { GraphQLRequestError } from "@lantoa/client";
import type { I18n } from "./i18n/i18n";
import { errorMessageKey } from "./use-query";

/** A refused mutation as the user reads it: the gateway's words in their language, and its code. */
export interface Refusal {
  text: string;
  code: string | null;
}

/** The text of a `DomainError` the gateway returned, in the user's language. */
export function refusalOf(
  error: { code?: string | null; message?: string | null; messageVi?: string | null },
  i18n: Pick<I18n, "locale" | "t">,
): Refusal {
  const text = (i18n.locale === "vi" ? error.messageVi : error.message) ?? i18n.t("error.unknown");
  return { text, code: error.code ?? null };
}

/** A thrown request error (network, validation, access) as plain words. */
export function failureOf(cause: unknown, i18n: Pick<I18n, "t">): Refusal {
  // Argument validation comes back as a GraphQL error without a code: its message names the field.
  if (cause instanceof GraphQLRequestError && cause.kind === "graphql" && !cause.code) {
    return { text: i18n.t("form.serverError", { message: cause.message }), code: null };
  }
  return {
    text: i18n.t(errorMessageKey(cause)),
    code: cause instanceof GraphQLRequestError ? (cause.code ?? null) : null,
  };
}
