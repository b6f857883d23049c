import {
  OverlapProjectsWithRelationsDocument,
  OverlapsWithProjectFieldsDocument,
  type ProjectRelationFieldsFragment,
  ProjectsPageWithRelationsDocument,
  ProjectsWithRelationsDocument,
  ProjectWithRelationsDocument,
  RecordTransactionDocument,
} from './generated/graphql';
import { leanFromJson, leanShape } from '../src/common/lean-rows';
import { preparedRows } from '../src/common/prepared-statement';
import { type OverlapColumns, projectOverlapStatement } from '../src/analytics/overlap.service';
import { overlapConditionsSql, projectOverlapPageSql } from '../src/analytics/overlap.sql';
import { ADMIN_UNIT_FIELD_PROPS } from '../src/geography/geography.loaders';
import { ORGANISATION_FIELD_PROPS } from '../src/organisations/organisation.loaders';
import { PROJECT_FIELD_PROPS, type ProjectWithRelationsRow } from '../src/projects/project.loaders';
import { oneProjectSql, projectsWithRelationsSql } from '../src/projects/project.sql';
import { createOrganisation, createProject } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
const projectIds: string[] = [];
const units = ['KG05214849000', 'KG06242000000', 'KG08000000000', 'KG02215000000', 'KG04235816000'];

beforeAll(async () => {
  server = await startTestServer();
  const funder = await createOrganisation(server, 'N+1 Funder', 'MULTILATERAL');
  const implementer = await createOrganisation(server, 'N+1 Implementer', 'NATIONAL_NGO');
  for (let index = 0; index < 50; index += 1) {
    const project = await createProject(server, {
      title: { en: `Load project ${index}` },
      themeCodes: [index % 2 ? 'CONFLICT_PREVENTION' : 'LOCAL_SELF_GOVERNMENT', 'HUMAN_RIGHTS'],
      coverage: [{ unitCode: units[index % units.length], share: index % 3 ? null : '12.50' }, { unitCode: units[(index + 1) % units.length] }],
      participants: [
        { organisationId: funder, role: 'FUNDING' },
        { organisationId: implementer, role: 'IMPLEMENTING' },
      ],
    });
    projectIds.push(project.id);
    await server.graphql(RecordTransactionDocument, {
      input: { projectId: project.id, type: 'COMMITMENT', amount: `${1000 + index}.00`, currency: 'USD', valueDate: '2024-01-01' },
    });
  }
});

afterAll(async () => {
  await server.close();
});

/**
 * Anonymous: a token's lookup is remembered for a moment (src/auth/token-callers.ts), so with one
 * the first request of two could count a statement more.
 */
const ANONYMOUS = { token: null };

