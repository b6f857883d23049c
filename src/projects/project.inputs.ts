import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { HttpUrl, inputRule, NotBefore, NotCleared, shown, SomeTranslation } from '../common/input-rules';
import { TranslationsInput } from '../common/localized-text';
import { PaginationArgs } from '../common/pagination';
import { Decimal, LocalDate } from '../common/scalars';
import { ParticipantRole } from './project-participant.entity';
import { ProjectStatus } from './project.entity';
import { ProjectErrorCode } from './project.errors';

export enum CoverageMatch {
  INTERSECTING = 'INTERSECTING',
  WITHIN = 'WITHIN',
  CONTAINING = 'CONTAINING',
}

registerEnumType(CoverageMatch, {
  name: 'CoverageMatch',
  description: "How a project's coverage must relate to the unit of `ProjectFilter.unitCode`.",
  valuesConfig: {
    INTERSECTING: { description: 'The project covers the unit, a unit inside it, or a unit containing it (default).' },
    WITHIN: { description: 'The project covers the unit or a unit inside it (it works in that area).' },
    CONTAINING: { description: 'The project covers the unit or a unit containing it (e.g. an oblast-wide project for one of its ayil aimaks).' },
  },
});

export enum ProjectOrderField {
  TITLE = 'TITLE',
  START_DATE = 'START_DATE',
  END_DATE = 'END_DATE',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(ProjectOrderField, {
  name: 'ProjectOrderField',
  description: 'What to sort projects by.',
  valuesConfig: {
    TITLE: { description: 'Title in the request language (where it has none: Kyrgyz, then Russian, then English).' },
    START_DATE: { description: 'Actual start, else planned start; unknown dates last.' },
    END_DATE: { description: 'Actual end, else planned end; unknown dates last.' },
    CREATED_AT: { description: 'When the project was recorded in the hub.' },
    UPDATED_AT: { description: 'When the project last changed.' },
  },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort direction.',
  valuesConfig: { ASC: { description: 'Smallest, earliest or A first.' }, DESC: { description: 'Largest, latest or Z first.' } },
});

@InputType({ description: 'A period; either end may be left open.' })
export class PeriodInput {
  @Field(() => LocalDate, { nullable: true, description: 'First day; open when null.' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day; open when null.' })
  @NotBefore('from')
  to?: string | null;
}

@InputType({ description: 'Narrows a list of projects; all given conditions must hold.' })
export class ProjectFilter {
  @Field(() => [ID], { nullable: true, description: 'Only projects in which one of these organisations takes part.' })
  organisationIds?: string[] | null;

  @Field(() => ParticipantRole, { nullable: true, description: 'With `organisationIds`: only in this role.' })
  role?: ParticipantRole | null;

  @Field(() => [String], { nullable: true, description: 'Only projects on at least one of these themes.' })
  themeCodes?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only projects whose coverage relates to this administrative unit (see `coverageMatch`); an unknown code is a BAD_USER_INPUT.',
  })
  unitCode?: string | null;

  @Field(() => CoverageMatch, { defaultValue: CoverageMatch.INTERSECTING, description: 'How the coverage must relate to `unitCode`.' })
  coverageMatch: CoverageMatch;

  @Field(() => [ProjectStatus], { nullable: true, description: 'Only projects in these stages.' })
  status?: ProjectStatus[] | null;

  @Field(() => PeriodInput, { nullable: true, description: 'Only projects running at some time in this period (no end date = still running; dates are actual, else planned).' })
  @IsOptional()
  @ValidateNested()
  activeDuring?: PeriodInput | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the title in any language.' })
  search?: string | null;
}

@InputType({ description: 'Sort order of a project list.' })
export class ProjectOrder {
  @Field(() => ProjectOrderField, { description: 'What to sort by.' })
  field: ProjectOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  direction: SortDirection;
}

@ArgsType()
export class ProjectsArgs extends PaginationArgs {
  @Field(() => ProjectFilter, { nullable: true, description: 'Conditions the projects must meet; omit for all.' })
  @IsOptional()
  @ValidateNested()
  filter?: ProjectFilter | null;

