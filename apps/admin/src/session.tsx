import type { ViewerFieldsFragment } from "@lantoa/client";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";

/** A signed-in user as the gateway described them at sign-in. */
export interface Session {
  token: string;
  expiresAt: string | null;
  viewer: ViewerFieldsFragment;
}

interface SessionContextValue {
  session: Session | null;
  /** Keeps the session a successful `login` gave. */
  start(session: Session): void;
  /** Forgets the token (after `logout`, or when the gateway no longer accepts it). */
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

/** Keeps the sign-in token in sessionStorage; signing in and out are mutations of the data layer. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(readSession);

  const save = useCallback((next: Session | null) => {
    writeSession(next);
    setSession(next);
  }, []);

  const start = useCallback((next: Session) => save(next), [save]);
  const expire = useCallback(() => save(null), [save]);

  const value = useMemo(() => ({ session, start, expire }), [session, start, expire]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session, and keeping or forgetting it. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession() outside <SessionProvider>");
  return value;
}

/** The roles the viewer holds (`system-admin`, `unit-admin`…), empty when signed out. */
export function viewerRoles(session: Session | null): string[] {
  return (session?.viewer.roles ?? []).flatMap((r) => (r.role ? [r.role] : []));
}
