import type { EntityManager } from '@mikro-orm/postgresql';
import { TranslatedText } from '../../src/common/translations.embeddable';
import { CoordinationBody } from '../../src/council/coordination-body.entity';
import { Membership } from '../../src/council/membership.entity';
import { AdminUnit } from '../../src/geography/admin-unit.entity';
import { searchKey } from '../../src/common/search';
import { dacCodeStatus } from '../../src/common/iati-codelists';
import { Organisation } from '../../src/organisations/organisation.entity';
import { ProjectCoverage } from '../../src/projects/project-coverage.entity';
import { ProjectParticipant } from '../../src/projects/project-participant.entity';
import { Project } from '../../src/projects/project.entity';
import { Theme } from '../../src/themes/theme.entity';
import type { Translations } from '../../src/common/localized-text';
import type { SeededTexts } from '../seeded-texts';
import { seedId } from '../seed-id';
import { COORDINATION_BODIES, MEMBERSHIPS } from './council.data';
import { ORGANISATIONS, type OrganisationSeed } from './organisations.data';
import { PROJECTS } from './projects.data';
import { THEMES } from './themes.data';

/** How many rows of each kind one run inserted. */
export interface PartnerSeedCounts extends Record<string, number> {
  themes: number;
  organisations: number;
  coordinationBodies: number;
  memberships: number;
  projects: number;
  projectCoverage: number;
  projectParticipants: number;
  projectThemes: number;
}

/** Seed ids, one place for the `kind` part so every module derives the same ones. */
export const partnerSeedIds = {
  organisation: (key: string) => seedId('organisation', key),
  coordinationBody: (key: string) => seedId('coordination-body', key),
  membership: (body: string, organisation: string) => seedId('membership', `${body}:${organisation}`),
  project: (key: string) => seedId('project', key),
  projectCoverage: (project: string, unitCode: string) => seedId('project-coverage', `${project}:${unitCode}`),
  projectParticipant: (project: string, organisation: string, role: string) => seedId('project-participant', `${project}:${organisation}:${role}`),
};

/** Same form as the organisation service's search text: names and acronym, lower-cased. */
function organisationSearchText(seed: Pick<OrganisationSeed, 'name' | 'acronym'>): string {
  return searchKey([seed.name.ky, seed.name.ru, seed.name.en, seed.acronym].filter(Boolean).join(' | '));
}

function projectSearchText(title: { ky?: string | null; ru?: string | null; en?: string | null }): string {
  return searchKey([title.ky, title.ru, title.en].filter(Boolean).join(' | '));
}

/**
 * The seeded texts of the coordination bodies and projects, for bringing rows an earlier version
 * of the seeds wrote (English-only descriptions, no Russian titles) up to date.
 */
export function partnerSeedTexts(): SeededTexts[] {
  return [
    ...COORDINATION_BODIES.map((body) => ({
      table: 'coordination_body',
      id: partnerSeedIds.coordinationBody(body.key),
      texts: { name_: body.name, description_: body.description },
      source: body.source,
    })),
    ...PROJECTS.map((project) => ({
      table: 'project',
      id: partnerSeedIds.project(project.key),
      texts: { title_: project.title, description_: project.description, objectives_: project.objectives },
      source: project.source,
      derived: (texts: Record<string, Translations>) => ({ search_text: projectSearchText(texts.title_) }),
    })),
  ];
}

const SOURCE_MAX = 2000;

