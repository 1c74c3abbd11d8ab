import { MarkNotificationsReadDocument, NotificationsDocument } from "@lantoa/client";
import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { graphqlMutation, graphqlQuery } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { useI18n } from "../i18n/i18n";
import { EmptyNote, QueryStatus } from "../query-status";

const PAGE = 50;

/**
 * "Thông báo": the signed-in user's notifications, newest first, in the app's current language
 * (e-mails use the language of their preferences), each with its link (opening it marks it
 * read), one by one or all at once marked read.
 */
export default function NotificationsPage() {
  const { t, formatDate, locale } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [size, setSize] = useState(PAGE);
  const query = useQuery(
    graphqlQuery(NotificationsDocument, { first: size, after: null, unreadOnly, language: locale }),
  );
  const mark = useMutation(graphqlMutation(MarkNotificationsReadDocument));
  const items = query.data?.notifications?.edges.map((e) => e.node) ?? [];
  const unread = items.filter((n) => !n.readAt).length;

  return (
    <Stack component="section" aria-labelledby="notifications-heading" gap="sm">
      <Title order={2} id="notifications-heading">
        {t("notifications.title")}
      </Title>
      <Text>{t("notifications.intro")}</Text>
      <Group justify="space-between">
        <Switch
          label={t("notifications.unreadOnly")}
          checked={unreadOnly}
          onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
        />
        <Button
          variant="light"
          size="xs"
          disabled={unread === 0}
          loading={mark.isPending}
          onClick={() => mark.mutate({ ids: null, all: true })}
          data-testid="mark-all-read"
        >
          {t("notifications.markAllRead")}
        </Button>
      </Group>
      <ProblemAlert error={mark.error} />
      <QueryStatus query={query} />
      {query.isSuccess && items.length === 0 && <EmptyNote text={t("notifications.empty")} />}
      {items.map((n) => (
        <Paper
          key={n.id}
          withBorder
          p="sm"
          data-testid="notification"
          data-read={n.readAt ? "true" : "false"}
          // Unread is marked by a bar and a badge, not a tinted background: links and dimmed
          // text on a tint fall under the contrast WCAG asks for.
          style={n.readAt ? undefined : { borderLeft: "4px solid var(--mantine-color-blue-9)" }}
        >
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={2} miw={0} style={{ flex: 1 }}>
              <Group gap="xs">
                {!n.readAt && (
                  <Badge color="blue.9" variant="filled" size="sm">
                    {t("notifications.unread")}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  {n.createdAt ? formatDate(n.createdAt, true) : ""}
                </Text>
              </Group>
              <Text fw={n.readAt ? 400 : 700}>{n.subject}</Text>
              <Text size="sm">{n.body}</Text>
            </Stack>
            <Group gap="xs">
              <Anchor
                component={Link}
                href={n.link ?? "/"}
                aria-label={t("notifications.openFor", { subject: n.subject ?? "" })}
                onClick={() => {
                  if (!n.readAt) mark.mutate({ ids: [n.id ?? ""], all: null });
                }}
              >
                {t("notifications.open")}
              </Anchor>
              {!n.readAt && (
                <Button
                  variant="subtle"
                  size="xs"
                  aria-label={t("notifications.markReadFor", { subject: n.subject ?? "" })}
                  onClick={() => mark.mutate({ ids: [n.id ?? ""], all: null })}
                  data-testid="mark-read"
                >
                  {t("notifications.markRead")}
                </Button>
              )}
            </Group>
          </Group>
        </Paper>
      ))}
      {query.data?.notifications?.pageInfo.hasNextPage && (
        <Button variant="default" onClick={() => setSize((s) => s + PAGE)}>
          {t("notifications.more")}
        </Button>
      )}
    </Stack>
  );
}
