import { AppShell, Anchor, Burger, Button, Group, NavLink, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { NAVIGATION } from '../features';
import { signInPath, useSession } from '../session';
import { PageLoader } from '../ui/PageLoader';
import { RouteErrorBoundary } from '../ui/RouteError';
import { LanguageSwitcher } from './LanguageSwitcher';
import classes from './AppLayout.module.css';

/** Header with the language and the user, a navigation that folds away on phones, the page. */
export function AppLayout() {
  const { user, signOut } = useSession();
  const items = NAVIGATION.filter((item) => !item.roles || (user && item.roles.includes(user.role)));
  // The links' labels are in the common catalogue, so the frame of every page waits for no feature's.
  const { t } = useTranslation('common');
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(close, [location.pathname, close]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <Anchor href="#main" className={classes.skip}>
        {t('skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <UnstyledButton component={Link} to="/" className={classes.brand}>
              <Text fw={700} size="lg">
                {t('brand')}
              </Text>
              <Text size="xs" c="dimmed" visibleFrom="md">
                {t('tagline')}
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitcher />
            {user ? (
              <Group gap={6} wrap="nowrap">
                <Text
                  size="sm"
                  truncate
                  maw={180}
                  visibleFrom="xs"
                  title={`${t(`role.${user.role}`)}${user.organisation ? ` · ${user.organisation.acronym ?? user.organisation.name}` : ''}`}
                >
                  {user.name}
                </Text>
                <Button
                  variant="default"
                  size="xs"
                  onClick={async () => {
                    await signOut();
                    navigate('/');
                  }}
                >
                  {t('user.signOut')}
                </Button>
              </Group>
            ) : (
              <Button component={Link} to={location.pathname.startsWith('/app') ? signInPath(location) : '/sign-in'} size="xs">
                {t('user.signIn')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <nav aria-label={t('nav.label')} className={classes.nav}>
          {items.map((item) => (
            <NavLink key={item.to} component={RouterNavLink} to={item.to} end={item.to === '/' || item.to === '/app'} label={t(item.label)} />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <VisuallyHidden aria-live="polite">{location.pathname}</VisuallyHidden>
        <RouteErrorBoundary path={location.pathname}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
