import { Alert, Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type ServerError, useErrorText } from '../../app/errors';
import { notify } from '../../app/notify';

/**
 * Says a server error in the UI's language, first by the reasons a feature's own catalogue
 * knows (`<namespace>:reason.<REASON>`), then as the shared catalogue says it. Used by the
 * users, audit, organisations and reference pages for the reasons only their forms meet.
 */
export function useReasonText(namespace: string) {
  const { t, i18n } = useTranslation([namespace, 'errors', 'common']);
  const general = useErrorText();
  return useCallback(
    (error: ServerError): string => {
      const key = `${namespace}:reason.${error.reason}`;
      if (error.reason && i18n.exists(key)) return t(key);
      return general(error);
    },
    [namespace, t, i18n, general],
  );
}

/** Errors that belong to no field (like `<ErrorAlert>`), said with the feature's own reasons. */
export function ReasonAlert({ errors, describe }: { errors: ServerError[]; describe(error: ServerError): string }) {
  const { t } = useTranslation('common');
  if (errors.length === 0) return null;
  return (
    <Alert color="red" title={t('common:error.title')} role="alert">
      {errors.map((entry, index) => (
        <Text key={index} size="sm">
          {describe(entry)}
        </Text>
      ))}
    </Alert>
  );
}

/**
 * A success message (Mantine notification) whose close button is named in the UI's language
 * (`<namespace>:close`); unnamed, it fails the accessibility check while it shows.
 */
export function useNotifySuccess(namespace: string) {
  const { t } = useTranslation(namespace);
  return useCallback((message: string) => notify({ message, color: 'green', closeButtonProps: { 'aria-label': t(`${namespace}:close`) } }), [namespace, t]);
}
