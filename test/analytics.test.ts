import {
  type AdminLevel,
  CoverageDocument,
  GapsDocument,
  HotspotsDocument,
  OverlapsDocument,
  RecordTransactionDocument,
  SetAdminUnitFlagsDocument,
  SetExchangeRateDocument,
  SetProjectCoverageDocument,
  SetProjectParticipantsDocument,
  UpdateProjectDocument,
} from './generated/graphql';
import { Client } from 'pg';
import { createOrganisation, createProject } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

const BATKEN_OBLAST = 'KG05000000000';
const BATKEN_RAYON = 'KG05214000000';
const LEILEK_RAYON = 'KG05236000000';
const CHUI_OBLAST = 'KG08000000000';
const CHUI_RAYON = 'KG08223000000';
const TALAS_OBLAST = 'KG07000000000';
const TALAS_DISTRICT = 'KG07215000000';
const AK_TATYR = 'KG05214849000';
const KYSHTUT = 'KG05214835000';
const SAMARKANDEK = 'KG05214846000';
/** The seven border ayil aimaks of document [003]: Ak-Tatyr, Ak-Sai, Samarkandek, Tört-Kül, Kara-Bak, Suu-Bashy, Kyshtut. */
const BORDER_AYIL_AIMAKS = ['KG05214849000', 'KG05214848000', 'KG05214846000', 'KG05214814000', 'KG05214823000', 'KG05214852000', 'KG05214835000'];
const JUNE_2025 = { from: '2025-06-01', to: '2025-06-30' };

let server: TestServer;
const org: Record<string, string> = {};
const project: Record<string, string> = {};

async function make(key: string, organisation: string, input: Parameters<typeof createProject>[1]) {
  project[key] = (
    await createProject(server, { title: { en: key }, status: 'IMPLEMENTATION', participants: [{ organisationId: org[organisation], role: 'IMPLEMENTING' }], ...input })
  ).id;
}

