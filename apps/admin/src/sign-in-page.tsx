import { LoginDocument } from "@lantoa/client";
import { Alert, Button, Card, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useLocation, useSearch } from "wouter";
import { graphqlMutation } from "./data/graphql";
import { ProblemAlert } from "./errors/problem-alert";
import { useMutationForm } from "./forms/use-mutation-form";
import { useI18n } from "./i18n/i18n";
import { useSession } from "./session";

/** Username and password; on success goes back where the user was heading, or to the dashboard. */
export function SignInPage() {
  const { t } = useI18n();
  const { start } = useSession();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const next = params.get("next");
  const login = useMutation(graphqlMutation(LoginDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { username: "", password: "" },
    // Two presence checks: no schema, so the first page stays free of zod.
    check: (v) => ({
      username: v.username.trim() ? null : "signIn.usernameRequired",
      password: v.password ? null : "signIn.passwordRequired",
    }),
    submit: (values) => login.mutateAsync({ username: values.username.trim(), password: values.password }),
    onSuccess: ({ data }) => {
      if (!data.token || !data.viewer) return;
      start({ token: data.token, expiresAt: data.expiresAt, viewer: data.viewer });
      navigate(next?.startsWith("/") ? next : "/");
    },
  });

  return (
    <Card component="section" aria-labelledby="sign-in-heading" withBorder maw={420} mx="auto" mt="lg" padding="lg">
      <Stack gap="sm">
        <Title order={2} id="sign-in-heading">
          {t("signIn.title")}
        </Title>
        {params.has("signedOut") && (
          <Alert color="green" variant="light" role="status">
            {t("signIn.signedOut")}
          </Alert>
        )}
        {next && (
          <Alert color="blue" variant="light" role="status">
            {t("signIn.needed")}
          </Alert>
        )}
        <Text>{t("signIn.intro")}</Text>
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t("signIn.username")}
              name="username"
              autoComplete="username"
              withAsterisk
              {...form.getInputProps("username")}
            />
            <PasswordInput
              label={t("signIn.password")}
              name="password"
              autoComplete="current-password"
              withAsterisk
              {...form.getInputProps("password")}
            />
            <ProblemAlert problem={problem} testId="sign-in-problem" />
            <Button type="submit" loading={form.submitting}>
              {t("signIn.submit")}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
