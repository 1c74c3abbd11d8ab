import { openSession, revokeSession, type SessionUser } from "@lantoa/db";
import { domainError } from "@lantoa/domain/errors";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { builder } from "../builder.js";
import { DomainFailure, fail } from "./errors.js";

const RoleAssignmentRef = builder.objectRef<SessionUser["assignments"][number]>("RoleAssignment").implement({
  fields: (t) => ({
    role: t.exposeString("role", { description: "system-admin, unit-admin, unit-officer, reviewer or viewer." }),
    unitId: t.id({
      nullable: true,
      description: "The unit (global id) whose subtree the role covers; null for a system admin.",
      resolve: (a) => (a.unitId === null ? null : encodeGlobalID("Unit", a.unitId)),
    }),
  }),
});

export const ViewerRef = builder.objectRef<SessionUser>("Viewer").implement({
  description: "The signed-in user and the roles they hold.",
  fields: (t) => ({
    username: t.exposeString("username"),
    displayName: t.exposeString("displayName"),
    roles: t.field({ type: [RoleAssignmentRef], resolve: (v) => [...v.assignments] }),
  }),
});

const SessionRef = builder.objectRef<{ token: string; expiresAt: Date; user: SessionUser }>("Session").implement({
  fields: (t) => ({
    token: t.exposeString("token", { description: "Send as `Authorization: Bearer <token>`." }),
    expiresAt: t.string({ resolve: (s) => s.expiresAt.toISOString() }),
    viewer: t.field({ type: ViewerRef, resolve: (s) => s.user }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({
    type: ViewerRef,
    nullable: true,
    description: "The signed-in user, or null when the request is anonymous.",
    resolve: (_root, _args, { viewer }) => viewer,
  }),
);

builder.mutationField("login", (t) =>
  t.field({
    type: SessionRef,
    description:
      "Signs in with a username and password and returns a session token. Past 10 attempts on an account (or 100 from an address) in 15 minutes, attempts are refused with AUTH.TOO_MANY_ATTEMPTS (details.retryAfterSeconds) without checking the password.",
    errors: { types: [DomainFailure] },
    args: {
      username: t.arg.string({ required: true, validate: z.string().trim().min(1).max(100) }),
      password: t.arg.string({ required: true, validate: z.string().min(1).max(200) }),
    },
    resolve: async (_root, args, { db, now, sessionTtlHours, loginThrottle, clientAddress }) => {
      const expiresAt = new Date(now.getTime() + sessionTtlHours * 3_600_000);
      const outcome = await loginThrottle.attempt(args.username, clientAddress, () =>
        openSession(db, { username: args.username, password: args.password }, expiresAt),
      );
      if (!outcome.ok) fail(outcome.error);
      const session = outcome.value;
      if (!session) {
        fail(
          domainError("AUTH.INVALID_CREDENTIALS", {
            vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
            en: "The username or password is not correct.",
          }),
        );
      }
      return { token: session.token, expiresAt, user: session.user };
    },
  }),
);

builder.mutationField("logout", (t) =>
  t.boolean({
    description: "Revokes this request's session token. True when a session was open.",
    authScopes: { signedIn: true },
    resolve: (_root, _args, { db, token, now }) => (token ? revokeSession(db, token, now) : false),
  }),
);
