import { anonymousActor, SignInInput, signIn, signOut } from "@lantoa/app";
import type { SessionUser } from "@lantoa/db";
import type { DomainError } from "@lantoa/domain/errors";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.js";
import { DomainFailure, fail } from "./errors.js";
import { perform } from "./mutation-support.js";

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
      username: t.arg.string({ required: true, validate: SignInInput.shape.username }),
      password: t.arg.string({ required: true, validate: SignInInput.shape.password }),
    },
    resolve: async (_root, args, context) => {
      // The throttle counts the attempt before any password is checked, and a guesser
      // past the limit is refused without one (nor an audit entry to write).
      let refusal: DomainError | undefined;
      const outcome = await context.loginThrottle.attempt(args.username, context.clientAddress, async () => {
        const session = await context.app.run(signIn, context.viewer ?? anonymousActor, {
          ...args,
          ttlHours: context.sessionTtlHours,
        });
        if (session.ok) return session.value;
        refusal = session.error;
        return null;
      });
      if (!outcome.ok) return fail(outcome.error);
      return outcome.value ?? fail(refusal as DomainError);
    },
  }),
);

builder.mutationField("logout", (t) =>
  t.boolean({
    description: "Revokes this request's session token. True when a session was open.",
    authScopes: { signedIn: true },
    resolve: (_root, _args, context) => (context.token ? perform(context, signOut, { token: context.token }) : false),
  }),
);
