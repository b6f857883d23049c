import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessErrorCode, type Caller, forbidden, Role } from '../common/access';
import type { RequestContext } from '../common/context';
import { isUuid } from '../common/ids';
import { type Connection, type PageWindow, toConnection, windowTotal } from '../common/pagination';
import { preparedRows } from '../common/prepared-statement';
import { fixedDecimal } from '../common/scalars';
import { searchKey } from '../common/search';
import { type Sql, sql, sqlWhere } from '../common/sql';
import { TranslatedText } from '../common/translations.embeddable';
import { primedProjects, type ProjectRecord, type ProjectWithRelationsRow } from './project.loaders';
import { badInput, checkPeriod, notFound } from '../common/validation';
import { AdminUnit } from '../geography/admin-unit.entity';
import { findUnitsByCodes, requireUnitPlace } from '../geography/admin-unit.service';
import { Organisation } from '../organisations/organisation.entity';
import { checkOrganisationId, checkVersion } from '../organisations/organisation.service';
import { Theme } from '../themes/theme.entity';
import { checkThemeCodes, requireThemes } from '../themes/theme.service';
import { ProjectCoverage } from './project-coverage.entity';
import { ParticipantRole, ProjectParticipant } from './project-participant.entity';
import { Project } from './project.entity';
import { oneProjectSql, projectFilterSql, projectOrderSql, projectPageSql, type ProjectRelations, projectsWithRelationsSql } from './project.sql';
import { ProjectErrorCode } from './project.errors';
import { type CoverageInput, type CreateProjectInput, type ParticipantInput, type ProjectFilter, type ProjectOrder, type UpdateProjectInput } from './project.inputs';

/**
 * The project with this id, or null. With `relations`, they are read in the same statement (and
 * the loaders primed with them); without, through the request's batch of projects.
 */
export async function projectById(ctx: RequestContext, id: string, relations?: ProjectRelations): Promise<ProjectRecord | null> {
  if (!relations || !(relations.themes || relations.coverage || relations.participants)) return ctx.loaders.projects.projectById.load(id);
  if (!isUuid(id)) return null;
  const [project] = primedProjects(ctx.em, ctx.loaders, await projectRows(ctx, oneProjectSql(id), relations), relations);
  return project ?? null;
}

/** The rows of `page` (project.sql.ts) in its order, with `relations`, in one statement. */
function projectRows(ctx: RequestContext, page: Sql, relations: ProjectRelations): Promise<ProjectWithRelationsRow[]> {
  return preparedRows<ProjectWithRelationsRow>(ctx.em, projectsWithRelationsSql(ctx.em, page, relations));
}

export function projectSearchText(title: TranslatedText): string {
  return searchKey([title.ky, title.ru, title.en].filter(Boolean).join(' | '));
}

/** The SQL conditions (on `project p`) of a project filter. */
export type ProjectFilterSql = Sql[];

/**
 * Checks a project filter and turns it into SQL conditions (project.sql.ts) on `project p`: an unknown
 * organisation, theme or unit is a BAD_USER_INPUT naming the field, never an empty list.
 * Coverage is matched in the unit tree by materialised path. `projects` and the 3W export share it.
 */
export async function checkedProjectFilterSql(ctx: RequestContext, filter: ProjectFilter | null | undefined): Promise<ProjectFilterSql> {
  // An unknown organisation, theme or unit is a mistake to report, not a filter that matches nothing.
  // Together, so the loader asks for all of them in one statement.
  await Promise.all((filter?.organisationIds ?? []).map((id, index) => checkOrganisationId(ctx, id, `filter.organisationIds[${index}]`)));
  await checkThemeCodes(ctx.em, filter?.themeCodes, 'filter.themeCodes');
  const unit = filter?.unitCode ? await requireUnitPlace(ctx, filter.unitCode, 'filter.unitCode') : null;
  return projectFilterSql(filter, unit);
}

/**
 * Projects matching the filter: one statement for the page with the `relations` its fields will
 * read (projectsWithRelationsSql). A filtered page counts the matches itself (`count(*) over ()`):
 * they are all read to be sorted anyway. An unfiltered one is read along the order's index and
 * stops at the page's end, so the count is a second statement, sent together with it.
 */
