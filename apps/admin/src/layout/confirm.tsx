import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react";
import { useI18n } from "../i18n/i18n";

/** What a confirmation asks: the question, what will happen in plain words, and the button that goes ahead. */
export interface ConfirmRequest {
  /** The question, e.g. "Công bố phiên bản 3?". */
  readonly title: string;
  /** What will happen, and what cannot be undone afterwards. */
  readonly consequence: string;
  /** The button that goes ahead: the step's own name ("Công bố"). */
  readonly confirmLabel: string;
  /** A step that takes something away (red button). */
  readonly danger?: boolean;
}

type Ask = (request: ConfirmRequest) => Promise<boolean>;

const ConfirmContext = createContext<Ask | null>(null);

/**
 * One confirmation dialog for the whole app: every irreversible step asks through
 * {@link useConfirm} before it runs, saying what will happen.
 */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const answer = useRef<((yes: boolean) => void) | null>(null);
  const close = useCallback((yes: boolean) => {
    answer.current?.(yes);
    answer.current = null;
    setRequest(null);
  }, []);
  const ask = useCallback<Ask>((next) => {
    // A question still open is answered "no" before the next one is asked.
    answer.current?.(false);
    setRequest(next);
    return new Promise<boolean>((resolve) => {
      answer.current = resolve;
    });
  }, []);
  const value = useMemo(() => ask, [ask]);
  return (
    <ConfirmContext.Provider value={value}>
      {children}
      <Modal opened={request !== null} onClose={() => close(false)} title={request?.title ?? ""} centered>
        {request && (
          <Stack gap="md" data-testid="confirm-dialog">
            <Text size="sm">{request.consequence}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => close(false)}>
                {t("confirm.cancel")}
              </Button>
              <Button color={request.danger ? "red" : undefined} onClick={() => close(true)} data-autofocus>
                {request.confirmLabel}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </ConfirmContext.Provider>
  );
}

/** The confirmation of the app, or null outside a {@link ConfirmProvider} (a form rendered alone in a test). */
export function useConfirmIfProvided(): Ask | null {
  return useContext(ConfirmContext);
}

/**
 * Asks the user to confirm a step; resolves `true` when they go ahead.
 *
 * @example if (await confirm({ title, consequence, confirmLabel })) publish.mutate(...)
 */
export function useConfirm(): Ask {
  const ask = useContext(ConfirmContext);
  if (!ask) throw new Error("useConfirm needs a ConfirmProvider above it");
  return ask;
}
