import { LogoutDocument } from "@lantoa/client";
import { AppShell, Burger, Button, Group, Menu, NativeSelect, NavLink, Text, Title } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { graphqlMutation } from "./data/graphql";
import { type Locale, useI18n } from "./i18n/i18n";
import type { MessageKey } from "./i18n/messages-vi";
import { NotificationBell } from "./notifications/notification-bell";
import { useSession, viewerRoles } from "./session";

interface NavItem {
  href: string;
  label: MessageKey;
  /** Shown only to a viewer holding one of these roles; to everyone when absent. */
  roles?: readonly string[];
  /** Other addresses that count as this item's page. */
  alsoAt?: readonly string[];
}

const signedInRoles = ["system-admin", "unit-admin", "unit-officer", "reviewer", "viewer"];

const navItems: readonly NavItem[] = [
  { href: "/", label: "nav.dashboard", roles: signedInRoles },
  { href: "/tasks", label: "nav.tasks", roles: ["system-admin", "unit-admin", "unit-officer", "reviewer"] },
  { href: "/units", label: "nav.units" },
  { href: "/models", label: "nav.models", roles: signedInRoles },
  { href: "/golden-book", label: "nav.goldenBook", roles: signedInRoles },
  { href: "/commendations", label: "nav.commendations", roles: signedInRoles },
  { href: "/inspections", label: "nav.inspections", roles: signedInRoles },
  { href: "/reports", label: "nav.reports", roles: ["system-admin", "unit-admin", "viewer"] },
  {
    href: "/report-drafts",
    label: "nav.reportDrafts",
    roles: ["system-admin", "unit-admin", "unit-officer", "viewer"],
  },
  { href: "/leaderboard", label: "nav.leaderboard" },
  { href: "/criteria", label: "nav.criteria", roles: signedInRoles },
  { href: "/rounds", label: "nav.rounds", roles: ["system-admin", "unit-admin"] },
  { href: "/my-scorecards", label: "nav.myScorecards", roles: ["reviewer", "unit-officer", "unit-admin"] },
  { href: "/import", label: "nav.import", roles: ["system-admin", "unit-admin"] },
  { href: "/audit", label: "nav.audit", roles: ["system-admin", "unit-admin"] },
];

function isCurrent(location: string, href: string): boolean {
  return href === "/" ? location === "/" : location === href || location.startsWith(`${href}/`);
}

/**
 * The app's frame: a header with the title, language switch and account menu, a navigation
 * holding only what the viewer's roles allow (a drawer behind a burger on a phone), and the
 * page in `<main id="main">`, which the skip link jumps to.
 */
export function Shell({ children }: { children: ReactNode }) {
  const { t, locale, setLocale, label } = useI18n();
  const { session, expire } = useSession();
  const logout = useMutation(graphqlMutation(LogoutDocument));
  const [location, navigate] = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Mantine slides a closed phone navbar off screen; hide it too, so Tab and screen readers skip it.
  const phone = useMediaQuery("(max-width: 47.99em)");
  const navHidden = phone === true && !opened;
  const roles = viewerRoles(session);
  const viewerName = session?.viewer.displayName ?? session?.viewer.username ?? "";
  const visible = navItems.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)));
  // Signed out, the units list is the first page: its nav item stands for "/" too.
  const current = (item: NavItem) =>
    isCurrent(location, item.href) || (!session && item.href === "/units" && location === "/");

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group wrap="nowrap" gap="sm" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("nav.openMenu")}
              aria-expanded={opened}
              aria-controls="app-navigation"
            />
            <div>
              <Title order={1} size="h3" c="red.9" lh={1.1} style={{ whiteSpace: "nowrap" }}>
                {t("app.title")}
              </Title>
              <Text size="xs" c="dimmed" visibleFrom="md">
                {t("app.tagline")}
              </Text>
            </div>
          </Group>
          <Group wrap="nowrap" gap="xs">
            <NativeSelect
              aria-label={t("language.label")}
              size="xs"
              miw={phone ? 58 : undefined}
              value={locale}
              onChange={(e) => setLocale(e.currentTarget.value as Locale)}
              data={[
                { value: "vi", label: phone ? "VI" : t("language.vi") },
                { value: "en", label: phone ? "EN" : t("language.en") },
              ]}
            />
            {session && <NotificationBell />}
            {session ? (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    variant="subtle"
                    size="xs"
                    data-testid="viewer-name"
                    maw={{ base: 96, sm: 420 }}
                    title={t("nav.signedInAs", { name: viewerName })}
                  >
                    <Text size="xs" truncate="end" inherit>
                      {viewerName}
                      {roles.length > 0 && ` (${roles.map((role) => label("role", role)).join(", ")})`}
                    </Text>
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{t("nav.account")}</Menu.Label>
                  <Menu.Item disabled>{viewerName}</Menu.Item>
                  <Menu.Item component={Link} href="/notifications">
                    {t("nav.notifications")}
                  </Menu.Item>
                  <Menu.Item component={Link} href="/account">
                    {t("nav.accountSettings")}
                  </Menu.Item>
                  <Menu.Divider />
                  <Menu.Item
                    color="red"
                    onClick={() => {
                      // The token is forgotten whatever the gateway answers: it dies with the tab anyway.
                      logout.mutate({}, { onSettled: expire });
                      navigate("/sign-in?signedOut=1");
                    }}
                  >
                    {t("nav.signOut")}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : (
              <Button component={Link} href="/sign-in" size="xs">
                {t("nav.signIn")}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="xs"
        id="app-navigation"
        aria-label={t("nav.label")}
        style={navHidden ? { visibility: "hidden" } : undefined}
      >
        {visible.map((item) => (
          <NavLink
            key={item.href}
            component={Link}
            href={item.href}
            label={t(item.label)}
            active={current(item)}
            aria-current={current(item) ? "page" : undefined}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
