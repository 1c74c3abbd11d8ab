import { type FormEvent, useState } from "react";
import { useLocation, useSearch } from "wouter";
import { useI18n } from "./i18n/i18n";
import { useSession } from "./session";
import { errorMessageKey } from "./use-query";

/** Username and password; on success goes back where the user was heading. */
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
      navigate(next?.startsWith("/") ? next : "/models");
    } catch (cause) {
      setError(t(errorMessageKey(cause)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="sign-in-heading" className="narrow">
      <h2 id="sign-in-heading">{t("signIn.title")}</h2>
      {params.has("signedOut") && (
        <p role="status" className="notice">
          {t("signIn.signedOut")}
        </p>
      )}
      {next && <p className="notice">{t("signIn.needed")}</p>}
      <p>{t("signIn.intro")}</p>
      <form onSubmit={onSubmit} noValidate className="stack">
        <label>
          {t("signIn.username")}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          {t("signIn.password")}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t("signIn.submitting") : t("signIn.submit")}
        </button>
      </form>
    </section>
  );
}
