import { Alert, Button, Container } from '@mantine/core';
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
