/**
 * The open-data exports over HTTP: the 3W as CSV and Excel (header, HXL row, a row per project
 * and covered unit, names in the asked-for language, the `projects` filters), the coverage map
 * as GeoJSON (valid RFC 7946, right-hand winding, the GraphQL `coverage` figures), public data
 * only, and a client's mistakes answered 400 with GraphQL-style errors.
 */
import { check as checkGeoJson } from '@placemarkio/check-geojson';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { AcceptActivityReportDocument, CreateOrganisationDocument, CreateProjectDocument, RecordTransactionDocument, SubmitActivityReportDocument } from './generated/graphql';
import { startTestServer, type TestServer } from './support/test-server';

const AK_TATYR = 'KG05214849000';
const BATKEN_RAYON = 'KG05214000000';
const BATKEN_OBLAST = 'KG05000000000';
const LEILEK_RAYON = 'KG05236000000';
const OSH_OBLAST = 'KG06000000000';
const BISHKEK = 'KG11000000000';
const HXL = [
  '#org+impl',
  '#org+funder',
  '#sector',
  '#sector+code+dac',
  '#adm1+name',
  '#adm1+code',
  '#adm2+name',
  '#adm2+code',
  '#adm3+name',
  '#adm3+code',
  '#activity+name',
  '#activity+code',
  '#status',
  '#date+start',
  '#date+end',
  '#value+committed',
  '#currency',
];
const CONTACT_EMAIL = 'private.person@example.org';
const CONTACT_PHONE = '+996 555 123 456';
const PAGED_PROJECTS = 520;

let server: TestServer;
let implementer: string;
let funder: string;
let pagedOrganisation: string;
let dialogue: string;
let services: string;

async function organisation(name: { en: string; ru?: string; ky?: string }, kind = 'NATIONAL_NGO') {
  const { data, errors } = await server.graphql(CreateOrganisationDocument, { input: { name, kind } as never });
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.createOrganisation.id;
}

async function project(input: Record<string, unknown>) {
  const { data, errors } = await server.graphql(CreateProjectDocument, { input: input as never });
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.createProject.id;
}

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

async function csv(path: string, headers: Record<string, string> = {}) {
  const { response, body } = await get(path, headers);
  expect(response.status).toBe(200);
  const text = body.toString('utf8');
  const rows = parse(text, { bom: true }) as string[][];
  return { response, text, header: rows[0], hxl: rows[1], rows: rows.slice(2).map((row) => Object.fromEntries(HXL.map((tag, index) => [tag, row[index]]))) };
}

async function name<T>(language: string, query: string, pick: (data: never) => T): Promise<T> {
  const { data, errors } = await server.graphql(query, {}, { token: null, headers: { 'accept-language': language } });
  if (errors) throw new Error(JSON.stringify(errors));
  return pick(data as never);
}

const unitName = (language: string, code: string) => name(language, `{ adminUnit(code: "${code}") { name } }`, (data: { adminUnit: { name: string } }) => data.adminUnit.name);

