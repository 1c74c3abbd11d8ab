import { Link, useLocation } from "wouter";
import { type Locale, useI18n } from "./i18n/i18n";
import type { MessageKey } from "./i18n/messages-vi";
import { useSession, viewerRoles } from "./session";

interface NavItem {
  href: string;
  label: MessageKey;
  /** Shown only to a viewer holding one of these roles; to everyone when absent. */
  roles?: readonly string[];
}

const signedInRoles = ["system-admin", "unit-admin", "unit-officer", "reviewer", "viewer"];

const navItems: readonly NavItem[] = [
  { href: "/", label: "nav.units" },
  { href: "/models", label: "nav.models", roles: signedInRoles },
  { href: "/reports", label: "nav.reports", roles: ["system-admin", "unit-admin", "viewer"] },
  { href: "/leaderboard", label: "nav.leaderboard" },
  { href: "/import", label: "nav.import", roles: ["system-admin", "unit-admin"] },
];

/** The app's header: title, navigation for the viewer's roles, language switch, sign-in state. */
export function Header() {
  const { t, locale, setLocale, label } = useI18n();
  const { session, signOut } = useSession();
  const [location, navigate] = useLocation();
  const roles = viewerRoles(session);
  const visible = navItems.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)));

  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <div className="brand">
        <h1>{t("app.title")}</h1>
        <p>{t("app.tagline")}</p>
      </div>
      <nav aria-label={t("nav.label")}>
        <ul>
          {visible.map((item) => {
            const current = item.href === "/" ? location === "/" : location.startsWith(item.href);
            return (
              <li key={item.href}>
                <Link href={item.href} aria-current={current ? "page" : undefined}>
                  {t(item.label)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="header-tools">
        <label>
          {t("language.label")}{" "}
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            <option value="vi">{t("language.vi")}</option>
            <option value="en">{t("language.en")}</option>
          </select>
        </label>
        {session ? (
          <>
            <span className="who" data-testid="viewer-name">
              {t("nav.signedInAs", { name: session.viewer.displayName ?? session.viewer.username ?? "" })}
              {roles.length > 0 && ` (${roles.map((role) => label("role", role)).join(", ")})`}
            </span>
            <button
              type="button"
              onClick={async () => {
                await signOut();
                navigate("/sign-in?signedOut=1");
              }}
            >
              {t("nav.signOut")}
            </button>
          </>
        ) : (
          <Link href="/sign-in" className="button-link">
            {t("nav.signIn")}
          </Link>
        )}
      </div>
    </header>
  );
}
