import { lazy, type ReactNode, Suspense } from "react";
import { Redirect, Route, Switch, useLocation } from "wouter";
import { Header } from "./header";
import { I18nProvider, useI18n } from "./i18n/i18n";
import { SessionProvider, useSession } from "./session";
import { SignInPage } from "./sign-in-page";
import { UnitsPage } from "./units-page";

// The public first page (units) and sign-in load at once; the rest when first visited.
const ModelsPage = lazy(() => import("./models-page"));
const ModelDetailPage = lazy(() => import("./model-detail-page"));
const LeaderboardPage = lazy(() => import("./leaderboard-page"));
const ReportsPage = lazy(() => import("./reports-page"));
const ImportPage = lazy(() => import("./import-page"));

/** Sends an anonymous visitor to sign in, and back here afterwards. */
function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const [location] = useLocation();
  if (!session) return <Redirect to={`/sign-in?next=${encodeURIComponent(location)}`} replace />;
  return <>{children}</>;
}

function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="status">
      {t("state.loading")}
    </p>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <h2>{t("notFound.title")}</h2>
      <p>{t("notFound.body")}</p>
    </section>
  );
}

/** The admin app's shell: language, session, header and the pages by address. */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Header />
        <main id="main" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Switch>
              <Route path="/" component={UnitsPage} />
              <Route path="/units" component={UnitsPage} />
              <Route path="/sign-in" component={SignInPage} />
              <Route path="/leaderboard" component={LeaderboardPage} />
              <Route path="/models">
                <RequireSession>
                  <ModelsPage />
                </RequireSession>
              </Route>
              <Route path="/models/:id">
                {(params) => (
                  <RequireSession>
                    <ModelDetailPage id={decodeURIComponent(params.id)} />
                  </RequireSession>
                )}
              </Route>
              <Route path="/reports">
                <RequireSession>
                  <ReportsPage />
                </RequireSession>
              </Route>
              <Route path="/import">
                <RequireSession>
                  <ImportPage />
                </RequireSession>
              </Route>
              <Route component={NotFound} />
            </Switch>
          </Suspense>
        </main>
      </SessionProvider>
    </I18nProvider>
  );
}
