import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/pagination';
import { Decimal, LocalDate } from '../common/scalars';
import { MissingRate } from '../funding/funding-totals';
import { AdminUnit } from '../geography/admin-unit.entity';
import type { AdminUnitRecord } from '../geography/geography.loaders';
import { Project } from '../projects/project.entity';
import type { ProjectRecord } from '../projects/project.loaders';
import { Theme } from '../themes/theme.entity';
import type { ThemeRecord } from '../themes/theme.loaders';

/**
 * Whose projects an overlap pairs, by the organisations that work on them (the implementers;
 * where a project names none, its accountable and extending organisations; where it names only
 * funders, those).
 */
export enum OverlapKind {
  DIFFERENT_IMPLEMENTERS = 'DIFFERENT_IMPLEMENTERS',
  SAME_IMPLEMENTER_DIFFERENT_FUNDERS = 'SAME_IMPLEMENTER_DIFFERENT_FUNDERS',
  SAME_IMPLEMENTER = 'SAME_IMPLEMENTER',
}

registerEnumType(OverlapKind, {
  name: 'OverlapKind',
  description:
    'Whose projects an overlap pairs, by the organisations that work on them: the implementers (where a project names none, its accountable and extending organisations; where it names only funders, those).',
  valuesConfig: {
    DIFFERENT_IMPLEMENTERS: { description: 'No organisation works on both: the case coordination is for.' },
    SAME_IMPLEMENTER_DIFFERENT_FUNDERS: {
      description: 'An organisation works on both, and their funders differ: possibly the same work funded twice — a signal donors want to see.',
    },
    SAME_IMPLEMENTER: { description: 'An organisation works on both with the same (or no) funders: its own projects. Listed only with `includeSameOrganisation`.' },
  },
});

@ObjectType({
  description: 'Why two projects overlap, as three numbers from 0 to 1. The score is 0.4 × geographic + 0.3 × time + 0.3 × themes, rounded to 4 decimals.',
})
export class OverlapScoreComponents {
  @Field(() => Float, {
    description:
      'How specific the most specific shared unit is: 1 for an ayil aimak or a city (one LSG body), 0.6667 for a rayon, 0.3333 for an oblast, 0 for the whole country. A shared unit is a unit one project names that lies at or inside a unit the other names (an oblast-wide project and a project in one of its ayil aimaks share that ayil aimak).',
  })
  geographic: number;

  @Field(() => Float, {
    description:
      'Days both projects run ÷ days of the shorter project (dates: actual, else planned). A project without an end date runs on (or without a start, ran since ever), so it is never the shorter one; when neither project has both dates the share is 1.',
  })
  time: number;

  @Field(() => Float, { description: 'Theme similarity: shared themes ÷ all themes of the two projects (Jaccard index).' })
  themes: number;
}

/** Both projects, the shared units and themes come as lean rows from the page's own statement (overlap.service.ts). */
@ObjectType({
  description:
    'Two projects of different organisations whose coverage meets in the unit tree, whose periods meet and which share a theme: a possible duplication or a chance to coordinate.',
})
export class Overlap {
  projectAId: string;
  projectBId: string;

  @Field(() => Project, { description: 'The first project (the filtered project or a project of the filtered organisation, when given).' })
  projectA: ProjectRecord;

  @Field(() => Project, { description: 'The other project.' })
  projectB: ProjectRecord;

  @Field(() => [AdminUnit], {
    description:
      'Where they meet, most specific: each unit one project names that lies at or inside a unit the other names (an oblast-wide project and a project in one of its ayil aimaks share the ayil aimak). In tree order.',
  })
  sharedUnits: AdminUnitRecord[];

  @Field(() => [Theme], { description: 'Themes both projects work on.' })
  sharedThemes: ThemeRecord[];

  @Field(() => LocalDate, { nullable: true, description: 'First day both projects run; null when both started "since ever" (no start date).' })
  periodStart: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day both projects run; null while both are open-ended.' })
  periodEnd: string | null;

  @Field(() => Float, { description: 'Overlap score from 0 to 1 (see `components`); lists are ordered by it, highest first.' })
  score: number;

  @Field(() => OverlapScoreComponents, { description: 'The three parts of the score, so that the reason for it can be read.' })
  components: OverlapScoreComponents;

  @Field(() => OverlapKind, {
    description:
      "Whose projects meet: different implementers (coordination), or the same implementer with different funders (possible double funding), or one organisation's own projects.",
  })
  kind: OverlapKind;

  @Field({ description: 'True when the two projects share a working organisation (an implementer; see `kind`).' })
  sameOrganisation: boolean;
}

@ObjectType({ description: 'A page of overlaps, highest score first.' })
export class OverlapConnection extends ConnectionType('Overlap', () => Overlap, 'overlap') {}

/** The other project, the shared units and themes are loaded by the resolver (analytics.resolver.ts). */
@ObjectType({
  description:
    'How a project not saved yet would overlap a stored project: the same pair, score and parts as `Overlap` would give once the draft is saved, with the draft as project A.',
})
export class OverlapPreview {
  projectId: string;
  unitCodes: string[];
  themeCodes: string[];

  @Field(() => LocalDate, { nullable: true, description: 'First day both would run; null when both run "since ever" (no start date).' })
  periodStart: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day both would run; null while both are open-ended.' })
  periodEnd: string | null;

