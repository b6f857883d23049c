import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Allow, Public, Role } from '../common/access';
import type { RequestContext } from '../common/context';
import { Language, LocalizedText, translatedField } from '../common/localized-text';
import { PlainResolver } from '../common/plain-resolver';
import { andThen, getAll } from '../common/record-loader';
import { oncePerDocument, selectedFieldNames } from '../common/selection';
import { propsReadBy } from '../common/lean-rows';
import { ADMIN_UNIT_FIELD_PROPS } from '../geography/geography.loaders';
import { ORGANISATION_FIELD_PROPS } from '../organisations/organisation.loaders';
import { ConnectionType, pageWindow } from '../common/pagination';
import { LocalDate } from '../common/scalars';
import { AdminUnit } from '../geography/admin-unit.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Theme } from '../themes/theme.entity';
import { ProjectCoverage } from './project-coverage.entity';
import { ProjectParticipant } from './project-participant.entity';
import { type CoverageEntry, coverageOf, organisationOf, type ParticipantEntry, participantsOf, PROJECT_FIELD_PROPS, type ProjectRecord, unitOf } from './project.loaders';
import { IATI_ACTIVITY_STATUS, Project } from './project.entity';
import type { ProjectRelations } from './project.sql';
import { CoverageInput, CreateProjectInput, ParticipantInput, ProjectsArgs, UpdateProjectInput } from './project.inputs';
import * as projects from './project.service';

@ObjectType({ description: 'A page of projects.' })
export class ProjectConnection extends ConnectionType('Project', () => Project, 'project') {}

/**
 * Which of a project's relations, and which of its and its organisations' columns, the selection
 * at one of `paths` (none: the field's own) reads.
 */
function relationsAskedAt(info: GraphQLResolveInfo, paths: string[][]): ProjectRelations {
  const fields = selectedFieldNames(info, ...paths);
  const below = (...tail: string[]) => selectedFieldNames(info, ...(paths.length ? paths : [[]]).map((path) => [...path, ...tail]));
  const participants = fields.has('participants');
  const coverage = fields.has('coverage');
  // The statement reads the covered units and their parents; a selection going further up reads whole units.
  const unitFields = below('coverage', 'unit');
  const parentFields = below('coverage', 'unit', 'parent');
  return {
    themes: fields.has('themes'),
    coverage,
    participants,
    projectProps: propsReadBy(fields, PROJECT_FIELD_PROPS),
    organisationProps: participants ? propsReadBy(below('participants', 'organisation'), ORGANISATION_FIELD_PROPS) : null,
    unitProps: coverage && !parentFields.has('parent') ? propsReadBy(new Set([...unitFields, ...parentFields]), ADMIN_UNIT_FIELD_PROPS) : null,
  };
}

const pageRelations = oncePerDocument((info) => relationsAskedAt(info, [['nodes'], ['edges', 'node']]));
const ownRelations = oncePerDocument((info) => relationsAskedAt(info, []));

const projectTitle = translatedField((project: ProjectRecord) => project.title);

@Resolver(() => Project)
export class ProjectResolver {
  @Public()
  @Query(() => ProjectConnection, { description: 'Projects, filtered by organisation, theme, place, stage, period or title, sorted and paged: who does what, where and when.' })
  projects(@Args() args: ProjectsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return projects.listProjects(ctx, args.filter, args.orderBy, pageWindow(args), pageRelations(info));
  }

  @Public()
  @Query(() => Project, { nullable: true, description: 'The project with this id, or null.' })
  project(@Arg('id', () => ID, { description: 'Project id.' }) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return projects.projectById(ctx, id, ownRelations(info));
  }

  @Allow(Role.ADMIN, Role.PARTNER_EDITOR)
  @Mutation(() => Project, {
    description:
      "Records a project with its coverage, participants and themes (ADMIN, PARTNER_EDITOR). A partner's own organisation is added as IMPLEMENTING unless it already has an editing role.",
  })
  createProject(@Arg('input', { description: 'The project.' }) input: CreateProjectInput, @Ctx() ctx: RequestContext) {
    return projects.createProject(ctx, input);
  }

  @Allow(Role.ADMIN, Role.PARTNER_EDITOR)
  @Mutation(() => Project, {
    description: "Changes a project's description, dates, stage, themes and other fields (ADMIN; a PARTNER_EDITOR whose organisation is ACCOUNTABLE, EXTENDING or IMPLEMENTING).",
  })
  updateProject(
    @Arg('id', () => ID, { description: 'Project id.' }) id: string,
    @Arg('input', { description: 'What to change.' }) input: UpdateProjectInput,
    @Ctx() ctx: RequestContext,
  ) {
    return projects.updateProject(ctx, id, input);
  }

