import { AdminUnitDocument, AdminUnitGeometryDocument, AdminUnitsDocument, AdminUnitsWithRelationsDocument } from './generated/graphql';
import { seedGeography } from '../seeds/geography/geography.seed';
import { createProject } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

const BATKEN_OBLAST = 'KG05000000000';
const BATKEN_RAYON = 'KG05214000000';
const CHUI_OBLAST = 'KG08000000000';
const AK_TATYR = 'KG05214849000';
const CHONG_KEMIN = 'KG08213842000';
const NOOKAT_RAYON = 'KG06242000000';
const UZGEN_RAYON = 'KG06255000000';
const LEILEK_RAYON = 'KG05236000000';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

describe('the administrative tree', () => {
  it("has the country, 7 oblasts, Bishkek and Osh, 40 rayons, 13 cities, Bishkek's 4 districts and every ayil aimak and town of the classifier", async () => {
    const count = async (filter: object) => (await server.graphql(AdminUnitsDocument, { filter, first: 1 })).data!.adminUnits.totalCount;
    expect(await count({ level: 'COUNTRY' })).toBe(1);
    expect(await count({ kind: 'OBLAST' })).toBe(7);
    expect(await count({ level: 'REGION' })).toBe(9);
    expect(await count({ kind: 'CITY_OF_REPUBLICAN_SIGNIFICANCE' })).toBe(2);
    expect(await count({ kind: 'RAYON' })).toBe(40);
    expect(await count({ kind: 'CITY' })).toBe(13);
    expect(await count({ kind: 'CITY_DISTRICT' })).toBe(4);
    expect(await count({ level: 'DISTRICT' })).toBe(57);
    expect(await count({ kind: 'AYIL_AIMAK' })).toBe(453);
    expect(await count({ kind: 'TOWN' })).toBe(16);
    expect(await count({ level: 'MUNICIPALITY' })).toBe(470);
    expect(await count({ parentCode: 'KG11000000000' })).toBe(4);
  });

  it('lists the ayil aimaks of Batken rayon as its children and Batken oblast and the country as its ancestors', async () => {
    const { data, errors } = await server.graphql(AdminUnitDocument, { code: BATKEN_RAYON });
    expect(errors).toBeUndefined();
    const rayon = data!.adminUnit!;
    expect(rayon).toMatchObject({ code: BATKEN_RAYON, level: 'DISTRICT', kind: 'RAYON', parent: { code: BATKEN_OBLAST } });
    expect(rayon.names).toMatchObject({ ky: 'Баткен району', ru: 'Баткенский район', en: 'Batken District' });
    expect(rayon.ancestors.map((unit) => unit.code)).toEqual(['KG', BATKEN_OBLAST]);
    expect(rayon.children.every((child) => child.kind === 'AYIL_AIMAK')).toBe(true);
    // The seven border ayil aimaks of the Rural Development Fund project are all there.
    const names = rayon.children.map((child) => child.name);
    for (const name of ['Ak-Tatyr', 'Ak-Say', 'Samarkandek', 'Tört-Kül', 'Kara-Bak', 'Suu-Bashy', 'Kyshtut']) {
      expect(names).toContain(name);
    }
  });

  it('gives an ayil aimak its classifier code, and still answers to the code the hub gave it before and to its SOATE code', async () => {
    for (const code of [AK_TATYR, `${BATKEN_RAYON}-AK-TATYR`, '41705214849000']) {
      const { data } = await server.graphql(AdminUnitDocument, { code });
      expect(data!.adminUnit).toMatchObject({
        code: AK_TATYR,
        kind: 'AYIL_AIMAK',
        level: 'MUNICIPALITY',
        name: 'Ak-Tatyr',
        parent: { code: BATKEN_RAYON },
        soate: '41705214849000',
        formerCodes: [`${BATKEN_RAYON}-AK-TATYR`],
      });
      expect(data!.adminUnit!.villages).toEqual(expect.arrayContaining(['Ак-Татыр', 'Рават', 'Говсувар']));
      expect(data!.adminUnit!.ancestors.map((unit) => unit.code)).toEqual(['KG', BATKEN_OBLAST, BATKEN_RAYON]);
      expect(data!.adminUnit!.source).toMatch(/SOATE[\s\S]*wikipedia/i);
    }
    // The Kyrgyz name is the gazetteer's, the Russian one the classifier's.
    const { data } = await server.graphql(AdminUnitDocument, { code: AK_TATYR });
    expect(data!.adminUnit!.names).toMatchObject({ ky: 'Ак-Татыр айыл аймагы', ru: 'Ак-Татырский айылный аймак', en: 'Ak-Tatyr' });
  });

  it('normalises German and French transliterations and keeps the source spelling', async () => {
    const german = await server.graphql(AdminUnitDocument, { code: 'KG08213000000-CHONG-KEMIN' });
    expect(german.data!.adminUnit!.code).toBe(CHONG_KEMIN);
    expect(german.data!.adminUnit).toMatchObject({ name: 'Chong-Kemin', sourceNameEn: 'Tschong-Kemin' });
    const french = await server.graphql(AdminUnitDocument, { code: 'KG04235000000-KOCHKOR' });
    expect(french.data!.adminUnit).toMatchObject({ name: 'Kochkor', sourceNameEn: 'Kotchkor' });
    const english = await server.graphql(AdminUnitDocument, { code: `${BATKEN_RAYON}-SAMARKANDEK` });
    expect(english.data!.adminUnit!.sourceNameEn).toBeNull();
    // Either spelling finds the unit.
    const bySourceSpelling = await server.graphql(AdminUnitsDocument, { filter: { search: 'tschong-kemin' } });
    expect(bySourceSpelling.data!.adminUnits.edges[0].node.code).toBe(CHONG_KEMIN);
  });
});

