import {
  MarkNotificationsReadInput,
  markNotificationsRead,
  NOTIFICATION_KINDS,
  NotificationLanguageSchema,
  renderNotification,
  SaveNotificationPreferencesInput,
  saveNotificationPreferences,
} from "@lantoa/app";
import {
  countNotifications,
  countUnreadNotifications,
  findNotificationPreferences,
  listNotifications,
  type NotificationRow,
} from "@lantoa/db";
import { type ResolveCursorConnectionArgs, resolveCursorConnection } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { builder, connectionComplexity } from "../builder.js";
import type { Context } from "../context.js";
import { notificationChangesFor } from "../notification-events.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { DomainFailure } from "./errors.js";
import { perform, requireViewer } from "./mutation-support.js";

/** A notification with the language its words are rendered in (its recipient's). */
type NotificationNode = NotificationRow & { readonly language: "vi" | "en" };

const NotificationRef = builder.objectRef<NotificationNode>("Notification").implement({
  description: "A message to the signed-in user (thông báo), in their language.",
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.exposeString("kind", {
      description:
        "scorecard-assigned, deadline-approaching, model-submitted, model-returned, model-approved, model-withdrawn, round-step-opened, round-published or commendation-suspended.",
    }),
    subject: t.string({ resolve: (n) => renderNotification(n.kind, n.payload, n.language).subject }),
    body: t.string({ resolve: (n) => renderNotification(n.kind, n.payload, n.language).body }),
    link: t.string({
      description: "The admin app's path to act on it (e.g. /my-scorecards).",
      resolve: (n) => renderNotification(n.kind, n.payload, n.language).link,
    }),
    createdAt: t.string({ resolve: (n) => n.createdAt.toISOString() }),
    readAt: t.string({ nullable: true, resolve: (n) => n.readAt?.toISOString() ?? null }),
  }),
});

const NotificationPreferencesRef = builder
  .objectRef<{ email: string | null; language: "vi" | "en"; emailOptOuts: readonly string[] }>(
    "NotificationPreferences",
  )
  .implement({
    description: "Where and how the signed-in user is told things.",
    fields: (t) => ({
      email: t.exposeString("email", { nullable: true }),
      language: t.exposeString("language", { description: "vi or en." }),
      emailKinds: t.stringList({
        description: "The kinds of notification also sent by e-mail.",
        resolve: (p) => NOTIFICATION_KINDS.filter((k) => !p.emailOptOuts.includes(k)),
      }),
      kinds: t.stringList({ description: "Every kind there is.", resolve: () => [...NOTIFICATION_KINDS] }),
    }),
  });

const CURSOR = /^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f-]{36}$/;

async function viewerLanguage(context: Context, userId: string): Promise<"vi" | "en"> {
  return (await findNotificationPreferences(context.db, userId))?.language ?? "vi";
}

