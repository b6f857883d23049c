/**
 * overlapPreview: the overlaps of a project before it is saved (the project form shows them).
 * A draft equal to a stored project must give the same pairs and scores as
 * `overlaps(filter: { projectId })`, and a draft saved as it is must get the overlaps it previewed.
 */
import { OverlapPreviewDocument, type OverlapDraftInput, OverlapsDocument, ProjectOverlapFactsDocument } from './generated/graphql';
import { createOrganisation, createProject } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

const BATKEN_OBLAST = 'KG05000000000';
const BATKEN_RAYON = 'KG05214000000';
const LEILEK_RAYON = 'KG05236000000';
const BISHKEK = 'KG11000000000';
const AK_TATYR = `${BATKEN_RAYON}-AK-TATYR`;
const KYSHTUT = `${BATKEN_RAYON}-KYSHTUT`;
const SAMARKANDEK = `${BATKEN_RAYON}-SAMARKANDEK`;
const CP = 'CONFLICT_PREVENTION';
const LSG = 'LOCAL_SELF_GOVERNMENT';

let server: TestServer;
const org: Record<string, string> = {};
const project: Record<string, string> = {};

async function make(key: string, organisations: string[], input: Parameters<typeof createProject>[1]) {
  project[key] = (
    await createProject(server, {
      title: { en: key },
      status: 'IMPLEMENTATION',
      participants: organisations.map((name, index) => ({ organisationId: org[name], role: index === 0 ? 'IMPLEMENTING' : 'FUNDING' })),
      ...input,
    })
  ).id;
}

beforeAll(async () => {
  server = await startTestServer();
  for (const name of ['A', 'B', 'C', 'D', 'E', 'F']) org[name] = await createOrganisation(server, `Preview org ${name}`);
  // Every kind of pair: oblast-wide against an ayil aimak, rayon against rayon, a city, open
  // periods (no end, no start, no dates at all), partial theme sets, the same organisation,
  // several organisations, a cancelled project, one without themes.
  await make('oblastWide', ['A'], { coverage: [{ unitCode: BATKEN_OBLAST }], plannedStart: '2024-01-01', plannedEnd: '2026-12-31', themeCodes: [CP] });
  await make('village', ['B', 'F'], {
    coverage: [{ unitCode: AK_TATYR }, { unitCode: SAMARKANDEK, share: '40' }],
    plannedStart: '2025-01-01',
    plannedEnd: '2025-12-31',
    themeCodes: [CP, LSG],
  });
  await make('rayon', ['C'], {
    coverage: [{ unitCode: BATKEN_RAYON }],
    plannedStart: '2025-06-01',
    actualStart: '2025-07-15',
    plannedEnd: '2027-05-31',
    themeCodes: [LSG, 'CIVIC_IDENTITY'],
  });
  await make('openEnded', ['D'], { coverage: [{ unitCode: KYSHTUT }], plannedStart: '2020-01-01', themeCodes: [CP] });
  await make('sinceEver', ['E'], { coverage: [{ unitCode: BATKEN_RAYON }, { unitCode: BISHKEK }], plannedEnd: '2025-03-31', themeCodes: [CP, LSG, 'HUMAN_RIGHTS'] });
  await make('undated', ['F'], { coverage: [{ unitCode: LEILEK_RAYON }, { unitCode: AK_TATYR }], themeCodes: [CP] });
  await make('sameOrg', ['A'], { coverage: [{ unitCode: AK_TATYR }], plannedStart: '2025-03-01', plannedEnd: '2025-08-31', themeCodes: [CP] });
  await make('bishkek', ['C', 'B'], { coverage: [{ unitCode: BISHKEK }], plannedStart: '2023-01-01', plannedEnd: '2026-01-01', themeCodes: ['HUMAN_RIGHTS'] });
  await make('cancelled', ['B'], { coverage: [{ unitCode: AK_TATYR }], status: 'CANCELLED', plannedStart: '2025-01-01', plannedEnd: '2025-12-31', themeCodes: [CP] });
  await make('noThemes', ['C'], { coverage: [{ unitCode: AK_TATYR }], plannedStart: '2025-01-01', plannedEnd: '2025-12-31' });
});

afterAll(async () => {
  await server.close();
});