beforeAll(async () => {
  server = await startTestServer();
  implementer = await organisation({ en: 'Export Dialogue NGO', ru: 'НКО «Диалог» (экспорт)', ky: '«Диалог» КЭУ (экспорт)' });
  funder = await organisation({ en: 'Export Donor Fund', ru: 'Фонд-донор (экспорт)' }, 'FOUNDATION');
  pagedOrganisation = await organisation({ en: 'Export Paging NGO' });
  dialogue = await project({
    title: { ky: 'Экспорт: Ак-Татырдагы диалог', ru: 'Экспорт: диалог в Ак-Татыре', en: 'Export: dialogue in Ak-Tatyr' },
    status: 'IMPLEMENTATION',
    plannedStart: '2025-01-01',
    plannedEnd: '2027-12-31',
    themeCodes: ['CONFLICT_PREVENTION', 'LOCAL_SELF_GOVERNMENT'],
    coverage: [{ unitCode: AK_TATYR }, { unitCode: LEILEK_RAYON }],
    participants: [
      { organisationId: implementer, role: 'IMPLEMENTING' },
      { organisationId: funder, role: 'FUNDING' },
    ],
    contacts: [{ name: 'Private Person', email: CONTACT_EMAIL, phone: CONTACT_PHONE }],
  });
  services = await project({
    title: { ru: 'Экспорт: услуги в Ошской области' },
    status: 'CLOSED',
    plannedStart: '2020-01-01',
    plannedEnd: '2021-12-31',
    themeCodes: ['MUNICIPAL_SERVICES'],
    coverage: [{ unitCode: OSH_OBLAST }],
    participants: [{ organisationId: implementer, role: 'IMPLEMENTING' }],
  });
  const committed = await server.graphql(RecordTransactionDocument, {
    input: { projectId: dialogue, type: 'COMMITMENT', amount: '250000.00', currency: 'USD', valueDate: '2025-01-10', providerId: funder, receiverId: implementer },
  });
  if (committed.errors) throw new Error(JSON.stringify(committed.errors));

  // An accepted report counts as people reached; a submitted one is not public yet.
  const submit = async (key: string, participantsTotal: number) => {
    const { data, errors } = await server.graphql(SubmitActivityReportDocument, {
      key,
      input: { projectId: dialogue, organisationId: implementer, type: 'TRAINING', title: { en: key }, startDate: '2025-05-04', unitCodes: [AK_TATYR], participantsTotal },
    });
    if (errors) throw new Error(JSON.stringify(errors));
    return data!.submitActivityReport.id;
  };
  const accepted = await server.graphql(AcceptActivityReportDocument, { id: await submit('export-accepted', 30) });
  if (accepted.errors) throw new Error(JSON.stringify(accepted.errors));
  await submit('export-submitted-only', 7000);

  // More projects than one page of the export, written straight into the tables (creating them
  // one by one over GraphQL would take most of the file's time); the analytics triggers run as usual.
  await server.orm.em.getConnection().execute(
    `with made as (
       insert into project (id, created_at, updated_at, version, title_en, status, target_groups, contacts, links, search_text)
       select gen_random_uuid(), now(), now(), 1, 'Paged ' || lpad(n::text, 4, '0'), 'PIPELINE', '{}', '[]', '[]', 'paged ' || lpad(n::text, 4, '0')
       from generate_series(1, ?) n returning id)
     insert into project_participant (id, project_id, organisation_id, role) select gen_random_uuid(), id, ?, 'IMPLEMENTING' from made`,
    [PAGED_PROJECTS, pagedOrganisation],
  );
});

afterAll(async () => {
  await server?.close();
});

