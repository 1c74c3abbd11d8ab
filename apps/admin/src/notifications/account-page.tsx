import { NotificationPreferencesDocument, SaveNotificationPreferencesDocument } from "@lantoa/client";
import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { graphqlMutation, graphqlQuery } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages-vi";
import { QueryStatus } from "../query-status";

/** "Tài khoản và thông báo": where and how the signed-in user is told things. */
export default function AccountPage() {
  const { t } = useI18n();
  const query = useQuery(graphqlQuery(NotificationPreferencesDocument, {}));
  const preferences = query.data?.notificationPreferences;
  return (
    <Stack component="section" aria-labelledby="account-heading" gap="sm">
      <Title order={2} id="account-heading">
        {t("account.title")}
      </Title>
      <QueryStatus query={query} />
      {preferences && <PreferencesForm preferences={preferences} />}
    </Stack>
  );
}

interface Preferences {
  email?: string | null;
  language: string | null;
  emailKinds: readonly string[] | null;
  kinds: readonly string[] | null;
}

function PreferencesForm({ preferences }: { preferences: Preferences }) {
  const { t } = useI18n();
  const save = useMutation(graphqlMutation(SaveNotificationPreferencesDocument));
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: {
      email: preferences.email ?? "",
      language: preferences.language ?? "vi",
      emailKinds: [...(preferences.emailKinds ?? [])],
    },
    schema: z.object({ email: z.union([z.literal(""), z.email()]) }),
    messages: { email: "form.invalid" },
    submit: (values) =>
      save.mutateAsync({
        email: values.email.trim() === "" ? null : values.email.trim(),
        language: values.language,
        emailKinds: values.emailKinds,
      }),
    onSuccess: () => setSaved(true),
  });
  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("account.preferences")}
        </Title>
        <Text size="sm">{t("account.preferencesIntro")}</Text>
        <TextInput
          type="email"
          label={t("account.email")}
          description={t("account.emailHint")}
          {...form.getInputProps("email")}
        />
        <NativeSelect
          label={t("account.language")}
          data={[
            { value: "vi", label: t("language.vi") },
            { value: "en", label: t("language.en") },
          ]}
          {...form.getInputProps("language")}
        />
        <Checkbox.Group label={t("account.emailKinds")} {...form.getInputProps("emailKinds")}>
          <Stack gap={6} mt={6}>
            {(preferences.kinds ?? []).map((kind) => (
              <Checkbox key={kind} value={kind} label={t(`notifications.kind.${kind}` as MessageKey)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <ProblemAlert problem={problem} />
        <Group>
          <Button type="submit" loading={form.submitting} data-testid="save-preferences">
            {t("account.save")}
          </Button>
          {saved && (
            <Text size="sm" role="status">
              {t("account.saved")}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
