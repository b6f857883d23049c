import { ApolloProvider } from '@apollo/client/react';
import { createTheme, type CSSVariablesResolver, MantineProvider } from '@mantine/core';
import { Suspense, useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { MeDocument } from '../gql/graphql';
import { apolloClient, onSessionLost } from './apollo';
import { NotificationsHost } from './notify';
import { router } from './routes';
import { SessionProvider, signInPath } from './session';
import { PageLoader } from './ui/PageLoader';

const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 of Mantine's blue on white, and white on it, keep WCAG AA contrast (4.5:1).
  primaryShade: { light: 8, dark: 6 },
  // Focus is always visible, also after a mouse click: keyboard users must see where they are.
  focusRing: 'always',
  defaultRadius: 'sm',
});


/**
 * Mantine's dimmed grey (3.3:1 on white) is too faint for WCAG AA; this one is 6:1. So is its
 * error red (red 6, 3.3:1) for the messages under fields and the text of a field in error: red 9
 * is 5.9:1.
 */
const cssVariables: CSSVariablesResolver = () => ({ variables: {}, light: { '--mantine-color-dimmed': '#5c636a', '--mantine-color-error': 'var(--mantine-color-red-9)' }, dark: {} });

export function App() {
  useEffect(
    () =>
      onSessionLost(() => {
        void apolloClient.refetchQueries({ include: [MeDocument] });
        // A signed-in page whose session ended: sign in again and come back to it.
        if (window.location.pathname.startsWith('/app')) void router.navigate(`${signInPath(window.location)}&expired=1`, { replace: true });
      }),
    [],
  );
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <Suspense fallback={<PageLoader />}>
        <NotificationsHost />
        <ApolloProvider client={apolloClient}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </ApolloProvider>
      </Suspense>
    </MantineProvider>
  );
}
