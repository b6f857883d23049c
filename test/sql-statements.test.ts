import { ProjectsWithRelationsDocument, RecordTransactionDocument } from './generated/graphql';
import { createOrganisation, createProject } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  const funder = await createOrganisation(server, 'N+1 Funder', 'MULTILATERAL');
  const implementer = await createOrganisation(server, 'N+1 Implementer', 'NATIONAL_NGO');
  const units = ['KG05214000000-AK-TATYR', 'KG06242000000', 'KG08000000000', 'KG02215000000', 'KG04235000000-KOCHKOR'];
  for (let index = 0; index < 50; index += 1) {
    const project = await createProject(server, {
      title: { en: `Load project ${index}` },
      themeCodes: [index % 2 ? 'CONFLICT_PREVENTION' : 'LOCAL_SELF_GOVERNMENT', 'HUMAN_RIGHTS'],
      coverage: [{ unitCode: units[index % units.length] }, { unitCode: units[(index + 1) % units.length] }],
      participants: [
        { organisationId: funder, role: 'FUNDING' },
        { organisationId: implementer, role: 'IMPLEMENTING' },
      ],
    });
    await server.graphql(RecordTransactionDocument, {
      input: { projectId: project.id, type: 'COMMITMENT', amount: `${1000 + index}.00`, currency: 'USD', valueDate: '2024-01-01' },
    });
  }
});

afterAll(async () => {
  await server.close();
});

describe('SQL statements per request', () => {
  it('are the same for 5 and 50 projects with participants, coverage, parents, themes and converted totals', async () => {
    const few = await server.graphql(ProjectsWithRelationsDocument, { first: 5 });
    const many = await server.graphql(ProjectsWithRelationsDocument, { first: 50 });
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
});