  @Field(() => ProjectOrder, { nullable: true, description: 'Sort order; default most recently updated first.' })
  orderBy?: ProjectOrder | null;
}

/** A share of a project in a unit: a percentage from 0 to 100 with at most 2 decimals. */
const ShareInPercent = () =>
  inputRule({
    name: 'share',
    reason: ProjectErrorCode.SHARE_OUT_OF_RANGE,
    test: (share) => share == null || (typeof share === 'string' && /^\d+(\.\d{1,2})?$/.test(share) && Number(share) <= 100),
    message: (share) => `A share is a percentage from 0 to 100 with at most 2 decimals; got ${shown(share)}.`,
  });

@InputType({ description: 'A unit a project covers.' })
export class CoverageInput {
  @Field({ description: 'Code of the administrative unit, at any level.' })
  unitCode: string;

  @Field(() => Decimal, { nullable: true, description: 'Share of the project in this unit, percent 0–100.' })
  @ShareInPercent()
  share?: string | null;
}

@InputType({ description: 'An organisation and its role in a project.' })
export class ParticipantInput {
  @Field(() => ID, { description: 'The organisation.' })
  organisationId: string;

  @Field(() => ParticipantRole, { description: 'Its role (IATI OrganisationRole).' })
  role: ParticipantRole;
}

@InputType({ description: 'Whom to ask about a project.' })
export class ContactInput {
  @Field(() => String, { nullable: true, description: 'Person or office.' })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Organisation.' })
  @IsOptional()
  @MaxLength(200)
  organisation?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  @IsOptional()
  @MaxLength(200)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Telephone.' })
  @IsOptional()
  @MaxLength(50)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Web site.' })
  @IsOptional()
  @MaxLength(500)
  website?: string | null;
}

@InputType({ description: 'A document or page about a project.' })
export class LinkInput {
  @Field(() => String, { nullable: true, description: 'What it is.' })
  @IsOptional()
  @MaxLength(300)
  title?: string | null;

  @Field({ description: 'http(s) address.' })
  @HttpUrl()
  @MaxLength(2000)
  url: string;
}

/** Fields shared by create and update; on update every field is optional. */
@InputType()
abstract class ProjectFields {
  @Field(() => TranslationsInput, { nullable: true, description: 'Description.' })
  description?: TranslationsInput | null;

  @Field(() => TranslationsInput, { nullable: true, description: 'Objectives.' })
  objectives?: TranslationsInput | null;

  @Field(() => LocalDate, { nullable: true, description: 'Planned first day.' })
  plannedStart?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Planned last day; not before the planned start.' })
  @NotBefore('plannedStart')
  plannedEnd?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Actual first day.' })
  actualStart?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Actual last day; not before the actual start.' })
  @NotBefore('actualStart')
  actualEnd?: string | null;

  @Field(() => [String], { nullable: true, description: 'Theme codes (see `themes`).' })
  @IsOptional()
  @ArrayMaxSize(20)
  themeCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Target groups in words.' })
  @IsOptional()
  @ArrayMaxSize(30)
  targetGroups?: string[] | null;

  @Field(() => [ContactInput], { nullable: true, description: 'Contacts.' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  contacts?: ContactInput[] | null;

  @Field(() => [LinkInput], { nullable: true, description: 'Links.' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(50)
  links?: LinkInput[] | null;

  @Field(() => String, { nullable: true, description: 'IATI activity identifier, unique in the hub.' })
  @IsOptional()
  @MaxLength(200)
  iatiIdentifier?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the facts come from.' })
  @IsOptional()
  @MaxLength(4000)
  source?: string | null;
}

@InputType({ description: 'A new project.' })
export class CreateProjectInput extends ProjectFields {
  @Field(() => TranslationsInput, { description: 'Title in at least one of ky, ru, en.' })
  @SomeTranslation()
  title: TranslationsInput;

  @Field(() => ProjectStatus, { defaultValue: ProjectStatus.PIPELINE, description: 'Stage (default PIPELINE).' })
  status: ProjectStatus;

  @Field(() => [CoverageInput], { defaultValue: [], description: 'Units the project covers.' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(1000)
  coverage: CoverageInput[];

  @Field(() => [ParticipantInput], { defaultValue: [], description: 'Organisations and their roles.' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(100)
  participants: ParticipantInput[];
}

@InputType({ description: 'Changes to a project; fields left out stay as they are, null clears an optional field.' })
export class UpdateProjectInput extends ProjectFields {
  @Field(() => Int, { nullable: true, description: 'The `version` you last read; a stale one is refused with CONFLICT.' })
  version?: number | null;

  @Field(() => TranslationsInput, { nullable: true, description: 'New title.' })
  @SomeTranslation()
  title?: TranslationsInput | null;

  @Field(() => ProjectStatus, { nullable: true, description: 'New stage.' })
  @NotCleared('MISSING_STATUS')
  status?: ProjectStatus | null;
}
