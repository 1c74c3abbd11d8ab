import { Alert, Button, Card, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useLocation, useSearch } from "wouter";
import { useI18n } from "./i18n/i18n";
import { useSession } from "./session";
import { errorMessageKey } from "./use-query";

/** Username and password; on success goes back where the user was heading, or to the dashboard. */
export function SignInPage() {
  const { t, locale } = useI18n();
  const { signIn } = useSession();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const next = params.get("next");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(t("signIn.required"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const failure = await signIn(username.trim(), password);
      if (failure) {
        setError((locale === "vi" ? failure.messageVi : failure.message) ?? t("error.unknown"));
        return;
      }
      navigate(next?.startsWith("/") ? next : "/");
    } catch (cause) {
      setError(t(errorMessageKey(cause)));
    } finally {
      setBusy(false);
    }
  }

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
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
            />
            <PasswordInput
              label={t("signIn.password")}
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            {error && (
              <Alert color="red" variant="light">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={busy}>
              {t("signIn.submit")}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
