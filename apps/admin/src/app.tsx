import { Stack, Text, Title } from "@mantine/core";
import { lazy, type ReactNode, Suspense } from "react";
import { Redirect, Route, Switch, useLocation } from "wouter";
import { Shell } from "./app-shell";
import { DataProvider } from "./data/data-provider";
import { I18nProvider, useI18n } from "./i18n/i18n";
import { ConfirmProvider } from "./layout/confirm";
import { LoadingBlock } from "./query-status";
import { SessionProvider, useSession } from "./session";
import { SignInPage } from "./sign-in-page";
import { UnitsPage } from "./units-page";

// The public first page (units) and sign-in load at once; the rest (and the charts) when first visited.
const DashboardPage = lazy(() => import("./dashboard-page"));
const TasksPage = lazy(() => import("./tasks-page"));
const ModelsPage = lazy(() => import("./models-page"));
const ModelCreatePage = lazy(() => import("./model-create-page"));
const ModelDetailPage = lazy(() => import("./model-detail-page"));
const GoldenBookPage = lazy(() => import("./golden-book-page"));
const LeaderboardPage = lazy(() => import("./leaderboard-page"));
const ReportsPage = lazy(() => import("./reports-page"));
const CriteriaSetsPage = lazy(() => import("./criteria/criteria-sets-page"));
const CriteriaEditorPage = lazy(() => import("./criteria/criteria-editor-page"));
const CriteriaComparePage = lazy(() => import("./criteria/criteria-compare-page"));
const ImportPage = lazy(() => import("./import-page"));
const RoundsPage = lazy(() => import("./rounds/rounds-page"));
const RoundPage = lazy(() => import("./rounds/round-page"));
const ScorecardPage = lazy(() => import("./rounds/scorecard-page"));
const ReviewWorkspacePage = lazy(() => import("./rounds/review-workspace-page"));
const MyScorecardsPage = lazy(() => import("./rounds/my-scorecards-page"));
const CommendationsPage = lazy(() => import("./registers/commendations-page"));
const InspectionsPage = lazy(() => import("./registers/inspections-page"));
const AuditPage = lazy(() => import("./audit/audit-page"));
const ReportDraftsPage = lazy(() => import("./spreading/report-drafts-page"));
const ReportDraftPage = lazy(() => import("./spreading/report-draft-page"));
const NotificationsPage = lazy(() => import("./notifications/notifications-page"));
const AccountPage = lazy(() => import("./notifications/account-page"));

/** Sends an anonymous visitor to sign in, and back here afterwards. */
function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const [location] = useLocation();
  if (!session) return <Redirect to={`/sign-in?next=${encodeURIComponent(location)}`} replace />;
  return <>{children}</>;
}

/** Signed in, `/` is the dashboard; signed out, the public units list. */
function Home() {
  const { session } = useSession();
  return session ? <DashboardPage /> : <UnitsPage />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Stack component="section" gap="xs">
      <Title order={2}>{t("notFound.title")}</Title>
      <Text>{t("notFound.body")}</Text>
    </Stack>
  );
}

/** The admin app: language, session, the shell and the pages by address. */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <DataProvider>
          <ConfirmProvider>
            <Shell>
              <Suspense fallback={<LoadingBlock />}>
                <Switch>
                  <Route path="/" component={Home} />
                  <Route path="/units" component={UnitsPage} />
                  <Route path="/sign-in" component={SignInPage} />
                  <Route path="/leaderboard" component={LeaderboardPage} />
                  <Route path="/models">
                    <RequireSession>
                      <ModelsPage />
                    </RequireSession>
                  </Route>
                  <Route path="/models/new">
                    <RequireSession>
                      <ModelCreatePage />
                    </RequireSession>
                  </Route>
                  <Route path="/models/:id">
                    {(params) => (
                      <RequireSession>
                        <ModelDetailPage id={decodeURIComponent(params.id)} />
                      </RequireSession>
                    )}
                  </Route>
                  <Route path="/golden-book">
                    <RequireSession>
                      <GoldenBookPage />
                    </RequireSession>
                  </Route>
                  <Route path="/commendations">
                    <RequireSession>
                      <CommendationsPage />
                    </RequireSession>
                  </Route>
                  <Route path="/inspections">
                    <RequireSession>
                      <InspectionsPage />
                    </RequireSession>
                  </Route>
                  <Route path="/reports">
                    <RequireSession>
                      <ReportsPage />
                    </RequireSession>
                  </Route>
                  <Route path="/report-drafts">
                    <RequireSession>
                      <ReportDraftsPage />
                    </RequireSession>
                  </Route>
                  <Route path="/report-drafts/:id">
                    {(params) => (
                      <RequireSession>
                        <ReportDraftPage id={decodeURIComponent(params.id)} />
                      </RequireSession>
                    )}
                  </Route>
                  <Route path="/criteria">
                    <RequireSession>
                      <CriteriaSetsPage />
                    </RequireSession>
                  </Route>
                  <Route path="/criteria/compare">
                    <RequireSession>
                      <CriteriaComparePage />
                    </RequireSession>
                  </Route>
                  <Route path="/criteria/versions/:id">
                    {(params) => (
                      <RequireSession>
                        <CriteriaEditorPage id={decodeURIComponent(params.id)} />
                      </RequireSession>
                    )}
                  </Route>
                  <Route path="/import">
                    <RequireSession>
                      <ImportPage />
                    </RequireSession>
                  </Route>
                  <Route path="/audit">
                    <RequireSession>
                      <AuditPage />
                    </RequireSession>
                  </Route>
                  <Route path="/rounds">
                    <RequireSession>
                      <RoundsPage />
                    </RequireSession>
                  </Route>
                  <Route path="/rounds/:id">
                    {(params) => (
                      <RequireSession>
                        <RoundPage id={decodeURIComponent(params.id)} />
                      </RequireSession>
                    )}
                  </Route>
                  <Route path="/rounds/:id/review/:modelId">
                    {(params) => (
                      <RequireSession>
                        <ReviewWorkspacePage
                          roundId={decodeURIComponent(params.id)}
                          modelId={decodeURIComponent(params.modelId)}
                        />
                      </RequireSession>
                    )}
                  </Route>
                  <Route path="/rounds/:id/self/:modelId">
                    {(params) => (
                      <RequireSession>
                        <ScorecardPage
                          roundId={decodeURIComponent(params.id)}
                          modelId={decodeURIComponent(params.modelId)}
                        />
                      </RequireSession>
                    )}
                  </Route>
                  <Route path="/tasks">
                    <RequireSession>
                      <TasksPage />
                    </RequireSession>
                  </Route>
                  <Route path="/my-scorecards">
                    <RequireSession>
                      <MyScorecardsPage />
                    </RequireSession>
                  </Route>
                  <Route path="/notifications">
                    <RequireSession>
                      <NotificationsPage />
                    </RequireSession>
                  </Route>
                  <Route path="/account">
                    <RequireSession>
                      <AccountPage />
                    </RequireSession>
                  </Route>
                  <Route component={NotFound} />
                </Switch>
              </Suspense>
            </Shell>
          </ConfirmProvider>
        </DataProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
