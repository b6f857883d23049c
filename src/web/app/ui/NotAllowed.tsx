import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function NotAllowed() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('notAllowed.title')} role="alert">
      {t('notAllowed.text')}
    </Alert>
  );
}
