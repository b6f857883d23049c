import {
  CreateProjectDocument,
  OrganisationsDocument,
  ProjectDocument,
  ProjectsDocument,
  SetProjectCoverageDocument,
  SetProjectParticipantsDocument,
  ThemesDocument,
  UpdateProjectDocument,
} from './generated/graphql';
import { createOrganisation, createProject } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

const BATKEN_OBLAST = 'KG05000000000';
const BATKEN_RAYON = 'KG05214000000';
const CHUI_OBLAST = 'KG08000000000';
const AK_TATYR = 'KG05214849000';
const KYSHTUT = 'KG05214835000';
const LEILEK_RAYON = 'KG05236000000';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

async function projectIds(filter: object, first = 500) {
  const { data, errors } = await server.graphql(ProjectsDocument, { filter, first });
  expect(errors).toBeUndefined();
  return data!.projects.nodes.map((node) => node.id);
}

describe('the seeded projects', () => {
  it('has the Rural Development Fund project in 7 Batken-rayon ayil aimaks, funded by NED', async () => {
    const [rdfId] = await projectIds({ search: 'border villages' });
    const { data } = await server.graphql(ProjectDocument, { id: rdfId });
    const project = data!.project!;
    expect(project).toMatchObject({ plannedStart: '2012-10-01', plannedEnd: '2013-10-31', status: 'CLOSED' });
    expect(project.coverage).toHaveLength(7);
    expect(project.coverage.every((entry) => entry.unit.kind === 'AYIL_AIMAK' && entry.unit.parent!.code === BATKEN_RAYON)).toBe(true);
    const roles = Object.fromEntries(project.participants.map((participant) => [participant.role, participant.organisation.name]));
    expect(roles.FUNDING).toMatch(/National Endowment for Democracy/);
    expect(roles.IMPLEMENTING).toMatch(/Rural Development Fund/);
    expect(project.source).toBeTruthy();

    expect(await projectIds({ unitCode: BATKEN_OBLAST })).toContain(rdfId);
    expect(await projectIds({ unitCode: CHUI_OBLAST })).not.toContain(rdfId);
  });

  it('has the theme taxonomy with OECD-DAC codes', async () => {
    const { data } = await server.graphql(ThemesDocument, {});
    expect(data!.themes.length).toBe(10);
    expect(data!.themes.map((theme) => theme.code)).toEqual(expect.arrayContaining(['CONFLICT_PREVENTION', 'LOCAL_SELF_GOVERNMENT', 'BORDER_AREAS']));
    expect(data!.themes.every((theme) => theme.dacCodes.every((code) => /^\d{5}$/.test(code)))).toBe(true);
  });
});