export async function listProjects(
  ctx: RequestContext,
  filter: ProjectFilter | null | undefined,
  order: ProjectOrder | null | undefined,
  window: PageWindow,
  relations: ProjectRelations = {},
): Promise<Connection<ProjectRecord>> {
  const where = sqlWhere(await checkedProjectFilterSql(ctx, filter));
  const orderBy = projectOrderSql(order, ctx.language);
  if (where.isEmpty) {
    const [rows, [{ total }]] = await Promise.all([
      projectRows(ctx, projectPageSql(where, orderBy, window, false), relations),
      preparedRows<{ total: string }>(ctx.em, sql`select count(*) as total from project p`),
    ]);
    return toConnection(primedProjects(ctx.em, ctx.loaders, rows, relations), Number(total), window);
  }
  const pageOf = (pageWindow: PageWindow) => projectRows(ctx, projectPageSql(where, orderBy, pageWindow, true), relations);
  const rows = await pageOf(window);
  return toConnection(primedProjects(ctx.em, ctx.loaders, rows, relations), await windowTotal(rows, window, pageOf), window);
}

/** Roles that let a partner's organisation edit a project (FUNDING alone does not). */
export const EDITING_ROLES = [ParticipantRole.ACCOUNTABLE, ParticipantRole.EXTENDING, ParticipantRole.IMPLEMENTING];

/** ADMIN edits every project; a PARTNER_EDITOR only those its organisation runs. */
export async function assertCanEditProject(em: EntityManager, caller: Caller | null, project: Project): Promise<void> {
  if (caller?.role === Role.ADMIN) return;
  const runsIt =
    caller?.role === Role.PARTNER_EDITOR &&
    caller.organisationId !== null &&
    (await em.count(ProjectParticipant, { project, organisation: caller.organisationId, role: { $in: EDITING_ROLES } })) > 0;
  if (!runsIt) {
    throw forbidden('Only partners whose organisation is ACCOUNTABLE, EXTENDING or IMPLEMENTING in this project may change it.', AccessErrorCode.NOT_YOUR_ORGANISATION);
  }
}

/** A partner's own organisation keeps an editing role, so it cannot lock itself out by mistake. */
function withPartnerOrganisation(caller: Caller | null, participants: ParticipantInput[], field: string, addIfMissing: boolean): ParticipantInput[] {
  if (caller?.role !== Role.PARTNER_EDITOR || !caller.organisationId) return participants;
  const own = caller.organisationId;
  if (participants.some((entry) => entry.organisationId === own && EDITING_ROLES.includes(entry.role))) return participants;
  if (!addIfMissing) {
    throw badInput('OWN_ORGANISATION_REMOVED', 'Your organisation must stay ACCOUNTABLE, EXTENDING or IMPLEMENTING in the project; ask an administrator to hand it over.', field);
  }
  return [...participants, { organisationId: own, role: ParticipantRole.IMPLEMENTING }];
}

export async function requireProject(em: EntityManager, id: string, field: string): Promise<Project> {
  const project = isUuid(id) ? await em.findOne(Project, { id }) : null;
  if (!project) throw notFound(ProjectErrorCode.PROJECT_NOT_FOUND, `No project has the id given in \`${field}\`.`, field);
  return project;
}

async function checkIatiIdentifierFree(em: EntityManager, iatiIdentifier: string | null | undefined, exceptId?: string) {
  if (!iatiIdentifier) return;
  const holder = await em.findOne(Project, { iatiIdentifier });
  if (holder && holder.id !== exceptId) {
    throw badInput(ProjectErrorCode.IATI_IDENTIFIER_TAKEN, `Another project already has the IATI identifier ${iatiIdentifier}.`, 'input.iatiIdentifier');
  }
}