/** The draft a stored project amounts to, as the form would send it while editing the project. */
async function draftOf(id: string): Promise<OverlapDraftInput> {
  const { data, errors } = await server.graphql(ProjectOverlapFactsDocument, { id });
  expect(errors).toBeUndefined();
  const stored = data!.project!;
  return {
    unitCodes: stored.coverage.map((entry) => entry.unit.code),
    themeCodes: stored.themes.map((theme) => theme.code),
    start: stored.startDate,
    end: stored.endDate,
    participants: stored.participants.map((participant) => ({ organisationId: participant.organisation.id, role: participant.role })),
    excludeProjectId: id,
    status: stored.status,
  };
}

async function preview(draft: OverlapDraftInput, includeSameOrganisation = false, options: { token?: string | null } = {}) {
  const result = await server.graphql(OverlapPreviewDocument, { draft, includeSameOrganisation, first: 100 }, options);
  expect(result.errors).toBeUndefined();
  return result.data!.overlapPreview;
}

async function stored(projectId: string, includeSameOrganisation = false) {
  const result = await server.graphql(OverlapsDocument, { filter: { projectId, includeSameOrganisation }, first: 100 });
  expect(result.errors).toBeUndefined();
  return result.data!.overlaps;
}

/** What both lists say about each pair, in their order. */
function pairsOfPreview(connection: Awaited<ReturnType<typeof preview>>) {
  return connection.nodes.map((node) => ({
    other: node.project.id,
    units: node.sharedUnits.map((unit) => unit.code),
    themes: node.sharedThemes.map((theme) => theme.code),
    periodStart: node.periodStart,
    periodEnd: node.periodEnd,
    score: node.score,
    components: node.components,
    sameOrganisation: node.sameOrganisation,
  }));
}

function pairsOfStored(connection: Awaited<ReturnType<typeof stored>>) {
  return connection.nodes.map((node) => ({
    other: node.projectB!.id,
    units: node.sharedUnits.map((unit) => unit.code),
    themes: node.sharedThemes.map((theme) => theme.code),
    periodStart: node.periodStart,
    periodEnd: node.periodEnd,
    score: node.score,
    components: node.components,
    sameOrganisation: node.sameOrganisation,
  }));
}

