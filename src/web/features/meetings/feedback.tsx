import { Alert, Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type ServerError, useErrorText } from '../../app/errors';
import { notify } from '../../app/notify';

/**
 * Says a server error in the UI's language: by this feature's own words for its reasons
 * (`<namespace>:reason.<REASON>`), else as the app says every error.
 */
export function useReasonText(namespace: 'meetings' | 'council') {
  const { t, i18n } = useTranslation([namespace, 'errors', 'common']);
  const general = useErrorText();
  return useCallback(
    (error: ServerError): string => {
      const key = `${namespace}:reason.${error.reason}`;
      return error.reason && i18n.exists(key) ? t(key) : general(error);
    },
    [namespace, t, i18n, general],
  );
}

/** Errors that belong to no field of the form, in the feature's words. */
export function ReasonAlert({ errors, describe }: { errors: ServerError[]; describe(error: ServerError): string }) {
  const { t } = useTranslation('common');
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

/** The text in the UI's language, or the first one there is, with its language (for `lang`). */
export function pickText(texts: { ky?: string | null; ru?: string | null; en?: string | null } | null | undefined, language: string): { text: string; lang: string } | null {
  if (!texts) return null;
  const order = [language, 'ky', 'ru', 'en'] as const;
  for (const code of order) {
    const text = texts[code as 'ky' | 'ru' | 'en'];
    if (text) return { text, lang: code };
  }
  return null;
}

/** Says that something worked (a green notification whose close button is labelled). */
export function notifyDone(message: string, closeLabel: string): void {
  notify({ message, color: 'green', closeButtonProps: { 'aria-label': closeLabel } });
}
