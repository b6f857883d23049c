import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';

/** A file's size in the UI's language: kilobytes under a megabyte, else megabytes with one decimal. */
export function useFileSize() {
  const { t } = useTranslation('iati');
  const format = useFormat();
  return useCallback(
    (bytes: number): string => {
      const megabytes = bytes / (1024 * 1024);
      if (megabytes < 1) return t('iati:size.kb', { value: format.number(Math.max(1, Math.round(bytes / 1024))) });
      return t('iati:size.mb', { value: megabytes >= 100 ? format.number(megabytes) : format.decimal(megabytes, 1) });
    },
    [t, format],
  );
}
