import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Center, Loader } from '@mantine/core';
import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import { Navigate, useLocation } from 'react-router';
import { MeDocument, type MeQuery, type Role, SignOutDocument } from '../gql/graphql';
import { NotAllowed } from './ui/NotAllowed';

export type SignedInUser = NonNullable<MeQuery['me']>;

interface Session {
  user: SignedInUser | null;
  loading: boolean;
  signOut(): Promise<void>;
  /** Reads `me` again (after signing in). */
  refresh(): Promise<unknown>;
}

const SessionContext = createContext<Session>({ user: null, loading: true, signOut: async () => undefined, refresh: async () => undefined });

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const { data, loading, refetch } = useQuery(MeDocument, { fetchPolicy: 'cache-first' });
  const [logout] = useMutation(SignOutDocument);
  const signOut = useCallback(async () => {
    await logout();
    await client.clearStore();
    await refetch();
  }, [logout, client, refetch]);
  const value = useMemo(() => ({ user: data?.me ?? null, loading: loading && !data, signOut, refresh: refetch }), [data, loading, signOut, refetch]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}

export const STAFF: Role[] = ['ADMIN', 'SECRETARIAT'];
export const PARTNERS: Role[] = ['PARTNER_EDITOR', 'PARTNER_VIEWER'];
export const EDITORS: Role[] = ['ADMIN', 'PARTNER_EDITOR'];

/** The path to come back to after signing in: the page the user was on. */
export function signInPath(location: { pathname: string; search: string }): string {
  return `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`;
}

/** A signed-in page: anonymous visitors go to sign-in (and come back), other roles are told no. */
export function RequireRole({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) {
    return (
      <Center p="xl">
        <Loader aria-label="…" />
      </Center>
    );
  }
  if (!user) return <Navigate to={signInPath(location)} replace />;
  if (roles && !roles.includes(user.role)) return <NotAllowed />;
  return <>{children}</>;
}
