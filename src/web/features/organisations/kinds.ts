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

/** A country's name in the UI's language from its ISO 3166-1 code (KG → Кыргызстан). */
export function countryName(code: string | null | undefined, locale: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
