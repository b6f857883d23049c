import { OverlapsWithProjectFieldsDocument, ProjectsWithRelationsDocument, RecordTransactionDocument } from './generated/graphql';
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
      coverage: [{ unitCode: units[index % units.length] }, { unitCode: units[(index + 1) % units.length] }],
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

  it('are the same for 3 and 30 overlaps with both projects (their titles, themes, participants), shared units with parents and shared themes', async () => {
    // All 50 projects have the same two organisations, run open-ended and share HUMAN_RIGHTS.
    const filter = { projectId: projectIds[0], includeSameOrganisation: true };
    const few = await server.graphql(OverlapsWithProjectFieldsDocument, { filter, first: 3 });
    const many = await server.graphql(OverlapsWithProjectFieldsDocument, { filter, first: 30 });
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
});
