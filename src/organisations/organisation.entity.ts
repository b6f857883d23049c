import { Embedded, Entity, Enum, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { EditableEntity } from '../common/base.entity';
import { TranslatedText } from '../common/translations.embeddable';

/** IATI OrganisationType codelist (IATI Standard 2.03, iatistandard.org). */
export enum OrganisationKind {
  GOVERNMENT = 'GOVERNMENT',
  LOCAL_GOVERNMENT = 'LOCAL_GOVERNMENT',
  OTHER_PUBLIC_SECTOR = 'OTHER_PUBLIC_SECTOR',
  INTERNATIONAL_NGO = 'INTERNATIONAL_NGO',
  NATIONAL_NGO = 'NATIONAL_NGO',
  REGIONAL_NGO = 'REGIONAL_NGO',
  PARTNER_COUNTRY_NGO = 'PARTNER_COUNTRY_NGO',
  PUBLIC_PRIVATE_PARTNERSHIP = 'PUBLIC_PRIVATE_PARTNERSHIP',
  MULTILATERAL = 'MULTILATERAL',
  FOUNDATION = 'FOUNDATION',
  PRIVATE_SECTOR = 'PRIVATE_SECTOR',
  PRIVATE_SECTOR_PROVIDER_COUNTRY = 'PRIVATE_SECTOR_PROVIDER_COUNTRY',
  PRIVATE_SECTOR_RECIPIENT_COUNTRY = 'PRIVATE_SECTOR_RECIPIENT_COUNTRY',
  PRIVATE_SECTOR_THIRD_COUNTRY = 'PRIVATE_SECTOR_THIRD_COUNTRY',
  ACADEMIC = 'ACADEMIC',
  OTHER = 'OTHER',
}

export const IATI_ORGANISATION_TYPE: Record<OrganisationKind, { code: string; label: string }> = {
  GOVERNMENT: { code: '10', label: 'Government' },
  LOCAL_GOVERNMENT: { code: '11', label: 'Local Government' },
  OTHER_PUBLIC_SECTOR: { code: '15', label: 'Other Public Sector' },
  INTERNATIONAL_NGO: { code: '21', label: 'International NGO' },
  NATIONAL_NGO: { code: '22', label: 'National NGO' },
  REGIONAL_NGO: { code: '23', label: 'Regional NGO' },
  PARTNER_COUNTRY_NGO: { code: '24', label: 'Partner Country based NGO' },
  PUBLIC_PRIVATE_PARTNERSHIP: { code: '30', label: 'Public Private Partnership' },
  MULTILATERAL: { code: '40', label: 'Multilateral' },
  FOUNDATION: { code: '60', label: 'Foundation' },
  PRIVATE_SECTOR: { code: '70', label: 'Private Sector' },
  PRIVATE_SECTOR_PROVIDER_COUNTRY: { code: '71', label: 'Private Sector in Provider Country' },
  PRIVATE_SECTOR_RECIPIENT_COUNTRY: { code: '72', label: 'Private Sector in Aid Recipient Country' },
  PRIVATE_SECTOR_THIRD_COUNTRY: { code: '73', label: 'Private Sector in Third Country' },
  ACADEMIC: { code: '80', label: 'Academic, Training and Research' },
  OTHER: { code: '90', label: 'Other' },
};

registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'Kind of organisation, after the IATI OrganisationType codelist (the code is in `Organisation.iatiTypeCode`).',
  valuesConfig: Object.fromEntries(Object.entries(IATI_ORGANISATION_TYPE).map(([name, { code, label }]) => [name, { description: `${label} (IATI ${code}).` }])),
});

/** A donor, multilateral, NGO, state body or LSG body. */
@ObjectType({ description: 'A donor, multilateral, international or national NGO, state body or LSG body.' })
@Entity({ tableName: 'organisation' })
export class Organisation extends EditableEntity {
  @Embedded(() => TranslatedText, { prefix: 'name_' })
  name: TranslatedText = new TranslatedText();

  @Field(() => String, { nullable: true, description: 'Short name, e.g. UNDP, OSCE.' })
  @Property({ type: 'text', nullable: true })
  acronym: string | null = null;

  @Field(() => OrganisationKind, { description: 'Kind of organisation (IATI OrganisationType).' })
  @Enum({ items: () => OrganisationKind })
  kind: OrganisationKind;

  /** IATI organisation identifier, e.g. `XM-DAC-41114` (UNDP). */
  @Field(() => String, { nullable: true, description: 'IATI organisation identifier, e.g. `XM-DAC-41114` for UNDP; null when it has none or it is not known.' })
  @Unique()
  @Property({ type: 'text', nullable: true })
  iatiIdentifier: string | null = null;

  /** ISO 3166-1 alpha-2 code of the country of registration or headquarters. */
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the country of registration or headquarters, e.g. KG, US.' })
  @Property({ type: 'text', nullable: true })
  country: string | null = null;

  @Field(() => String, { nullable: true, description: 'Web site address.' })
  @Property({ type: 'text', nullable: true })
  website: string | null = null;

  /** Where the facts about this organisation come from. */
  @Field(() => String, { nullable: true, description: 'Where the facts about this organisation come from.' })
  @Property({ type: 'text', nullable: true })
  source: string | null = null;

  /** Created by an IATI import from a name or identifier in a file, and not yet confirmed by the secretariat. */
  @Field(() => Boolean, {
    description:
      'True for an organisation an IATI import created (its name, identifier and kind as the file gave them) that the secretariat has not confirmed yet; `updateOrganisation(input: { confirmed: true })` confirms it.',
  })
  @Property({ type: 'boolean', default: false })
  needsConfirmation: Opt<boolean> = false;

  /** Lower-cased names and acronym, for search. */
  @Property({ type: 'text', default: '' })
  searchText: string = '';
}
