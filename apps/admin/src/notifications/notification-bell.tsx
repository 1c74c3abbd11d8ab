import {
  NotificationsChangedDocument,
  UnreadNotificationCountDocument,
  type UnreadNotificationCountQuery,
} from "@lantoa/client";
import { ActionIcon, Indicator } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link } from "wouter";
import { followSubscription } from "../data/follow-subscription";
import { graphqlEndpoint, graphqlQuery } from "../data/graphql";
import { useI18n } from "../i18n/i18n";
import { useSession } from "../session";

/**
 * The header's bell: the unread count and a link to the inbox. The count follows the
 * gateway's `notificationsChanged` stream (a new notification shows at once) and is still
 * re-read every minute, for when the stream is lost or the database sends no notices (PGlite).
 */
export function NotificationBell() {
  const { t, formatCount } = useI18n();
  const client = useQueryClient();
  const token = useSession().session?.token ?? null;
  const unread = useQuery({ ...graphqlQuery(UnreadNotificationCountDocument, {}), refetchInterval: 60_000 });
  useEffect(() => {
    const { queryKey } = graphqlQuery(UnreadNotificationCountDocument, {});
    return followSubscription(graphqlEndpoint, NotificationsChangedDocument, {}, token, {
      onData: ({ notificationsChanged }) =>
        client.setQueryData<UnreadNotificationCountQuery>(queryKey, {
          unreadNotificationCount: notificationsChanged.unreadCount,
        }),
    });
  }, [token, client]);
  const count = unread.data?.unreadNotificationCount ?? 0;
  return (
    <Indicator
      label={count > 99 ? "99+" : formatCount(count)}
      disabled={count === 0}
      size={18}
      color="red.9"
      offset={4}
      data-testid="notification-count"
    >
      <ActionIcon
        component={Link}
        href="/notifications"
        variant="subtle"
        size="lg"
        aria-label={t("notifications.bell", { count: formatCount(count) })}
        data-testid="notification-bell"
      >
        <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}