/** Checks coverage entries and finds their units; nothing is written. */
async function coverageRows(em: EntityManager, coverage: CoverageInput[], field: string) {
  const byCode = await findUnitsByCodes(em, [...new Set(coverage.map((entry) => entry.unitCode))]);
  const chosen = new Set<string>();
  return coverage.map((entry, index) => {
    const unit = byCode.get(entry.unitCode);
    if (!unit) {
      throw badInput(
        ProjectErrorCode.UNKNOWN_UNIT,
        `There is no administrative unit with the code "${entry.unitCode}". Look codes up with the adminUnits query.`,
        `${field}[${index}].unitCode`,
      );
    }
    // A unit named twice, once by its code and once by an alias, is still one unit.
    if (chosen.has(unit.code)) throw badInput(ProjectErrorCode.DUPLICATE_UNIT, `Unit ${entry.unitCode} is listed twice.`, `${field}[${index}].unitCode`);
    chosen.add(unit.code);
    return { unit, share: entry.share == null ? null : fixedDecimal(entry.share, 2) };
  });
}

/** Checks participant entries and finds their organisations; nothing is written. */
async function participantRows(em: EntityManager, participants: ParticipantInput[], field: string) {
  const seen = new Set<string>();
  participants.forEach((entry, index) => {
    const key = `${entry.organisationId}/${entry.role}`;
    if (seen.has(key)) {
      throw badInput(ProjectErrorCode.DUPLICATE_PARTICIPANT, 'The same organisation is listed twice in the same role.', `${field}[${index}]`);
    }
    seen.add(key);
  });
  const ids = [...new Set(participants.map((entry) => entry.organisationId))];
  const organisations = await em.find(Organisation, { id: { $in: ids.filter(isUuid) } });
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  return participants.map((entry, index) => {
    const organisation = byId.get(entry.organisationId);
    if (!organisation) {
      throw badInput(ProjectErrorCode.UNKNOWN_ORGANISATION, `There is no organisation with the id "${entry.organisationId}".`, `${field}[${index}].organisationId`);
    }
    return { organisation, role: entry.role };
  });
}

/**
 * Brings a project's coverage to `rows`: rows for units already covered are kept (their share
 * updated), others removed or added. Deleting and re-inserting the same unit would collide on
 * the unique (project, unit) key, since a flush inserts before it deletes.
 */
function replaceCoverage(em: EntityManager, project: Project, rows: { unit: AdminUnit; share: string | null }[]) {
  const wanted = new Map(rows.map((row) => [row.unit.code, row]));
  for (const existing of project.coverage.getItems()) {
    const row = wanted.get(existing.unit.code);
    if (row) {
      existing.share = row.share;
      wanted.delete(existing.unit.code);
    } else {
      project.coverage.remove(existing);
    }
  }
  for (const row of wanted.values()) project.coverage.add(em.create(ProjectCoverage, { project, unit: row.unit, share: row.share }));
}

/** As replaceCoverage, keyed by organisation and role. */
function replaceParticipants(em: EntityManager, project: Project, rows: { organisation: Organisation; role: ParticipantRole }[]) {
  const key = (organisationId: string, role: ParticipantRole) => `${organisationId}/${role}`;
  const wanted = new Map(rows.map((row) => [key(row.organisation.id, row.role), row]));
  for (const existing of project.participants.getItems()) {
    if (!wanted.delete(key(existing.organisation.id, existing.role))) project.participants.remove(existing);
  }
  for (const row of wanted.values()) project.participants.add(em.create(ProjectParticipant, { project, ...row }));
}

function replaceThemes(project: Project, themes: Theme[]) {
  project.themes.set(themes);
}

