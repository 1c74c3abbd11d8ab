import { SetEvidencePublicDocument, SetModelPublicDocument } from "@lantoa/client";
import { Anchor, Group, Paper, Stack, Switch } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { graphqlMutation } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { useI18n } from "../i18n/i18n";
import { registrarRoles, useHoldsRole } from "../registers/register-support";

/** The public showcase's address of a model, served by the gateway beside the app. */
export function publicModelPath(code: string): string {
  return `/mo-hinh/${encodeURIComponent(code)}`;
}

/**
 * Whether the model is shown on the public showcase, switched by an admin of its unit (the
 * gateway checks the unit); others see nothing here.
 */
export function ModelPublicSwitch({
  model,
}: {
  model: { id?: string | null; code?: string | null; isPublic?: boolean | null };
}) {
  const { t } = useI18n();
  const mayChange = useHoldsRole(registrarRoles);
  const change = useMutation(graphqlMutation(SetModelPublicDocument));
  if (!mayChange || !model.id) return null;
  const shown = change.isPending ? (change.variables?.isPublic ?? !!model.isPublic) : !!model.isPublic;
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Switch
            checked={shown}
            disabled={change.isPending}
            label={t("public.model")}
            description={t("public.modelHint")}
            data-testid="model-public-switch"
            onChange={(event) => {
              const isPublic = event.currentTarget.checked;
              change.mutate(
                { id: model.id ?? "", isPublic },
                {
                  onSuccess: () => notifications.show({ message: t(isPublic ? "public.modelOn" : "public.modelOff") }),
                },
              );
            }}
          />
          {model.isPublic && model.code && (
            <Anchor href={publicModelPath(model.code)} target="_blank" rel="noopener" size="sm">
              {t("public.open")}
            </Anchor>
          )}
        </Group>
        <ProblemAlert error={change.error} />
      </Stack>
    </Paper>
  );
}

/** Whether one piece of evidence is shown with its model on the showcase (off until switched on). */
export function EvidencePublicSwitch({ id, title, isPublic }: { id: string; title: string; isPublic: boolean }) {
  const { t } = useI18n();
  const mayChange = useHoldsRole(registrarRoles);
  const change = useMutation(graphqlMutation(SetEvidencePublicDocument));
  if (!mayChange) return null;
  const shown = change.isPending ? (change.variables?.isPublic ?? isPublic) : isPublic;
  return (
    <Stack gap={4}>
      <Switch
        size="sm"
        checked={shown}
        disabled={change.isPending}
        label={t("public.evidence")}
        aria-label={t("public.evidenceOf", { title })}
        data-testid="evidence-public-switch"
        onChange={(event) => {
          const next = event.currentTarget.checked;
          change.mutate(
            { id, isPublic: next },
            {
              onSuccess: () =>
                notifications.show({ message: t(next ? "public.evidenceOn" : "public.evidenceOff", { title }) }),
            },
          );
        }}
      />
      <ProblemAlert error={change.error} />
    </Stack>
  );
}
