/**
 * Who is signed in. The session itself is an HttpOnly cookie set by the API; the dashboard
 * only asks /api/auth/me and re-renders pages when the account changes.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { api, type Me } from "./api.ts";

export const PUBLIC: Me = { username: null, displayName: "Public", role: "public" };

interface AuthState {
  me: Me;
  /** False until the first /api/auth/me answer arrives. */
  ready: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState>({
  me: PUBLIC,
  ready: false,
  login: () => Promise.reject(new Error("no auth provider")),
  logout: () => Promise.resolve(),
});

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me>(PUBLIC);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .me()
      .then((m) => live && setMe(m))
      .catch(() => live && setMe(PUBLIC))
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const m = await api.login(username, password);
    setMe(m);
    return m;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setMe(PUBLIC);
    }
  }, []);

  const value = useMemo(() => ({ me, ready, login, logout }), [me, ready, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  return useContext(AuthContext);
}

/** Staff see unpublished records and the audit trail; the public sees published records only. */
export function isStaff(me: Me): boolean {
  return me.role !== "public";
}

export const ROLE_LABELS: Record<Me["role"], string> = {
  public: "public",
  admin: "administrator",
  commercial: "commercial lead",
  "contract-manager": "contract manager",
  finance: "finance",
  scrutineer: "scrutineer",
};
