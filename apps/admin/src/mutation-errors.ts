import { GraphQLRequestError } from "@lantoa/client";
import { useState } from "react";
import { type I18n, useI18n } from "./i18n/i18n";
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

/**
 * A form's mutation: `busy` while it runs; `problem` holds what the action returns (a
 * refusal) or what it throws, in plain words; `after` runs in any case (a reload).
 *
 * @example
 * const { busy, problem, act } = useAction(reload);
 * act(async () => { const r = await request(...); return isDomainError(r) ? refusalOf(r, i18n) : null; });
 */
export function useAction(after: () => void) {
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Refusal | null>(null);
  const act = async (action: () => Promise<Refusal | null>) => {
    setBusy(true);
    setProblem(null);
    try {
      setProblem(await action());
    } catch (error) {
      setProblem(failureOf(error, i18n));
    } finally {
      setBusy(false);
      after();
    }
  };
  return { busy, problem, act };
}