  @Field(() => Float, { description: 'Overlap score from 0 to 1, computed as for `Overlap.score`; lists are ordered by it, highest first.' })
  score: number;

  @Field(() => OverlapScoreComponents, { description: 'The three parts of the score, so that the reason for it can be read.' })
  components: OverlapScoreComponents;

  @Field(() => OverlapKind, { description: 'Whose projects meet, by the organisations that work on them (see `Overlap.kind`).' })
  kind: OverlapKind;

  @Field({ description: 'True when the stored project and the draft share a working organisation (see `kind`).' })
  sameOrganisation: boolean;
}

@ObjectType({ description: "A page of a draft's overlaps, highest score first (then by project id)." })
export class OverlapPreviewConnection extends ConnectionType('OverlapPreview', () => OverlapPreview, 'overlap preview') {}

@ObjectType({
  description:
    'A unit and theme where, at some moment of the period, at least the asked-for number of organisations work at the same time (the organisations that work on a project: its implementers; where it names none, its accountable and extending organisations). Who was there, and when, is told for the peak.',
})
export class Hotspot {
  unitCode: string;
  themeCode: string;
  organisationIds: string[];
  projectIds: string[];

  @Field(() => Int, { description: 'How many organisations work there on the theme at the same time, at the peak.' })
  organisationCount: number;

  @Field(() => Int, { description: 'How many projects run there on the theme at the peak.' })
  projectCount: number;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'First day of the period on which the peak count is reached; null when it holds since ever (a project without a start date, and no start to the period).',
  })
  peakFrom: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Last day on which the peak count holds; null when it holds without end (open-ended projects, no end to the period).' })
  peakTo: string | null;
}

@ObjectType({ description: 'A page of hotspots, most crowded first.' })
export class HotspotConnection extends ConnectionType('Hotspot', () => Hotspot, 'hotspot') {}

export enum CoverageKind {
  DIRECT = 'DIRECT',
  INHERITED = 'INHERITED',
  NONE = 'NONE',
}

registerEnumType(CoverageKind, {
  name: 'CoverageKind',
  description: 'How a unit is covered by projects.',
  valuesConfig: {
    DIRECT: { description: 'A project names the unit or a unit inside it.' },
    INHERITED: { description: 'No project names the unit or anything inside it, but one covers a unit containing it (e.g. an oblast-wide project).' },
    NONE: { description: 'No project covers it.' },
  },
});

@ObjectType({
  description:
    "Money of the projects working directly in a cell, converted at the rate on or before each value date (rates are kept against USD and crossed through it). A project's money is split over the units it names: by `share` where given, the rest evenly; the parts at or inside the cell's unit count. Money of projects that only cover a containing unit is not placed in the cell. A project on several themes counts in full in each theme's cell.",
})
export class CellFunding {
  @Field({ description: 'Currency of the figures.' })
  currency: string;

  @Field({ description: 'True when every transaction could be converted.' })
  complete: boolean;

  @Field(() => Decimal, { nullable: true, description: 'Commitments; null when a rate is missing.' })
  committed: string | null;

  @Field(() => Decimal, { nullable: true, description: 'Disbursements; null when a rate is missing.' })
  disbursed: string | null;

  @Field(() => [MissingRate], { description: 'Rates that would be needed to convert everything.' })
  missingRates: MissingRate[];
}

@ObjectType({ description: 'One unit of a coverage map (optionally one theme in it): who works there and with how much money.' })
export class CoverageCell {
  unitCode: string;
  themeCode: string | null;
  organisationIds: string[];

  @Field(() => CoverageKind, { description: 'DIRECT when a project names the unit or something inside it, INHERITED when only a containing unit is covered, NONE otherwise.' })
  coverage: CoverageKind;

  @Field(() => Int, { description: 'Projects covering the unit directly or by inheritance.' })
  projectCount: number;

  @Field(() => Int, { description: 'Projects naming the unit or a unit inside it.' })
  directProjectCount: number;

  @Field(() => Int, { description: 'Projects covering only a unit containing it.' })
  inheritedProjectCount: number;

  @Field(() => Int, { description: 'Organisations taking part in those projects (direct and inherited).' })
  organisationCount: number;

  @Field(() => CellFunding, { description: 'Funding of the projects working directly in the cell.' })
  funding: CellFunding;
}

@ObjectType({ description: 'A page of coverage cells, in tree order (then theme).' })
export class CoverageCellConnection extends ConnectionType('CoverageCell', () => CoverageCell, 'coverage cell') {}

@ObjectType({ description: 'A unit without an active project on the asked-for themes.' })
export class Gap {
  unitCode: string;

  @Field(() => Int, {
    description: 'Active projects on the themes that cover only a unit containing this one (rayon-, oblast- or nation-wide); they do not fill the gap unless `includeInherited`.',
  })
  inheritedProjectCount: number;

  @Field(() => LocalDate, { nullable: true, description: 'Last day of the latest project on the themes that worked here directly before the period; null when none did.' })
  lastProjectEnd: string | null;
}

@ObjectType({ description: 'A page of gaps, in tree order.' })
export class GapConnection extends ConnectionType('Gap', () => Gap, 'gap') {}