/** Fails fast, before touching the database, when the data modules contradict each other. */
export function checkPartnerData(): void {
  const problems: string[] = [];
  const unique = (what: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) problems.push(`duplicate ${what} ${key}`);
      seen.add(key);
    }
    return seen;
  };
  const themes = unique(
    'theme',
    THEMES.map((theme) => theme.code),
  );
  unique(
    'theme position',
    THEMES.map((theme) => String(theme.position)),
  );
  const organisations = unique(
    'organisation',
    ORGANISATIONS.map((organisation) => organisation.key),
  );
  unique(
    'IATI identifier',
    ORGANISATIONS.flatMap((organisation) => (organisation.iatiIdentifier ? [organisation.iatiIdentifier] : [])),
  );
  const bodies = unique(
    'coordination body',
    COORDINATION_BODIES.map((body) => body.key),
  );
  unique(
    'membership',
    MEMBERSHIPS.map((membership) => `${membership.body}:${membership.organisation}`),
  );
  unique(
    'project',
    PROJECTS.map((project) => project.key),
  );

  for (const theme of THEMES)
    if (!theme.dacCodes.every((code) => dacCodeStatus(code) === 'active'))
      problems.push(`theme ${theme.code} has a DAC code that is not an active code of the IATI Sector codelist`);
  for (const organisation of ORGANISATIONS) {
    if (organisation.country !== null && !/^[A-Z]{2}$/.test(organisation.country)) problems.push(`organisation ${organisation.key}: bad country`);
    if (organisation.source.length > SOURCE_MAX) problems.push(`organisation ${organisation.key}: source longer than ${SOURCE_MAX}`);
  }
  for (const body of COORDINATION_BODIES) if (!organisations.has(body.agency)) problems.push(`body ${body.key}: unknown agency ${body.agency}`);
  for (const membership of MEMBERSHIPS) {
    if (!bodies.has(membership.body)) problems.push(`membership: unknown body ${membership.body}`);
    if (!organisations.has(membership.organisation)) problems.push(`membership: unknown organisation ${membership.organisation}`);
  }
  const date = /^\d{4}-\d{2}-\d{2}$/;
  for (const project of PROJECTS) {
    for (const code of project.themes) if (!themes.has(code)) problems.push(`project ${project.key}: unknown theme ${code}`);
    for (const participant of project.participants)
      if (!organisations.has(participant.organisation)) problems.push(`project ${project.key}: unknown organisation ${participant.organisation}`);
    unique(`coverage of ${project.key}:`, project.coverage);
    unique(
      `participant of ${project.key}:`,
      project.participants.map((p) => `${p.organisation}:${p.role}`),
    );
    for (const value of [project.plannedStart, project.plannedEnd, project.actualStart, project.actualEnd])
      if (value !== null && !date.test(value)) problems.push(`project ${project.key}: bad date ${value}`);
    if (project.plannedStart && project.plannedEnd && project.plannedStart > project.plannedEnd) problems.push(`project ${project.key}: ends before it starts`);
    if (project.coverage.length === 0) problems.push(`project ${project.key}: no coverage`);
    if (!project.source) problems.push(`project ${project.key}: no source`);
  }
  if (problems.length > 0) throw new Error(`Partner seed data is inconsistent:\n- ${problems.join('\n- ')}`);
}

/** Values of `column` among `values` that the table already holds. */
async function existing<T extends object>(em: EntityManager, entity: new (...args: never[]) => T, column: string, values: string[]): Promise<Set<string>> {
  if (values.length === 0) return new Set();
  const rows = await em
    .createQueryBuilder(entity)
    .select(column)
    .where({ [column]: { $in: values } })
    .execute<Record<string, string>[]>('all', false);
  return new Set(rows.map((row) => row[column]));
}

/**
 * Inserts the themes, organisations, coordination bodies, memberships and projects of the source
 * documents (shared/data/seed-facts.md) whose rows are not there yet; returns how many rows of each
 * kind it inserted. Rows carry deterministic ids (`seedId`), so a second run inserts nothing.
 * Rows an editor has changed are left as they are; rows an editor has deleted come back.
 * Needs the reference geography (seedGeography) first.
 */
