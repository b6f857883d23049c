import { ApolloProvider } from '@apollo/client/react';
import { createTheme, type CSSVariablesResolver, MantineProvider } from '@mantine/core';
import { Suspense, useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { MeDocument } from '../gql/graphql';
import { createApolloClient } from './apollo';
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
 * Mantine's dimmed grey (3.3:1 on white) is too faint for WCAG AA; this one is 6:1. Its error red
 * (red 6, 3.3:1) likewise: messages under invalid fields use red 9 (5.3:1).
 */
const cssVariables: CSSVariablesResolver = () => ({ variables: {}, light: { '--mantine-color-dimmed': '#5c636a', '--mantine-color-error': 'var(--mantine-color-red-9)' }, dark: {} });

export function App() {
  const client = useMemo(() => {
    const apollo = createApolloClient(() => {
      void apollo.refetchQueries({ include: [MeDocument] });
      // A signed-in page whose session ended: sign in again and come back to it.
      if (window.location.pathname.startsWith('/app')) void router.navigate(`${signInPath(window.location)}&expired=1`, { replace: true });
    });
    return apollo;
  }, []);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <Suspense fallback={<PageLoader />}>
        <NotificationsHost />
        <ApolloProvider client={client}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </ApolloProvider>
      </Suspense>
    </MantineProvider>
  );
}
