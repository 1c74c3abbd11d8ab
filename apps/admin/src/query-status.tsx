import { useI18n } from "./i18n/i18n";
import type { MessageKey } from "./i18n/messages-vi";
import { errorMessageKey, type QueryState } from "./use-query";

/**
 * The loading line and the error box every page shows the same way: the error says what
 * happened in plain words and offers to try again.
 */
export function QueryStatus({
  state,
  reload,
  errorKey,
}: {
  state: QueryState<unknown>;
  reload(): void;
  errorKey?: MessageKey | undefined;
}) {
  const { t } = useI18n();
  if (state.status === "loading") {
    return (
      <p role="status" className="status">
        {t("state.loading")}
      </p>
    );
  }
  if (state.status === "error") {
    const key = errorMessageKey(state.error);
    return (
      <div role="alert" className="alert">
        <p>{t(key === "error.unknown" && errorKey ? errorKey : key)}</p>
        <button type="button" onClick={reload}>
          {t("state.retry")}
        </button>
      </div>
    );
  }
  return null;
}
