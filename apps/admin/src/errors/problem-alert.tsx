import { Alert, Text } from "@mantine/core";
import { type ReactNode, useEffect, useRef } from "react";
import { useI18n } from "../i18n/i18n";
import { type Problem, problemOf } from "./problem-of";

/**
 * A failure in plain words, announced to screen readers and given the focus when it appears
 * (after a refused submit the user lands on the reason). Nothing when there is no error.
 */
export function ProblemAlert({
  error,
  problem,
  testId,
  children,
  focus = true,
}: {
  error?: unknown;
  problem?: Problem | null;
  testId?: string;
  /** More about it, such as the models a refusal names. */
  children?: ReactNode;
  focus?: boolean;
}) {
  const { locale } = useI18n();
  const shown = problem ?? (error ? problemOf(error, locale) : null);
  const ref = useRef<HTMLDivElement>(null);
  const key = shown ? `${shown.code}|${shown.detail ?? ""}` : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus once per new problem, named by `key`.
  useEffect(() => {
    if (key && focus) ref.current?.focus();
  }, [key]);
  if (!shown) return null;
  return (
    <Alert ref={ref} tabIndex={-1} color="red" variant="light" role="alert" data-testid={testId} data-code={shown.code}>
      <Text size="sm" fw={600} inherit>
        {shown.sentence}
      </Text>
      {shown.detail && (
        <Text size="sm" mt={4} inherit>
          {shown.detail}
        </Text>
      )}
      {children}
    </Alert>
  );
}
