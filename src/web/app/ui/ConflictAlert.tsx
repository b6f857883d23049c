import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Someone saved the record while this user was editing it (CONFLICT on `version`). Their input
 * stays in the form; `onReload` fetches the newest version and takes its `version` so that
 * saving again overwrites knowingly.
 */
export function ConflictAlert({ onReload }: { onReload(): void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('conflict.title')} role="alert">
      {t('conflict.text')}
      <Button mt="sm" size="xs" variant="light" color="orange" onClick={onReload}>
        {t('conflict.reload')}
      </Button>
    </Alert>
  );
}
