import {
  AdminUnitDocument,
  AdminUnitGeometryDocument,
  AdminUnitsDocument,
  AdminUnitsWithRelationsDocument,
} from './generated/graphql';
import { startTestServer, type TestServer } from './support/test-server';

const BATKEN_OBLAST = 'KG05000000000';
const BATKEN_RAYON = 'KG05214000000';
const CHUI_OBLAST = 'KG08000000000';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

describe('the administrative tree', () => {
  it('has the country, 7 oblasts, Bishkek and Osh, 40 rayons, 13 cities and the gazetteer ayil aimaks', async () => {
    const count = async (filter: object) => (await server.graphql(AdminUnitsDocument, { filter, first: 1 })).data!.adminUnits.totalCount;
    expect(await count({ level: 'COUNTRY' })).toBe(1);
    expect(await count({ kind: 'OBLAST' })).toBe(7);
    expect(await count({ level: 'REGION' })).toBe(9);
    expect(await count({ kind: 'CITY_OF_REPUBLICAN_SIGNIFICANCE' })).toBe(2);
    expect(await count({ kind: 'RAYON' })).toBe(40);
    expect(await count({ kind: 'CITY' })).toBe(13);
    expect(await count({ level: 'DISTRICT' })).toBe(53);
    expect(await count({ level: 'MUNICIPALITY' })).toBe(334);
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

  it('gives an ayil aimak a stable code derived from its rayon', async () => {
    const { data } = await server.graphql(AdminUnitDocument, { code: `${BATKEN_RAYON}-AK-TATYR` });
    expect(data!.adminUnit).toMatchObject({
      kind: 'AYIL_AIMAK',
      level: 'MUNICIPALITY',
      name: 'Ak-Tatyr',
      parent: { code: BATKEN_RAYON },
      soate: null,
    });
    expect(data!.adminUnit!.ancestors.map((unit) => unit.code)).toEqual(['KG', BATKEN_OBLAST, BATKEN_RAYON]);
    expect(data!.adminUnit!.source).toMatch(/wikipedia/i);
  });

  it('normalises German and French transliterations and keeps the source spelling', async () => {
    const german = await server.graphql(AdminUnitDocument, { code: 'KG08213000000-CHONG-KEMIN' });
    expect(german.data!.adminUnit).toMatchObject({ name: 'Chong-Kemin', sourceNameEn: 'Tschong-Kemin' });
    const french = await server.graphql(AdminUnitDocument, { code: 'KG04235000000-KOCHKOR' });
    expect(french.data!.adminUnit).toMatchObject({ name: 'Kochkor', sourceNameEn: 'Kotchkor' });
    const english = await server.graphql(AdminUnitDocument, { code: `${BATKEN_RAYON}-SAMARKANDEK` });
    expect(english.data!.adminUnit!.sourceNameEn).toBeNull();
    // Either spelling finds the unit.
    const bySourceSpelling = await server.graphql(AdminUnitsDocument, { filter: { search: 'tschong-kemin' } });
    expect(bySourceSpelling.data!.adminUnits.edges.map((edge) => edge.node.code)).toEqual(['KG08213000000-CHONG-KEMIN']);
  });
});

describe('search and filters', () => {
  it('finds Batken rayon by its Kyrgyz/Russian name in Cyrillic and by its English name in Latin', async () => {
    for (const search of ['Баткен', 'баткенский', 'Batken', 'BATKEN']) {
      const { data } = await server.graphql(AdminUnitsDocument, { filter: { search } });
      expect(data!.adminUnits.edges.map((edge) => edge.node.code)).toContain(BATKEN_RAYON);
    }
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
    // 3 rayons, 3 cities and the 18 gazetteer ayil aimaks of Batken and Leilek rayons.
    expect(within.data!.adminUnits.totalCount).toBe(24);
    expect(codes).not.toContain(BATKEN_OBLAST);
    expect(codes).toContain(`${BATKEN_RAYON}-AK-TATYR`);
    expect(codes.some((code) => code.startsWith('KG08'))).toBe(false);

    const children = await server.graphql(AdminUnitsDocument, { filter: { parentCode: BATKEN_OBLAST } });
    expect(children.data!.adminUnits.totalCount).toBe(6);

    const municipalitiesInChui = await server.graphql(AdminUnitsDocument, { filter: { withinCode: CHUI_OBLAST, level: 'MUNICIPALITY' } });
    expect(municipalitiesInChui.data!.adminUnits.totalCount).toBe(65);
  });

  it('answers an unknown code with null, and an unknown container with an empty list', async () => {
    const single = await server.graphql(AdminUnitDocument, { code: 'KG99999999999' });
    expect(single.errors).toBeUndefined();
    expect(single.data!.adminUnit).toBeNull();
    const list = await server.graphql(AdminUnitsDocument, { filter: { withinCode: 'NOWHERE' } });
    expect(list.data!.adminUnits).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
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

  it('falls back to another language where a name is missing', async () => {
    const { data } = await server.graphql(AdminUnitDocument, { code: `${BATKEN_RAYON}-AK-TATYR`, lang: 'KY' });
    expect(data!.adminUnit!.names).toMatchObject({ ky: null, ru: null, en: 'Ak-Tatyr' });
    expect(data!.adminUnit!.name).toBe('Ak-Tatyr');
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
        expect(data!.adminUnits.totalCount).toBe(397);
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
    const few = await server.graphql(AdminUnitsWithRelationsDocument, { filter: { level: 'DISTRICT' }, first: 5 });
    const many = await server.graphql(AdminUnitsWithRelationsDocument, { filter: { level: 'DISTRICT' }, first: 50 });
    expect(few.errors).toBeUndefined();
    expect(many.data!.adminUnits.nodes).toHaveLength(50);
    expect(many.data!.adminUnits.nodes.every((unit) => unit.parent !== null && unit.ancestors.length === 2)).toBe(true);
    expect(few.sqlStatements).toBeGreaterThan(0);
    expect(many.sqlStatements).toBe(few.sqlStatements);
    // page + count, then one batch each: parents, grandparents, ancestors, children, geometry.
    expect(many.sqlStatements).toBeLessThanOrEqual(8);
  });
});