describe('SQL statements per request', () => {
  it('are the same for 5 and 50 projects with participants, coverage, parents, themes and converted totals', async () => {
    const few = await server.graphql(ProjectsWithRelationsDocument, { first: 5 }, ANONYMOUS);
    const many = await server.graphql(ProjectsWithRelationsDocument, { first: 50 }, ANONYMOUS);
    expect(few.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    const projects = many.data!.projects.nodes;
    expect(projects).toHaveLength(50);
    // The relations really were resolved.
    expect(projects.every((project) => project.participants.length === 2 && project.coverage.length >= 1 && project.themes.length >= 1)).toBe(true);
    expect(projects.flatMap((project) => project.coverage).every((entry) => entry.unit.parent !== null)).toBe(true);
    expect(projects.filter((project) => project.fundingTotals.byCurrency.length > 0).length).toBeGreaterThanOrEqual(45);
    expect(many.sqlStatements).toBe(few.sqlStatements);
    expect(many.sqlStatements).toBeLessThan(15);
  });

  it('are the same for 3 and 30 overlaps with both projects (their titles, themes, participants), shared units with parents and shared themes', async () => {
    // All 50 projects have the same two organisations, run open-ended and share HUMAN_RIGHTS.
    const filter = { projectId: projectIds[0], includeSameOrganisation: true };
    const few = await server.graphql(OverlapsWithProjectFieldsDocument, { filter, first: 3 }, ANONYMOUS);
    const many = await server.graphql(OverlapsWithProjectFieldsDocument, { filter, first: 30 }, ANONYMOUS);
    expect(few.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    const overlaps = many.data!.overlaps.nodes;
    expect(overlaps).toHaveLength(30);
    for (const overlap of overlaps) {
      // The filtered project is projectA; only an English title was given, so RU falls back to it.
      expect(overlap.projectA).toMatchObject({ id: projectIds[0], title: 'Load project 0', titles: { en: 'Load project 0', ru: null }, startDate: null });
      expect(overlap.projectA.themes.map((theme) => theme.code).sort()).toEqual(['HUMAN_RIGHTS', 'LOCAL_SELF_GOVERNMENT']);
      expect(overlap.projectA.participants.map((participant) => participant.organisation.name).sort()).toEqual(['N+1 Funder', 'N+1 Implementer']);
      expect(overlap.projectB.id).not.toBe(projectIds[0]);
      expect(Number.isNaN(Date.parse(String(overlap.projectB.createdAt)))).toBe(false);
      expect(overlap.sharedUnits.length).toBeGreaterThan(0);
      expect(overlap.sharedUnits.every((unit) => typeof unit.name === 'string' && unit.parent !== null)).toBe(true);
      expect(overlap.sharedThemes.length).toBeGreaterThan(0);
      expect(overlap.sharedThemes.every((theme) => typeof theme.name === 'string' && theme.name.length > 0)).toBe(true);
    }
    // The seeded projects overlap these too; the pairs among the load projects are known exactly.
    const amongThem = overlaps.filter((overlap) => projectIds.includes(overlap.projectB.id));
    expect(amongThem.length).toBeGreaterThanOrEqual(20);
    for (const overlap of amongThem) {
      expect(overlap.projectB.title).toBe(`Load project ${projectIds.indexOf(overlap.projectB.id)}`);
      for (const unit of overlap.sharedUnits) expect(units).toContain(unit.code);
      expect(overlap.sharedThemes.map((theme) => theme.code)).toContain('HUMAN_RIGHTS');
    }
    expect(many.sqlStatements).toBe(few.sqlStatements);
    expect(many.sqlStatements).toBeLessThan(10);
  });

  describe('a project list reads the relations its fields ask for with the projects', () => {
    // Anonymous, as the public pages ask: a token would add the statement that looks it up.

    /** The load projects as the project loaders give their relations: as the projects of their overlaps. */
    async function throughLoaders(): Promise<Map<string, ProjectRelationFieldsFragment>> {
      const projects = new Map<string, ProjectRelationFieldsFragment>();
      // Project 0 covers units 0 and 1, project 2 units 2 and 3: between them they overlap every load project.
      for (const projectId of [projectIds[0], projectIds[2]]) {
        const overlaps = await server.graphql(OverlapProjectsWithRelationsDocument, { filter: { projectId, includeSameOrganisation: true }, first: 500 });
        expect(overlaps.errors).toBeUndefined();
        for (const node of overlaps.data!.overlaps.nodes) for (const project of [node.projectA, node.projectB]) projects.set(project.id, project);
      }
      return projects;
    }

    it('a page of 50 with themes, participants with organisations and coverage with units and parents: 2 statements, the page and its count', async () => {
      const few = await server.graphql(ProjectsPageWithRelationsDocument, { first: 5 }, ANONYMOUS);
      const many = await server.graphql(ProjectsPageWithRelationsDocument, { first: 50 }, ANONYMOUS);
      expect(few.errors).toBeUndefined();
      expect(many.errors).toBeUndefined();
      expect(few.sqlStatements).toBe(2);
      expect(many.sqlStatements).toBe(2);
      const page = many.data!.projects.nodes;
      expect(page.map((project) => project.id).sort()).toEqual([...projectIds].sort());
      // The same relations, in the same order, as the loaders read them one relation at a time.
      const loaded = await throughLoaders();
      for (const project of page) expect(project).toEqual(loaded.get(project.id));
      const first = page.find((project) => project.id === projectIds[0])!;
      expect(first.themes.map((theme) => theme.code)).toEqual(['HUMAN_RIGHTS', 'LOCAL_SELF_GOVERNMENT']);
      expect(first.participants.map((participant) => `${participant.role} ${participant.organisation.name}`)).toEqual(['FUNDING N+1 Funder', 'IMPLEMENTING N+1 Implementer']);
      expect(first.coverage.map((entry) => [entry.unit.code, entry.share])).toEqual(
        expect.arrayContaining([
          [units[0], '12.50'],
          [units[1], null],
        ]),
      );
      expect(first.coverage.every((entry) => entry.unit.parent?.code && entry.unit.parent.name)).toBe(true);
    });

    it('a page past the first (offset) takes 2 statements; a filtered page 1 (it counts its matches), and the filter its checks', async () => {
      const second = await server.graphql(ProjectsPageWithRelationsDocument, { first: 10, offset: 10 }, ANONYMOUS);
      expect(second.errors).toBeUndefined();
      expect(second.sqlStatements).toBe(2);
      expect(second.data!.projects.nodes).toHaveLength(10);
      expect(second.data!.projects.nodes.every((project) => project.participants.length === 2 && project.themes.length === 2)).toBe(true);
      // A theme and a unit to check (one statement each), then the page, which counts the matches
      // itself; the codes found are remembered (src/common/remembered-references.ts), so asked
      // again: 1 statement.
      const filtered = () =>
        server.graphql(
          ProjectsPageWithRelationsDocument,
          {
            first: 500,
            filter: { themeCodes: ['CONFLICT_PREVENTION'], unitCode: units[1], coverageMatch: 'WITHIN' },
          },
          ANONYMOUS,
        );
      const checked = await filtered();
      expect(checked.errors).toBeUndefined();
      expect(checked.sqlStatements).toBeLessThanOrEqual(3);
      const again = await filtered();
      expect(again.sqlStatements).toBe(1);
      expect(again.data).toEqual(checked.data);
      const nodes = again.data!.projects.nodes;
      expect(nodes.length).toBeGreaterThan(0);
      expect(again.data!.projects.totalCount).toBe(nodes.length);
      // A filtered page past the end has no row to carry the count: it is asked for once more.
      const past = await server.graphql(
        ProjectsPageWithRelationsDocument,
        { first: 5, offset: 500, filter: { themeCodes: ['CONFLICT_PREVENTION'], unitCode: units[1], coverageMatch: 'WITHIN' } },
        ANONYMOUS,
      );
      expect(past.data!.projects).toMatchObject({ totalCount: nodes.length, nodes: [] });
      expect(past.sqlStatements).toBe(2);
      expect(nodes.every((project) => project.themes.some((theme) => theme.code === 'CONFLICT_PREVENTION'))).toBe(true);
    });

    it('finds the relations asked for through edges and inline fragments too', async () => {
      const answer = await server.graphql<{ projects: { edges: { node: { id: string; coverage: { unit: { code: string; parent: { code: string } | null } }[] } }[] } }, object>(
        '{ projects(first: 5) { edges { node { id ... on Project { coverage { unit { code parent { code } } } } } } } }',
        {},
        ANONYMOUS,
      );
      expect(answer.errors).toBeUndefined();
      expect(answer.sqlStatements).toBe(2);
      const edges = answer.data!.projects.edges;
      expect(edges).toHaveLength(5);
      expect(edges.every(({ node }) => node.coverage.length === 2 && node.coverage.every((entry) => entry.unit.parent !== null))).toBe(true);
    });

    it('one project with the same relations: 1 statement; an unknown or malformed id: null', async () => {
      const one = await server.graphql(ProjectWithRelationsDocument, { id: projectIds[3] }, ANONYMOUS);
      expect(one.errors).toBeUndefined();
      expect(one.sqlStatements).toBe(1);
      expect(one.data!.project).toEqual((await throughLoaders()).get(projectIds[3]));
      const unknown = await server.graphql(ProjectWithRelationsDocument, { id: '00000000-0000-4000-8000-000000000000' }, ANONYMOUS);
      expect(unknown.errors).toBeUndefined();
      expect(unknown.data!.project).toBeNull();
      const malformed = await server.graphql(ProjectWithRelationsDocument, { id: 'not-a-uuid' }, ANONYMOUS);
      expect(malformed.errors).toBeUndefined();
      expect(malformed.data!.project).toBeNull();
      expect(malformed.sqlStatements).toBe(0);
    });
  });
});

describe('a page reads only the columns its selection needs', () => {
  let funderId: string;
  let columnsProjectId: string;

  beforeAll(async () => {
    const funder = await server.graphql<{ createOrganisation: { id: string } }, unknown>(
      'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
      { input: { name: { en: 'Columns Funder' }, kind: 'FOUNDATION', acronym: 'CF', website: 'https://funder.example.org', country: 'CH', source: 'Its annual report' } },
    );
    funderId = funder.data!.createOrganisation.id;
    const project = await createProject(server, {
      title: { en: 'Columns project' },
      description: { en: 'What it does' },
      source: 'The donor register',
      themeCodes: ['HUMAN_RIGHTS'],
      coverage: [{ unitCode: units[0] }],
      participants: [{ organisationId: funderId, role: 'FUNDING' }],
    });
    columnsProjectId = project.id;
    await server.graphql(RecordTransactionDocument, {
      input: { projectId: project.id, type: 'COMMITMENT', amount: '10.00', currency: 'USD', valueDate: '2024-01-01', providerId: funderId },
    });
  });

  /** A selection of each field that PROJECT_FIELD_PROPS lists. */
  const PROJECT_FIELDS: Record<string, string> = {
    __typename: '__typename',
    id: 'id',
    themes: 'themes { code name }',
    coverage: 'coverage { share unit { code } }',
    participants: 'participants { role organisation { id } }',
    budgets: 'budgets { id }',
    transactions: 'transactions { id amount }',
    fundingTotals: 'fundingTotals { committed currency }',
    title: 'title',
    titles: 'titles { ky ru en }',
    status: 'status',
    iatiStatusCode: 'iatiStatusCode',
    startDate: 'startDate',
    endDate: 'endDate',
    plannedStart: 'plannedStart',
    plannedEnd: 'plannedEnd',
    actualStart: 'actualStart',
    actualEnd: 'actualEnd',
    updatedAt: 'updatedAt',
  };
  /** As PROJECT_FIELDS, for ORGANISATION_FIELD_PROPS. */
  const ORGANISATION_FIELDS: Record<string, string> = {
    __typename: '__typename',
    id: 'id',
    name: 'name',
    names: 'names { ky ru en }',
    acronym: 'acronym',
    kind: 'kind',
    iatiTypeCode: 'iatiTypeCode',
    iatiIdentifier: 'iatiIdentifier',
    country: 'country',
    website: 'website',
  };

  it('answers every listed field as a page reading every column does (`source` is not listed: it makes a page read all)', async () => {
    expect(Object.keys(PROJECT_FIELDS).sort()).toEqual(Object.keys(PROJECT_FIELD_PROPS).sort());
    expect(Object.keys(ORGANISATION_FIELDS).sort()).toEqual(Object.keys(ORGANISATION_FIELD_PROPS).sort());
    const page = async (nodes: string) => {
      const answer = await server.graphql(`{ projects(first: 60) { totalCount nodes { ${nodes} } } }`, {}, ANONYMOUS);
      expect(answer.errors).toBeUndefined();
      // The answer without `source`, which is there to make the page read every column.
      return JSON.parse(JSON.stringify(answer.data), (key, value: unknown) => (key === 'source' ? undefined : value)) as unknown;
    };
    for (const selection of Object.values(PROJECT_FIELDS)) {
      expect({ selection, answer: await page(`id ${selection}`) }).toEqual({ selection, answer: await page(`id source ${selection}`) });
    }
    for (const selection of Object.values(ORGANISATION_FIELDS)) {
      const nodes = (organisation: string) => `id participants { role organisation { ${organisation} } }`;
      expect({ selection, answer: await page(nodes(`id ${selection}`)) }).toEqual({ selection, answer: await page(nodes(`id source ${selection}`)) });
    }
    for (const selection of Object.values(UNIT_FIELDS)) {
      const units = (unit: string) => `id coverage { share unit { ${unit} } }`;
      expect({ selection, answer: await page(units(`code ${selection}`)) }).toEqual({ selection, answer: await page(units(`code source ${selection}`)) });
      const parents = (parent: string) => `id coverage { unit { code name parent { ${parent} } } }`;
      expect({ selection, answer: await page(parents(`code ${selection}`)) }).toEqual({ selection, answer: await page(parents(`code source ${selection}`)) });
    }
  });

  /** As PROJECT_FIELDS, for ADMIN_UNIT_FIELD_PROPS. */
  const UNIT_FIELDS: Record<string, string> = {
    __typename: '__typename',
    code: 'code',
    name: 'name',
    names: 'names { ky ru en }',
    level: 'level',
    kind: 'kind',
    path: 'path',
    parent: 'parent { code name }',
  };

  it("answers every listed field of an overlap's projects and shared units as a page reading every column does", async () => {
    expect(Object.keys(UNIT_FIELDS).sort()).toEqual(Object.keys(ADMIN_UNIT_FIELD_PROPS).sort());
    const page = async (nodes: string) => {
      const answer = await server.graphql(
        `query ($filter: OverlapFilter) { overlaps(filter: $filter, first: 30) { totalCount nodes { score ${nodes} } } }`,
        { filter: { projectId: projectIds[0], includeSameOrganisation: true } },
        ANONYMOUS,
      );
      expect(answer.errors).toBeUndefined();
      expect((answer.data as { overlaps: { nodes: unknown[] } }).overlaps.nodes).toHaveLength(30);
      return JSON.parse(JSON.stringify(answer.data), (key, value: unknown) => (key === 'source' ? undefined : value)) as unknown;
    };
    for (const selection of Object.values(PROJECT_FIELDS)) {
      const nodes = (project: string) => `projectA { ${project} } projectB { id }`;
      expect({ selection, answer: await page(nodes(`id ${selection}`)) }).toEqual({ selection, answer: await page(nodes(`id source ${selection}`)) });
    }
    for (const selection of Object.values(UNIT_FIELDS)) {
      const nodes = (unit: string) => `projectB { id } sharedUnits { ${unit} }`;
      expect({ selection, answer: await page(nodes(`code ${selection}`)) }).toEqual({ selection, answer: await page(nodes(`code source ${selection}`)) });
    }
  });

  it("reads only the asked columns of an overlap page's projects and units", async () => {
    const em = server.orm.em.fork();
    const read = async (columns: OverlapColumns) => {
      const [row] = await preparedRows<{ related: { projects: object[]; units: [number, object][] } }>(
        em,
        projectOverlapStatement(em, projectIds[0], { limit: 5, offset: 0 }, columns),
      );
      // A unit comes with the id (of analytics_unit) by which the rows name it.
      return { project: Object.keys(row.related.projects[0]).length, unit: Object.keys(row.related.units[0][1]).length };
    };
    // The id and title in three languages, the code and name in three; all lean columns otherwise.
    expect(await read({ projectProps: ['title'], unitProps: ['nameEn', 'nameKy', 'nameRu'] })).toEqual({ project: 4, unit: 4 });
    const all = await read({});
    expect(all.project).toBeGreaterThan(15);
    expect(all.unit).toBeGreaterThan(15);
  });

  it("builds one project's overlap page once per shape: the same text for every project, its id among the values", async () => {
    const em = server.orm.em.fork();
    const window = { limit: 5, offset: 0 };
    const columns: OverlapColumns = { projectProps: ['title'], unitProps: ['nameEn'] };
    const [first, second] = projectIds.slice(0, 2).map((id) => projectOverlapPageSql(em, id, overlapConditionsSql({}), window, columns));
    expect(second.sql).toBe(first.sql);
    expect(first.params).toContain(projectIds[0]);
    expect(second.params).toEqual(first.params.map((value) => (value === projectIds[0] ? projectIds[1] : value)));
    // Another window, its own values; a condition with a value is written afresh with its value.
    const longer = projectOverlapPageSql(em, projectIds[0], overlapConditionsSql({}), { limit: 6, offset: 0 }, columns);
    expect(longer.params).toEqual(expect.arrayContaining([projectIds[0], 6]));
    expect(longer.params).not.toContain(5);
    const scored = projectOverlapPageSql(em, projectIds[0], overlapConditionsSql({ minScore: 0.25 }), window, columns);
    expect(scored.params).toEqual(expect.arrayContaining([projectIds[0], 0.25]));
    const rows = await preparedRows<{ project_a: string; score: string }>(em, scored);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.project_a === projectIds[0] && Number(row.score) >= 0.25)).toBe(true);
  });

  it('reads the ids and names of a theme in a district (question 3 of the peers benchmark) in one statement, with only those columns', async () => {
    const em = server.orm.em.fork();
    const rows = await preparedRows<ProjectWithRelationsRow>(
      em,
      projectsWithRelationsSql(em, oneProjectSql(columnsProjectId), { participants: true, projectProps: ['title'], organisationProps: ['name'] }),
    );
    expect(rows).toHaveLength(1);
    const [funder] = rows[0].related!.organisations!;
    // The id and the name in three languages; of all columns, the organisation has 15 and the project 22.
    expect(Object.keys(funder)).toHaveLength(4);
    expect(Object.keys(rows[0].project)).toHaveLength(4);
    expect(Object.keys(rows[0].project).length).toBeLessThan(Object.keys(leanFromJson<object>(em, 'Project', rows[0].project)).length);
    expect(leanShape(em, 'Organisation', ['name']).fromJson(funder)).toEqual({ id: funderId, name: { ky: null, ru: null, en: 'Columns Funder' } });
    expect(leanShape(em, 'Project', ['title']).fromJson(rows[0].project)).toEqual({ id: columnsProjectId, title: { ky: null, ru: null, en: 'Columns project' } });

    const query = `query ($theme: String!, $unit: String!) { projects(filter: { themeCodes: [$theme], unitCode: $unit, coverageMatch: WITHIN }, first: 500) {
      totalCount nodes { id participants { organisation { id name } } } } }`;
    // The theme's code and the unit's place are looked up once, then remembered (common/remembered-references.ts).
    await server.graphql(query, { theme: 'HUMAN_RIGHTS', unit: units[0] }, ANONYMOUS);
    const answer = await server.graphql(query, { theme: 'HUMAN_RIGHTS', unit: units[0] }, ANONYMOUS);
    expect(answer.errors).toBeUndefined();
    expect(answer.sqlStatements).toBe(1);
    expect(answer.data).toMatchObject({
      projects: { nodes: expect.arrayContaining([{ id: columnsProjectId, participants: [{ organisation: { id: funderId, name: 'Columns Funder' } }] }]) },
    });
  });

  it('keeps a project, organisation or unit read with some columns out of the loaders: other fields of the request read them whole', async () => {
    // The page reads the projects' ids and the organisations' ids and names; the transactions,
    // resolved after the page, find the same project and organisation through the loaders.
    const answer = await server.graphql<{ projects: { nodes: unknown[] } }, unknown>(
      `{ projects(first: 5, filter: { search: "Columns project" }) { nodes { id participants { organisation { id name } } coverage { unit { code name parent { code } } }
        transactions { provider { id name acronym website country source } project { id title source description { en } participants { organisation { website } }
          coverage { unit { code source parent { code source } } } } } } } }`,
      {},
      ANONYMOUS,
    );
    expect(answer.errors).toBeUndefined();
    const [unit] = await server.orm.em
      .getConnection()
      .execute<{ code: string; name: string; source: string; parent: string; parentSource: string }[]>(
        'select u.code, u.name_en as name, u.source, p.code as parent, p.source as "parentSource" from admin_unit u join admin_unit p on p.code = u.parent_code where u.code = ?',
        [units[0]],
      );
    const funder = { id: funderId, name: 'Columns Funder', acronym: 'CF', website: 'https://funder.example.org', country: 'CH', source: 'Its annual report' };
    expect(answer.data!.projects.nodes).toEqual([
      {
        id: columnsProjectId,
        participants: [{ organisation: { id: funderId, name: 'Columns Funder' } }],
        coverage: [{ unit: { code: unit.code, name: unit.name, parent: { code: unit.parent } } }],
        transactions: [
          {
            provider: funder,
            project: {
              id: columnsProjectId,
              title: 'Columns project',
              source: 'The donor register',
              description: { en: 'What it does' },
              participants: [{ organisation: { website: 'https://funder.example.org' } }],
              coverage: [{ unit: { code: unit.code, source: unit.source, parent: { code: unit.parent, source: unit.parentSource } } }],
            },
          },
        ],
      },
    ]);
  });
});
