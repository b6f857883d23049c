import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ServerError } from '../../app/errors';
import { useEditorErrorText } from './errors';

/** Errors that belong to no field, in this feature's words where it has them (see errors.ts). */
export function EditorErrorAlert({ errors }: { errors: ServerError[] }) {
  const { t } = useTranslation();
  const describe = useEditorErrorText();
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
