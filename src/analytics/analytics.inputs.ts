import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { CurrencyCode, inputRule, NotBefore, shown, WholeNumberIn } from '../common/input-rules';
import { MAX_PAGE_SIZE, PaginationArgs } from '../common/pagination';
import { AdminLevel } from '../geography/admin-unit.entity';
import { LocalDate } from '../common/scalars';
import { ParticipantInput, PeriodInput } from '../projects/project.inputs';
import { AnalyticsErrorCode } from './analytics.errors';
import { OverlapKind } from './analytics.types';
import { ProjectStatus } from '../projects/project.entity';

/** An overlap score: from 0 to 1. */
const ScoreFraction = () =>
  inputRule({
    name: 'scoreFraction',
    reason: AnalyticsErrorCode.MIN_SCORE_OUT_OF_RANGE,
    test: (score) => typeof score === 'number' && score >= 0 && score <= 1,
    message: (score) => `$path is between 0 and 1; got ${shown(score)}.`,
  });

@InputType({ description: 'Narrows a list of overlaps; all given conditions must hold.' })
export class OverlapFilter {
  @Field(() => ID, { nullable: true, description: 'Only overlaps involving a project in which this organisation takes part (that project is then `projectA`).' })
  organisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only overlaps of this project (it is then `projectA`).' })
  projectId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only overlaps located at or inside this unit: at least one shared unit is the unit or lies inside it.' })
  unitCode?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only overlaps sharing at least one of these themes.' })
  themeCodes?: string[] | null;

  @Field(() => PeriodInput, { nullable: true, description: 'Only overlaps whose overlapping period meets this period.' })
  @IsOptional()
  @ValidateNested()
  activeDuring?: PeriodInput | null;

  @Field(() => Float, { nullable: true, description: 'Only overlaps with at least this score (0 to 1).' })
  @IsOptional()
  @ScoreFraction()
  minScore?: number | null;

  @Field({
    defaultValue: false,
    description:
      "Also list the pairs of one organisation's own projects (kind SAME_IMPLEMENTER); by default they are left out. Pairs of the same implementer with different funders are always listed.",
  })
  includeSameOrganisation: boolean;

  @Field(() => [OverlapKind], { nullable: true, description: 'Only pairs of these kinds, e.g. `[SAME_IMPLEMENTER_DIFFERENT_FUNDERS]` for possible double funding.' })
  kinds?: OverlapKind[] | null;
}

@ArgsType()
export class OverlapsArgs extends PaginationArgs {
  @Field(() => OverlapFilter, { nullable: true, description: 'Conditions the overlaps must meet; omit for every overlap in the country.' })
  @IsOptional()
  @ValidateNested()
  filter?: OverlapFilter | null;
}

@InputType({
  description:
    'A project not saved yet (or an unsaved edit of one), described by what its overlaps depend on: where, on what and when it works, and who takes part. Dates are the ones that count for overlaps: actual where known, else planned.',
})
export class OverlapDraftInput {
  @Field(() => [String], { description: 'Codes of the units the project would cover, at any level (as `CreateProjectInput.coverage`); none means it overlaps nothing.' })
  @ArrayMaxSize(1000)
  unitCodes: string[];

  @Field(() => [String], { description: 'Codes of its themes (see `themes`); none means it overlaps nothing.' })
  @ArrayMaxSize(20)
  themeCodes: string[];

  @Field(() => LocalDate, { nullable: true, description: 'First day; null when not known (then it counts as running since ever).' })
  start?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day, not before `start`; null when open-ended.' })
  @NotBefore('start')
  end?: string | null;

  @Field(() => [ParticipantInput], {
    defaultValue: [],
    description:
      "Organisations that would take part, with their roles (as `CreateProjectInput.participants`). Its working organisations (the implementers; else the accountable and extending ones; else the funders) and its funders decide each pair's `kind`, as for stored projects.",
  })
  @ArrayMaxSize(100)
  participants: ParticipantInput[];

  @Field(() => ProjectStatus, {
    nullable: true,
    description: 'Its stage; a CANCELLED project overlaps nothing (as stored cancelled projects take no part). Default: not cancelled.',
  })
  status?: ProjectStatus | null;

  @Field(() => ID, { nullable: true, description: 'When the draft is an edit of a stored project: that project, which is left out (it would overlap its own old version).' })
  excludeProjectId?: string | null;
}

@ArgsType()
export class OverlapPreviewArgs extends PaginationArgs {
  @Field(() => OverlapDraftInput, { description: 'The unsaved project.' })
  @ValidateNested()
  draft: OverlapDraftInput;

  @Field({ defaultValue: false, description: "Also list stored projects with exactly the draft's organisations; by default they are left out, as in `overlaps`." })
  includeSameOrganisation: boolean;
}

@InputType({ description: 'Narrows hotspots; all given conditions must hold.' })
export class HotspotFilter {
  @Field(() => String, { nullable: true, description: 'Only units inside this unit (or the unit itself).' })
  withinCode?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only these themes; omit for all.' })
  themeCodes?: string[] | null;