beforeAll(async () => {
  server = await startTestServer();
  for (const name of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']) org[name] = await createOrganisation(server, `Analytics org ${name}`);
  const cp = ['CONFLICT_PREVENTION'];
  await make('oblastWide', 'A', { coverage: [{ unitCode: BATKEN_OBLAST }], plannedStart: '2024-01-01', plannedEnd: '2026-12-31', themeCodes: cp });
  await make('village', 'B', {
    coverage: [{ unitCode: AK_TATYR }],
    plannedStart: '2025-01-01',
    plannedEnd: '2025-12-31',
    themeCodes: ['CONFLICT_PREVENTION', 'LOCAL_SELF_GOVERNMENT'],
  });
  await make('leilek', 'C', { coverage: [{ unitCode: LEILEK_RAYON }], plannedStart: '2030-01-01', plannedEnd: '2030-12-31', themeCodes: ['CIVIC_IDENTITY'] });
  await make('batkenRayon', 'D', { coverage: [{ unitCode: BATKEN_RAYON }], plannedStart: '2030-01-01', plannedEnd: '2030-12-31', themeCodes: ['CIVIC_IDENTITY'] });
  await make('longAgo', 'E', { coverage: [{ unitCode: AK_TATYR }], plannedStart: '2010-01-01', plannedEnd: '2011-12-31', themeCodes: cp });
  await make('openEnded', 'F', { coverage: [{ unitCode: KYSHTUT }], plannedStart: '2020-01-01', themeCodes: cp });
  await make('otherTheme', 'G', { coverage: [{ unitCode: AK_TATYR }], plannedStart: '2025-01-01', plannedEnd: '2025-12-31', themeCodes: ['HUMAN_RIGHTS'] });
  await make('sameOrg', 'A', { coverage: [{ unitCode: AK_TATYR }], plannedStart: '2025-03-01', plannedEnd: '2025-08-31', themeCodes: cp });
  await make('eGov', 'H', { coverage: [{ unitCode: SAMARKANDEK }], plannedStart: '2025-01-01', plannedEnd: '2025-12-31', themeCodes: ['E_GOVERNMENT'] });
  await make('third', 'I', { coverage: [{ unitCode: AK_TATYR }], plannedStart: '2025-05-01', plannedEnd: '2025-07-31', themeCodes: cp });
  const { errors } = await server.graphql(RecordTransactionDocument, {
    input: { projectId: project.village, type: 'COMMITMENT', amount: '1000.00', currency: 'USD', valueDate: '2025-01-15' },
  });
  expect(errors).toBeUndefined();
});

afterAll(async () => {
  await server.close();
});

async function overlaps(filter: object, first = 100) {
  const result = await server.graphql(OverlapsDocument, { filter, first });
  expect(result.errors).toBeUndefined();
  return result.data!.overlaps;
}

const otherOf = (nodes: { projectB: { id: string } | null }[]) => nodes.map((node) => node.projectB!.id);

describe('overlaps', () => {
  it('finds an oblast-wide project overlapping a project in one of its ayil aimaks, sharing the ayil aimak', async () => {
    const { nodes } = await overlaps({ projectId: project.oblastWide });
    const village = nodes.find((node) => node.projectB!.id === project.village)!;
    expect(village).toBeDefined();
    expect(village.projectA!.id).toBe(project.oblastWide);
    expect(village.sharedUnits.map((unit) => unit.code)).toEqual([AK_TATYR]);
    expect(village.sharedThemes.map((theme) => theme.code)).toEqual(['CONFLICT_PREVENTION']);
    expect(village).toMatchObject({ periodStart: '2025-01-01', periodEnd: '2025-12-31', sameOrganisation: false });
    // An ayil aimak is fully specific; the village project runs wholly inside the other; 1 of 2 themes shared.
    expect(village.components).toEqual({ geographic: 1, time: 1, themes: 0.5 });
    expect(village.score).toBeCloseTo(0.85, 4);
  });

  it('reports an open-ended project as still running', async () => {
    const { nodes } = await overlaps({ projectId: project.openEnded });
    const oblast = nodes.find((node) => node.projectB!.id === project.oblastWide)!;
    expect(oblast).toMatchObject({ periodStart: '2024-01-01', periodEnd: '2026-12-31' });
    expect(oblast.sharedUnits.map((unit) => unit.code)).toEqual([KYSHTUT]);
    expect(oblast.components.time).toBe(1);
  });

  it('finds none between neighbouring rayons, disjoint periods or different themes', async () => {
    expect(otherOf((await overlaps({ projectId: project.leilek })).nodes)).not.toContain(project.batkenRayon);
    const village = otherOf((await overlaps({ projectId: project.village })).nodes);
    expect(village).not.toContain(project.longAgo);
    expect(village).not.toContain(project.otherTheme);
    expect(village).toEqual(expect.arrayContaining([project.oblastWide, project.sameOrg, project.third]));
  });

  it('leaves out pairs of the same organisation unless asked', async () => {
    expect(otherOf((await overlaps({ projectId: project.oblastWide })).nodes)).not.toContain(project.sameOrg);
    const all = await overlaps({ projectId: project.oblastWide, includeSameOrganisation: true });
    const same = all.nodes.find((node) => node.projectB!.id === project.sameOrg)!;
    expect(same.sameOrganisation).toBe(true);
  });

  it("lists national overlaps by score, then by ids, with the organisation's project first when filtered", async () => {
    const national = await overlaps({}, 500);
    const scores = national.nodes.map((node) => node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(national.totalCount).toBe(national.nodes.length);
    const pair = (node: (typeof national.nodes)[number]) => [node.projectA!.id, node.projectB!.id].sort().join();
    expect(national.nodes.map(pair)).toContain([project.oblastWide, project.village].sort().join());

    const ofB = await overlaps({ organisationId: org.B });
    expect(ofB.nodes.length).toBeGreaterThanOrEqual(3);
    expect(ofB.nodes.every((node) => node.projectA!.id === project.village)).toBe(true);

    const located = await overlaps({ unitCode: BATKEN_RAYON, themeCodes: ['CONFLICT_PREVENTION'], activeDuring: JUNE_2025, minScore: 0.8 });
    expect(located.nodes.length).toBeGreaterThan(0);
    expect(located.nodes.every((node) => node.score >= 0.8 && node.sharedUnits.some((unit) => unit.code.startsWith(BATKEN_RAYON.slice(0, 7))))).toBe(true);
    expect((await overlaps({ unitCode: LEILEK_RAYON, organisationId: org.B })).totalCount).toBe(0);
  });

  it('sees a change to a project at once', async () => {
    const before = await overlaps({ organisationId: org.G });
    expect(before.totalCount).toBe(0);
    const added = await createProject(server, {
      title: { en: 'Human rights twin' },
      coverage: [{ unitCode: BATKEN_RAYON }],
      plannedStart: '2025-06-01',
      plannedEnd: '2025-06-30',
      themeCodes: ['HUMAN_RIGHTS'],
      participants: [{ organisationId: org.C, role: 'FUNDING' }],
    });
    const after = await overlaps({ organisationId: org.G });
    expect(otherOf(after.nodes)).toEqual([added.id]);
    expect(after.nodes[0].sharedUnits.map((unit) => unit.code)).toEqual([AK_TATYR]);
  });

  it('keeps the pairs of edited projects equal to a recomputation from scratch, also under parallel edits', async () => {
    const national = async () =>
      (await overlaps({ includeSameOrganisation: true }, 500)).nodes.map((node) =>
        JSON.stringify([[node.projectA!.id, node.projectB!.id].sort(), node.score, node.components, node.sharedUnits.map((unit) => unit.code), node.periodStart, node.periodEnd]),
      );
    const pairOf = (a: string, b: string) => (node: { projectA: { id: string } | null; projectB: { id: string } | null }) =>
      [node.projectA!.id, node.projectB!.id].sort().join() === [a, b].sort().join();
    // Projects of their own, in Chui in 2040, so that the other scenarios keep their answers.
    for (const name of ['J', 'K', 'L']) org[name] = await createOrganisation(server, `Analytics org ${name}`);
    const civic = ['CIVIC_IDENTITY'];
    await make('chuiOblast', 'J', { coverage: [{ unitCode: CHUI_OBLAST }], plannedStart: '2040-01-01', plannedEnd: '2040-12-31', themeCodes: civic });
    await make('chuiSpring', 'K', { coverage: [{ unitCode: CHUI_RAYON }], plannedStart: '2040-03-01', plannedEnd: '2040-06-30', themeCodes: ['CIVIC_IDENTITY', 'E_GOVERNMENT'] });
    await make('chuiRights', 'L', { coverage: [{ unitCode: CHUI_RAYON }], plannedStart: '2040-01-01', plannedEnd: '2040-12-31', themeCodes: ['HUMAN_RIGHTS'] });
    await make('chuiLater', 'L', { coverage: [{ unitCode: CHUI_OBLAST }], plannedStart: '2045-01-01', plannedEnd: '2045-12-31', themeCodes: civic });
    // Seeded projects run in Chui too; only these four matter here.
    const chui = (ids: string[]) => ids.filter((id) => [project.chuiSpring, project.chuiRights, project.chuiLater].includes(id));
    const others = async () => chui(otherOf((await overlaps({ projectId: project.chuiOblast, includeSameOrganisation: true })).nodes));
    expect(await others()).toEqual([project.chuiSpring]);

    // In parallel, one edit per project (two at once on one project are refused with CONFLICT), then two more.
    const edits: { errors?: unknown }[] = await Promise.all([
      server.graphql(UpdateProjectDocument, { id: project.chuiSpring, input: { plannedStart: '2041-03-01', plannedEnd: '2041-06-30' } }),
      server.graphql(UpdateProjectDocument, { id: project.chuiRights, input: { themeCodes: ['CIVIC_IDENTITY', 'HUMAN_RIGHTS'] } }),
      server.graphql(SetProjectCoverageDocument, { projectId: project.chuiLater, coverage: [{ unitCode: CHUI_RAYON }] }),
    ]);
    edits.push(await server.graphql(UpdateProjectDocument, { id: project.chuiLater, input: { plannedStart: '2040-06-01', plannedEnd: '2040-06-30' } }));
    edits.push(await server.graphql(SetProjectParticipantsDocument, { projectId: project.chuiRights, participants: [{ organisationId: org.J, role: 'IMPLEMENTING' }] }));
    for (const edit of edits) expect(edit.errors).toBeUndefined();

    expect((await others()).sort()).toEqual([project.chuiRights, project.chuiLater].sort());
    const rights = (await overlaps({ projectId: project.chuiOblast, includeSameOrganisation: true })).nodes.find(pairOf(project.chuiOblast, project.chuiRights))!;
    expect(rights).toMatchObject({ sameOrganisation: true, components: { geographic: 0.6667, time: 1, themes: 0.5 } });
    expect(rights.sharedUnits.map((unit) => unit.code)).toEqual([CHUI_RAYON]);
    expect(chui(otherOf((await overlaps({ projectId: project.chuiOblast })).nodes))).toEqual([project.chuiLater]);
    const incremental = await national();

    // Recompute every pair from scratch (what a change to the unit tree does) and compare.
    await server.orm.em.getConnection().execute(`insert into analytics_dirty values ('00000000-0000-0000-0000-000000000000')`);
    expect(await national()).toEqual(incremental);
    // The kept national total follows the edits too.
    const different = await overlaps({}, 500);
    expect(different.totalCount).toBe(different.nodes.length);
    expect((await overlaps({ includeSameOrganisation: true }, 1)).totalCount).toBe(incremental.length);
  });

  it('computes a big batch into an empty table with its indexes built afterwards: the same pairs, totals and indexes', async () => {
    // A first load or the everything marker of a country: more than 500 projects, no pair stored.
    // The test database has fewer projects, so ids that name none fill the batch up.
    const client = new Client({ connectionString: server.databaseUrl });
    await client.connect();
    const snapshot = async () => ({
      pairs: (await client.query('select * from analytics_overlap order by project_a, project_b')).rows,
      totals: (await client.query('select different_organisations, same_organisation from analytics_overlap_total')).rows,
      indexes: (await client.query("select indexname, indexdef from pg_indexes where tablename = 'analytics_overlap' order by indexname")).rows,
      primaryKey: (
        await client.query("select conname, pg_get_constraintdef(oid) as definition from pg_constraint where conrelid = 'analytics_overlap'::regclass and contype = 'p'")
      ).rows,
    });
    try {
      await client.query('begin');
      const before = await snapshot();
      expect(before.pairs.length).toBeGreaterThan(5);
      expect(before.indexes.length).toBe(4);
      await client.query('truncate analytics_overlap');
      await client.query(`select analytics_pairs_bulk(array(select id from project) || array(select gen_random_uuid() from generate_series(1, 501)),
        (select bit_or(bit) filter (where level = 1) from analytics_unit), (select bit_or(bit) filter (where level = 2) from analytics_unit),
        (select bit_or(bit) filter (where level = 3) from analytics_unit))`);
      expect(await snapshot()).toEqual(before);
    } finally {
      await client.query('rollback');
      await client.end();
    }
  });

  it('costs the same number of SQL statements for 1 and 50 overlaps', async () => {
    // Anonymous: with a token, its lookup (remembered for a moment) could count in one of the two.
    const one = await server.graphql(OverlapsDocument, { first: 1 }, { token: null });
    const many = await server.graphql(OverlapsDocument, { first: 50 }, { token: null });
    expect(many.data!.overlaps.nodes.length).toBeGreaterThan(5);
    expect(many.sqlStatements).toBe(one.sqlStatements);
  });

  it("pages one project's overlaps by cursor in the same order and with the same total as one long page", async () => {
    const filter = { projectId: project.oblastWide, includeSameOrganisation: true };
    const whole = await overlaps(filter);
    expect(whole.nodes.length).toBeGreaterThanOrEqual(3);
    expect(whole.nodes.every((node) => node.projectA!.id === project.oblastWide)).toBe(true);
    const scores = whole.nodes.map((node) => node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const walked: string[] = [];
    let after: string | null = null;
    for (let page = 0; page <= whole.nodes.length; page += 1) {
      const connection: Awaited<ReturnType<typeof overlaps>> = (await server.graphql(OverlapsDocument, { filter, first: 1, after })).data!.overlaps;
      expect(connection.totalCount).toBe(whole.totalCount);
      walked.push(...otherOf(connection.nodes));
      after = connection.pageInfo.endCursor ?? null;
      if (!connection.pageInfo.hasNextPage) break;
    }
    expect(walked).toEqual(otherOf(whole.nodes));

    // Past the end: no nodes, the total kept. A score floor cuts the list from the bottom.
    const past = await server.graphql(OverlapsDocument, { filter, first: 5, after });
    expect(past.data!.overlaps).toMatchObject({ nodes: [], totalCount: whole.totalCount });
    const floor = scores[1];
    const high = await overlaps({ ...filter, minScore: floor });
    expect(high.nodes.map((node) => node.score)).toEqual(scores.filter((score) => score >= floor));
    expect(high.totalCount).toBe(high.nodes.length);

    // With an organisation too: the pairs with its projects, or all of them when the project is its own.
    const withB = await overlaps({ projectId: project.oblastWide, organisationId: org.B });
    expect(otherOf(withB.nodes)).toEqual([project.village]);
    expect(withB.totalCount).toBe(1);
    const ownProject = await overlaps({ projectId: project.village, organisationId: org.B });
    expect(otherOf(ownProject.nodes)).toEqual(otherOf((await overlaps({ projectId: project.village })).nodes));
  });

  it('refuses bad filters with BAD_USER_INPUT naming the field', async () => {
    const cases: [object, string, string][] = [
      [{ minScore: 1.5 }, 'filter.minScore', 'MIN_SCORE_OUT_OF_RANGE'],
      [{ unitCode: 'KG-NOWHERE' }, 'filter.unitCode', 'UNKNOWN_UNIT'],
      [{ themeCodes: ['ASTROLOGY'] }, 'filter.themeCodes', 'UNKNOWN_THEME'],
      [{ projectId: 'not-a-project' }, 'filter.projectId', 'UNKNOWN_PROJECT'],
      [{ organisationId: '00000000-0000-4000-8000-00000000abcd' }, 'filter.organisationId', 'UNKNOWN_ORGANISATION'],
      [{ activeDuring: { from: '2025-02-01', to: '2025-01-01' } }, 'filter.activeDuring.to', 'END_BEFORE_START'],
    ];
    for (const [filter, field, reason] of cases) {
      const { errors } = await server.graphql(OverlapsDocument, { filter });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
  });
});

describe('coverage', () => {
  it('tells direct from inherited coverage and leaves no holes', async () => {
    const result = await server.graphql(CoverageDocument, { level: 'MUNICIPALITY', filter: { withinCode: BATKEN_RAYON, organisationIds: [org.A] } });
    expect(result.errors).toBeUndefined();
    const cells = new Map(result.data!.coverage.nodes.map((cell) => [cell.unit.code, cell]));
    expect(result.data!.coverage.totalCount).toBe(cells.size);
    for (const code of BORDER_AYIL_AIMAKS) expect(cells.has(code)).toBe(true);
    expect(cells.get(AK_TATYR)).toMatchObject({ coverage: 'DIRECT', projectCount: 2, directProjectCount: 1, inheritedProjectCount: 1, organisationCount: 1 });
    expect(cells.get(KYSHTUT)).toMatchObject({ coverage: 'INHERITED', projectCount: 1, directProjectCount: 0, inheritedProjectCount: 1 });
    expect(cells.get(KYSHTUT)!.organisations.map((organisation) => organisation.id)).toEqual([org.A]);

    // Every organisation of the projects at or above Ak-Tatyr (D covers all of Batken rayon; an overlap test above adds C there), once each, in id order.
    const everyone = await server.graphql(CoverageDocument, { level: 'MUNICIPALITY', filter: { withinCode: BATKEN_RAYON } });
    const akTatyr = everyone.data!.coverage.nodes.find((cell) => cell.unit.code === AK_TATYR)!;
    const ids = akTatyr.organisations.map((organisation) => organisation.id);
    expect(ids).toEqual([...new Set(ids)].sort());
    expect(ids).toEqual(expect.arrayContaining([org.A, org.B, org.D, org.E, org.G, org.I]));
    for (const elsewhere of [org.F, org.H]) expect(ids).not.toContain(elsewhere);
    expect(akTatyr.organisationCount).toBe(ids.length);

    const districts = await server.graphql(CoverageDocument, { level: 'DISTRICT', filter: { withinCode: BATKEN_OBLAST, organisationIds: [org.B] } });
    const byCode = new Map(districts.data!.coverage.nodes.map((cell) => [cell.unit.code, cell]));
    expect(byCode.get(BATKEN_RAYON)).toMatchObject({
      coverage: 'DIRECT',
      projectCount: 1,
      funding: { currency: 'USD', complete: true, committed: '1000.00', disbursed: '0.00', missingRates: [] },
    });
    expect(byCode.get(LEILEK_RAYON)).toMatchObject({ coverage: 'NONE', projectCount: 0, organisationCount: 0, funding: { committed: '0.00' } });
  });

  it('gives one cell per unit and theme, and says when a rate is missing', async () => {
    const result = await server.graphql(CoverageDocument, {
      level: 'DISTRICT',
      currency: 'CHF',
      filter: { withinCode: BATKEN_OBLAST, byTheme: true, themeCodes: ['CONFLICT_PREVENTION', 'LOCAL_SELF_GOVERNMENT'], organisationIds: [org.B] },
    });
    expect(result.errors).toBeUndefined();
    const rayon = result.data!.coverage.nodes.filter((cell) => cell.unit.code === BATKEN_RAYON);
    expect(rayon.map((cell) => cell.theme!.code)).toEqual(['CONFLICT_PREVENTION', 'LOCAL_SELF_GOVERNMENT']);
    expect(rayon[0].funding).toMatchObject({ complete: false, committed: null, missingRates: [{ currency: 'CHF', onOrBefore: '2025-01-15' }] });
  });

  it('refuses an unknown unit, theme or organisation with BAD_USER_INPUT naming the field, never an empty map', async () => {
    const cases: [object, string, string][] = [
      [{ withinCode: 'KG-NOWHERE' }, 'filter.withinCode', 'UNKNOWN_UNIT'],
      [{ themeCodes: ['ASTROLOGY'] }, 'filter.themeCodes', 'UNKNOWN_THEME'],
      [{ organisationIds: [org.A, '00000000-0000-4000-8000-00000000abcd'] }, 'filter.organisationIds[1]', 'UNKNOWN_ORGANISATION'],
      [{ organisationIds: ['not-an-id'] }, 'filter.organisationIds[0]', 'UNKNOWN_ORGANISATION'],
    ];
    for (const [filter, field, reason] of cases) {
      const { errors } = await server.graphql(CoverageDocument, { level: 'DISTRICT', filter });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
  });
});

describe('coverage money', () => {
  it("converts at the rate of each transaction's day, and follows a changed rate at once", async () => {
    const euros = async () => {
      const result = await server.graphql(CoverageDocument, { level: 'DISTRICT', currency: 'EUR', filter: { withinCode: BATKEN_OBLAST, organisationIds: [org.B] } });
      expect(result.errors).toBeUndefined();
      return result.data!.coverage.nodes.find((cell) => cell.unit.code === BATKEN_RAYON)!.funding;
    };
    // 1,000 USD committed on 2025-01-15; 1.25 USD per euro from 2024-12-01.
    expect((await server.graphql(SetExchangeRateDocument, { input: { currency: 'EUR', date: '2024-12-01', rate: '1.25' } })).errors).toBeUndefined();
    expect(await euros()).toMatchObject({ currency: 'EUR', complete: true, committed: '800.00' });
    // A rate from a day between replaces it for that transaction; one after the transaction does not.
    expect((await server.graphql(SetExchangeRateDocument, { input: { currency: 'EUR', date: '2025-01-10', rate: '1.0' } })).errors).toBeUndefined();
    expect((await server.graphql(SetExchangeRateDocument, { input: { currency: 'EUR', date: '2025-02-01', rate: '2.0' } })).errors).toBeUndefined();
    expect(await euros()).toMatchObject({ complete: true, committed: '1000.00' });
  });

  it('keeps the map without filters in USD equal to the computed one through edits, transactions and rates', async () => {
    // A period filter that every project meets makes the service compute the map instead of reading the kept cells.
    const everWhen = { from: '1900-01-01', to: '2199-12-31' };
    const maps: { level: AdminLevel; filter: { withinCode?: string } }[] = [
      { level: 'REGION', filter: {} },
      { level: 'DISTRICT', filter: { withinCode: BATKEN_OBLAST } },
      { level: 'DISTRICT', filter: { withinCode: CHUI_OBLAST } },
      { level: 'MUNICIPALITY', filter: { withinCode: BATKEN_RAYON } },
    ];
    const expectKeptEqualsComputed = async () => {
      for (const { level, filter } of maps) {
        for (const byTheme of [false, true]) {
          const kept = await server.graphql(CoverageDocument, { level, filter: { ...filter, byTheme }, first: 500 });
          const computed = await server.graphql(CoverageDocument, { level, filter: { ...filter, byTheme, activeDuring: everWhen }, first: 500 });
          expect(kept.errors).toBeUndefined();
          expect(kept.data!.coverage.nodes.length).toBeGreaterThan(0);
          expect(kept.data).toEqual(computed.data);
          // In another currency the map is computed too (through each cell's links): the same people and places.
          const inEuros = await server.graphql(CoverageDocument, { level, currency: 'EUR', filter: { ...filter, byTheme }, first: 500 });
          const withoutMoney = (data: typeof kept.data) => data!.coverage.nodes.map(({ funding: _funding, ...cell }) => cell);
          expect(withoutMoney(inEuros.data)).toEqual(withoutMoney(kept.data));
        }
      }
    };
    const batkenRayon = async () => {
      const result = await server.graphql(CoverageDocument, { level: 'DISTRICT', filter: { withinCode: BATKEN_OBLAST } });
      return result.data!.coverage.nodes.find((cell) => cell.unit.code === BATKEN_RAYON)!;
    };
    await expectKeptEqualsComputed();
    const before = await batkenRayon();

    // Money: 500 EUR on the project in Ak-Tatyr, at 2.0 USD per euro from 2025-02-01.
    const recorded = await server.graphql(RecordTransactionDocument, {
      input: { projectId: project.village, type: 'DISBURSEMENT', amount: '500.00', currency: 'EUR', valueDate: '2025-03-01' },
    });
    expect(recorded.errors).toBeUndefined();
    expect(Number((await batkenRayon()).funding.disbursed)).toBeCloseTo(Number(before.funding.disbursed) + 1000, 2);
    await expectKeptEqualsComputed();

    // A new rate converts it again; a new project, then moved to the oblast and handed to another organisation.
    expect((await server.graphql(SetExchangeRateDocument, { input: { currency: 'EUR', date: '2025-02-15', rate: '1.5' } })).errors).toBeUndefined();
    expect(Number((await batkenRayon()).funding.disbursed)).toBeCloseTo(Number(before.funding.disbursed) + 750, 2);
    const mover = await createProject(server, {
      title: { en: 'Mover' },
      status: 'IMPLEMENTATION',
      participants: [{ organisationId: org.H, role: 'IMPLEMENTING' }],
      coverage: [{ unitCode: CHUI_RAYON }],
      plannedStart: '2025-01-01',
      themeCodes: ['HUMAN_RIGHTS', 'CIVIC_IDENTITY'],
    });
    await expectKeptEqualsComputed();
    expect((await server.graphql(SetProjectCoverageDocument, { projectId: mover.id, coverage: [{ unitCode: CHUI_OBLAST }] })).errors).toBeUndefined();
    expect((await server.graphql(SetProjectParticipantsDocument, { projectId: mover.id, participants: [{ organisationId: org.G, role: 'IMPLEMENTING' }] })).errors).toBeUndefined();
    await expectKeptEqualsComputed();

    // And the cells kept by differences equal cells built from scratch.
    const connection = server.orm.em.getConnection();
    const cells = () =>
      // Money compared by value: sums of the same parts may carry different numbers of trailing zeros.
      connection.execute(`select c.unit_code, c.theme_code, c.projects, c.direct_projects, round(c.committed, 12) as committed,
        round(c.disbursed, 12) as disbursed, c.unconvertible, c.organisation_bits,
        array(select o.organisation_id || ':' || o.projects from analytics_cell_org o
        where o.unit_code = c.unit_code and o.theme_code = c.theme_code order by o.organisation_id) as organisations
        from analytics_cell c where c.projects <> 0 order by c.unit_code, c.theme_code`);
    const kept = await cells();
    expect(kept.length).toBeGreaterThan(100);
    await connection.execute(`insert into analytics_money_dirty values ('00000000-0000-0000-0000-000000000000')`);
    expect(await cells()).toEqual(kept);
  });
});

describe('coverage answers kept while the analytics data is unchanged', () => {
  // Talas oblast: no other test here has projects there.
  it('answers the same question again without computing it, and anew after a change', async () => {
    const question = { level: 'DISTRICT' as AdminLevel, filter: { withinCode: TALAS_OBLAST, activeDuring: JUNE_2025 } };
    const first = await server.graphql(CoverageDocument, question);
    const again = await server.graphql(CoverageDocument, question);
    expect(first.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    // The map's statement and its count are not sent again (the analytics version is read instead;
    // the unit's check may be remembered too).
    expect(first.sqlStatements - again.sqlStatements).toBeGreaterThanOrEqual(2);
    const talasDistrict = (data: typeof first.data) => data!.coverage.nodes.find((cell) => cell.unit.code === TALAS_DISTRICT)!;
    const before = talasDistrict(first.data);

    // A project written through the API moves the version: the next answer counts it.
    await createProject(server, {
      title: { en: 'Kept answers' },
      status: 'IMPLEMENTATION',
      participants: [{ organisationId: org.F, role: 'IMPLEMENTING' }],
      coverage: [{ unitCode: TALAS_DISTRICT }],
      plannedStart: '2025-01-01',
      themeCodes: ['HUMAN_RIGHTS'],
    });
    const after = await server.graphql(CoverageDocument, question);
    expect(after.sqlStatements - again.sqlStatements).toBe(2);
    expect(talasDistrict(after.data)).toMatchObject({ projectCount: before.projectCount + 1, directProjectCount: before.directProjectCount + 1 });
  });
});

describe('hotspots and gaps', () => {
  it('keep their total on a page past the end', async () => {
    const pastEnd = Buffer.from('o:499').toString('base64url');
    const filter = { withinCode: BATKEN_RAYON, themeCodes: ['CONFLICT_PREVENTION'], activeDuring: JUNE_2025 };
    const hotspots = await server.graphql(HotspotsDocument, { level: 'MUNICIPALITY', filter, first: 10, after: pastEnd });
    expect(hotspots.errors).toBeUndefined();
    expect(hotspots.data!.hotspots).toMatchObject({ totalCount: 1, nodes: [] });
    const all = await server.graphql(GapsDocument, { filter: { withinCode: BATKEN_RAYON }, first: 500 });
    const gaps = await server.graphql(GapsDocument, { filter: { withinCode: BATKEN_RAYON }, first: 10, after: pastEnd });
    expect(all.data!.gaps.totalCount).toBeGreaterThan(0);
    expect(gaps.data!.gaps).toMatchObject({ totalCount: all.data!.gaps.totalCount, nodes: [] });
  });

  it('finds a unit where three organisations work on the same theme at the same time', async () => {
    const result = await server.graphql(HotspotsDocument, {
      level: 'MUNICIPALITY',
      filter: { withinCode: BATKEN_RAYON, themeCodes: ['CONFLICT_PREVENTION'], activeDuring: JUNE_2025 },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.hotspots.nodes.map((spot) => [spot.unit.code, spot.theme.code, spot.organisationCount])).toEqual([[AK_TATYR, 'CONFLICT_PREVENTION', 3]]);
    expect(result.data!.hotspots.nodes[0].organisations.map((organisation) => organisation.id).sort()).toEqual([org.A, org.B, org.I].sort());
    const four = await server.graphql(HotspotsDocument, { level: 'MUNICIPALITY', filter: { withinCode: BATKEN_RAYON, minOrganisations: 4, activeDuring: JUNE_2025 } });
    expect(four.data!.hotspots.totalCount).toBe(0);
  });

  it('lists border ayil aimaks without an active project on a theme, flagged from document [003]', async () => {
    const result = await server.graphql(GapsDocument, {
      filter: { withinCode: BATKEN_RAYON, borderArea: true, themeCodes: ['E_GOVERNMENT'], activeDuring: JUNE_2025 },
    });
    expect(result.errors).toBeUndefined();
    const codes = result.data!.gaps.nodes.map((gap) => gap.unit.code);
    expect(codes.sort()).toEqual(BORDER_AYIL_AIMAKS.filter((code) => code !== SAMARKANDEK).sort());
    expect(result.data!.gaps.nodes.every((gap) => gap.unit.borderArea && gap.unit.flagsSource!.includes('[003]'))).toBe(true);

    const conflict = await server.graphql(GapsDocument, { filter: { withinCode: BATKEN_RAYON, borderArea: true, themeCodes: ['CONFLICT_PREVENTION'], activeDuring: JUNE_2025 } });
    const kyshtut = conflict.data!.gaps.nodes.find((gap) => gap.unit.code === KYSHTUT);
    expect(kyshtut).toBeUndefined(); // the open-ended project works there
    const samarkandek = conflict.data!.gaps.nodes.find((gap) => gap.unit.code === SAMARKANDEK)!;
    // The oblast-wide project (and seeded national programmes without dates) cover it only from above.
    expect(samarkandek.inheritedProjectCount).toBeGreaterThanOrEqual(1);
    const inherited = await server.graphql(GapsDocument, {
      filter: { withinCode: BATKEN_RAYON, borderArea: true, themeCodes: ['CONFLICT_PREVENTION'], activeDuring: JUNE_2025, includeInherited: true },
    });
    expect(inherited.data!.gaps.totalCount).toBe(0);
  });

  it('lets the secretariat set flags, and refuses unknown units and empty changes', async () => {
    const set = await server.graphql(SetAdminUnitFlagsDocument, { code: LEILEK_RAYON, input: { borderArea: true, multiEthnic: true, source: 'Council decision 7' } });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setAdminUnitFlags).toMatchObject({ code: LEILEK_RAYON, borderArea: true, multiEthnic: true, flagsSource: 'Council decision 7' });
    const gaps = await server.graphql(GapsDocument, { filter: { level: 'DISTRICT', borderArea: true, withinCode: BATKEN_OBLAST } });
    expect(gaps.data!.gaps.nodes.map((gap) => gap.unit.code)).toEqual([LEILEK_RAYON]);
    const unknown = await server.graphql(SetAdminUnitFlagsDocument, { code: 'KG-NOWHERE', input: { borderArea: true } });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
    const empty = await server.graphql(SetAdminUnitFlagsDocument, { code: LEILEK_RAYON, input: {} });
    expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_FLAGS_GIVEN' });
  });
});

describe('who may read the analytics', () => {
  it('lets anyone read overlaps, hotspots, coverage and gaps, which come from public project data', async () => {
    const anonymous = { token: null };
    const pairs = await server.graphql(OverlapsDocument, { filter: { projectId: project.oblastWide } }, anonymous);
    expect(pairs.errors).toBeUndefined();
    expect(pairs.data!.overlaps.nodes.map((node) => node.projectB!.id)).toContain(project.village);
    const cells = await server.graphql(CoverageDocument, { level: 'DISTRICT', filter: { withinCode: BATKEN_OBLAST } }, anonymous);
    expect(cells.data!.coverage.nodes.find((cell) => cell.unit.code === BATKEN_RAYON)!.projectCount).toBeGreaterThan(0);
    const hot = await server.graphql(HotspotsDocument, { level: 'MUNICIPALITY', filter: { activeDuring: JUNE_2025 } }, anonymous);
    expect(hot.data!.hotspots.nodes.map((spot) => spot.unit.code)).toContain(AK_TATYR);
    const gaps = await server.graphql(GapsDocument, { filter: { withinCode: BATKEN_RAYON, themeCodes: ['E_GOVERNMENT'] } }, anonymous);
    expect(gaps.errors).toBeUndefined();
    expect(gaps.data!.gaps.totalCount).toBeGreaterThan(0);
  });

  it('keeps activity collisions, which involve unaccepted reports, for signed-in callers', async () => {
    const { errors } = await server.graphql('{ activityCollisions { daysApart } }', {}, { token: null });
    expect(errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('national views without holes', () => {
  it("has Osh city and Bishkek's four districts among the DISTRICT cells, and cities of oblast significance among the ayil aimaks", async () => {
    const districts = await server.graphql(CoverageDocument, { level: 'DISTRICT', first: 500 });
    const codes = districts.data!.coverage.nodes.map((cell) => cell.unit.code);
    expect(codes).toContain('KG21000000000');
    expect(codes.filter((code) => code.startsWith('KG112'))).toHaveLength(4);
    // 57 districts (40 rayons, 13 cities, 4 city districts) and Osh city; Bishkek itself is its districts.
    expect(districts.data!.coverage.totalCount).toBe(58);
    expect(codes).not.toContain('KG11000000000');
    const municipalities = await server.graphql(CoverageDocument, { level: 'MUNICIPALITY', filter: { withinCode: 'KG02000000000' }, first: 500 });
    // Karakol, a city of oblast significance, has no ayil aimaks: it is a unit of the view itself.
    expect(municipalities.data!.coverage.nodes.map((cell) => cell.unit.code)).toContain('KG02410000010');
    const gaps = await server.graphql(GapsDocument, { filter: { level: 'DISTRICT' }, first: 500 });
    expect(gaps.errors).toBeUndefined();
    expect(gaps.data!.gaps.nodes.map((gap) => gap.unit.code)).toContain('KG11201000000');
  });
});

describe('which organisations work there', () => {
  const TALAS_RAYON = 'KG07232000000';
  const MANAS_RAYON = 'KG07225000000';
  const BAKAI_ATA_RAYON = 'KG07220000000';
  const people: Record<string, string> = {};
  const projects: Record<string, string> = {};
  const run = async (key: string, unitCode: string, theme: string, start: string, end: string, participants: [string, string][]) => {
    projects[key] = (
      await createProject(server, {
        title: { en: key },
        status: 'IMPLEMENTATION',
        plannedStart: start,
        plannedEnd: end,
        themeCodes: [theme],
        coverage: [{ unitCode }],
        participants: participants.map(([organisation, role]) => ({ organisationId: people[organisation], role: role as 'IMPLEMENTING' | 'FUNDING' })),
      })
    ).id;
  };

  beforeAll(async () => {
    for (const name of ['ngo', 'donor1', 'donor2', 'p', 'q', 'r']) people[name] = await createOrganisation(server, `Working test ${name}`);
    // One NGO implements three projects in Talas rayon: two donors, then the first donor again.
    await run('fundedByOne', TALAS_RAYON, 'CIVIC_IDENTITY', '2027-01-01', '2027-12-31', [
      ['ngo', 'IMPLEMENTING'],
      ['donor1', 'FUNDING'],
    ]);
    await run('fundedByTwo', TALAS_RAYON, 'CIVIC_IDENTITY', '2027-01-01', '2027-12-31', [
      ['ngo', 'IMPLEMENTING'],
      ['donor2', 'FUNDING'],
    ]);
    await run('fundedByOneAgain', TALAS_RAYON, 'CIVIC_IDENTITY', '2027-03-01', '2027-10-31', [
      ['ngo', 'IMPLEMENTING'],
      ['donor1', 'FUNDING'],
    ]);
    // Three organisations one after the other in Manas rayon; three at once in Bakai-Ata rayon.
    await run('first', MANAS_RAYON, 'HUMAN_RIGHTS', '2028-01-01', '2028-04-30', [['p', 'IMPLEMENTING']]);
    await run('second', MANAS_RAYON, 'HUMAN_RIGHTS', '2028-05-01', '2028-08-31', [['q', 'IMPLEMENTING']]);
    await run('third', MANAS_RAYON, 'HUMAN_RIGHTS', '2028-09-01', '2028-12-31', [['r', 'IMPLEMENTING']]);
    await run('long', BAKAI_ATA_RAYON, 'HUMAN_RIGHTS', '2029-01-01', '2029-12-31', [['p', 'IMPLEMENTING']]);
    await run('middle', BAKAI_ATA_RAYON, 'HUMAN_RIGHTS', '2029-03-01', '2029-09-30', [['q', 'IMPLEMENTING']]);
    await run('late', BAKAI_ATA_RAYON, 'HUMAN_RIGHTS', '2029-06-01', '2029-12-31', [
      ['r', 'IMPLEMENTING'],
      ['donor1', 'FUNDING'],
    ]);
  });

  it('calls two projects of one implementer with different funders possible double funding, and lists them by default', async () => {
    const { nodes } = await overlaps({ projectId: projects.fundedByOne });
    const pair = nodes.find((node) => node.projectB!.id === projects.fundedByTwo)!;
    expect(pair).toMatchObject({ kind: 'SAME_IMPLEMENTER_DIFFERENT_FUNDERS', sameOrganisation: true });
    // The same implementer with the same funder: its own projects, left out unless asked for.
    expect(nodes.map((node) => node.projectB!.id)).not.toContain(projects.fundedByOneAgain);
    const all = await overlaps({ projectId: projects.fundedByOne, includeSameOrganisation: true });
    expect(all.nodes.find((node) => node.projectB!.id === projects.fundedByOneAgain)).toMatchObject({ kind: 'SAME_IMPLEMENTER' });
    const doubleFunding = await overlaps({ kinds: ['SAME_IMPLEMENTER_DIFFERENT_FUNDERS'], unitCode: TALAS_RAYON });
    // Donor 2's project meets each of donor 1's: two pairs of possible double funding.
    expect(doubleFunding.nodes.map((node) => [node.projectA!.id, node.projectB!.id].sort()).sort()).toEqual(
      [[projects.fundedByOne, projects.fundedByTwo].sort(), [projects.fundedByOneAgain, projects.fundedByTwo].sort()].sort(),
    );
  });

  it('does not count funders as organisations working in a place', async () => {
    const year2027 = { from: '2027-01-01', to: '2027-12-31' };
    const hot = await server.graphql(HotspotsDocument, { level: 'DISTRICT', filter: { withinCode: 'KG07000000000', activeDuring: year2027, themeCodes: ['CIVIC_IDENTITY'] } });
    expect(hot.data!.hotspots.nodes.map((spot) => spot.unit.code)).not.toContain(TALAS_RAYON);
    const cells = await server.graphql(CoverageDocument, { level: 'DISTRICT', filter: { withinCode: 'KG07000000000', activeDuring: year2027, themeCodes: ['CIVIC_IDENTITY'] } });
    const organisations = cells.data!.coverage.nodes.find((cell) => cell.unit.code === TALAS_RAYON)!.organisations.map((organisation) => organisation.id);
    expect(organisations).toContain(people.ngo);
    expect(organisations).not.toContain(people.donor1);
    expect(organisations).not.toContain(people.donor2);
  });

  it("needs the organisations at the same time: three in a row are no hotspot, three at once are, with the peak's days and who was there", async () => {
    const hot = await server.graphql(HotspotsDocument, {
      level: 'DISTRICT',
      filter: { withinCode: 'KG07000000000', activeDuring: { from: '2028-01-01', to: '2029-12-31' }, themeCodes: ['HUMAN_RIGHTS'] },
    });
    expect(hot.errors).toBeUndefined();
    expect(hot.data!.hotspots.nodes.map((spot) => spot.unit.code)).toEqual([BAKAI_ATA_RAYON]);
    expect(hot.data!.hotspots.nodes[0]).toMatchObject({ organisationCount: 3, projectCount: 3, peakFrom: '2029-06-01', peakTo: '2029-09-30' });
    expect(hot.data!.hotspots.nodes[0].organisations.map((organisation) => organisation.id).sort()).toEqual([people.p, people.q, people.r].sort());
    // Two at once is the most Manas rayon ever had: a hotspot of two, from the first overlap on.
    const two = await server.graphql(HotspotsDocument, {
      level: 'DISTRICT',
      filter: { withinCode: MANAS_RAYON, activeDuring: { from: '2028-01-01', to: '2028-12-31' }, themeCodes: ['HUMAN_RIGHTS'], minOrganisations: 2 },
    });
    expect(two.data!.hotspots.totalCount).toBe(0);
  });
});