describe('overlapPreview', () => {
  it('gives a draft equal to a stored project the same pairs, order and scores as overlaps(filter: { projectId })', async () => {
    let compared = 0;
    for (const key of Object.keys(project)) {
      const draft = await draftOf(project[key]);
      for (const includeSame of [false, true]) {
        const [previewed, kept] = await Promise.all([preview(draft, includeSame), stored(project[key], includeSame)]);
        expect({ key, includeSame, total: previewed.totalCount, pairs: pairsOfPreview(previewed) }).toEqual({
          key,
          includeSame,
          total: kept.totalCount,
          pairs: pairsOfStored(kept),
        });
        compared += kept.nodes.length;
      }
    }
    // The comparison is only worth something if the stored projects overlap in many ways.
    expect(compared).toBeGreaterThan(20);
    const village = pairsOfStored(await stored(project.village));
    expect(village.map((pair) => pair.other)).toEqual(expect.arrayContaining([project.oblastWide, project.rayon, project.sinceEver, project.undated, project.sameOrg]));
    expect(new Set(village.map((pair) => pair.components.geographic))).toEqual(new Set([1]));
    expect(new Set(pairsOfStored(await stored(project.rayon)).map((pair) => pair.components.geographic))).toEqual(new Set([1, 0.6667]));
  });

  it('previews a new project as it will overlap once saved', async () => {
    const draft: OverlapDraftInput = {
      unitCodes: [BATKEN_RAYON, KYSHTUT],
      themeCodes: [CP, 'CIVIC_IDENTITY'],
      start: '2025-05-01',
      end: '2026-04-30',
      participants: [{ organisationId: org.D, role: 'IMPLEMENTING' }],
    };
    const before = await preview(draft);
    expect(before.totalCount).toBeGreaterThan(3);
    // openEnded is organisation D's only: the same organisation, left out.
    expect(before.nodes.map((node) => node.project.id)).not.toContain(project.openEnded);
    expect(before.nodes.map((node) => node.project.id)).not.toContain(project.cancelled);
    expect(before.nodes.map((node) => node.project.id)).not.toContain(project.noThemes);
    const withSame = await preview(draft, true);
    expect(withSame.nodes.find((node) => node.project.id === project.openEnded)?.sameOrganisation).toBe(true);

    const saved = await createProject(server, {
      title: { en: 'Saved draft' },
      coverage: draft.unitCodes.map((unitCode) => ({ unitCode })),
      themeCodes: draft.themeCodes,
      plannedStart: draft.start,
      plannedEnd: draft.end,
      participants: [{ organisationId: org.D, role: 'IMPLEMENTING' }],
    });
    expect(pairsOfStored(await stored(saved.id))).toEqual(pairsOfPreview(before));
    // Now that it is stored, a preview of its edit leaves the stored version out.
    expect(pairsOfPreview(await preview({ ...draft, excludeProjectId: saved.id }))).toEqual(pairsOfPreview(before));
  });

  it('pages with first and offset, in the same order as one long page', async () => {
    const draft = await draftOf(project.village);
    const all = await preview({ ...draft, participants: [] }, true);
    expect(all.totalCount).toBeGreaterThan(4);
    const second = await server.graphql(OverlapPreviewDocument, { draft: { ...draft, participants: [] }, includeSameOrganisation: true, first: 2, offset: 2 });
    expect(second.data!.overlapPreview.totalCount).toBe(all.totalCount);
    expect(second.data!.overlapPreview.pageInfo.hasNextPage).toBe(all.totalCount > 4);
    expect(second.data!.overlapPreview.nodes.map((node) => node.project.id)).toEqual(all.nodes.slice(2, 4).map((node) => node.project.id));
    const past = await server.graphql(OverlapPreviewDocument, { draft, first: 5, offset: 500 });
    expect(past.data!.overlapPreview).toMatchObject({ totalCount: (await preview(draft)).totalCount, nodes: [] });
  });

  it('finds nothing for a draft without units or themes, and is open to anonymous callers', async () => {
    const draft = await draftOf(project.village);
    expect((await preview({ ...draft, unitCodes: [] })).totalCount).toBe(0);
    expect((await preview({ ...draft, themeCodes: [] })).totalCount).toBe(0);
    const anonymous = await preview(draft, false, { token: null });
    expect(pairsOfPreview(anonymous)).toEqual(pairsOfStored(await stored(project.village)));
  });

  it('writes nothing', async () => {
    const before = await Promise.all(['project', 'analytics_project', 'analytics_overlap', 'analytics_link'].map((table) => server.rowCount(table)));
    await preview({ unitCodes: [AK_TATYR], themeCodes: [CP], start: '2025-01-01', end: '2025-02-01', participants: [{ organisationId: org.A, role: 'IMPLEMENTING' }] });
    const after = await Promise.all(['project', 'analytics_project', 'analytics_overlap', 'analytics_link'].map((table) => server.rowCount(table)));
    expect(after).toEqual(before);
  });

  it('refuses unknown units, themes, organisations and projects and a reversed period with BAD_USER_INPUT naming the field', async () => {
    const good: OverlapDraftInput = {
      unitCodes: [AK_TATYR],
      themeCodes: [CP],
      start: '2025-01-01',
      end: '2025-12-31',
      participants: [{ organisationId: org.A, role: 'IMPLEMENTING' }],
    };
    const cases: [Partial<OverlapDraftInput>, string, string][] = [
      [{ unitCodes: [AK_TATYR, 'KG-NOWHERE'] }, 'draft.unitCodes[1]', 'UNKNOWN_UNIT'],
      [{ themeCodes: [CP, 'ASTROLOGY'] }, 'draft.themeCodes', 'UNKNOWN_THEME'],
      [
        {
          participants: [
            { organisationId: org.A, role: 'IMPLEMENTING' },
            { organisationId: '00000000-0000-4000-8000-00000000abcd', role: 'FUNDING' },
          ],
        },
        'draft.participants[1].organisationId',
        'UNKNOWN_ORGANISATION',
      ],
      [{ participants: [{ organisationId: 'not-an-id', role: 'IMPLEMENTING' }] }, 'draft.participants[0].organisationId', 'UNKNOWN_ORGANISATION'],
      [{ excludeProjectId: 'not-a-project' }, 'draft.excludeProjectId', 'UNKNOWN_PROJECT'],
      [{ excludeProjectId: '00000000-0000-4000-8000-00000000abcd' }, 'draft.excludeProjectId', 'UNKNOWN_PROJECT'],
      [{ start: '2025-02-01', end: '2025-01-01' }, 'draft.end', 'END_BEFORE_START'],
    ];
    for (const [change, field, reason] of cases) {
      const { errors, data } = await server.graphql(OverlapPreviewDocument, { draft: { ...good, ...change } });
      expect(data).toBeNull();
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
  });
});