describe('projects through the API', () => {
  let funder: string;
  let implementer: string;

  beforeAll(async () => {
    funder = await createOrganisation(server, 'Test Donor Agency', 'MULTILATERAL');
    implementer = await createOrganisation(server, 'Test Implementer', 'NATIONAL_NGO');
  });

  it('creates, updates and reads a project back', async () => {
    const created = await server.graphql(CreateProjectDocument, {
      input: {
        title: { en: 'Municipal dialogue in Leilek', ky: 'Лейлектеги муниципалдык диалог' },
        description: { en: 'Round tables between LSG bodies and communities.' },
        status: 'IMPLEMENTATION',
        plannedStart: '2025-03-01',
        plannedEnd: '2027-02-28',
        themeCodes: ['CONFLICT_PREVENTION', 'LOCAL_SELF_GOVERNMENT'],
        targetGroups: ['youth', 'women'],
        coverage: [
          { unitCode: LEILEK_RAYON, share: '60' },
          { unitCode: AK_TATYR, share: '40' },
        ],
        participants: [
          { organisationId: funder, role: 'FUNDING' },
          { organisationId: implementer, role: 'IMPLEMENTING' },
        ],
        contacts: [{ name: 'Project office', email: 'office@example.org' }],
        links: [{ title: 'Concept note', url: 'https://example.org/concept.pdf' }],
      },
    });
    expect(created.errors).toBeUndefined();
    const project = created.data!.createProject;
    expect(project).toMatchObject({ version: 1, status: 'IMPLEMENTATION', iatiStatusCode: '2', startDate: '2025-03-01', endDate: '2027-02-28' });
    expect(project.coverage.map((entry) => [entry.unit.code, entry.share])).toEqual(
      [
        [LEILEK_RAYON, '60.00'],
        [AK_TATYR, '40.00'],
      ].sort(),
    );
    expect(project.themes.map((theme) => theme.code).sort()).toEqual(['CONFLICT_PREVENTION', 'LOCAL_SELF_GOVERNMENT']);

    const updated = await server.graphql(UpdateProjectDocument, {
      id: project.id,
      input: { version: 1, actualStart: '2025-04-10', themeCodes: ['BORDER_AREAS'], title: { en: 'Municipal dialogue in Leilek and Batken' } },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateProject).toMatchObject({ version: 2, startDate: '2025-04-10', title: 'Municipal dialogue in Leilek and Batken' });

    const read = await server.graphql(ProjectDocument, { id: project.id }, { headers: { 'accept-language': 'ky' } });
    expect(read.data!.project).toMatchObject({
      title: 'Municipal dialogue in Leilek and Batken',
      titles: { en: 'Municipal dialogue in Leilek and Batken', ky: null },
      themes: [{ code: 'BORDER_AREAS' }],
      targetGroups: ['youth', 'women'],
      links: [{ url: 'https://example.org/concept.pdf' }],
      plannedStart: '2025-03-01',
      actualStart: '2025-04-10',
    });
    expect(read.data!.project!.participants).toHaveLength(2);

    const stale = await server.graphql(UpdateProjectDocument, { id: project.id, input: { version: 1, status: 'CLOSED' } });
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
    expect((await server.graphql(ProjectDocument, { id: project.id })).data!.project!.status).toBe('IMPLEMENTATION');
  });

  it('replaces coverage and participants', async () => {
    const project = await createProject(server, { coverage: [{ unitCode: AK_TATYR }], participants: [{ organisationId: funder, role: 'FUNDING' }] });
    const coverage = await server.graphql(SetProjectCoverageDocument, { projectId: project.id, coverage: [{ unitCode: CHUI_OBLAST }, { unitCode: KYSHTUT }] });
    expect(coverage.data!.setProjectCoverage.coverage.map((entry) => entry.unit.code).sort()).toEqual([KYSHTUT, CHUI_OBLAST].sort());
    expect(coverage.data!.setProjectCoverage.version).toBe(2);
    const participants = await server.graphql(SetProjectParticipantsDocument, {
      projectId: project.id,
      participants: [
        { organisationId: implementer, role: 'IMPLEMENTING' },
        { organisationId: implementer, role: 'ACCOUNTABLE' },
      ],
    });
    expect(participants.data!.setProjectParticipants.participants.map((p) => p.role).sort()).toEqual(['ACCOUNTABLE', 'IMPLEMENTING']);
    // Keeping a unit while changing its share and adding another (no delete-then-insert clash).
    const again = await server.graphql(SetProjectCoverageDocument, {
      projectId: project.id,
      coverage: [
        { unitCode: KYSHTUT, share: '70' },
        { unitCode: AK_TATYR, share: '30' },
      ],
    });
    expect(again.errors).toBeUndefined();
    expect(again.data!.setProjectCoverage.coverage.map((entry) => [entry.unit.code, entry.share]).sort()).toEqual(
      [
        [AK_TATYR, '30.00'],
        [KYSHTUT, '70.00'],
      ].sort(),
    );
    const stale = await server.graphql(SetProjectCoverageDocument, { projectId: project.id, coverage: [], version: 1 });
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
  });

  it('refuses a filter naming an unknown unit, theme or organisation, rather than answering with nothing', async () => {
    const cases: [object, string, string][] = [
      [{ unitCode: 'KG-NOWHERE' }, 'filter.unitCode', 'UNKNOWN_UNIT'],
      [{ themeCodes: ['CONFLICT_PREVENTION', 'ASTROLOGY'] }, 'filter.themeCodes', 'UNKNOWN_THEME'],
      [{ organisationIds: ['00000000-0000-4000-8000-00000000abcd'] }, 'filter.organisationIds[0]', 'UNKNOWN_ORGANISATION'],
      [{ organisationIds: ['not-an-id'] }, 'filter.organisationIds[0]', 'UNKNOWN_ORGANISATION'],
    ];
    for (const [filter, field, reason] of cases) {
      const { errors } = await server.graphql(ProjectsDocument, { filter, first: 5 });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
    // The SOATE code and a former code of Ak-Tatyr find the same projects as its code.
    const byCode = await projectIds({ unitCode: AK_TATYR });
    expect(byCode.length).toBeGreaterThan(0);
    expect(await projectIds({ unitCode: '41705214849000' })).toEqual(byCode);
    expect(await projectIds({ unitCode: 'KG05214000000-AK-TATYR' })).toEqual(byCode);
  });

  it('refuses each bad input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const tables = ['project', 'project_coverage', 'project_participant', 'project_theme'];
    const before = await Promise.all(tables.map((table) => server.rowCount(table)));
    const valid = { title: { en: 'Valid' }, coverage: [{ unitCode: AK_TATYR }], participants: [{ organisationId: funder, role: 'FUNDING' as const }] };
    const cases: [object, string, string][] = [
      [{ plannedStart: '2025-05-01', plannedEnd: '2025-04-30' }, 'input.plannedEnd', 'END_BEFORE_START'],
      [{ actualStart: '2025-05-01', actualEnd: '2024-01-01' }, 'input.actualEnd', 'END_BEFORE_START'],
      [{ coverage: [{ unitCode: AK_TATYR }, { unitCode: 'KG-NOWHERE' }] }, 'input.coverage[1].unitCode', 'UNKNOWN_UNIT'],
      [{ coverage: [{ unitCode: AK_TATYR }, { unitCode: AK_TATYR }] }, 'input.coverage[1].unitCode', 'DUPLICATE_UNIT'],
      [{ coverage: [{ unitCode: AK_TATYR, share: '150' }] }, 'input.coverage[0].share', 'SHARE_OUT_OF_RANGE'],
      [{ participants: [{ organisationId: '00000000-0000-4000-8000-00000000abcd', role: 'FUNDING' }] }, 'input.participants[0].organisationId', 'UNKNOWN_ORGANISATION'],
      [{ themeCodes: ['CONFLICT_PREVENTION', 'ASTROLOGY'] }, 'input.themeCodes', 'UNKNOWN_THEME'],
      [{ title: { en: '', ru: ' ' } }, 'input.title', 'MISSING_TEXT'],
      [{ links: [{ url: 'javascript:alert(1)' }] }, 'input.links[0].url', 'INVALID_URL'],
    ];
    for (const [change, field, reason] of cases) {
      const { errors } = await server.graphql(CreateProjectDocument, { input: { ...valid, ...change } as never });
      expect(errors).toHaveLength(1);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
      expect(errors![0].message.length).toBeGreaterThan(10);
    }
    const badDate = await server.graphql(CreateProjectDocument, { input: { ...valid, plannedStart: '2025-02-30' } });
    expect(badDate.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(badDate.errors![0].message).toContain('plannedStart');
    expect(await Promise.all(tables.map((table) => server.rowCount(table)))).toEqual(before);
  });

  it('answers unknown projects with null or NOT_FOUND', async () => {
    expect((await server.graphql(ProjectDocument, { id: 'nope' })).data!.project).toBeNull();
    const update = await server.graphql(UpdateProjectDocument, { id: '00000000-0000-4000-8000-000000000009', input: { status: 'CLOSED' } });
    expect(update.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});

describe('the projects filter', () => {
  let oblastWide: string;
  let inAkTatyr: string;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    orgA = await createOrganisation(server, 'Filter Org A');
    orgB = await createOrganisation(server, 'Filter Org B');
    oblastWide = (
      await createProject(server, {
        title: { en: 'Oblast-wide programme' },
        status: 'IMPLEMENTATION',
        plannedStart: '2020-01-01',
        coverage: [{ unitCode: BATKEN_OBLAST }],
        participants: [{ organisationId: orgA, role: 'IMPLEMENTING' }],
        themeCodes: ['HUMAN_RIGHTS'],
      })
    ).id;
    inAkTatyr = (
      await createProject(server, {
        title: { en: 'Village project' },
        status: 'CLOSED',
        plannedStart: '2015-01-01',
        plannedEnd: '2016-12-31',
        coverage: [{ unitCode: AK_TATYR }],
        participants: [{ organisationId: orgB, role: 'FUNDING' }],
        themeCodes: ['E_GOVERNMENT'],
      })
    ).id;
  });

  it('matches coverage in the unit tree: intersecting, within and containing', async () => {
    const intersecting = await projectIds({ unitCode: BATKEN_RAYON });
    expect(intersecting).toEqual(expect.arrayContaining([oblastWide, inAkTatyr]));
    const within = await projectIds({ unitCode: BATKEN_RAYON, coverageMatch: 'WITHIN' });
    expect(within).toContain(inAkTatyr);
    expect(within).not.toContain(oblastWide);
    const containing = await projectIds({ unitCode: BATKEN_RAYON, coverageMatch: 'CONTAINING' });
    expect(containing).toContain(oblastWide);
    expect(containing).not.toContain(inAkTatyr);
    // A neighbouring ayil aimak sees the oblast-wide project, not the village project.
    const neighbour = await projectIds({ unitCode: KYSHTUT });
    expect(neighbour).toContain(oblastWide);
    expect(neighbour).not.toContain(inAkTatyr);
  });

  it('filters by organisation and role, theme, status, period and title', async () => {
    expect(await projectIds({ organisationIds: [orgA] })).toEqual([oblastWide]);
    expect(await projectIds({ organisationIds: [orgA, orgB], role: 'FUNDING' })).toEqual([inAkTatyr]);
    expect(await projectIds({ themeCodes: ['E_GOVERNMENT'], unitCode: BATKEN_OBLAST })).toEqual([inAkTatyr]);
    const closed = await projectIds({ status: ['CLOSED'], organisationIds: [orgA, orgB] });
    expect(closed).toEqual([inAkTatyr]);
    const during2015 = await projectIds({ activeDuring: { from: '2015-06-01', to: '2015-06-30' }, organisationIds: [orgA, orgB] });
    expect(during2015).toEqual([inAkTatyr]);
    // No end date means still running.
    const during2030 = await projectIds({ activeDuring: { from: '2030-01-01' }, organisationIds: [orgA, orgB] });
    expect(during2030).toEqual([oblastWide]);
    expect(await projectIds({ search: 'OBLAST-WIDE' })).toEqual([oblastWide]);
    const reversed = await server.graphql(ProjectsDocument, { filter: { activeDuring: { from: '2020-01-01', to: '2019-01-01' } } });
    expect(reversed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.activeDuring.to' });
  });

  it('sorts and pages deterministically', async () => {
    const all = await server.graphql(ProjectsDocument, { first: 500, orderBy: { field: 'START_DATE', direction: 'ASC' } });
    const starts = all.data!.projects.nodes.map((node) => node.startDate).filter((date): date is string => date !== null);
    expect(starts).toEqual([...starts].sort());
    const total = all.data!.projects.totalCount;
    const seen: string[] = [];
    let after: string | null | undefined = null;
    do {
      const page: Awaited<ReturnType<typeof server.graphql<import('./generated/graphql').ProjectsQuery, object>>> = await server.graphql(ProjectsDocument, {
        first: 4,
        after,
        orderBy: { field: 'TITLE', direction: 'DESC' },
      });
      seen.push(...page.data!.projects.nodes.map((node) => node.id));
      after = page.data!.projects.pageInfo.hasNextPage ? page.data!.projects.pageInfo.endCursor : undefined;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const organisations = await server.graphql(OrganisationsDocument, { first: 1 });
    expect(organisations.data!.organisations.pageInfo.hasNextPage).toBe(true);
  });
});