export async function createProject(ctx: RequestContext, input: CreateProjectInput): Promise<Project> {
  return ctx.em.transactional(async (em) => {
    await checkIatiIdentifierFree(em, input.iatiIdentifier);
    const themes = await requireThemes(em, input.themeCodes ?? [], 'input.themeCodes');
    const coverage = await coverageRows(em, input.coverage, 'input.coverage');
    const participants = await participantRows(em, withPartnerOrganisation(ctx.caller, input.participants, 'input.participants', true), 'input.participants');
    const title = TranslatedText.of(input.title);
    const project = em.create(Project, {
      title,
      description: TranslatedText.of(input.description),
      objectives: TranslatedText.of(input.objectives),
      status: input.status,
      plannedStart: input.plannedStart ?? null,
      plannedEnd: input.plannedEnd ?? null,
      actualStart: input.actualStart ?? null,
      actualEnd: input.actualEnd ?? null,
      targetGroups: input.targetGroups ?? [],
      contacts: input.contacts ?? [],
      links: input.links ?? [],
      iatiIdentifier: input.iatiIdentifier?.trim() || null,
      source: input.source ?? null,
      searchText: projectSearchText(title),
    });
    replaceThemes(project, themes);
    replaceCoverage(em, project, coverage);
    replaceParticipants(em, project, participants);
    return project;
  });
}

export async function updateProject(ctx: RequestContext, id: string, input: UpdateProjectInput): Promise<Project> {
  return ctx.em.transactional(async (em) => {
    const project = await requireProject(em, id, 'id');
    await assertCanEditProject(em, ctx.caller, project);
    checkVersion(project.version, input.version, 'project');
    const dates = {
      plannedStart: input.plannedStart !== undefined ? input.plannedStart : project.plannedStart,
      plannedEnd: input.plannedEnd !== undefined ? input.plannedEnd : project.plannedEnd,
      actualStart: input.actualStart !== undefined ? input.actualStart : project.actualStart,
      actualEnd: input.actualEnd !== undefined ? input.actualEnd : project.actualEnd,
    };
    // With the stored dates: the input's own pairs are checked by `@NotBefore` before this runs.
    checkPeriod(dates.plannedStart, dates.plannedEnd, 'input.plannedEnd');
    checkPeriod(dates.actualStart, dates.actualEnd, 'input.actualEnd');
    if (input.iatiIdentifier !== undefined) await checkIatiIdentifierFree(em, input.iatiIdentifier, id);
    if (input.themeCodes !== undefined) {
      const themes = await requireThemes(em, input.themeCodes ?? [], 'input.themeCodes');
      await project.themes.init();
      replaceThemes(project, themes);
    }
    if (input.title) {
      project.title = TranslatedText.of(input.title);
      project.searchText = projectSearchText(project.title);
    }
    if (input.description !== undefined) project.description = TranslatedText.of(input.description);
    if (input.objectives !== undefined) project.objectives = TranslatedText.of(input.objectives);
    if (input.status) project.status = input.status;
    Object.assign(project, dates);
    if (input.targetGroups !== undefined) project.targetGroups = input.targetGroups ?? [];
    if (input.contacts !== undefined) project.contacts = input.contacts ?? [];
    if (input.links !== undefined) project.links = input.links ?? [];
    if (input.iatiIdentifier !== undefined) project.iatiIdentifier = input.iatiIdentifier?.trim() || null;
    if (input.source !== undefined) project.source = input.source;
    project.updatedAt = new Date();
    return project;
  });
}

export async function setProjectCoverage(ctx: RequestContext, projectId: string, coverage: CoverageInput[], version?: number | null) {
  return ctx.em.transactional(async (em) => {
    const project = await requireProject(em, projectId, 'projectId');
    await assertCanEditProject(em, ctx.caller, project);
    checkVersion(project.version, version, 'project');
    const rows = await coverageRows(em, coverage, 'coverage');
    await project.coverage.init();
    replaceCoverage(em, project, rows);
    project.updatedAt = new Date();
    return project;
  });
}

export async function setProjectParticipants(ctx: RequestContext, projectId: string, participants: ParticipantInput[], version?: number | null) {
  return ctx.em.transactional(async (em) => {
    const project = await requireProject(em, projectId, 'projectId');
    await assertCanEditProject(em, ctx.caller, project);
    checkVersion(project.version, version, 'project');
    const rows = await participantRows(em, withPartnerOrganisation(ctx.caller, participants, 'participants', false), 'participants');
    await project.participants.init();
    replaceParticipants(em, project, rows);
    project.updatedAt = new Date();
    return project;
  });
}
