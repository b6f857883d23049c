import type { EntityManager } from '@mikro-orm/postgresql';
import { groupByKeys } from '../common/group-by';
import { isUuid } from '../common/ids';
import type { Loaders } from '../common/context';
import { leanFromJson, leanRowsByKey, leanShape } from '../common/lean-rows';
import type { Translations } from '../common/localized-text';
import { AdminUnit } from '../geography/admin-unit.entity';
import { type AdminUnitRecord, pageUnits } from '../geography/geography.loaders';
import { Organisation } from '../organisations/organisation.entity';
import type { OrganisationRecord } from '../organisations/organisation.loaders';
import { Theme } from '../themes/theme.entity';
import type { ThemeRecord } from '../themes/theme.loaders';
import type { ParticipantRole } from './project-participant.entity';
import type { ProjectRelations } from './project.sql';
import { Project } from './project.entity';
import { type Awaitable, RecordLoader } from '../common/record-loader';

/**
 * A project as the read-only GraphQL fields use it: a managed Project or its lean row
 * (src/common/lean-rows.ts); relations are read through the loaders below.
 */
export type ProjectRecord = Omit<Project, 'themes' | 'coverage' | 'participants' | 'title' | 'description' | 'objectives'> & {
  title: Translations;
  description: Translations;
  objectives: Translations;
};

/**
 * What the `coverage` field reads: a lean row, not a managed ProjectCoverage. A page of projects
 * has hundreds of these, and hydrating and tracking them as entities cost more than the query.
 */
export interface CoverageEntry {
  id: string;
  share: string | null;
  unitCode: string;
  /** The unit as the page read it, with some columns only (primedProjects). */
  [PAGE_UNIT]?: AdminUnitRecord;
}

/** What the `participants` field reads, as CoverageEntry. */
export interface ParticipantEntry {
  id: string;
  role: ParticipantRole;
  organisationId: string;
  /** The organisation as the page read it, with some columns only (primedProjects). */
  [PAGE_ORGANISATION]?: OrganisationRecord;
}

/**
 * What each field of Project reads of a project's own columns (by property), for pages that read
 * only those (common/lean-rows.ts, propsReadBy). A field not listed makes them read every column:
 * list one only with what its resolver reads.
 */
export const PROJECT_FIELD_PROPS: Readonly<Record<string, readonly string[]>> = {
  __typename: [],
  id: [],
  // By the project's id, through the loaders; funding's by funding/project-funding.resolver.ts.
  themes: [],
  coverage: [],
  participants: [],
  budgets: [],
  transactions: [],
  fundingTotals: [],
  title: ['title'],
  titles: ['title'],
  status: ['status'],
  iatiStatusCode: ['status'],
  startDate: ['actualStart', 'plannedStart'],
  endDate: ['actualEnd', 'plannedEnd'],
  plannedStart: ['plannedStart'],
  plannedEnd: ['plannedEnd'],
  actualStart: ['actualStart'],
  actualEnd: ['actualEnd'],
  updatedAt: ['updatedAt'],
};

/**
 * On a page's project whose relations hold records read with some columns only: its participants
 * and coverage, and on those their organisations and units, as the same statement read them. Such
 * records are kept out of the loaders, where another field of the request could find a column
 * missing; these keys let the page's own fields read them.
 */
const PAGE_PARTICIPANTS = Symbol('participants read with the page');
const PAGE_ORGANISATION = Symbol('organisation read with the page');
const PAGE_COVERAGE = Symbol('coverage read with the page');
const PAGE_UNIT = Symbol('unit read with the page');

type PageProject = ProjectRecord & { [PAGE_PARTICIPANTS]?: ParticipantEntry[]; [PAGE_COVERAGE]?: CoverageEntry[] };

/** The `coverage` of a project: as its page read it, else through the loader. */
export function coverageOf(loaders: Loaders, project: ProjectRecord): Awaitable<CoverageEntry[]> {
  return (project as PageProject)[PAGE_COVERAGE] ?? loaders.projects.coverageOf.get(project.id);
}

/** The `unit` of a coverage entry: as its page read it, else through the loader. */
export function unitOf(loaders: Loaders, entry: CoverageEntry): Awaitable<AdminUnitRecord | null> {
  return entry[PAGE_UNIT] ?? loaders.geography.unitByCode.get(entry.unitCode);
}

/** The `participants` of a project: as its page read them, else through the loader. */
export function participantsOf(loaders: Loaders, project: ProjectRecord): Awaitable<ParticipantEntry[]> {
  return (project as PageProject)[PAGE_PARTICIPANTS] ?? loaders.projects.participantsOf.get(project.id);
}

/** The `organisation` of a participant: as its page read it, else through the loader. */
export function organisationOf(loaders: Loaders, participant: ParticipantEntry): Awaitable<OrganisationRecord | null> {
  return participant[PAGE_ORGANISATION] ?? loaders.organisations.organisationById.get(participant.organisationId);
}

