import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ServerError, useErrorText } from '../errors';

/**
 * Errors that belong to no field, said in the UI's language; `describe` gives a feature's own
 * words for some of them.
 */
export function ErrorAlert({ errors, describe: ownWords }: { errors: ServerError[]; describe?: (error: ServerError) => string }) {
  const { t } = useTranslation();
  const general = useErrorText();
  const describe = ownWords ?? general;
  if (errors.length === 0) return null;
  return (
    <Alert color="red" title={t('error.title')} role="alert">
      {errors.map((entry, index) => (
        <Text key={index} size="sm">
          {describe(entry)}
        </Text>
      ))}
    </Alert>
  );
}
