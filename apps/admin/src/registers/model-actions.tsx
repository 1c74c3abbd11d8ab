import {
  isDomainError,
  type ModelAction,
  ModelAllowedActionsDocument,
  type ModelDetailQuery,
  request,
  TransitionModelDocument,
} from "@lantoa/client";
import { Alert, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/i18n";
import { failureOf, refusalOf } from "../mutation-errors";
import { useSession } from "../session";
import { graphqlEndpoint, useQuery } from "../use-query";
import { ModelEditForm } from "./model-edit-form";

type ModelNode = Extract<NonNullable<ModelDetailQuery["node"]>, { __typename: "Model" }>;

/** Steps the domain's lifecycle only takes with a reason (returned, suspended, archived). */
const needsReason: readonly ModelAction[] = ["return", "suspend", "archive"];

/** Draft and returned models may still be edited. */
const editableStatuses: readonly string[] = ["draft", "returned"];

type Outcome = { kind: "done"; text: string } | { kind: "error"; text: string; code?: string | null };

/**
 * The lifecycle buttons the gateway says this viewer may press now (`allowedActions`), a dialog
 * asking the reason where the step needs one, and the Edit form while the model is a draft.
 */
export function ModelActions({ model, reload }: { model: ModelNode; reload(): void }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const { session } = useSession();
  const allowed = useQuery(ModelAllowedActionsDocument, { id: model.id });
  const [asking, setAsking] = useState<ModelAction | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const reloadAllowed = allowed.reload;

  // A new version (edited, moved on) may allow other steps.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read when the model's version changes.
  useEffect(() => reloadAllowed(), [model.version, reloadAllowed]);

  if (!session) return null;
  const node = allowed.data?.node;
  const actions = node?.__typename === "Model" ? (node.allowedActions ?? []) : [];
  // Those who may submit a draft may also edit it; the gateway has the last word.
  const mayEdit = editableStatuses.includes(model.status ?? "") && actions.includes("submit");

  async function run(action: ModelAction, withReason: string | null) {
    if (model.version == null || !session) return;
    setBusy(true);
    setOutcome(null);
    try {
      const { transitionModel } = await request(
        graphqlEndpoint,
        TransitionModelDocument,
        { id: model.id, action, expectedVersion: model.version, reason: withReason },
        { token: session.token },
      );
      if (isDomainError(transitionModel)) {
        const refusal = refusalOf(transitionModel, i18n);
        const stale = transitionModel.code === "DB.STALE_VERSION";
        setOutcome({ kind: "error", text: stale ? t("registers.staleModel") : refusal.text, code: refusal.code });
        // The model changed under us: close the dialog and show what is there now.
        if (stale || transitionModel.code === "MODEL.TRANSITION_NOT_ALLOWED") {
          setAsking(null);
          reload();
        }
        return;
      }
      setAsking(null);
      setReason("");
      const status = transitionModel?.data.model?.status;
      setOutcome({
        kind: "done",
        text: t("detail.done", { action: label("action", action), status: label("status", status) }),
      });
      reload();
    } catch (cause) {
      setOutcome({ kind: "error", ...failureOf(cause, i18n) });
    } finally {
      setBusy(false);
    }
  }

  function press(action: ModelAction) {
    if (!needsReason.includes(action)) return void run(action, null);
    setReason("");
    setReasonError(null);
    setOutcome(null);
    setAsking(action);
  }

  return (
    <Card withBorder component="section" aria-labelledby="actions-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="actions-heading">
          {t("detail.actions")}
        </Title>
        {allowed.status === "loading" && !allowed.data ? (
          <Text c="dimmed">{t("state.loading")}</Text>
        ) : actions.length === 0 && !mayEdit ? (
          <Text c="dimmed" data-testid="no-actions">
            {t("detail.noActions")}
          </Text>
        ) : (
          <Group gap="xs" data-testid="allowed-actions">
            {mayEdit && (
              <Button variant="light" onClick={() => setEditing((open) => !open)} aria-expanded={editing}>
                {t("registers.edit")}
              </Button>
            )}
            {actions.map((action) => (
              <Button
                key={action}
                variant={needsReason.includes(action) ? "default" : "filled"}
                disabled={busy}
                onClick={() => press(action)}
              >
                {label("action", action)}
              </Button>
            ))}
          </Group>
        )}
        {editing && mayEdit && (
          <ModelEditForm
            model={model}
            onDone={(text) => {
              setEditing(false);
              setOutcome({ kind: "done", text });
              reload();
            }}
            onStale={() => {
              setEditing(false);
              reload();
            }}
            onCancel={() => setEditing(false)}
          />
        )}
        {outcome && (
          <Alert
            role={outcome.kind === "error" ? "alert" : "status"}
            color={outcome.kind === "error" ? "red" : "green"}
            variant="light"
            data-testid="action-outcome"
          >
            {outcome.text}
            {outcome.kind === "error" && outcome.code ? (
              <Text span c="dimmed" size="xs">
                {" "}
                ({outcome.code})
              </Text>
            ) : null}
          </Alert>
        )}
      </Stack>
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t("registers.reasonFor", { action: label("action", asking) }) : ""}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!asking) return;
            if (!reason.trim()) return setReasonError(t("registers.reasonRequired"));
            void run(asking, reason.trim());
          }}
          noValidate
        >
          <Stack gap="sm">
            <Textarea
              label={t("detail.reason")}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError}
              autosize
              minRows={3}
              data-autofocus
              withAsterisk
            />
            {outcome?.kind === "error" && (
              <Alert color="red" variant="light" role="alert">
                {outcome.text}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)}>
                {t("registers.cancel")}
              </Button>
              <Button type="submit" loading={busy}>
                {asking ? label("action", asking) : ""}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
