import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import type { OrganisationKind } from '../../gql/graphql';

/** IATI organisation types, the commonest in Kyrgyzstan's donor landscape first. */
export const ORGANISATION_KINDS: OrganisationKind[] = [
  'MULTILATERAL',
  'GOVERNMENT',
  'LOCAL_GOVERNMENT',
  'OTHER_PUBLIC_SECTOR',
  'INTERNATIONAL_NGO',
  'NATIONAL_NGO',
  'REGIONAL_NGO',
  'PARTNER_COUNTRY_NGO',
  'FOUNDATION',
  'ACADEMIC',
  'PUBLIC_PRIVATE_PARTNERSHIP',
  'PRIVATE_SECTOR',
  'PRIVATE_SECTOR_PROVIDER_COUNTRY',
  'PRIVATE_SECTOR_RECIPIENT_COUNTRY',
  'PRIVATE_SECTOR_THIRD_COUNTRY',
  'OTHER',
];

/**
 * A country's name in the UI's language from its ISO 3166-1 code (KG → Кыргызстан): the
 * catalogue's names of the countries partners come from first (browsers often lack Kyrgyz
 * region names), else the browser's, else the code.
 */
export function useCountryName() {
  const { t, i18n } = useTranslation('organisations');
  const { locale } = useFormat();
  return useCallback(
    (code: string | null | undefined): string => {
      if (!code) return '';
      const upper = code.toUpperCase();
      if (i18n.exists(`organisations:countryName.${upper}`)) return t(`organisations:countryName.${upper}`);
      try {
        return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(upper) ?? upper;
      } catch {
        return upper;
      }
    },
    [t, i18n, locale],
  );
}
