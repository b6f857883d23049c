import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { NotBefore, SomeTranslation, WholeNumberIn } from '../common/input-rules';
import { TranslationsInput } from '../common/localized-text';
import { PaginationArgs } from '../common/pagination';
import { LocalDate } from '../common/scalars';
import { LinkInput, PeriodInput, SortDirection } from '../projects/project.inputs';
import { ActivityType, ReportStatus } from './activity-report.entity';

/** Fields a report is made of; on update every field is optional. */
@InputType()
abstract class ReportFields {
  @Field(() => TranslationsInput, { nullable: true, description: 'What happened.' })
  description?: TranslationsInput | null;

  @Field(() => [String], { nullable: true, description: "Theme codes; default: the project's themes." })
  @IsOptional()
  @ArrayMaxSize(20)
  themeCodes?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'People who took part (≥ 0); needed when a breakdown is given.' })
  participantsTotal?: number | null;

  @Field(() => Int, { nullable: true, description: 'Of them women (≥ 0); women + men ≤ total.' })
  participantsWomen?: number | null;

  @Field(() => Int, { nullable: true, description: 'Of them men (≥ 0); women + men ≤ total.' })
  participantsMen?: number | null;

  @Field(() => Int, { nullable: true, description: 'Of them young people (≥ 0, ≤ total).' })
  participantsYouth?: number | null;

  @Field(() => [String], { nullable: true, description: 'Outputs, one per entry.' })
  @IsOptional()
  @ArrayMaxSize(50)
  outputs?: string[] | null;

  @Field(() => [LinkInput], { nullable: true, description: 'Attachments and pages.' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(50)
  links?: LinkInput[] | null;
}

@InputType({ description: 'A report of an activity.' })
export class ActivityReportInput extends ReportFields {
  @Field(() => ID, { description: 'The project the activity belongs to.' })
  projectId: string;

  @Field(() => ID, { description: 'The reporting organisation: a participant of the project (a partner: its own organisation).' })
  organisationId: string;

  @Field(() => ActivityType, { description: 'Kind of activity.' })
  type: ActivityType;

  @Field(() => TranslationsInput, { description: 'Title in at least one of ky, ru, en.' })
  @SomeTranslation()
  title: TranslationsInput;

  @Field(() => LocalDate, { description: 'First day.' })
  startDate: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day; default the first day.' })
  @NotBefore('startDate')
  endDate?: string | null;

  @Field(() => [String], { description: 'Codes of the administrative units where it happened (at least one).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  unitCodes: string[];
}

@InputType({ description: 'Changes to a draft or returned report; fields left out stay as they are.' })
export class UpdateActivityReportInput extends ReportFields {
  @Field(() => Int, { nullable: true, description: 'The `version` you last read; a stale one is refused with CONFLICT.' })
  version?: number | null;

  @Field(() => ActivityType, { nullable: true, description: 'Kind of activity.' })
  type?: ActivityType | null;

  @Field(() => TranslationsInput, { nullable: true, description: 'Title.' })
  @SomeTranslation()
  title?: TranslationsInput | null;

  @Field(() => LocalDate, { nullable: true, description: 'First day.' })
  startDate?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day.' })
  endDate?: string | null;

  @Field(() => [String], { nullable: true, description: 'Places (replace all).' })
  @IsOptional()
  @ArrayMaxSize(200)
  unitCodes?: string[] | null;
}

@InputType({ description: 'Narrows a list of activity reports; all given conditions must hold.' })
export class ActivityReportFilter {
  @Field(() => ID, { nullable: true, description: 'Only reports of this project.' })
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only reports of this organisation.' })
  organisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only activities at or inside this administrative unit.' })
  unitCode?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only reports on at least one of these themes.' })
  themeCodes?: string[] | null;

  @Field(() => [ActivityType], { nullable: true, description: 'Only these kinds of activity.' })
  types?: ActivityType[] | null;

  @Field(() => [ReportStatus], { nullable: true, description: 'Only these statuses (what you may see of others: ACCEPTED and SUBMITTED).' })
  status?: ReportStatus[] | null;

  @Field(() => PeriodInput, { nullable: true, description: 'Only activities taking place at some time in this period.' })
  @IsOptional()
  @ValidateNested()
  period?: PeriodInput | null;
}

export enum ActivityReportOrderField {
  START_DATE = 'START_DATE',
  SUBMITTED_AT = 'SUBMITTED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(ActivityReportOrderField, {
  name: 'ActivityReportOrderField',
  description: 'What to sort activity reports by.',
  valuesConfig: {
    START_DATE: { description: 'First day of the activity.' },
    SUBMITTED_AT: { description: 'When the report was last submitted; never-submitted reports (drafts) last. With ASC: the review queue, oldest first.' },
    UPDATED_AT: { description: 'When the report last changed.' },
  },
});

@InputType({ description: 'Sort order of a list of activity reports.' })
export class ActivityReportOrder {
  @Field(() => ActivityReportOrderField, { description: 'What to sort by.' })
  field: ActivityReportOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  direction: SortDirection;
}

@ArgsType()
export class ActivityReportsArgs extends PaginationArgs {
  @Field(() => ActivityReportFilter, { nullable: true, description: 'Conditions; omit for all reports you may see.' })
  @IsOptional()
  @ValidateNested()
  filter?: ActivityReportFilter | null;

  @Field(() => ActivityReportOrder, { nullable: true, description: 'Sort order; default latest activity first (start date, descending).' })
  orderBy?: ActivityReportOrder | null;
}

export enum ActivitySummaryGroup {
  UNIT = 'UNIT',
  THEME = 'THEME',
  MONTH = 'MONTH',
  ORGANISATION = 'ORGANISATION',
}

registerEnumType(ActivitySummaryGroup, {
  name: 'ActivitySummaryGroup',
  description: 'How to group an activity summary.',
  valuesConfig: {
    UNIT: { description: 'By administrative unit of the `level` given (places below it count for the unit above them).' },
    THEME: { description: 'By theme.' },
    MONTH: { description: 'By calendar month of the start date.' },
    ORGANISATION: { description: 'By reporting organisation.' },
  },
});

@InputType({ description: 'Where and when to look for activity collisions.' })
export class ActivityCollisionFilter {
  @Field(() => String, { nullable: true, description: 'Only places at or inside this administrative unit.' })
  unitCode?: string | null;

  @Field(() => Int, { defaultValue: 14, description: 'Activities this many days apart or closer collide (default 14).' })
  @WholeNumberIn(0, 365)
  withinDays: number;

  @Field(() => LocalDate, { nullable: true, description: 'Only activities ending on or after this day.' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Only activities starting on or before this day.' })
  @NotBefore('from')
  to?: string | null;
}

@InputType({ description: 'Why a report goes back to its partner, or a note on acceptance.' })
export class ReviewInput {
  @Field(() => Int, { nullable: true, description: 'The `version` you last read.' })
  version?: number | null;

  @Field(() => String, { nullable: true, description: 'Comment for the partner; required when returning.' })
  @IsOptional()
  @MaxLength(4000)
  comment?: string | null;
}
