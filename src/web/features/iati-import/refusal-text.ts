import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRefusal } from './import-report';
import { useFileSize } from './file-size';

/** The limit of `POST /iati/import` (src/iati/iati-import.routes.ts), should the hub not say it. */
const DEFAULT_LIMIT_BYTES = 256 * 1024 * 1024;

/**
 * Says why the hub refused a file, in the UI's language, from the reason and the facts the hub
 * sends beside it (the line and column where the XML breaks, the root element, the version).
 * A reason the catalogue does not know keeps the hub's own (English) words as details.
 */
export function useRefusalText() {
  const { t } = useTranslation(['iati', 'errors']);
  const size = useFileSize();
  return useCallback(
    (status: number, errors: ImportRefusal[]): string => {
      const [error] = errors;
      const facts = error?.extensions ?? { code: '' };
      const nothing = t('iati:refused.nothingWritten');
      if (status === 413 || facts.reason === 'IATI_FILE_TOO_LARGE') return t('iati:refused.IATI_FILE_TOO_LARGE', { limit: size(facts.limitBytes ?? DEFAULT_LIMIT_BYTES) });
      if (status === 429) return t('iati:refused.tooMany');
      if (status === 403 || facts.code === 'FORBIDDEN') {
        return facts.reason === 'NOT_YOUR_ORGANISATION' ? t('iati:refused.NOT_YOUR_ORGANISATION') : t('iati:refused.forbidden');
      }
      if (status >= 500 || !error) return t('iati:refused.server');
      switch (facts.reason) {
        case 'IATI_NOT_WELL_FORMED':
          return `${facts.line != null ? t('iati:refused.notWellFormedAt', { line: facts.line, column: facts.column ?? 1 }) : t('iati:refused.notXml')} ${nothing}`;
        case 'IATI_NOT_ACTIVITIES':
          return `${facts.root === 'iati-organisations' ? t('iati:refused.organisationFile') : t('iati:refused.notActivities', { root: facts.root ?? '?' })} ${nothing}`;
        case 'IATI_UNSUPPORTED_VERSION':
          return `${t('iati:refused.oldVersion', { version: facts.version ?? '1.x' })} ${nothing}`;
        case 'IATI_NO_FILE':
          return t('iati:refused.noFile');
        case 'UNKNOWN_ORGANISATION':
          return t('iati:refused.unknownOrganisation');
        default:
          return `${t('iati:refused.other', { details: error.message })} ${nothing}`;
      }
    },
    [t, size],
  );
}
