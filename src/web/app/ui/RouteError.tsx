import { Alert, Button, Container } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A page that failed to load (a new version was deployed, the network dropped). */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Alert color="red" title={t('error.title')} role="alert">
        {t('error.page')}
        <Button mt="md" variant="light" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>
      </Alert>
    </Container>
  );
}

/**
 * Shows RouteError instead of a page whose code failed to load or that failed to render;
 * following a link (a new `path`) leaves the error behind.
 */
export class RouteErrorBoundary extends Component<{ path: string; children: ReactNode }, { failed: boolean; path: string }> {
  override state = { failed: false, path: this.props.path };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { path: string }, state: { path: string }) {
    return props.path === state.path ? null : { failed: false, path: props.path };
  }

  override render() {
    return this.state.failed ? <RouteError /> : this.props.children;
  }
}
