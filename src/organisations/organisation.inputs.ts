import { IsOptional, MaxLength } from 'class-validator';
import { GraphQLCountryCode } from 'graphql-scalars';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { HttpUrl, NotCleared, SomeTranslation } from '../common/input-rules';
import { TranslationsInput } from '../common/localized-text';
import { PaginationArgs } from '../common/pagination';
import { OrganisationKind } from './organisation.entity';

@InputType({ description: 'Narrows a list of organisations; all given conditions must hold.' })
export class OrganisationFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive part of a name (any language) or the acronym.' })
  search?: string | null;

  @Field(() => [OrganisationKind], { nullable: true, description: 'Only organisations of these kinds.' })
  kinds?: OrganisationKind[] | null;

  @Field(() => Boolean, { nullable: true, description: 'True: only organisations an IATI import created that wait for the secretariat to confirm them; false: only the others.' })
  needsConfirmation?: boolean | null;

  @Field(() => GraphQLCountryCode, { nullable: true, description: 'Only organisations of this country (ISO 3166-1 alpha-2).' })
  country?: string | null;
}

@ArgsType()
export class OrganisationsArgs extends PaginationArgs {
  @Field(() => OrganisationFilter, { nullable: true, description: 'Conditions the organisations must meet; omit for all.' })
  filter?: OrganisationFilter | null;
}

@InputType({ description: 'A new organisation.' })
export class CreateOrganisationInput {
  @Field(() => TranslationsInput, { description: 'Name in at least one of ky, ru, en.' })
  @SomeTranslation()
  name: TranslationsInput;

  @Field(() => String, { nullable: true, description: 'Short name, e.g. UNDP.' })
  @IsOptional()
  @MaxLength(50)
  acronym?: string | null;

  @Field(() => OrganisationKind, { description: 'Kind of organisation (IATI OrganisationType).' })
  kind: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'IATI organisation identifier, unique in the hub.' })
  @IsOptional()
  @MaxLength(100)
  iatiIdentifier?: string | null;

  @Field(() => GraphQLCountryCode, { nullable: true, description: 'ISO 3166-1 alpha-2 country code, e.g. KG.' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Web site, http(s) address.' })
  @HttpUrl()
  @IsOptional()
  @MaxLength(500)
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the facts come from.' })
  @IsOptional()
  @MaxLength(2000)
  source?: string | null;
}

@InputType({ description: 'Changes to an organisation; fields left out stay as they are, null clears an optional field.' })
export class UpdateOrganisationInput {
  @Field(() => Int, { nullable: true, description: 'The `version` you last read; a stale one is refused with CONFLICT.' })
  version?: number | null;

  @Field(() => TranslationsInput, { nullable: true, description: 'New name (replaces all three languages).' })
  @SomeTranslation()
  name?: TranslationsInput | null;

  @Field(() => String, { nullable: true, description: 'Short name.' })
  @IsOptional()
  @MaxLength(50)
  acronym?: string | null;

  @Field(() => OrganisationKind, { nullable: true, description: 'Kind of organisation.' })
  @NotCleared('MISSING_KIND')
  kind?: OrganisationKind | null;

  @Field(() => String, { nullable: true, description: 'IATI organisation identifier.' })
  @IsOptional()
  @MaxLength(100)
  iatiIdentifier?: string | null;

  @Field(() => GraphQLCountryCode, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Web site.' })
  @HttpUrl()
  @IsOptional()
  @MaxLength(500)
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the facts come from.' })
  @IsOptional()
  @MaxLength(2000)
  source?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True confirms an organisation an IATI import created (`needsConfirmation` becomes false); SECRETARIAT and ADMIN only.' })
  confirmed?: boolean | null;
}
