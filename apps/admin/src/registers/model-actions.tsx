import { type ModelAction, ModelAllowedActionsDocument, TransitionModelDocument } from "@lantoa/client";
import { editableModelStatuses, modelLifecycle } from "@lantoa/domain/model";
import { Alert, Button, Card, Group, List, Modal, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { graphqlMutation, graphqlQuery } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages-vi";
import { useConfirm } from "../layout/confirm";
import type { ModelNode } from "../model-detail-page";
import { useSession, viewerRoles } from "../session";
import { ModelEditForm } from "./model-edit-form";

/**
 * The lifecycle buttons the gateway says this viewer may press now (`allowedActions`), a dialog
 * asking the reason where the step needs one, the Edit form while the model is a draft, and,
 * for the other steps of this status, who takes them.
 */
export function ModelActions({ model }: { model: ModelNode }) {
  const { t, label } = useI18n();
  const { session } = useSession();
  // The version is in the key: a model edited or moved on may allow other steps.
  const allowed = useQuery(graphqlQuery(ModelAllowedActionsDocument, { id: model.id }));
  const transition = useMutation(graphqlMutation(TransitionModelDocument));
  const confirm = useConfirm();
  const [asking, setAsking] = useState<ModelAction | null>(null);
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  if (!session) return null;
  const node = allowed.data?.node;
  const actions = node?.__typename === "Model" ? (node.allowedActions ?? []) : [];
  const status = model.status ?? "";
  // Those who may submit a draft may also edit it; the gateway has the last word.
  const mayEdit = (editableModelStatuses as readonly string[]).includes(status) && actions.includes("submit");
  const rules = modelLifecycle.filter((r) => r.action !== "draft" && r.from.includes(status as never));
  const roles = viewerRoles(session);
  // The steps of this status the viewer may not take here, and who takes them.
  const elsewhere = roles.includes("system-admin")
    ? []
    : rules.filter((r) => !actions.includes(r.action as ModelAction));

  const run = (action: ModelAction, reason: string | null) =>
    transition.mutateAsync({ id: model.id, action, expectedVersion: model.version ?? 0, reason });
  const succeeded = (action: ModelAction, to: string | null | undefined) =>
    setDone(t("detail.done", { action: label("action", action), status: label("status", to) }));

  return (
    <Card withBorder component="section" aria-labelledby="actions-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="actions-heading">
          {t("detail.actions")}
        </Title>
        {allowed.isPending ? (
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
            {actions.map((action) => {
              const needsReason = modelLifecycle.find((r) => r.action === action)?.reasonRequired ?? false;
              return (
                <Button
                  key={action}
                  variant={needsReason ? "default" : "filled"}
                  disabled={transition.isPending}
                  loading={transition.isPending && transition.variables?.action === action}
                  onClick={() => {
                    setDone(null);
                    transition.reset();
                    if (needsReason) setAsking(action);
                    else
                      void confirm({
                        title: t("confirm.model.title", { action: label("action", action), code: model.code ?? "" }),
                        consequence: label("confirm.model", action),
                        confirmLabel: label("action", action),
                      }).then((yes) =>
                        yes
                          ? run(action, null).then(
                              (r) => succeeded(action, r.data.model?.status),
                              () => undefined,
                            )
                          : undefined,
                      );
                  }}
                >
                  {label("action", action)}
                </Button>
              );
            })}
          </Group>
        )}
        {elsewhere.length > 0 && (
          <List size="sm" c="dimmed" data-testid="why-not">
            {[...new Set(elsewhere.map((rule) => rule.authority))].map((authority) => (
              <List.Item key={authority}>
                {t("detail.whyNot", {
                  actions: elsewhere
                    .filter((rule) => rule.authority === authority)
                    .map((rule) => `“${label("action", rule.action)}”`)
                    .join(", "),
                  who: t(`authority.${authority}` as MessageKey),
                })}
              </List.Item>
            ))}
          </List>
        )}
        {editing && mayEdit && (
          <ModelEditForm
            model={model}
            onDone={(text) => {
              setEditing(false);
              setDone(text);
            }}
            onCancel={() => setEditing(false)}
          />
        )}
        {done && (
          <Alert role="status" color="green" variant="light" data-testid="action-outcome">
            {done}
          </Alert>
        )}
        {asking === null && <ProblemAlert error={transition.error} testId="action-outcome" />}
      </Stack>
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t("registers.reasonFor", { action: label("action", asking) }) : ""}
      >
        {asking && (
          <ReasonForm
            action={asking}
            submit={(reason) => run(asking, reason)}
            onDone={(to) => {
              succeeded(asking, to);
              setAsking(null);
            }}
            onCancel={() => setAsking(null)}
            // The model changed under the dialog: close it and say so on the page, which re-reads the model.
            onOutdated={() => setAsking(null)}
          />
        )}
      </Modal>
    </Card>
  );
}

/** The reason a return, suspension or archiving needs. */
function ReasonForm({
  action,
  submit,
  onDone,
  onCancel,
  onOutdated,
}: {
  action: ModelAction;
  submit(reason: string): Promise<{ data: { model?: { status?: string | null } | null } }>;
  onDone(to: string | null | undefined): void;
  onCancel(): void;
  onOutdated(): void;
}) {
  const { t, label } = useI18n();
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { reason: "" },
    schema: z.object({ reason: z.string().trim().min(1).max(2000) }),
    messages: { reason: "registers.reasonRequired" },
    submit: ({ reason }) => submit(reason.trim()),
    onSuccess: (result) => onDone(result.data.model?.status),
    onRefused: (problem) => {
      if (problem.code === "DB.STALE_VERSION" || problem.code === "MODEL.TRANSITION_NOT_ALLOWED") onOutdated();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t("detail.reason")}
          {...form.getInputProps("reason")}
          autosize
          minRows={3}
          data-autofocus
          withAsterisk
        />
        <ProblemAlert problem={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("registers.cancel")}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {label("action", action)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
