import { Alert, Button, EmptyState, Skeleton, Stack, Text, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
import { problemOf } from "./errors/problem-of";
import { useI18n } from "./i18n/i18n";

/** What {@link QueryStatus} reads of a TanStack query. */
export interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch(): unknown;
}

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
 * happened in plain words and offers to try again. Nothing once data is there. A query that is
 * not enabled yet (`isPending` without fetching) shows nothing either.
 */
export function QueryStatus({ query, lines }: { query: QueryLike & { fetchStatus?: string }; lines?: number }) {
  const { t, locale } = useI18n();
  if (query.isPending && query.fetchStatus !== "idle") return <LoadingBlock lines={lines ?? 4} />;
  if (query.isError) {
    const problem = problemOf(query.error, locale);
    return (
      <Alert color="red" variant="light" my="sm" role="alert" data-code={problem.code}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm" inherit>
            {problem.sentence}
          </Text>
          <Button size="xs" variant="default" onClick={() => void query.refetch()}>
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
