import { Alert, Button, EmptyState, Skeleton, Stack, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
import { useI18n } from "./i18n/i18n";
import type { MessageKey } from "./i18n/messages-vi";
import { errorMessageKey, type QueryState } from "./use-query";

/** Grey bars where a page's content will appear, announced as loading to screen readers. */
export function LoadingBlock({ lines = 4 }: { lines?: number }) {
  const { t } = useI18n();
  return (
    <Stack gap="xs" role="status" aria-live="polite">
      <VisuallyHidden>{t("state.loading")}</VisuallyHidden>
      {Array.from({ length: lines }, (_, n) => `skeleton-line-${n}`).map((key, n) => (
        <Skeleton key={key} height={28} width={n === 0 ? "60%" : "100%"} />
      ))}
    </Stack>
  );
}

/**
 * The loading skeleton and the error box every page shows the same way: the error says what
 * happened in plain words and offers to try again. Nothing while data is shown.
 */
export function QueryStatus({
  state,
  reload,
  errorKey,
  lines,
}: {
  state: QueryState<unknown>;
  reload(): void;
  errorKey?: MessageKey | undefined;
  lines?: number;
}) {
  const { t } = useI18n();
  if (state.status === "loading" && state.data === undefined) return <LoadingBlock lines={lines ?? 4} />;
  if (state.status === "error") {
    const key = errorMessageKey(state.error);
    return (
      <Alert color="red" variant="light" my="sm">
        <Stack gap="xs" align="flex-start">
          <span>{t(key === "error.unknown" && errorKey ? errorKey : key)}</span>
          <Button size="xs" variant="default" onClick={reload}>
            {t("state.retry")}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return null;
}

/** What a page shows when a list has nothing in it: what that means and, in `children`, what to do. */
export function EmptyNote({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <EmptyState size="sm" align="left" description={text} my="md">
      {children}
    </EmptyState>
  );
}