describe('the 3W as CSV', () => {
  it('has the header in Russian, the HXL row under it, and a row per project and covered unit with Russian names', async () => {
    const { response, text, header, hxl, rows } = await csv(`/exports/3w.csv?organisation=${implementer}&lang=ru`);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="yntymak-3w-ru-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(header.slice(0, 3)).toEqual(['Реализующие организации', 'Финансирующие организации', 'Темы']);
    expect(hxl).toEqual(HXL);
    expect(rows).toHaveLength(3);

    const akTatyr = rows.find((row) => row['#adm3+code'] === AK_TATYR)!;
    expect(akTatyr).toMatchObject({
      '#org+impl': 'НКО «Диалог» (экспорт)',
      '#org+funder': 'Фонд-донор (экспорт)',
      '#adm1+code': BATKEN_OBLAST,
      '#adm1+name': await unitName('ru', BATKEN_OBLAST),
      '#adm2+code': BATKEN_RAYON,
      '#adm2+name': await unitName('ru', BATKEN_RAYON),
      '#adm3+name': await unitName('ru', AK_TATYR),
      '#activity+name': 'Экспорт: диалог в Ак-Татыре',
      '#activity+code': dialogue,
      '#status': 'Реализуется',
      '#date+start': '2025-01-01',
      '#date+end': '2027-12-31',
      '#value+committed': '250000.00',
      '#currency': 'USD',
    });
    const themes = await name('ru', '{ themes { code name } }', (data: { themes: { code: string; name: string }[] }) =>
      data.themes.filter((theme) => ['CONFLICT_PREVENTION', 'LOCAL_SELF_GOVERNMENT'].includes(theme.code)).map((theme) => theme.name),
    );
    expect(akTatyr['#sector'].split('; ').sort()).toEqual(themes.sort());
    expect(akTatyr['#sector+code+dac']).toMatch(/^\d{5}(; \d{5})*$/);

    // A district-wide row has no ayil aimak; a region-wide one no district.
    expect(rows.find((row) => row['#adm2+code'] === LEILEK_RAYON)).toMatchObject({ '#adm3+code': '', '#adm3+name': '', '#activity+code': dialogue });
    expect(rows.find((row) => row['#activity+code'] === services)).toMatchObject({ '#adm1+code': OSH_OBLAST, '#adm2+code': '', '#status': 'Закрыт', '#value+committed': '' });
  });

  it('takes the language from Accept-Language: Kyrgyz names, and a title without Kyrgyz falls back', async () => {
    const { header, rows } = await csv(`/exports/3w.csv?organisation=${implementer}`, { 'accept-language': 'ky,ru;q=0.8' });
    expect(header[0]).toBe('Ишке ашыруучу уюмдар');
    const akTatyr = rows.find((row) => row['#adm3+code'] === AK_TATYR)!;
    expect(akTatyr['#adm3+name']).toBe(await unitName('ky', AK_TATYR));
    expect(akTatyr['#adm3+name']).not.toBe(await unitName('ru', AK_TATYR));
    expect(akTatyr['#adm1+name']).toBe(await unitName('ky', BATKEN_OBLAST));
    expect(akTatyr['#activity+name']).toBe('Экспорт: Ак-Татырдагы диалог');
    expect(akTatyr['#org+impl']).toBe('«Диалог» КЭУ (экспорт)');
    expect(akTatyr['#status']).toBe('Ишке ашырылууда');
    expect(rows.find((row) => row['#activity+code'] === services)!['#activity+name']).toBe('Экспорт: услуги в Ошской области');
  });

  it.each([
    ['theme', 'theme=MUNICIPAL_SERVICES&organisation=$implementer', ['services']],
    ['status', 'status=IMPLEMENTATION,CLOSED&search=экспорт', ['dialogue', 'services']],
    ['a day', 'activeOn=2020-06-01&organisation=$implementer', ['services']],
    ['a unit, WITHIN', `unit=${BATKEN_OBLAST}&coverageMatch=WITHIN&search=экспорт`, ['dialogue']],
    ['a funder in its role', 'organisation=$funder&role=FUNDING', ['dialogue']],
  ])('narrows the rows by %s as `projects` does', async (_what, filter, expected) => {
    const query = encodeURI(filter.replace('$implementer', implementer).replace('$funder', funder));
    const { rows } = await csv(`/exports/3w.csv?${query}`);
    const ids = [...new Set(rows.map((row) => row['#activity+code']))].sort();
    expect(ids).toEqual(expected.map((key) => (key === 'dialogue' ? dialogue : services)).sort());
  });

  it('gives the same projects as the GraphQL list for the same filter', async () => {
    const { rows } = await csv(`/exports/3w.csv?unit=${BATKEN_RAYON}&activeFrom=2025-01-01&activeTo=2026-12-31`);
    const { data } = await server.graphql(
      `query ($filter: ProjectFilter) { projects(filter: $filter, first: 500) { totalCount nodes { id } } }`,
      { filter: { unitCode: BATKEN_RAYON, activeDuring: { from: '2025-01-01', to: '2026-12-31' } } },
      { token: null },
    );
    const listed = (data as { projects: { totalCount: number; nodes: { id: string }[] } }).projects;
    expect(listed.totalCount).toBeGreaterThan(1);
    expect([...new Set(rows.map((row) => row['#activity+code']))].sort()).toEqual(listed.nodes.map((node) => node.id).sort());
  });

  it('pages through more projects than a page holds: each once, in title order', async () => {
    const { rows } = await csv(`/exports/3w.csv?organisation=${pagedOrganisation}`);
    expect(rows).toHaveLength(PAGED_PROJECTS);
    expect(new Set(rows.map((row) => row['#activity+code'])).size).toBe(PAGED_PROJECTS);
    expect(rows[0]['#activity+name']).toBe('Paged 0001');
    expect(rows[PAGED_PROJECTS - 1]['#activity+name']).toBe(`Paged ${String(PAGED_PROJECTS).padStart(4, '0')}`);
    expect(rows.map((row) => row['#activity+name'])).toEqual([...rows.map((row) => row['#activity+name'])].sort());
    expect(rows[0]).toMatchObject({ '#org+impl': 'Export Paging NGO', '#adm1+code': '', '#value+committed': '' });
  });

  it('holds public data only: no contact e-mail or phone, whoever asks', async () => {
    const anonymous = await csv(`/exports/3w.csv?organisation=${implementer}`);
    const asAdmin = await csv(`/exports/3w.csv?organisation=${implementer}`, { authorization: `Bearer ${server.adminToken}` });
    for (const { text } of [anonymous, asAdmin]) {
      expect(text).not.toContain(CONTACT_EMAIL);
      expect(text).not.toContain(CONTACT_PHONE);
      expect(text).toContain(dialogue);
    }
    expect(asAdmin.text).toBe(anonymous.text);
  });

  it('keeps a title that looks like a formula text, in the CSV and in the workbook', async () => {
    const owner = await organisation({ en: 'Export Formula NGO' });
    const title = '=HYPERLINK("http://example.org","Export formula")';
    await project({ title: { en: title }, participants: [{ organisationId: owner, role: 'IMPLEMENTING' }] });
    const { rows } = await csv(`/exports/3w.csv?organisation=${owner}`);
    expect(rows[0]['#activity+name']).toBe(`'${title}`);
    const { body } = await get(`/exports/3w.xlsx?organisation=${owner}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
    expect(
      workbook
        .getWorksheet('3W')!
        .getRow(3)
        .getCell(HXL.indexOf('#activity+name') + 1).value,
    ).toBe(title);
  });
});

describe('refused requests', () => {
  it.each([
    ['/exports/3w.csv?theme=NO_SUCH_THEME', 'UNKNOWN_THEME', 'theme', /NO_SUCH_THEME/],
    ['/exports/3w.xlsx?organisation=00000000-0000-4000-8000-000000000000', 'UNKNOWN_ORGANISATION', 'organisation', /no organisation/],
    ['/exports/3w.csv?unit=KG99', 'UNKNOWN_UNIT', 'unit', /KG99/],
    ['/exports/3w.csv?themes=CONFLICT_PREVENTION', 'UNKNOWN_PARAMETER', 'themes', /Unknown parameter "themes"/],
    ['/exports/3w.csv?activeOn=2026-02-30', 'INVALID_PARAMETER', 'activeOn', /YYYY-MM-DD/],
    ['/exports/3w.csv?activeFrom=2026-05-01&activeTo=2026-01-01', 'INVALID_PARAMETER', 'activeTo', /before/],
    ['/exports/3w.csv?status=RUNNING', 'INVALID_PARAMETER', 'status', /IMPLEMENTATION/],
    ['/exports/3w.csv?lang=fr', 'INVALID_PARAMETER', 'lang', /ky, ru or en/],
    ['/exports/3w.csv?currency=DOLLARS', 'UNKNOWN_CURRENCY', 'currency', /ISO 4217/],
    ['/exports/coverage.geojson?level=MUNICIPALITY', 'INVALID_PARAMETER', 'level', /REGION, DISTRICT/],
    ['/exports/coverage.geojson?theme=NO_SUCH_THEME', 'UNKNOWN_THEME', 'theme', /NO_SUCH_THEME/],
    ['/exports/coverage.geojson?organisation=not-an-id', 'UNKNOWN_ORGANISATION', 'organisation', /not-an-id/],
  ])('%s → 400 %s', async (path, reason, field, message) => {
    const { response, body } = await get(path);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { errors } = JSON.parse(body.toString('utf8')) as { errors: { message: string; extensions: Record<string, string> }[] };
    expect(errors).toHaveLength(1);
    expect(errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason, field });
    expect(errors[0].message).toMatch(message);
    expect(errors[0].message).not.toMatch(/filter\.|at .*\.ts/);
  });
});

describe('the rate limit', () => {
  it('counts exports like API requests: an anonymous address past its budget gets 429', async () => {
    const limited = await startTestServer({ RATE_LIMITS: 'true', RATE_LIMIT_ANONYMOUS: '2' });
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 3; index += 1) {
        const response = await fetch(`${limited.url}/exports/coverage.geojson?level=REGION`);
        await response.arrayBuffer();
        statuses.push(response.status);
      }
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('the 3W as an Excel workbook', () => {
  it('reads back with the same header and HXL rows, and typed cells', async () => {
    const { response, body } = await get(`/exports/3w.xlsx?organisation=${implementer}&status=IMPLEMENTATION`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="yntymak-3w-en-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('3W')!;
    const values = (row: number) => (sheet.getRow(row).values as ExcelJS.CellValue[]).slice(1);
    expect(values(1).slice(0, 2)).toEqual(['Implementing organisations', 'Funders']);
    expect(values(2)).toEqual(HXL);
    expect(sheet.rowCount).toBe(4);
    const akTatyr = [3, 4].map(values).find((row) => row[HXL.indexOf('#adm3+code')] === AK_TATYR)!;
    expect(akTatyr[HXL.indexOf('#activity+name')]).toBe('Export: dialogue in Ak-Tatyr');
    expect(akTatyr[HXL.indexOf('#adm2+name')]).toBe(await unitName('en', BATKEN_RAYON));
    expect(akTatyr[HXL.indexOf('#value+committed')]).toBe(250000);
    expect(akTatyr[HXL.indexOf('#date+start')]).toEqual(new Date('2025-01-01T00:00:00Z'));
    expect(akTatyr[HXL.indexOf('#org+impl')]).toBe('Export Dialogue NGO');
  });
});

type Collection = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>> & { attribution?: string };

/** Twice the signed area (shoelace): positive for a counterclockwise ring. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let index = 0; index < ring.length - 1; index += 1) sum += ring[index][0] * ring[index + 1][1] - ring[index + 1][0] * ring[index][1];
  return sum;
}

/** RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise; WGS84 longitude, latitude (here, in Kyrgyzstan). */
function windingProblems(collection: Collection): string[] {
  const problems: string[] = [];
  let holes = 0;
  for (const feature of collection.features) {
    const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const [exterior, ...inner] of polygons) {
      if (signedArea(exterior) <= 0) problems.push(`${feature.properties.code}: exterior ring clockwise`);
      for (const hole of inner) if (signedArea(hole) >= 0) problems.push(`${feature.properties.code}: hole counterclockwise`);
      holes += inner.length;
      if (!exterior.every(([longitude, latitude]) => longitude > 69 && longitude < 81 && latitude > 39 && latitude < 44))
        problems.push(`${feature.properties.code}: outside Kyrgyzstan`);
    }
  }
  if (holes === 0) problems.push('no polygon with a hole: the holes were not checked');
  return problems;
}

interface Cell {
  unit: { code: string; name: string };
  coverage: string;
  projectCount: number;
  organisationCount: number;
  funding: { committed: string | null; complete: boolean; currency: string };
  peopleReached: { total: number };
}

async function coverageCells(level: string, filter: Record<string, unknown>) {
  const { data, errors } = await server.graphql(
    `query ($level: AdminLevel!, $filter: CoverageFilter) {
       coverage(level: $level, filter: $filter, currency: "EUR") {
         nodes { unit { code name } coverage projectCount organisationCount funding { committed complete currency } peopleReached { total } }
       }
     }`,
    { level, filter },
    { token: null, headers: { 'accept-language': 'ru' } },
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return (data as { coverage: { nodes: Cell[] } }).coverage.nodes;
}

describe('the coverage map as GeoJSON', () => {
  it('is valid RFC 7946 with right-hand winding and the figures of the GraphQL coverage map', async () => {
    const filter = { themeCodes: ['CONFLICT_PREVENTION'], activeDuring: { from: '2026-01-15', to: '2026-01-15' } };
    const { response, body } = await get('/exports/coverage.geojson?level=DISTRICT&theme=CONFLICT_PREVENTION&activeOn=2026-01-15&currency=EUR&lang=ru');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="yntymak-coverage-district-ru-\d{4}-\d{2}-\d{2}\.geojson"$/);
    const text = body.toString('utf8');
    const collection = checkGeoJson(text) as Collection;
    expect(collection.attribution).toMatch(/OCHA/);
    expect(windingProblems(collection)).toEqual([]);
    expect(collection.features.some((feature) => feature.geometry.type === 'MultiPolygon')).toBe(true);

    const districts = await coverageCells('DISTRICT', filter);
    const [bishkek] = await coverageCells('REGION', { ...filter, withinCode: BISHKEK });
    const byCode = new Map(collection.features.map((feature) => [feature.properties.code, feature.properties]));
    // Every district with a boundary, and Bishkek whole for its city districts, which have none.
    const drawn = districts.filter((cell) => !cell.unit.code.startsWith('KG11'));
    expect([...byCode.keys()].sort()).toEqual([...drawn.map((cell) => cell.unit.code), BISHKEK].sort());
    for (const cell of [...drawn, bishkek]) {
      expect(byCode.get(cell.unit.code)).toMatchObject({
        name: cell.unit.name,
        coverage: cell.coverage,
        projectCount: cell.projectCount,
        organisationCount: cell.organisationCount,
        committed: cell.funding.committed === null ? null : Number(cell.funding.committed),
        currency: 'EUR',
        fundingComplete: cell.funding.complete,
        peopleReached: cell.peopleReached.total,
        gap: cell.projectCount === 0,
      });
    }
    expect(byCode.get(BISHKEK)!.level).toBe('REGION');
    const batken = byCode.get(BATKEN_RAYON)!;
    expect(batken).toMatchObject({ level: 'DISTRICT', coverage: 'DIRECT', gap: false });
    expect(batken.projectCount as number).toBeGreaterThan(0);
    // The accepted report counts; the one only submitted (7,000 people) is not public.
    expect(batken.peopleReached as number).toBeGreaterThanOrEqual(30);
    expect(batken.peopleReached as number).toBeLessThan(7000);
  });

  it('draws the regions, narrowed by organisation, and rewinds a boundary stored clockwise', async () => {
    // Batken oblast's boundary stored the other way round (exterior clockwise, holes counterclockwise).
    const connection = server.orm.em.getConnection();
    const [{ geometry }] = await connection.execute<{ geometry: Polygon | MultiPolygon }[]>('select geometry from admin_unit where code = ?', [BATKEN_OBLAST]);
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of polygons) for (const ring of rings) ring.reverse();
    await connection.execute('update admin_unit set geometry = ?::jsonb where code = ?', [JSON.stringify(geometry), BATKEN_OBLAST]);

    const { response, body } = await get(`/exports/coverage.geojson?level=region&organisation=${implementer}`);
    expect(response.status).toBe(200);
    const collection = checkGeoJson(body.toString('utf8')) as Collection;
    expect(windingProblems(collection)).toEqual([]);
    expect(collection.features).toHaveLength(9);
    const projects = Object.fromEntries(collection.features.map((feature) => [feature.properties.code, feature.properties.projectCount]));
    expect(projects).toMatchObject({ [BATKEN_OBLAST]: 1, [OSH_OBLAST]: 1, [BISHKEK]: 0 });
    expect(collection.features.find((feature) => feature.properties.code === BISHKEK)!.properties).toMatchObject({ gap: true, coverage: 'NONE', committed: 0 });
    expect(collection.features.find((feature) => feature.properties.code === BATKEN_OBLAST)!.properties).toMatchObject({
      name: await unitName('en', BATKEN_OBLAST),
      committed: 250000,
      currency: 'USD',
    });
  });
});