  @Allow(Role.ADMIN, Role.PARTNER_EDITOR)
  @Mutation(() => Project, { description: 'Replaces the units a project covers (as for updateProject).' })
  setProjectCoverage(
    @Arg('projectId', () => ID, { description: 'Project id.' }) projectId: string,
    @Arg('coverage', () => [CoverageInput], { description: 'All units the project covers from now on.' }) coverage: CoverageInput[],
    @Ctx() ctx: RequestContext,
    @Arg('version', () => Int, { nullable: true, description: 'The project `version` you last read.' }) version?: number | null,
  ) {
    return projects.setProjectCoverage(ctx, projectId, coverage, version);
  }

  @Allow(Role.ADMIN, Role.PARTNER_EDITOR)
  @Mutation(() => Project, { description: 'Replaces the organisations taking part in a project and their roles (as for updateProject).' })
  setProjectParticipants(
    @Arg('projectId', () => ID, { description: 'Project id.' }) projectId: string,
    @Arg('participants', () => [ParticipantInput], { description: 'All participants from now on.' }) participants: ParticipantInput[],
    @Ctx() ctx: RequestContext,
    @Arg('version', () => Int, { nullable: true, description: 'The project `version` you last read.' }) version?: number | null,
  ) {
    return projects.setProjectParticipants(ctx, projectId, participants, version);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Title in the asked-for language; where it has none, in Kyrgyz, else Russian, else English.' })
  @PlainResolver(projectTitle)
  title(
    @Root() project: ProjectRecord,
    @Ctx() ctx: RequestContext,
    @Arg('lang', () => Language, { nullable: true, description: 'Language; defaults to the request language.' }) lang?: Language | null,
  ): string | null {
    return projectTitle(project, { lang }, ctx);
  }

  @FieldResolver(() => LocalizedText, { description: 'Title in Kyrgyz, Russian and English.' })
  titles(@Root() project: ProjectRecord, @Ctx() ctx: RequestContext): LocalizedText {
    return LocalizedText.of(project.title, ctx.language);
  }

  @FieldResolver(() => LocalizedText, { description: 'Description.' })
  description(@Root() project: ProjectRecord, @Ctx() ctx: RequestContext): LocalizedText {
    return LocalizedText.of(project.description, ctx.language);
  }

  @FieldResolver(() => LocalizedText, { description: 'Objectives.' })
  objectives(@Root() project: ProjectRecord, @Ctx() ctx: RequestContext): LocalizedText {
    return LocalizedText.of(project.objectives, ctx.language);
  }

  @FieldResolver(() => String, { description: 'IATI ActivityStatus code of `status`, e.g. "2" for implementation.' })
  iatiStatusCode(@Root() project: ProjectRecord): string {
    return IATI_ACTIVITY_STATUS[project.status];
  }

  @FieldResolver(() => LocalDate, { nullable: true, description: 'Actual start, else planned start.' })
  startDate(@Root() project: ProjectRecord): string | null {
    return project.actualStart ?? project.plannedStart;
  }

  @FieldResolver(() => LocalDate, { nullable: true, description: 'Actual end, else planned end; null when open-ended or not known.' })
  endDate(@Root() project: ProjectRecord): string | null {
    return project.actualEnd ?? project.plannedEnd;
  }

  @FieldResolver(() => [Theme], { description: 'Themes the project works on.' })
  themes(@Root() project: ProjectRecord, @Ctx() ctx: RequestContext) {
    return andThen(ctx.loaders.projects.themeCodesOf.get(project.id), (codes) => getAll(ctx.loaders.themes.themeByCode, codes));
  }

  @FieldResolver(() => [ProjectCoverage], { description: 'Units the project covers, in tree order.' })
  coverage(@Root() project: ProjectRecord, @Ctx() ctx: RequestContext) {
    return coverageOf(ctx.loaders, project);
  }

  @FieldResolver(() => [ProjectParticipant], { description: 'Organisations taking part and their roles.' })
  participants(@Root() project: ProjectRecord, @Ctx() ctx: RequestContext) {
    return participantsOf(ctx.loaders, project);
  }
}

@Resolver(() => ProjectCoverage)
export class ProjectCoverageResolver {
  @FieldResolver(() => AdminUnit, { description: 'The unit covered.' })
  unit(@Root() coverage: CoverageEntry, @Ctx() ctx: RequestContext) {
    return unitOf(ctx.loaders, coverage);
  }
}

@Resolver(() => ProjectParticipant)
export class ProjectParticipantResolver {
  @FieldResolver(() => Organisation, { description: 'The organisation.' })
  organisation(@Root() participant: ParticipantEntry, @Ctx() ctx: RequestContext) {
    return organisationOf(ctx.loaders, participant);
  }
}