  @Field(() => PeriodInput, { nullable: true, description: 'Projects running at some time in this period count; omit for today.' })
  @IsOptional()
  @ValidateNested()
  activeDuring?: PeriodInput | null;

  @Field(() => Int, { defaultValue: 3, description: 'Least number of organisations working on the same theme in the unit (2 to 100, default 3).' })
  @WholeNumberIn(2, 100, AnalyticsErrorCode.MIN_ORGANISATIONS_OUT_OF_RANGE)
  minOrganisations: number;

  @Field({
    defaultValue: false,
    description: 'Also count projects that cover a unit containing the unit (e.g. a national programme); by default only projects naming the unit or something inside it count.',
  })
  includeInherited: boolean;
}

@ArgsType()
export class HotspotsArgs extends PaginationArgs {
  @Field(() => AdminLevel, {
    description:
      'Level of the units to look at. A unit above the level with nothing below it counts as a unit of the level (Osh city among the districts; a city of oblast significance or a Bishkek district among the ayil aimaks), so a national view has no holes.',
  })
  level: AdminLevel;

  @Field(() => HotspotFilter, { nullable: true, description: 'Conditions; omit for all themes, today, at least 3 organisations.' })
  @IsOptional()
  @ValidateNested()
  filter?: HotspotFilter | null;
}

@InputType({ description: 'Narrows a coverage map; all given conditions must hold.' })
export class CoverageFilter {
  @Field(() => String, { nullable: true, description: 'Only cells of units inside this unit (or the unit itself).' })
  withinCode?: string | null;

  @Field(() => [String], { nullable: true, description: "Only projects on at least one of these themes (with `byTheme`, only these themes' cells)." })
  themeCodes?: string[] | null;

  @Field({ defaultValue: false, description: 'One cell per unit and theme instead of one per unit.' })
  byTheme: boolean;

  @Field(() => PeriodInput, { nullable: true, description: 'Only projects running at some time in this period; omit for projects of any period.' })
  @IsOptional()
  @ValidateNested()
  activeDuring?: PeriodInput | null;

  @Field(() => [ID], { nullable: true, description: 'Only projects in which one of these organisations takes part; an unknown id is a BAD_USER_INPUT.' })
  organisationIds?: string[] | null;
}

@ArgsType()
export class CoverageArgs extends PaginationArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: MAX_PAGE_SIZE,
    description: `How many cells to return, from 1 to ${MAX_PAGE_SIZE} (default ${MAX_PAGE_SIZE}: a national map of districts in one page).`,
  })
  declare first?: number | null;

  @Field(() => AdminLevel, {
    description:
      'Level of the units that make the cells (e.g. DISTRICT for a map of rayons and cities). A unit above the level with nothing below it counts as a unit of the level (Osh city among the districts; a city of oblast significance or a Bishkek district among the ayil aimaks), so a national view has no holes.',
  })
  level: AdminLevel;

  @Field(() => CoverageFilter, { nullable: true, description: 'Conditions; omit for every project and one cell per unit.' })
  @IsOptional()
  @ValidateNested()
  filter?: CoverageFilter | null;

  @Field({ defaultValue: 'USD', description: 'ISO 4217 currency of the funding figures (default USD).' })
  @CurrencyCode()
  currency: string;
}

@InputType({ description: 'What counts as a gap; all given conditions must hold.' })
export class GapFilter {
  @Field(() => AdminLevel, {
    defaultValue: AdminLevel.MUNICIPALITY,
    description:
      'Level of the units to look at (default MUNICIPALITY, the ayil aimaks). A unit above the level with nothing below it counts as a unit of the level (Osh city among the districts; a city of oblast significance or a Bishkek district among the ayil aimaks), so a national view has no holes.',
  })
  level: AdminLevel;

  @Field(() => [String], { nullable: true, description: 'A unit is a gap when no active project works there on any of these themes; omit for any theme.' })
  themeCodes?: string[] | null;

  @Field(() => PeriodInput, { nullable: true, description: 'Projects running at some time in this period count as active; omit for today.' })
  @IsOptional()
  @ValidateNested()
  activeDuring?: PeriodInput | null;

  @Field(() => String, { nullable: true, description: 'Only units inside this unit (or the unit itself).' })
  withinCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only units flagged (true) or not flagged (false) as border areas.' })
  borderArea?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only units flagged (true) or not flagged (false) as multi-ethnic.' })
  multiEthnic?: boolean | null;

  @Field({
    defaultValue: false,
    description:
      'Let projects that cover a containing unit (a rayon-, oblast- or nation-wide project) fill the gap; by default only projects naming the unit or something inside it do.',
  })
  includeInherited: boolean;
}

@ArgsType()
export class GapsArgs extends PaginationArgs {
  @Field(() => GapFilter, { nullable: true, description: 'What counts as a gap; omit for ayil aimaks without any active project today.' })
  @IsOptional()
  @ValidateNested()
  filter?: GapFilter | null;
}