export function createProjectLoaders(em: EntityManager) {
  return {
    projectById: new RecordLoader<string, ProjectRecord | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const projects = valid.length ? await leanRowsByKey<ProjectRecord>(em, Project.name, 'id', valid) : [];
      const byId = new Map(projects.map((project) => [project.id, project]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    coverageOf: new RecordLoader<string, CoverageEntry[]>(async (projectIds) => {
      const rows = await em.getConnection().execute<(CoverageEntry & { projectId: string })[]>(
        `select c.id, c.project_id as "projectId", c.unit_code as "unitCode", c.share
         from project_coverage c join admin_unit u on u.code = c.unit_code
         where c.project_id in (?) order by u.path`,
        [[...projectIds]],
      );
      return groupByKeys(projectIds, rows, (row) => row.projectId);
    }),

    participantsOf: new RecordLoader<string, ParticipantEntry[]>(async (projectIds) => {
      const rows = await em.getConnection().execute<(ParticipantEntry & { projectId: string })[]>(
        `select id, project_id as "projectId", organisation_id as "organisationId", role
         from project_participant where project_id in (?) order by role, id`,
        [[...projectIds]],
      );
      return groupByKeys(projectIds, rows, (row) => row.projectId);
    }),

    themeCodesOf: new RecordLoader<string, string[]>(async (projectIds) => {
      const rows = await em
        .getConnection()
        .execute<{ project_id: string; theme_code: string }[]>('select project_id, theme_code from project_theme where project_id in (?) order by theme_code', [[...projectIds]]);
      return groupByKeys(projectIds, rows, (row) => row.project_id).map((group) => group.map((row) => row.theme_code));
    }),
  };
}

type LeanJson = Record<string, unknown>;

/** A row of projectsWithRelationsSql (project.sql.ts). */
export interface ProjectWithRelationsRow {
  project: LeanJson;
  theme_codes: string[] | null;
  coverage: CoverageEntry[] | null;
  participants: ParticipantEntry[] | null;
  related: { themes?: LeanJson[] | null; units?: LeanJson[] | null; organisations?: LeanJson[] | null } | null;
  /** How many projects match, where the page counted them (projectPageSql). */
  total: string | null;
}

/**
 * The projects of projectsWithRelationsSql's rows, with the request's loaders primed with them and
 * with the relations the rows carry, so that the fields read them without another statement.
 * Projects, organisations and units read with some columns only (`relations.projectProps`,
 * `organisationProps`, `unitProps`) are not primed: the page's projects carry their participants
 * and coverage, and those their organisations and units (and units their parents), instead.
 */
export function primedProjects(em: EntityManager, loaders: Loaders, rows: ProjectWithRelationsRow[], relations: ProjectRelations = {}): ProjectRecord[] {
  const related = rows[0]?.related;
  for (const json of related?.themes ?? []) {
    const theme = leanFromJson<ThemeRecord>(em, Theme.name, json);
    loaders.themes.themeByCode.prime(theme.code, theme);
  }
  const unitShape = leanShape<AdminUnitRecord>(em, AdminUnit.name, relations.unitProps ?? null);
  const unitsRead = (related?.units ?? []).map((json) => unitShape.fromJson(json));
  const unitsOfPage = relations.unitProps ? pageUnits(unitsRead) : null;
  if (!unitsOfPage) for (const unit of unitsRead) loaders.geography.unitByCode.prime(unit.code, unit);
  const organisationShape = leanShape<OrganisationRecord>(em, Organisation.name, relations.organisationProps ?? null);
  const pageOrganisations = relations.organisationProps ? new Map<string, OrganisationRecord>() : null;
  for (const json of related?.organisations ?? []) {
    const organisation = organisationShape.fromJson(json);
    if (pageOrganisations) pageOrganisations.set(organisation.id, organisation);
    else loaders.organisations.organisationById.prime(organisation.id, organisation);
  }
  const projectShape = leanShape<ProjectRecord>(em, Project.name, relations.projectProps ?? null);
  const whole = !relations.projectProps && !pageOrganisations && !unitsOfPage;
  const { projectById, themeCodesOf, coverageOf: coverageLoader, participantsOf: participantsLoader } = loaders.projects;
  return rows.map((row) => {
    const project: PageProject = projectShape.fromJson(row.project);
    if (whole) projectById.prime(project.id, project);
    if (row.theme_codes) themeCodesOf.prime(project.id, row.theme_codes);
    if (row.coverage && unitsOfPage) {
      for (const entry of row.coverage) entry[PAGE_UNIT] = unitsOfPage.get(entry.unitCode);
      project[PAGE_COVERAGE] = row.coverage;
    } else if (row.coverage) {
      coverageLoader.prime(project.id, row.coverage);
    }
    if (row.participants && pageOrganisations) {
      for (const participant of row.participants) participant[PAGE_ORGANISATION] = pageOrganisations.get(participant.organisationId);
      project[PAGE_PARTICIPANTS] = row.participants;
    } else if (row.participants) {
      participantsLoader.prime(project.id, row.participants);
    }
    return project;
  });
}

declare module '../common/context' {
  interface Loaders {
    projects: ReturnType<typeof createProjectLoaders>;
  }
}
