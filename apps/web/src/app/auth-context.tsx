import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '@domain/org/auth.schema.js';
import { ApiError, api, setCsrfToken, setUnauthorizedHandler } from './api-client';
import { hasStoredLocale, setLocale } from './i18n';

type Session = { user: SessionUser; csrfToken: string };

export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'error'; error: ApiError }
  | { status: 'authenticated'; user: SessionUser };

type AuthContextValue = {
  state: AuthState;
  login: (username: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
  /** Replaces the signed-in user after a profile or password change. */
  setUser: (user: SessionUser) => void;
  reload: () => void;
};

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const queryClient = useQueryClient();

  const probe = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const session = await api.get<Session>('/api/auth/me');
      setCsrfToken(session.csrfToken);
      setState({ status: 'authenticated', user: session.user });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setState({ status: 'anonymous', expired: false });
      else setState({ status: 'error', error: err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err)) });
    }
  }, []);

  useEffect(() => {
    void probe();
  }, [probe]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      queryClient.clear();
      setState({ status: 'anonymous', expired: true });
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  const login = useCallback(async (username: string, password: string) => {
    const session = await api.post<Session>('/api/auth/login', { username, password });
    setCsrfToken(session.csrfToken);
    queryClient.clear();
    if (!hasStoredLocale() && session.user.locale) await setLocale(session.user.locale);
    setState({ status: 'authenticated', user: session.user });
    return session.user;
  }, [queryClient]);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken(null);
      queryClient.clear();
      setState({ status: 'anonymous', expired: false });
    }
  }, [queryClient]);

  const setUser = useCallback((user: SessionUser) => setState({ status: 'authenticated', user }), []);

  const value = useMemo(() => ({ state, login, logout, setUser, reload: () => void probe() }), [state, login, logout, setUser, probe]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered behind the sign-in guard. */
export function useCurrentUser(): SessionUser {
  const { state } = useAuth();
  if (state.status !== 'authenticated') throw new Error('useCurrentUser without a signed-in user');
  return state.user;
}
