import { Alert, Center, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { serverErrors, useErrorText } from '../errors';

/** Loading, error and empty states of a query, said the same way on every page. */
export function QueryState({ loading, error, empty, emptyText, children }: { loading: boolean; error?: unknown; empty?: boolean; emptyText?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const describe = useErrorText();
  if (error) {
    return (
      <Alert color="red" title={t('error.title')} role="alert">
        {serverErrors(error).map((entry, index) => (
          <Text key={index} size="sm">
            {describe(entry)}
          </Text>
        ))}
      </Alert>
    );
  }
  if (loading) {
    return (
      <Center p="lg">
        <Loader size="sm" aria-label={t('loading')} />
      </Center>
    );
  }
  if (empty) {
    return (
      <Text c="dimmed" p="md">
        {emptyText ?? t('empty')}
      </Text>
    );
  }
  return <>{children}</>;
}
