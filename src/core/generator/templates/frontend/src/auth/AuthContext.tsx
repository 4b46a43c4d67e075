// Who is signed in. The token is kept in localStorage (see api/client.ts); any 401 from the API
// clears it and sends the user to the login page.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { authApi, type RegisterInput, type Session } from '../api/auth';
import { getToken, onUnauthorized, setToken } from '../api/client';

type User = Session['user'];

export interface AuthState {
  token: string | null;
  user: User | null;
  login(email: string, password: string): Promise<void>;
  register(input: RegisterInput): Promise<void>;
  logout(): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [token, setTokenState] = useState<string | null>(() => getToken());
  const [user, setUser] = useState<User | null>(null);

  useEffect(
    () =>
      onUnauthorized(() => {
        setTokenState(null);
        setUser(null);
        navigate('/login', { replace: true });
      }),
    [navigate],
  );

  // After a reload only the token is known: fetch who it belongs to.
  useEffect(() => {
    if (!token || user) return;
    let cancelled = false;
    authApi.me().then(
      (result) => {
        if (!cancelled) setUser(result.user);
      },
      () => {},
    );
    return () => {
      cancelled = true;
    };
  }, [token, user]);

  const start = useCallback((session: Session) => {
    setToken(session.token);
    setTokenState(session.token);
    setUser(session.user);
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      token,
      user,
      login: async (email, password) => start(await authApi.login(email, password)),
      register: async (input) => start(await authApi.register(input)),
      logout: () => {
        setToken(null);
        setTokenState(null);
        setUser(null);
        navigate('/login');
      },
    }),
    [token, user, start, navigate],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The auth state, or null outside <AuthProvider> (component tests render pages without it). */
export function useOptionalAuth(): AuthState | null {
  return useContext(AuthContext);
}

export function useAuth(): AuthState {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuth must be used inside <AuthProvider>');
  return context;
}

/** Route guard: signed-out visitors are sent to the login page, which returns them here. */
export function RequireAuth() {
  const { token } = useAuth();
  const location = useLocation();
  if (!token) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}
