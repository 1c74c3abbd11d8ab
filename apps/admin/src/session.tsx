import { isDomainError, LoginDocument, LogoutDocument, request, type ViewerFieldsFragment } from "@lantoa/client";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { graphqlEndpoint } from "./use-query";

/** A signed-in user as the gateway described them at sign-in. */
export interface Session {
  token: string;
  expiresAt: string | null;
  viewer: ViewerFieldsFragment;
}

/** A failed sign-in, in both languages, as the gateway worded it. */
export interface SignInFailure {
  code: string | null;
  message: string | null;
  messageVi: string | null;
}

interface SessionContextValue {
  session: Session | null;
  signIn(username: string, password: string): Promise<SignInFailure | null>;
  signOut(): Promise<void>;
  /** Forgets a token the gateway no longer accepts. */
  expire(): void;
}

// sessionStorage, not localStorage: the token dies with the tab, which suits shared office computers.
const storageKey = "lantoa.session";

function readSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(storageKey);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

function writeSession(session: Session | null): void {
  try {
    if (session) sessionStorage.setItem(storageKey, JSON.stringify(session));
    else sessionStorage.removeItem(storageKey);
  } catch {
    // Storage refused (private window): the session lasts while the page is open.
  }
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Keeps the sign-in token in sessionStorage and offers sign-in and sign-out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(readSession);

  const save = useCallback((next: Session | null) => {
    writeSession(next);
    setSession(next);
  }, []);

  const signIn = useCallback(
    async (username: string, password: string): Promise<SignInFailure | null> => {
      const { login } = await request(graphqlEndpoint, LoginDocument, { username, password });
      if (isDomainError(login)) return login;
      const data = login?.data;
      if (!data?.token || !data.viewer) return { code: null, message: null, messageVi: null };
      save({ token: data.token, expiresAt: data.expiresAt, viewer: data.viewer });
      return null;
    },
    [save],
  );

  const signOut = useCallback(async () => {
    const token = session?.token;
    save(null);
    if (token) await request(graphqlEndpoint, LogoutDocument, {}, { token }).catch(() => undefined);
  }, [session, save]);

  const expire = useCallback(() => save(null), [save]);

  const value = useMemo(() => ({ session, signIn, signOut, expire }), [session, signIn, signOut, expire]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session and the sign-in and sign-out actions. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession() outside <SessionProvider>");
  return value;
}

/** The roles the viewer holds (`system-admin`, `unit-admin`…), empty when signed out. */
export function viewerRoles(session: Session | null): string[] {
  return (session?.viewer.roles ?? []).flatMap((r) => (r.role ? [r.role] : []));
}
