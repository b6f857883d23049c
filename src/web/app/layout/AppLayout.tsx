import { Anchor, Burger, Button, Group, NavLink, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
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
    // A header, a navigation that folds away on phones, the page: a few lines of CSS rather than
    // Mantine's AppShell, which brings 9 KB (gzip) of resizing, media styles and scroll locking.
    <div className={classes.shell} data-nav-open={opened || undefined}>
      <Anchor href="#main" className={classes.skip}>
        {t('skipToContent')}
      </Anchor>
      <header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} aria-expanded={opened} aria-controls="navigation" />
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
                    void navigate('/');
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
      </header>
      <nav id="navigation" aria-label={t('nav.label')} className={classes.navbar}>
        {items.map((item) => (
          <NavLink key={item.to} component={RouterNavLink} to={item.to} end={item.to === '/' || item.to === '/app'} label={t(item.label)} />
        ))}
      </nav>
      <main id="main" tabIndex={-1} className={classes.main}>
        <VisuallyHidden aria-live="polite">{location.pathname}</VisuallyHidden>
        <RouteErrorBoundary path={location.pathname}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </main>
    </div>
  );
}
