import { useApolloClient } from '@apollo/client/react';
import { SegmentedControl } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES } from '../i18n';

/** Switches the language at any time; names from the API are fetched again in it. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  // On a phone the three names do not fit beside the sign-in button: two-letter codes do.
  const narrow = useMediaQuery('(max-width: 36em)');
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.choose')}
      value={currentLanguage()}
      onChange={async (language) => {
        await i18n.changeLanguage(language);
        await client.resetStore();
      }}
      data={LANGUAGES.map((language) => ({ value: language, label: narrow ? t(`language.short.${language}`) : t(`language.${language}`) }))}
    />
  );
}