describe('search and filters', () => {
  it('finds Batken rayon by its Kyrgyz/Russian name in Cyrillic and by its English name in Latin', async () => {
    for (const search of ['Баткен', 'баткенский', 'Batken', 'BATKEN']) {
      const { data } = await server.graphql(AdminUnitsDocument, { filter: { search } });
      expect(data!.adminUnits.edges.map((edge) => edge.node.code)).toContain(BATKEN_RAYON);
    }
  });

  it.each([
    ['Russian with the generic word', 'Ноокатский район', NOOKAT_RAYON],
    ['Russian without it', 'Ноокат', NOOKAT_RAYON],
    ['Latin with "rayon"', 'Nookat rayon', NOOKAT_RAYON],
    ['Kyrgyz, with ө', 'Өзгөн району', UZGEN_RAYON],
    ['Latin for a Russian spelling', 'Uzgen', UZGEN_RAYON],
    ['a misspelling', 'Leylek', LEILEK_RAYON],
    ['a space for the hyphen', 'Ak Tatyr', AK_TATYR],
    ['no hyphen at all', 'Aktatyr', AK_TATYR],
    ['Kyrgyz Cyrillic of an ayil aimak', 'Ак-Татыр айыл аймагы', AK_TATYR],
    ['a village of the ayil aimak', 'Рават', AK_TATYR],
    ['a former code', 'KG05214000000-AK-TATYR', AK_TATYR],
    ['a SOATE code', '41705214849000', AK_TATYR],
    ['a typo in a rayon', 'Batkin rayon', BATKEN_RAYON],
  ])('finds the intended unit first from %s ("%s")', async (_case, search, code) => {
    const { data, errors } = await server.graphql(AdminUnitsDocument, { filter: { search }, first: 5 });
    expect(errors).toBeUndefined();
    expect(data!.adminUnits.edges[0]?.node.code).toBe(code);
  });

  it('tells namesakes apart by their parents: "Ноокат" is the rayon and, below it, the town', async () => {
    const { data } = await server.graphql(AdminUnitsWithRelationsDocument, { filter: { search: 'Ноокат' }, first: 3 });
    const found = data!.adminUnits.nodes.map((unit) => [unit.code, unit.parent?.code]);
    expect(found.slice(0, 2)).toEqual([
      [NOOKAT_RAYON, 'KG06000000000'],
      ['KG06242600010', NOOKAT_RAYON],
    ]);
  });

  it('combines search with a kind and treats LIKE wildcards literally', async () => {
    const rayons = await server.graphql(AdminUnitsDocument, { filter: { search: 'Баткен', kind: 'RAYON' } });
    expect(rayons.data!.adminUnits.edges.map((edge) => edge.node.code)).toEqual([BATKEN_RAYON]);
    const wildcard = await server.graphql(AdminUnitsDocument, { filter: { search: '%' } });
    expect(wildcard.data!.adminUnits.totalCount).toBe(0);
  });

  it('lists everything inside a unit with withinCode and only direct children with parentCode', async () => {
    const within = await server.graphql(AdminUnitsDocument, { filter: { withinCode: BATKEN_OBLAST }, first: 500 });
    const codes = within.data!.adminUnits.edges.map((edge) => edge.node.code);
    // 3 rayons, 3 cities, and the 31 ayil aimaks and 3 towns of the classifier.
    expect(within.data!.adminUnits.totalCount).toBe(40);
    expect(codes).not.toContain(BATKEN_OBLAST);
    expect(codes).toContain(AK_TATYR);
    expect(codes.some((code) => code.startsWith('KG08'))).toBe(false);

    const children = await server.graphql(AdminUnitsDocument, { filter: { parentCode: BATKEN_OBLAST } });
    expect(children.data!.adminUnits.totalCount).toBe(6);

    const municipalitiesInChui = await server.graphql(AdminUnitsDocument, { filter: { withinCode: CHUI_OBLAST, level: 'MUNICIPALITY' } });
    expect(municipalitiesInChui.data!.adminUnits.totalCount).toBe(112);
  });

  it('answers an unknown code with null, and an unknown container or parent with BAD_USER_INPUT naming the field', async () => {
    const single = await server.graphql(AdminUnitDocument, { code: 'KG99999999999' });
    expect(single.errors).toBeUndefined();
    expect(single.data!.adminUnit).toBeNull();
    for (const [filter, field] of [
      [{ withinCode: 'NOWHERE' }, 'filter.withinCode'],
      [{ parentCode: 'NOWHERE' }, 'filter.parentCode'],
    ] as const) {
      const list = await server.graphql(AdminUnitsDocument, { filter });
      expect(list.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_UNIT', field });
    }
  });
});

describe('languages', () => {
  it('resolves names in the Accept-Language language, a lang argument overriding it', async () => {
    const russian = await server.graphql(AdminUnitDocument, { code: BATKEN_OBLAST }, { headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' } });
    expect(russian.data!.adminUnit).toMatchObject({ name: 'Баткенская область', names: { text: 'Баткенская область' } });
    const kyrgyz = await server.graphql(AdminUnitDocument, { code: BATKEN_OBLAST, lang: 'KY' }, { headers: { 'accept-language': 'ru' } });
    expect(kyrgyz.data!.adminUnit!.name).toBe('Баткен облусу');
    const fallback = await server.graphql(AdminUnitDocument, { code: BATKEN_OBLAST }, { headers: { 'accept-language': 'de' } });
    expect(fallback.data!.adminUnit!.name).toBe('Batken Oblast');
  });

  it('falls back to another language where a name is missing, and invents none', async () => {
    // A Bishkek city district has only its Russian name: the classifier gives no other.
    const { data } = await server.graphql(AdminUnitDocument, { code: 'KG11201000000', lang: 'KY' });
    expect(data!.adminUnit!.names).toMatchObject({ ky: null, ru: 'Ленинский район', en: null });
    expect(data!.adminUnit!.name).toBe('Ленинский район');
  });
});

describe('geometry', () => {
  it('serves oblast and rayon boundaries as GeoJSON and none for ayil aimaks', async () => {
    const oblast = await server.graphql(AdminUnitGeometryDocument, { code: BATKEN_OBLAST });
    const geometry = oblast.data!.adminUnit!.geometry as { type: string; coordinates: unknown[] };
    expect(['Polygon', 'MultiPolygon']).toContain(geometry.type);
    expect(geometry.coordinates.length).toBeGreaterThan(0);
    const rayon = await server.graphql(AdminUnitGeometryDocument, { code: BATKEN_RAYON });
    expect((rayon.data!.adminUnit!.geometry as { type: string }).type).toMatch(/Polygon/);
    const ayilAimak = await server.graphql(AdminUnitGeometryDocument, { code: `${BATKEN_RAYON}-AK-TATYR` });
    expect(ayilAimak.data!.adminUnit!.geometry).toBeNull();
  });
});

describe('pagination', () => {
  it('walks a list page by page with cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Awaited<ReturnType<typeof fetchPage>> = await fetchPage(after);
      pages += 1;
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect([page.pageInfo.startCursor, page.pageInfo.endCursor]).toEqual([page.edges[0].cursor, page.edges[page.edges.length - 1].cursor]);
      seen.push(...page.edges.map((edge) => edge.node.code));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);

    async function fetchPage(cursor: string | null) {
      const { data } = await server.graphql(AdminUnitsDocument, { filter: { kind: 'OBLAST' }, first: 2, after: cursor });
      return data!.adminUnits;
    }
  });

  it('jumps to a numbered page with offset, alone or after a cursor, and refuses an offset out of range', async () => {
    const all = (await server.graphql(AdminUnitsDocument, { filter: { kind: 'OBLAST' }, first: 7 })).data!.adminUnits;
    const codes = all.edges.map((edge) => edge.node.code);
    const third = (await server.graphql(AdminUnitsDocument, { filter: { kind: 'OBLAST' }, first: 2, offset: 4 })).data!.adminUnits;
    expect(third.edges.map((edge) => edge.node.code)).toEqual(codes.slice(4, 6));
    expect(third.pageInfo.hasPreviousPage).toBe(true);
    const afterCursor = (await server.graphql(AdminUnitsDocument, { filter: { kind: 'OBLAST' }, first: 2, after: all.edges[0].cursor, offset: 2 })).data!.adminUnits;
    expect(afterCursor.edges.map((edge) => edge.node.code)).toEqual(codes.slice(3, 5));
    // A page past the end is empty and still tells how many there are, with a search too.
    const past = (await server.graphql(AdminUnitsDocument, { filter: { kind: 'OBLAST' }, first: 2, offset: 20 })).data!.adminUnits;
    expect([past.edges.length, past.totalCount, past.pageInfo.hasNextPage]).toEqual([0, 7, false]);
    const searched = (await server.graphql(AdminUnitsDocument, { filter: { search: 'Баткен' }, first: 2 })).data!.adminUnits;
    const searchedPast = (await server.graphql(AdminUnitsDocument, { filter: { search: 'Баткен' }, first: 2, offset: 1000 })).data!.adminUnits;
    expect(searched.totalCount).toBeGreaterThan(2);
    expect([searchedPast.edges.length, searchedPast.totalCount]).toEqual([0, searched.totalCount]);
    for (const offset of [-1, 100_001]) {
      const { errors } = await server.graphql(AdminUnitsDocument, { offset });
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OFFSET_OUT_OF_RANGE', field: 'offset' });
    }
  });

  it('refuses a malformed cursor and a page size outside 1..500 with BAD_USER_INPUT', async () => {
    for (const after of ['not-a-cursor', Buffer.from('o:-3').toString('base64url'), '']) {
      const { errors, data } = await server.graphql(AdminUnitsDocument, { after });
      if (after === '') {
        expect(errors).toBeUndefined();
        expect(data!.adminUnits.totalCount).toBe(537);
        continue;
      }
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR', field: 'after' });
    }
    for (const first of [0, -1, 501]) {
      const { errors, status } = await server.graphql(AdminUnitsDocument, { first });
      expect(status).toBe(200);
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FIRST_OUT_OF_RANGE', field: 'first' });
      expect(errors![0].message).toContain('between 1 and 500');
    }
  });
});

describe('SQL statements per request', () => {
  it('costs the same for 5 and 50 units with parents, grandparents, ancestors, children and geometry', async () => {
    // Anonymous: with a token, its lookup (remembered for a moment) could count in one of the two.
    const few = await server.graphql(AdminUnitsWithRelationsDocument, { filter: { level: 'DISTRICT' }, first: 5 }, { token: null });
    const many = await server.graphql(AdminUnitsWithRelationsDocument, { filter: { level: 'DISTRICT' }, first: 50 }, { token: null });
    expect(few.errors).toBeUndefined();
    expect(many.data!.adminUnits.nodes).toHaveLength(50);
    expect(many.data!.adminUnits.nodes.every((unit) => unit.parent !== null && unit.ancestors.length === 2)).toBe(true);
    expect(few.sqlStatements).toBeGreaterThan(0);
    expect(many.sqlStatements).toBe(few.sqlStatements);
    // page + count, then one batch each: parents, grandparents, ancestors, children, geometry.
    expect(many.sqlStatements).toBeLessThanOrEqual(8);
  });
});

describe('loading a newer gazetteer into a database that has the old one', () => {
  it('gives units their new codes, moves what points to them, and keeps the old codes as aliases', async () => {
    const project = await createProject(server, { coverage: [{ unitCode: AK_TATYR }], themeCodes: ['CONFLICT_PREVENTION'], plannedStart: '2025-01-01' });
    const connection = server.orm.em.getConnection();
    // The database as the first gazetteer left it: the ayil aimak under the hub's own code.
    await connection.execute(`update admin_unit set code = 'KG05214000000-AK-TATYR' where code = ?`, [AK_TATYR]);
    await connection.execute(`delete from reference_data`);
    const oldCoverage = await connection.execute<{ unit_code: string }[]>('select unit_code from project_coverage where project_id = ?', [project.id]);
    expect(oldCoverage).toEqual([{ unit_code: 'KG05214000000-AK-TATYR' }]);

    const em = server.orm.em.fork();
    const changed = await em.transactional((tx) => seedGeography(tx));
    expect(changed).toBe(1);
    const coverage = await connection.execute<{ unit_code: string }[]>('select unit_code from project_coverage where project_id = ?', [project.id]);
    expect(coverage).toEqual([{ unit_code: AK_TATYR }]);
    const byOldCode = await server.graphql(AdminUnitDocument, { code: 'KG05214000000-AK-TATYR' });
    expect(byOldCode.data!.adminUnit).toMatchObject({ code: AK_TATYR, ancestors: [{ code: 'KG' }, { code: BATKEN_OBLAST }, { code: BATKEN_RAYON }] });
    // A second run finds the database current and changes nothing.
    expect(await server.orm.em.fork().transactional((tx) => seedGeography(tx))).toBe(0);
  });
});