builder.queryFields((t) => ({
  notifications: t.connection({
    type: NotificationRef,
    description:
      "The signed-in user's notifications, newest first (forward paging only), in `language` (vi or en; their preferred language when absent).",
    authScopes: { signedIn: true },
    complexity: (args) => connectionComplexity(args, 20),
    args: {
      unreadOnly: t.arg.boolean(),
      language: t.arg.string({ validate: NotificationLanguageSchema.optional().nullable() }),
    },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      if (args.last != null || args.before != null) {
        throw new GraphQLError("Notifications page forward only (first, after).", {
          extensions: { code: "BAD_USER_INPUT" },
        });
      }
      const language =
        (args.language as "vi" | "en" | null | undefined) ?? (await viewerLanguage(context, viewer.userId));
      const connection = await resolveCursorConnection(
        {
          args,
          toCursor: (n: NotificationNode) => encodeCursor(`${n.createdAt.toISOString()}|${n.id}`),
          defaultSize: 20,
          maxSize: 100,
        },
        async ({ after, limit }: ResolveCursorConnectionArgs) => {
          const [at, id] = after === undefined ? [] : decodeCursor(after, CURSOR).split("|");
          const rows = await listNotifications(context.db, viewer.userId, {
            limit,
            unreadOnly: args.unreadOnly ?? false,
            after: at && id ? { createdAt: new Date(at), id } : undefined,
          });
          return rows.map((r) => ({ ...r, language }));
        },
      );
      return {
        ...connection,
        totalCount: () => countNotifications(context.db, viewer.userId, { unreadOnly: args.unreadOnly ?? false }),
      };
    },
  }),
  unreadNotificationCount: t.int({
    description: "How many of the signed-in user's notifications are unread (the bell's number).",
    authScopes: { signedIn: true },
    resolve: (_root, _args, context) => countUnreadNotifications(context.db, requireViewer(context).userId),
  }),
  notificationPreferences: t.field({
    type: NotificationPreferencesRef,
    description: "The signed-in user's e-mail address, language and e-mail choices.",
    authScopes: { signedIn: true },
    resolve: async (_root, _args, context) => {
      const found = await findNotificationPreferences(context.db, requireViewer(context).userId);
      return found ?? { email: null, language: "vi" as const, emailOptOuts: [] };
    },
  }),
}));

const MarkedRef = builder.objectRef<{ marked: number }>("NotificationsMarked").implement({
  fields: (t) => ({ marked: t.exposeInt("marked", { description: "How many were unread and are now read." }) }),
});

builder.mutationFields((t) => ({
  markNotificationsRead: t.field({
    type: MarkedRef,
    description: "Marks the signed-in user's notifications read: the ids given, or all of them.",
    errors: { types: [DomainFailure] },
    authScopes: { signedIn: true },
    args: {
      ids: t.arg.idList({ validate: MarkNotificationsReadInput.shape.ids }),
      all: t.arg.boolean(),
    },
    resolve: (_root, args, context) =>
      perform(context, markNotificationsRead, { ids: args.ids?.map(String) ?? null, all: args.all ?? null }),
  }),
  saveNotificationPreferences: t.field({
    type: NotificationPreferencesRef,
    description: "Saves the signed-in user's e-mail address, language and the kinds they want by e-mail.",
    errors: { types: [DomainFailure] },
    authScopes: { signedIn: true },
    args: {
      email: t.arg.string({ validate: SaveNotificationPreferencesInput.shape.email }),
      language: t.arg.string({ required: true, validate: SaveNotificationPreferencesInput.shape.language }),
      emailKinds: t.arg.stringList({ required: true, validate: SaveNotificationPreferencesInput.shape.emailKinds }),
    },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      await perform(context, saveNotificationPreferences, {
        email: args.email,
        language: args.language as "vi" | "en",
        emailKinds: args.emailKinds as never,
      });
      return (
        (await findNotificationPreferences(context.db, viewer.userId)) ?? {
          email: null,
          language: "vi" as const,
          emailOptOuts: [],
        }
      );
    },
  }),
}));

const NotificationsChangeRef = builder.objectRef<{ userId: string }>("NotificationsChange").implement({
  description: "The signed-in user's notifications as they stand after a change.",
  fields: (t) => ({
    unreadCount: t.int({
      nullable: false,
      description: "How many are unread (the bell's number).",
      resolve: (change, _args, context) => countUnreadNotifications(context.db, change.userId),
    }),
  }),
});

builder.subscriptionField("notificationsChanged", (t) =>
  t.field({
    type: NotificationsChangeRef,
    nullable: false,
    description:
      "The signed-in user's unread count at once, then again each time a notification for them is added, on whichever gateway (over SSE). On the embedded database (PGlite) the stream ends after the first event: poll there, and whenever the stream is lost.",
    authScopes: { signedIn: true },
    subscribe: (_root, _args, context) =>
      notificationChangesFor(context.notificationEvents, requireViewer(context).userId),
    resolve: (_event, _args, context) => ({ userId: requireViewer(context).userId }),
  }),
);
