import { ApolloProvider } from '@apollo/client/react';
import { createTheme, type CSSVariablesResolver, MantineProvider } from '@mantine/core';
import { Suspense, useEffect } from 'react';
import { BrowserRouter, useNavigate } from 'react-router';
import { MeDocument } from '../gql/graphql';
import { apolloClient, onSessionLost } from './apollo';
import { NotificationsHost } from './notify';
import { AppRoutes } from './routes';
import { SessionProvider, signInPath } from './session';
import { PageLoader } from './ui/PageLoader';

const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 of Mantine's blue on white, and white on it, keep WCAG AA contrast (4.5:1).
  primaryShade: { light: 8, dark: 6 },
  // Focus is always visible, also after a mouse click: keyboard users must see where they are.
  focusRing: 'always',
  defaultRadius: 'sm',
  // People who asked their system for less motion get no sliding dialogs and menus.
  respectReducedMotion: true,
});

/**
 * Mantine's dimmed grey (3.3:1 on white) is too faint for WCAG AA; this one is 6:1. So is its
 * red of a field's error message (red 6, 3.6:1): red 9 is 5.5:1. So is the text of its light
 * orange and green alerts and buttons (3.6:1 and 3.9:1 on their tints: the conflict alert,
 * success messages): these colours reach 4.5:1.
 */
const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-orange-light-color': '#b33c07',
    '--mantine-color-green-light-color': '#237032',
  },
  dark: {},
});

/** A signed-in page whose session ended: sign in again and come back to it. */
function SessionExpiry() {
  const navigate = useNavigate();
  useEffect(
    () =>
      onSessionLost(() => {
        void apolloClient.refetchQueries({ include: [MeDocument] });
        if (window.location.pathname.startsWith('/app')) void navigate(`${signInPath(window.location)}&expired=1`, { replace: true });
      }),
    [navigate],
  );
  return null;
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <Suspense fallback={<PageLoader />}>
        <NotificationsHost />
        <ApolloProvider client={apolloClient}>
          <BrowserRouter>
            <SessionProvider>
              <SessionExpiry />
              <AppRoutes />
            </SessionProvider>
          </BrowserRouter>
        </ApolloProvider>
      </Suspense>
    </MantineProvider>
  );
}
