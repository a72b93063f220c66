import type { LoginResponse, MeResponse, UserDto } from '@echo-hub/protocol';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, getAccessToken, onUnauthorized, request, setAccessToken, toApiError } from './api';
import { errorText } from './errors';

type AuthState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  /** A token is stored but the hub could not say whose it is (e.g. the server is down). */
  | { status: 'unavailable'; problem: string }
  | { status: 'signed-in'; me: MeResponse };

export interface AuthContextValue {
  status: AuthState['status'];
  user: UserDto | null;
  memberships: MeResponse['memberships'];
  problem: string | null;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Loads /me again, e.g. after joining a program. */
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(() =>
    getAccessToken() ? { status: 'loading' } : { status: 'signed-out' },
  );

  const refresh = useCallback(async () => {
    if (!getAccessToken()) return setState({ status: 'signed-out' });
    try {
      setState({ status: 'signed-in', me: await api<MeResponse>('/me') });
    } catch (e) {
      const error = toApiError(e);
      setState(
        error.body.statusCode === 401 ? { status: 'signed-out' } : { status: 'unavailable', problem: errorText(error) },
      );
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => onUnauthorized(() => setState({ status: 'signed-out' })), []);

  const signIn = useCallback(async (email: string, password: string) => {
    const login = await api<LoginResponse>('/auth/login', request('POST', { email, password }));
    setAccessToken(login.accessToken);
    setState({ status: 'signed-in', me: await api<MeResponse>('/me') });
  }, []);

  const signOut = useCallback(async () => {
    await api('/auth/logout', request('POST')).catch(() => undefined);
    setAccessToken(null);
    setState({ status: 'signed-out' });
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({
      status: state.status,
      user: state.status === 'signed-in' ? state.me.user : null,
      memberships: state.status === 'signed-in' ? state.me.memberships : [],
      problem: state.status === 'unavailable' ? state.problem : null,
      signIn,
      signOut,
      refresh,
    }),
    [state, signIn, signOut, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth() needs an <AuthProvider> above it');
  return auth;
}
