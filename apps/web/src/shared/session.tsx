import type { Me } from '@niangjia/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, rememberSession } from './api';

export type SessionStatus = 'loading' | 'signedIn' | 'signedOut' | 'error';

type SessionValue = {
  me: Me | null;
  status: SessionStatus;
  error: unknown;
  /** After a login response (same body as /auth/me). */
  acceptSession: (me: Me) => void;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(async () => {
    try {
      const next = await api.get<Me>('/auth/me', undefined, { skipAuthRedirect: true });
      rememberSession(next);
      setMe(next);
      setStatus('signedIn');
      setError(null);
    } catch (e) {
      rememberSession(null);
      setMe(null);
      if (e instanceof ApiError && e.status === 401) {
        setStatus('signedOut');
      } else {
        setStatus('error');
        setError(e);
      }
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const acceptSession = useCallback((next: Me) => {
    rememberSession(next);
    setMe(next);
    setStatus('signedIn');
    setError(null);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/logout', {}, { skipAuthRedirect: true });
    } catch {
      // Already signed out on the server; forget it here either way.
    }
    rememberSession(null);
    setMe(null);
    setStatus('signedOut');
  }, []);

  const value = useMemo(
    () => ({ me, status, error, acceptSession, refresh, signOut }),
    [me, status, error, acceptSession, refresh, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for pages rendered behind the sign-in guard. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}

/** `/admin/orgs?x=1` style return path for the `?next=` parameter. */
export function currentPathForNext(): string {
  return window.location.pathname + window.location.search;
}
