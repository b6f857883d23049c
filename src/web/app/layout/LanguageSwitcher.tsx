import { useApolloClient } from '@apollo/client/react';
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES } from '../i18n';

/** Switches the language at any time; names from the API are fetched again in it. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.choose')}
      value={currentLanguage()}
      onChange={async (language) => {
        await i18n.changeLanguage(language);
        await client.resetStore();
      }}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
    />
  );
}