export async function seedPartners(em: EntityManager): Promise<PartnerSeedCounts> {
  checkPartnerData();
  const counts: PartnerSeedCounts = {
    themes: 0,
    organisations: 0,
    coordinationBodies: 0,
    memberships: 0,
    projects: 0,
    projectCoverage: 0,
    projectParticipants: 0,
    projectThemes: 0,
  };

  // Themes (primary key: code).
  const themesThere = await existing(
    em,
    Theme,
    'code',
    THEMES.map((theme) => theme.code),
  );
  for (const theme of THEMES.filter((candidate) => !themesThere.has(candidate.code))) {
    em.create(Theme, {
      code: theme.code,
      name: TranslatedText.of(theme.name),
      description: TranslatedText.of({ en: theme.description }),
      dacCodes: theme.dacCodes,
      position: theme.position,
    });
    counts.themes++;
  }

  // Organisations. One that someone already entered under the same IATI identifier stands in for
  // the seeded one (the identifier is unique), so the seeds link to it instead of failing.
  const organisationId = new Map(ORGANISATIONS.map((organisation) => [organisation.key, partnerSeedIds.organisation(organisation.key)]));
  const organisationsThere = await existing(em, Organisation, 'id', [...organisationId.values()]);
  const identifiers = ORGANISATIONS.flatMap((organisation) => (organisation.iatiIdentifier ? [organisation.iatiIdentifier] : []));
  const holders = identifiers.length
    ? await em
        .createQueryBuilder(Organisation)
        .select(['id', 'iatiIdentifier'])
        .where({ iatiIdentifier: { $in: identifiers } })
        .execute<{ id: string; iati_identifier: string }[]>('all', false)
    : [];
  const holderOf = new Map(holders.map((row) => [row.iati_identifier, row.id]));
  for (const organisation of ORGANISATIONS) {
    const id = organisationId.get(organisation.key)!;
    if (organisationsThere.has(id)) continue;
    const holder = organisation.iatiIdentifier ? holderOf.get(organisation.iatiIdentifier) : undefined;
    if (holder) {
      organisationId.set(organisation.key, holder);
      continue;
    }
    em.create(Organisation, {
      id,
      name: TranslatedText.of(organisation.name),
      acronym: organisation.acronym,
      kind: organisation.kind,
      iatiIdentifier: organisation.iatiIdentifier,
      country: organisation.country,
      website: organisation.website,
      source: organisation.source,
      searchText: organisationSearchText(organisation),
    });
    counts.organisations++;
  }
  const organisationRef = (key: string) => em.getReference(Organisation, organisationId.get(key)!);

  // Coordination bodies.
  const bodyId = new Map(COORDINATION_BODIES.map((body) => [body.key, partnerSeedIds.coordinationBody(body.key)]));
  const bodiesThere = await existing(em, CoordinationBody, 'id', [...bodyId.values()]);
  for (const body of COORDINATION_BODIES) {
    const id = bodyId.get(body.key)!;
    if (bodiesThere.has(id)) continue;
    em.create(CoordinationBody, {
      id,
      name: TranslatedText.of(body.name),
      kind: body.kind,
      agency: organisationRef(body.agency),
      seatCount: body.seatCount,
      description: TranslatedText.of(body.description),
      source: body.source,
    });
    counts.coordinationBodies++;
  }

  // Memberships: skipped when the organisation already has an active one in the body (one active
  // membership per organisation and body).
  const membershipIds = MEMBERSHIPS.map((membership) => partnerSeedIds.membership(membership.body, membership.organisation));
  const membershipsThere = await existing(em, Membership, 'id', membershipIds);
  const activeThere = new Set(
    (
      await em
        .createQueryBuilder(Membership)
        .select(['body', 'organisation'])
        .where({ body: { $in: [...bodyId.values()] }, endDate: null })
        .execute<{ body_id: string; organisation_id: string }[]>('all', false)
    ).map((row) => `${row.body_id}:${row.organisation_id}`),
  );
  MEMBERSHIPS.forEach((membership, index) => {
    const id = membershipIds[index];
    const body = bodyId.get(membership.body)!;
    const organisation = organisationId.get(membership.organisation)!;
    if (membershipsThere.has(id) || activeThere.has(`${body}:${organisation}`)) return;
    em.create(Membership, {
      id,
      body: em.getReference(CoordinationBody, body),
      organisation: organisationRef(membership.organisation),
      role: membership.role,
      startDate: null,
      endDate: null,
      representatives: [],
      source: membership.source,
    });
    activeThere.add(`${body}:${organisation}`);
    counts.memberships++;
  });

  // Projects, their coverage and participants.
  const projectId = new Map(PROJECTS.map((project) => [project.key, partnerSeedIds.project(project.key)]));
  const projectIds = [...projectId.values()];
  const projectsThere = await existing(em, Project, 'id', projectIds);
  const unitCodes = [...new Set(PROJECTS.flatMap((project) => project.coverage))];
  const unitsThere = await existing(em, AdminUnit, 'code', unitCodes);
  const missingUnits = unitCodes.filter((code) => !unitsThere.has(code));
  if (missingUnits.length > 0) {
    throw new Error(`Partner seeds need admin units the database lacks (seed the geography first): ${missingUnits.join(', ')}`);
  }
  const coverageThere = new Set(
    (
      await em
        .createQueryBuilder(ProjectCoverage)
        .select(['project', 'unit'])
        .where({ project: { $in: projectIds } })
        .execute<{ project_id: string; unit_code: string }[]>('all', false)
    ).map((row) => `${row.project_id}:${row.unit_code}`),
  );
  const participantsThere = new Set(
    (
      await em
        .createQueryBuilder(ProjectParticipant)
        .select(['project', 'organisation', 'role'])
        .where({ project: { $in: projectIds } })
        .execute<{ project_id: string; organisation_id: string; role: string }[]>('all', false)
    ).map((row) => `${row.project_id}:${row.organisation_id}:${row.role}`),
  );
  for (const project of PROJECTS) {
    const id = projectId.get(project.key)!;
    if (!projectsThere.has(id)) {
      em.create(Project, {
        id,
        title: TranslatedText.of(project.title),
        description: TranslatedText.of(project.description),
        objectives: TranslatedText.of(project.objectives),
        status: project.status,
        plannedStart: project.plannedStart,
        plannedEnd: project.plannedEnd,
        actualStart: project.actualStart,
        actualEnd: project.actualEnd,
        targetGroups: project.targetGroups,
        contacts: project.contacts,
        links: project.links,
        iatiIdentifier: null,
        source: project.source,
        searchText: projectSearchText(project.title),
      });
      counts.projects++;
    }
    for (const unit of project.coverage) {
      if (coverageThere.has(`${id}:${unit}`)) continue;
      em.create(ProjectCoverage, {
        id: partnerSeedIds.projectCoverage(project.key, unit),
        project: em.getReference(Project, id),
        unit: em.getReference(AdminUnit, unit),
        share: null,
      });
      counts.projectCoverage++;
    }
    for (const participant of project.participants) {
      const organisation = organisationId.get(participant.organisation)!;
      if (participantsThere.has(`${id}:${organisation}:${participant.role}`)) continue;
      em.create(ProjectParticipant, {
        id: partnerSeedIds.projectParticipant(project.key, participant.organisation, participant.role),
        project: em.getReference(Project, id),
        organisation: organisationRef(participant.organisation),
        role: participant.role,
      });
      counts.projectParticipants++;
    }
  }
  await em.flush();

  // Project themes: the pivot table has no id of its own, so a row is there or not by its key.
  const pivotThere = new Set(
    (
      await em.execute<{ project_id: string; theme_code: string }[]>(
        `select project_id, theme_code from project_theme where project_id in (${projectIds.map(() => '?').join(', ')})`,
        projectIds,
      )
    ).map((row) => `${row.project_id}:${row.theme_code}`),
  );
  const pivotRows = PROJECTS.flatMap((project) => {
    const id = projectId.get(project.key)!;
    return project.themes.filter((code) => !pivotThere.has(`${id}:${code}`)).map((code) => [id, code]);
  });
  if (pivotRows.length > 0) {
    await em.execute(`insert into project_theme (project_id, theme_code) values ${pivotRows.map(() => '(?, ?)').join(', ')}`, pivotRows.flat(), 'run');
    counts.projectThemes = pivotRows.length;
  }
  return counts;
}
