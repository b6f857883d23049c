import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type ServerError, useErrorText } from '../../app/errors';

/**
 * Server errors in the UI's language, with this feature's reasons (a taken IATI identifier, a
 * share out of range, a refused transaction…) said in its own words; other errors as everywhere.
 */
export function useEditorErrorText() {
  const { t, i18n } = useTranslation('projectEditor');
  const general = useErrorText();
  return useCallback(
    (error: ServerError): string => {
      const key = error.reason ? `projectEditor:reason.${error.reason}` : null;
      return key && i18n.exists(key) ? t(key) : general(error);
    },
    [t, i18n, general],
  );
}
