/**
 * The IATI export (`GET /iati/activities.xml`) and its skipped report: the file validates
 * against the IATI 2.03 schema, uses only codes of the IATI codelists and keeps the rules the
 * schema cannot check; what a project becomes in it; who reports it; what is left out and why;
 * the filters; refusals of bad parameters; and the theme → DAC sector mapping it reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import type { RequestContext } from '../src/common/context';
import { createLoaders } from '../src/server/request-context';
import { Language } from '../src/common/localized-text';
import { runInScope } from '../src/common/request-scope';
import { IATI_REFERENCE_DIR, iatiCodelist } from '../src/common/iati-codelists';
import { exportScope, iatiActivitiesDocument } from '../src/iati/iati.service';
import {
  AddBudgetDocument,
  AuditEventsDocument,
  CreateOrganisationDocument,
  OrganisationsDocument,
  RecordTransactionDocument,
  ThemeListDocument,
  UpdateThemeDocument,
} from './generated/graphql';
import { createOrganisation, createProject } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

const PUBLISHER = { IATI_PUBLISHER_REF: 'XI-IATI-EXAMPLE', IATI_PUBLISHER_NAME: 'Example coordination hub', IATI_PUBLISHER_TYPE: '10' };
const ACCOUNTABLE_REF = 'GB-CHC-999001';
const UNDP_REF = 'XM-DAC-41114';
const WORLD_BANK_REF = '44000';
const BATKEN_OBLAST = 'KG05000000000';
const BATKEN_RAYON = 'KG05214000000';
const AK_TATYR = 'KG05214849000';
const OSH_CITY = 'KG21000000000';
const PRIVATE_EMAIL = 'secret.person@example.org';
const PRIVATE_PHONE = '+996 555 123 456';

/** Elements that may repeat, so the parser always gives them as lists. */
const LISTS = new Set(['iati-activity', 'narrative', 'description', 'participating-org', 'activity-date', 'location', 'sector', 'budget', 'transaction']);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, isArray: (name) => LISTS.has(name) });

type Node = Record<string, unknown> & { narrative?: (string | Record<string, string>)[] };
type Activity = Record<string, unknown> & {
  'iati-identifier': string;
  'reporting-org': Node;
  title: Node;
  description?: Node[];
  'participating-org'?: Node[];
  'activity-status': Node;
  'activity-date'?: Node[];
  'recipient-country': Node;
  location?: (Node & { name: Node; point?: { pos: string; '@srsName': string }; exactness: Node; 'location-class': Node; 'feature-designation': Node })[];
  sector?: Node[];
  budget?: (Node & { 'period-start': Node; 'period-end': Node; value: Node })[];
  transaction?: (Node & { 'transaction-type': Node; 'transaction-date': Node; value: Node; 'provider-org'?: Node; 'receiver-org'?: Node })[];
};

let server: TestServer;
let ids: { accountable: string; ngo: string; undp: string; worldBank: string };
let projects: { full: string; ownIdentifier: string; funderOnly: string; noRef: string; foreignIdentifier: string };

async function get(path: string, target: TestServer = server) {
  const response = await fetch(`${target.url}${path}`);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

function activitiesOf(xml: string): Activity[] {
  const document = parser.parse(xml) as { 'iati-activities': { 'iati-activity'?: Activity[] } };
  return document['iati-activities']['iati-activity'] ?? [];
}

async function exported(query = '', target: TestServer = server) {
  const response = await get(`/iati/activities.xml${query}`, target);
  expect(response.status).toBe(200);
  return { ...response, activities: activitiesOf(response.body) };
}

const texts = (node: Node | undefined) =>
  (node?.narrative ?? []).map((entry) => (typeof entry === 'string' ? { lang: null, text: entry } : { lang: entry['@xml:lang'] ?? null, text: entry['#text'] }));
const byIdentifier = (activities: Activity[], projectId: string) => activities.find((activity) => activity['iati-identifier'].endsWith(projectId));

async function organisationId(search: string, ref: string): Promise<string> {
  const { data } = await server.graphql(OrganisationsDocument, { filter: { search }, first: 20 });
  const organisation = data!.organisations.nodes.find((node) => node.iatiIdentifier === ref);
  if (!organisation) throw new Error(`no seeded organisation with ${ref}`);
  return organisation.id;
}

beforeAll(async () => {
  server = await startTestServer(PUBLISHER);
  const accountable = await server.graphql(CreateOrganisationDocument, {
    input: { name: { en: 'Peace Fund International', ru: 'Международный фонд мира' }, kind: 'INTERNATIONAL_NGO', iatiIdentifier: ACCOUNTABLE_REF },
  });
  ids = {
    accountable: accountable.data!.createOrganisation.id,
    ngo: await createOrganisation(server, 'Village Dialogue', 'NATIONAL_NGO'),
    undp: await organisationId('UNDP', UNDP_REF),
    worldBank: await organisationId('World Bank', WORLD_BANK_REF),
  };
  const full = await createProject(server, {
    title: { en: 'Border dialogue in Batken', ru: 'Приграничный диалог в Баткене', ky: 'Баткендеги чек ара диалогу' },
    description: { en: 'Dialogue between ayil okmotus & communities <across> the border.', ru: 'Диалог между айыл окмоту и сообществами.' },
    objectives: { en: 'Fewer disputes over water.' },
    status: 'IMPLEMENTATION',
    plannedStart: '2025-01-01',
    plannedEnd: '2027-12-31',
    actualStart: '2025-02-01',
    themeCodes: ['CONFLICT_PREVENTION', 'LOCAL_SELF_GOVERNMENT', 'CIVIC_IDENTITY'],
    coverage: [{ unitCode: BATKEN_OBLAST }, { unitCode: BATKEN_RAYON }, { unitCode: AK_TATYR }],
    participants: [
      { organisationId: ids.accountable, role: 'ACCOUNTABLE' },
      { organisationId: ids.undp, role: 'FUNDING' },
      { organisationId: ids.ngo, role: 'IMPLEMENTING' },
    ],
    contacts: [{ name: 'Project lead', email: PRIVATE_EMAIL, phone: PRIVATE_PHONE }],
  });
  for (const budget of [
    { periodStart: '2025-01-01', periodEnd: '2025-12-31', amount: '100000.00', currency: 'USD', revised: false },
    { periodStart: '2026-01-01', periodEnd: '2026-12-31', amount: '120000.50', currency: 'USD', revised: true },
  ]) {
    const added = await server.graphql(AddBudgetDocument, { input: { projectId: full.id, ...budget } });
    expect(added.errors).toBeUndefined();
  }
  for (const transaction of [
    { type: 'COMMITMENT' as const, amount: '250000.00', currency: 'USD', valueDate: '2025-01-15', providerId: ids.undp, receiverId: ids.accountable },
    { type: 'DISBURSEMENT' as const, amount: '1000000.00', currency: 'KGS', valueDate: '2025-03-01', providerId: ids.accountable, receiverId: ids.ngo },
  ]) {
    const recorded = await server.graphql(RecordTransactionDocument, { input: { projectId: full.id, ...transaction } });
    expect(recorded.errors).toBeUndefined();
  }
  const ownIdentifier = await createProject(server, {
    title: { en: 'Osh youth councils' },
    description: { ru: 'Молодёжные советы при мэрии Оша.' },
    status: 'PIPELINE',
    plannedStart: '2027-01-01',
    iatiIdentifier: `${UNDP_REF}-PROJECT-00099999`,
    themeCodes: ['WOMEN_YOUTH_INCLUSION'],
    coverage: [{ unitCode: OSH_CITY }],
    participants: [
      { organisationId: ids.undp, role: 'FUNDING' },
      { organisationId: ids.ngo, role: 'IMPLEMENTING' },
    ],
  });
  const funderOnly = await createProject(server, {
    title: { en: 'Local budgets peer learning' },
    description: { en: 'Peer learning on public finances.' },
    status: 'CLOSED',
    plannedStart: '2020-01-01',
    plannedEnd: '2021-06-30',
    actualStart: '2020-02-01',
    actualEnd: '2021-06-30',
    coverage: [{ unitCode: 'KG' }],
    participants: [
      { organisationId: ids.worldBank, role: 'FUNDING' },
      { organisationId: ids.ngo, role: 'IMPLEMENTING' },
    ],
  });
  const noRef = await createProject(server, {
    title: { en: 'Village clean-up' },
    description: { en: 'A clean-up day.' },
    status: 'IMPLEMENTATION',
    plannedStart: '2025-05-01',
    participants: [{ organisationId: ids.ngo, role: 'IMPLEMENTING' }],
  });
  const foreignIdentifier = await createProject(server, {
    title: { en: 'Someone else’s identifier' },
    description: { en: 'Identifier of an organisation that is not a participant.' },
    status: 'IMPLEMENTATION',
    plannedStart: '2025-05-01',
    iatiIdentifier: 'ZZ-UNKNOWN-1',
    participants: [{ organisationId: ids.accountable, role: 'ACCOUNTABLE' }],
  });
  projects = { full: full.id, ownIdentifier: ownIdentifier.id, funderOnly: funderOnly.id, noRef: noRef.id, foreignIdentifier: foreignIdentifier.id };
});

afterAll(async () => {
  await server.close();
});

describe('GET /iati/activities.xml', () => {
  it('validates against the IATI 2.03 activity schema', async () => {
    const { body, headers, activities } = await exported();
    expect(headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(activities.length).toBe(3);
    const schema = (name: string) => ({ fileName: name, contents: readFileSync(join(IATI_REFERENCE_DIR, 'schemas', name), 'utf8') });
    const result = await validateXML({
      xml: [{ fileName: 'activities.xml', contents: body }],
      schema: [schema('iati-activities-schema.xsd')],
      preload: [schema('iati-common.xsd'), schema('xml.xsd')],
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('uses only codes of the IATI codelists and keeps the rules the schema cannot check', async () => {
    const { body, activities } = await exported();
    const document = parser.parse(body)['iati-activities'];
    const known = (codelist: string, code: unknown) => {
      const status = iatiCodelist(codelist).get(String(code));
      if (status !== 'active') throw new Error(`${String(code)} is not an active code of ${codelist}`);
    };
    known('Version', document['@version']);
    expect(activities.length).toBeGreaterThan(0);
    for (const activity of activities) {
      const reporterRef = String(activity['reporting-org']['@ref']);
      expect(activity['iati-identifier'].startsWith(`${reporterRef}-`)).toBe(true);
      known('OrganisationType', activity['reporting-org']['@type']);
      if (activity['@default-currency']) known('Currency', activity['@default-currency']);
      known('Language', activity['@xml:lang']);
      expect(texts(activity.title).length).toBeGreaterThan(0);
      expect(activity.description?.length).toBeGreaterThan(0);
      for (const description of activity.description ?? []) known('DescriptionType', description['@type']);
      expect(activity['participating-org']?.length).toBeGreaterThan(0);
      for (const organisation of activity['participating-org'] ?? []) {
        known('OrganisationRole', organisation['@role']);
        known('OrganisationType', organisation['@type']);
      }
      known('ActivityStatus', activity['activity-status']['@code']);
      const dates = new Map((activity['activity-date'] ?? []).map((date) => [String(date['@type']), String(date['@iso-date'])]));
      expect(dates.size).toBeGreaterThan(0);
      for (const type of dates.keys()) known('ActivityDateType', type);
      if (dates.has('1') && dates.has('3')) expect(dates.get('3')! >= dates.get('1')!).toBe(true);
      if (dates.has('2') && dates.has('4')) expect(dates.get('4')! >= dates.get('2')!).toBe(true);
      known('Country', activity['recipient-country']['@code']);
      for (const location of activity.location ?? []) {
        known('LocationType', location['feature-designation']['@code']);
        known('GeographicExactness', location.exactness['@code']);
        known('GeographicLocationClass', location['location-class']['@code']);
      }
      const percentages = new Map<string, number>();
      for (const sector of activity.sector ?? []) {
        known('SectorVocabulary', sector['@vocabulary']);
        if (sector['@vocabulary'] === '1') known('Sector', sector['@code']);
        if (sector['@vocabulary'] === '99') expect(texts(sector).length).toBeGreaterThan(0);
        const cents = Math.round(Number(sector['@percentage']) * 100);
        percentages.set(String(sector['@vocabulary']), (percentages.get(String(sector['@vocabulary'])) ?? 0) + cents);
      }
      for (const total of percentages.values()) expect(total).toBe(10000);
      for (const budget of activity.budget ?? []) {
        known('BudgetType', budget['@type']);
        known('Currency', budget.value['@currency']);
        expect(String(budget['period-end']['@iso-date']) >= String(budget['period-start']['@iso-date'])).toBe(true);
      }
      for (const transaction of activity.transaction ?? []) {
        known('TransactionType', transaction['transaction-type']['@code']);
        known('Currency', transaction.value['@currency']);
        for (const party of [transaction['provider-org'], transaction['receiver-org']]) if (party) known('OrganisationType', party['@type']);
      }
      for (const narrative of body.matchAll(/xml:lang="([^"]+)"/g)) known('Language', narrative[1]);
    }
  });

  it('writes a project with its reporting organisation, texts, organisations, dates, places, sectors and money', async () => {
    const { activities } = await exported();
    const activity = byIdentifier(activities, projects.full)!;
    expect(activity['iati-identifier']).toBe(`${ACCOUNTABLE_REF}-${projects.full}`);
    expect(activity['@last-updated-datetime']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(activity['@xml:lang']).toBe('en');
    expect(activity['@default-currency']).toBeUndefined(); // USD and KGS
    expect(activity['reporting-org']).toMatchObject({ '@ref': ACCOUNTABLE_REF, '@type': '21', '@secondary-reporter': '0' });
    expect(texts(activity['reporting-org'])).toEqual([
      { lang: 'en', text: 'Peace Fund International' },
      { lang: 'ru', text: 'Международный фонд мира' },
    ]);
    expect(texts(activity.title)).toEqual([
      { lang: 'en', text: 'Border dialogue in Batken' },
      { lang: 'ru', text: 'Приграничный диалог в Баткене' },
      { lang: 'ky', text: 'Баткендеги чек ара диалогу' },
    ]);
    expect(activity.description!.map((description) => [description['@type'], texts(description)])).toEqual([
      [
        '1',
        [
          { lang: 'en', text: 'Dialogue between ayil okmotus & communities <across> the border.' },
          { lang: 'ru', text: 'Диалог между айыл окмоту и сообществами.' },
        ],
      ],
      ['2', [{ lang: 'en', text: 'Fewer disputes over water.' }]],
    ]);
    expect(activity['participating-org']!.map((organisation) => [organisation['@role'], organisation['@type'], organisation['@ref'] ?? null, texts(organisation)[0].text])).toEqual(
      [
        ['1', '40', UNDP_REF, 'United Nations Development Programme'],
        ['2', '21', ACCOUNTABLE_REF, 'Peace Fund International'],
        ['4', '22', null, 'Village Dialogue'],
      ],
    );
    expect(activity['activity-status']['@code']).toBe('2');
    expect(activity['activity-date']!.map((date) => [date['@type'], date['@iso-date']])).toEqual([
      ['1', '2025-01-01'],
      ['2', '2025-02-01'],
      ['3', '2027-12-31'],
    ]);
    expect(activity['recipient-country']['@code']).toBe('KG');

    const locations = activity.location!;
    expect(locations.map((location) => [location['@ref'], location['feature-designation']['@code'], location.exactness['@code']])).toEqual([
      [BATKEN_OBLAST, 'ADM1', '2'],
      [BATKEN_RAYON, 'ADM2', '2'],
      [AK_TATYR, 'ADM3', '2'],
    ]);
    expect(texts(locations[0].name).map((name) => name.lang)).toEqual(['en', 'ru', 'ky']);
    expect(locations[0].point!['@srsName']).toBe('http://www.opengis.net/def/crs/EPSG/0/4326');
    const [lat, lon] = locations[0].point!.pos.split(' ').map(Number);
    // Batken oblast lies between about 39.5–40.4° N and 69.2–72.8° E.
    expect(lat).toBeGreaterThan(39.5);
    expect(lat).toBeLessThan(40.4);
    expect(lon).toBeGreaterThan(69.2);
    expect(lon).toBeLessThan(72.8);
    // Ayil aimaks have no boundary in the hub: no point is made up for them.
    expect(locations[2].point).toBeUndefined();

    const sectors = activity.sector!.map((sector) => [sector['@vocabulary'], sector['@code'], sector['@percentage']]);
    expect(sectors).toEqual([
      ['1', '15150', '25.00'],
      ['1', '15220', '25.00'],
      ['1', '15112', '25.00'],
      ['1', '15185', '25.00'],
      ['99', 'CIVIC_IDENTITY', '33.34'],
      ['99', 'CONFLICT_PREVENTION', '33.33'],
      ['99', 'LOCAL_SELF_GOVERNMENT', '33.33'],
    ]);

    expect(
      activity.budget!.map((budget) => [
        budget['@type'],
        budget['period-start']['@iso-date'],
        budget['period-end']['@iso-date'],
        budget.value['#text'],
        budget.value['@currency'],
        budget.value['@value-date'],
      ]),
    ).toEqual([
      ['1', '2025-01-01', '2025-12-31', '100000.00', 'USD', '2025-01-01'],
      ['2', '2026-01-01', '2026-12-31', '120000.50', 'USD', '2026-01-01'],
    ]);
    const [commitment, disbursement] = activity.transaction!;
    expect(commitment['transaction-type']['@code']).toBe('2');
    expect(commitment['transaction-date']['@iso-date']).toBe('2025-01-15');
    expect(commitment.value).toEqual({ '#text': '250000.00', '@currency': 'USD', '@value-date': '2025-01-15' });
    expect(commitment['provider-org']).toMatchObject({ '@ref': UNDP_REF, '@type': '40' });
    expect(commitment['receiver-org']).toMatchObject({ '@ref': ACCOUNTABLE_REF, '@type': '21' });
    expect(disbursement['transaction-type']['@code']).toBe('3');
    expect(disbursement.value).toEqual({ '#text': '1000000.00', '@currency': 'KGS', '@value-date': '2025-03-01' });
    expect(disbursement['receiver-org']!['@ref']).toBeUndefined();
    expect(texts(disbursement['receiver-org'])[0].text).toBe('Village Dialogue');
  });

  it('keeps a project’s own IATI identifier, reported by the organisation whose identifier it starts with', async () => {
    const { activities } = await exported();
    const own = activities.find((entry) => entry['iati-identifier'] === `${UNDP_REF}-PROJECT-00099999`)!;
    expect(own['reporting-org']).toMatchObject({ '@ref': UNDP_REF, '@type': '40', '@secondary-reporter': '0' });
    expect(own['@default-currency']).toBeUndefined();
    expect(own.location!.map((location) => [location['@ref'], location['feature-designation']['@code']])).toEqual([[OSH_CITY, 'ADM1']]);
    expect(own.description!.map((description) => description['@type'])).toEqual(['1']);
  });

  it('is published by the hub, as a secondary reporter under its own identifier, where only funders or implementers have an IATI identifier', async () => {
    const { activities } = await exported();
    const activity = activities.find((entry) => entry['iati-identifier'] === `${PUBLISHER.IATI_PUBLISHER_REF}-${projects.funderOnly}`)!;
    expect(activity['reporting-org']).toMatchObject({ '@ref': PUBLISHER.IATI_PUBLISHER_REF, '@type': '10', '@secondary-reporter': '1' });
    expect(texts(activity['reporting-org'])).toEqual([{ lang: null, text: PUBLISHER.IATI_PUBLISHER_NAME }]);
    expect(activity['participating-org']!.map((organisation) => organisation['@ref'] ?? null)).toEqual([WORLD_BANK_REF, null]);
    // The whole country is the recipient country, not a location.
    expect(activity.location).toBeUndefined();
    expect(activity['activity-date']!.map((date) => date['@type'])).toEqual(['1', '2', '3', '4']);
  });

  it('leaves out projects it cannot identify, and says how many in a header and why in the report', async () => {
    const xml = await exported();
    const identifiers = xml.activities.map((activity) => activity['iati-identifier']);
    expect(identifiers.some((identifier) => identifier.includes(projects.noRef))).toBe(false);
    expect(identifiers).not.toContain('ZZ-UNKNOWN-1');
    const skipped = Number(xml.headers.get('x-iati-skipped'));
    expect(Number(xml.headers.get('x-iati-activities'))).toBe(xml.activities.length);

    const report = await get('/iati/activities-report.json');
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = JSON.parse(report.body) as {
      exported: number;
      skipped: number;
      publisher: { ref: string } | null;
      projects: { id: string; reasons: { code: string; message: string }[]; organisations: { iatiIdentifier: string | null }[] }[];
    };
    expect(body).toMatchObject({ exported: xml.activities.length, skipped, publisher: { ref: PUBLISHER.IATI_PUBLISHER_REF } });
    expect(body.projects).toHaveLength(skipped);
    const reasons = (id: string) => body.projects.find((project) => project.id === id)?.reasons.map((reason) => reason.code);
    expect(reasons(projects.noRef)).toEqual(['NO_IATI_ORGANISATION']);
    expect(reasons(projects.foreignIdentifier)).toEqual(['IDENTIFIER_NOT_OF_AN_ORGANISATION']);
    expect(reasons(projects.full)).toBeUndefined();
    // The seeded projects funded by UNDP or the World Bank have no dates at all, which IATI requires.
    expect(body.projects.filter((project) => project.reasons.some((reason) => reason.code === 'NO_DATES')).length).toBeGreaterThanOrEqual(4);
    for (const project of body.projects) for (const reason of project.reasons) expect(reason.message.length).toBeGreaterThan(20);
  });

  it('answers HEAD with the counts alone', async () => {
    const head = await fetch(`${server.url}/iati/activities.xml?organisation=${encodeURIComponent(UNDP_REF)}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(head.headers.get('x-iati-activities')).toBe('2');
    expect(Number(head.headers.get('x-iati-skipped'))).toBeGreaterThan(0);
    expect(await head.text()).toBe('');
    const refused = await fetch(`${server.url}/iati/activities-report.json?updatedSince=never`, { method: 'HEAD' });
    expect(refused.status).toBe(400);
  });

  it('never contains personal data, activity reports or the hub’s own notes', async () => {
    const { body } = await exported();
    expect(body).toContain('Border dialogue in Batken');
    expect(body).not.toContain(PRIVATE_EMAIL);
    expect(body).not.toContain(PRIVATE_PHONE);
    expect(body).not.toContain('ruraldevelopmentfund2020@gmail.com');
    expect(body).not.toContain('contact-info');
    const report = await get('/iati/activities-report.json');
    expect(report.body).not.toContain('@');
  });

  it('narrows the file by organisation (id or IATI identifier), reporting organisation, unit and time of the last change', async () => {
    const everything = await exported();
    const identifiersOf = (activities: Activity[]) => activities.map((activity) => activity['iati-identifier']).sort();

    const byUndpId = await exported(`?organisation=${ids.undp}`);
    const byUndpRef = await exported(`?organisation=${encodeURIComponent(UNDP_REF)}`);
    expect(identifiersOf(byUndpId.activities)).toEqual([`${ACCOUNTABLE_REF}-${projects.full}`, `${UNDP_REF}-PROJECT-00099999`].sort());
    expect(identifiersOf(byUndpRef.activities)).toEqual(identifiersOf(byUndpId.activities));
    expect(Number(byUndpId.headers.get('x-iati-skipped'))).toBeLessThan(Number(everything.headers.get('x-iati-skipped')));

    // A unit's projects are those covering it (the country-wide one covers every place) or a unit inside it.
    const countryWide = `${PUBLISHER.IATI_PUBLISHER_REF}-${projects.funderOnly}`;
    expect(identifiersOf((await exported(`?unit=${AK_TATYR}`)).activities)).toEqual([`${ACCOUNTABLE_REF}-${projects.full}`, countryWide].sort());
    expect(identifiersOf((await exported(`?unit=${BATKEN_OBLAST}`)).activities)).toEqual([`${ACCOUNTABLE_REF}-${projects.full}`, countryWide].sort());
    expect(identifiersOf((await exported(`?unit=${OSH_CITY}`)).activities)).toEqual([`${UNDP_REF}-PROJECT-00099999`, countryWide].sort());
    expect(identifiersOf((await exported('?unit=KG')).activities)).toEqual(identifiersOf(everything.activities));

    // One reporting organisation per file, as the IATI Registry asks of a publisher's file.
    for (const [reporter, identifiers] of [
      [ACCOUNTABLE_REF, [`${ACCOUNTABLE_REF}-${projects.full}`]],
      [UNDP_REF, [`${UNDP_REF}-PROJECT-00099999`]],
      [PUBLISHER.IATI_PUBLISHER_REF, [countryWide]],
      [ids.accountable, [`${ACCOUNTABLE_REF}-${projects.full}`]],
    ] as const) {
      const file = await exported(`?reportingOrg=${encodeURIComponent(reporter)}`);
      expect(identifiersOf(file.activities)).toEqual(identifiers);
      expect(new Set(file.activities.map((activity) => activity['reporting-org']['@ref'])).size).toBe(1);
    }

    // A transaction recorded now makes its project "updated", though the project row did not change.
    const since = new Date().toISOString();
    const recorded = await server.graphql(RecordTransactionDocument, {
      input: { projectId: projects.ownIdentifier, type: 'COMMITMENT', amount: '5000.00', currency: 'EUR', valueDate: '2027-01-10', providerId: ids.undp },
    });
    expect(recorded.errors).toBeUndefined();
    const recent = await exported(`?updatedSince=${encodeURIComponent(since)}`);
    expect(identifiersOf(recent.activities)).toEqual([`${UNDP_REF}-PROJECT-00099999`]);
    expect(recent.activities[0]['@default-currency']).toBe('EUR');
    expect(Date.parse(String(recent.activities[0]['@last-updated-datetime']))).toBeGreaterThanOrEqual(Date.parse(since));
    expect((await exported('?updatedSince=2099-01-01')).activities).toEqual([]);
    expect((await exported(`?updatedSince=2000-01-01&organisation=${ids.worldBank}`)).activities).toHaveLength(1);
  });

  it.each([
    ['?updatedSince=yesterday', 'updatedSince', 'INVALID_DATE_TIME'],
    ['?updatedSince=2026-02-30', 'updatedSince', 'INVALID_DATE_TIME'],
    ['?updatedSince=2026-01-01T25:00:00Z', 'updatedSince', 'INVALID_DATE_TIME'],
    ['?organisation=00000000-0000-4000-8000-000000000000', 'organisation', 'UNKNOWN_ORGANISATION'],
    ['?organisation=XM-DAC-00000', 'organisation', 'UNKNOWN_ORGANISATION'],
    ['?reportingOrg=XM-DAC-00000', 'reportingOrg', 'UNKNOWN_ORGANISATION'],
    ['?unit=KG99999999999', 'unit', 'UNKNOWN_UNIT'],
    ['?unitCode=KG05000000000', 'unitCode', 'UNKNOWN_PARAMETER'],
    ['?unit=KG&unit=KG05000000000', 'unit', 'REPEATED_PARAMETER'],
  ])('answers %s with 400 and a BAD_USER_INPUT naming %s', async (query, field, reason) => {
    for (const path of ['/iati/activities.xml', '/iati/activities-report.json']) {
      const response = await get(`${path}${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const body = JSON.parse(response.body) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason, field });
      expect(body.errors[0].message).toContain(field);
    }
  });

  it('reads each batch of projects with the same number of SQL statements, however many projects it holds, and the same file in any batch size', async () => {
    const exportWith = async (organisation: string, batchSize: number) => {
      const em = server.orm.em.fork();
      const ctx = { em, loaders: createLoaders(em), language: Language.EN } as unknown as RequestContext;
      const publisher = { ref: PUBLISHER.IATI_PUBLISHER_REF, name: 'hub', type: '90' };
      const scope = await exportScope(ctx, { organisation }, publisher);
      const counter = { requestId: 'test', statements: 0 };
      const pieces: string[] = [];
      await runInScope(counter, async () => {
        for await (const piece of iatiActivitiesDocument(ctx, scope, publisher, batchSize)) pieces.push(piece);
      });
      const activities = pieces
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('<iati-activity '));
      return { activities, statements: counter.statements };
    };
    // One exported project of the accountable organisation, two of UNDP; each with places, budgets or transactions.
    const one = await exportWith(ids.accountable, 500);
    const two = await exportWith(ids.undp, 500);
    expect([one.activities.length, two.activities.length]).toEqual([1, 2]);
    expect(two.statements).toBe(one.statements);
    // Batches of one project: more statements, the same activities, each once.
    const small = await exportWith(ids.undp, 1);
    expect(small.statements).toBeGreaterThan(two.statements);
    expect(small.activities).toEqual(two.activities);
  });
});

describe('the theme → DAC sector mapping', () => {
  it('is what the secretariat sets on a theme: the file follows, the change is audited, and codes outside the Sector codelist are refused', async () => {
    const secretariat = (await server.tokenFor('SECRETARIAT')).token;
    const theme = (await server.graphql(ThemeListDocument, {})).data!.themes.find((entry) => entry.code === 'WOMEN_YOUTH_INCLUSION')!;

    for (const [dacCodes, reason] of [
      [['99999'], 'UNKNOWN_DAC_CODE'],
      [['15220', '11321'], 'UNKNOWN_DAC_CODE'], // withdrawn from the codelist in 2019
      [['1517'], 'INVALID_DAC_CODE'],
    ] as const) {
      const refused = await server.graphql(UpdateThemeDocument, { code: theme.code, input: { version: theme.version, dacCodes: [...dacCodes] } }, { token: secretariat });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dacCodes', reason });
    }

    const updated = await server.graphql(
      UpdateThemeDocument,
      { code: theme.code, input: { version: theme.version, dacCodes: ['15170', '15150', '15160'] } },
      { token: secretariat },
    );
    expect(updated.errors).toBeUndefined();
    const activity = (await exported()).activities.find((entry) => entry['iati-identifier'] === `${UNDP_REF}-PROJECT-00099999`)!;
    expect(activity.sector!.map((sector) => [sector['@vocabulary'], sector['@code'], sector['@percentage']])).toEqual([
      ['1', '15170', '33.34'],
      ['1', '15150', '33.33'],
      ['1', '15160', '33.33'],
      ['99', 'WOMEN_YOUTH_INCLUSION', '100.00'],
    ]);

    const audit = await server.graphql(AuditEventsDocument, { filter: { entityType: 'Theme', entityId: theme.code } });
    const change = audit.data!.auditEvents.nodes.find((event) => event.action === 'UPDATE');
    expect(JSON.stringify(change?.changes)).toContain('15160');
  });
});

describe('without IATI_PUBLISHER_REF', () => {
  it('exports only what a participating organisation can report, and lists the rest as lacking a reporting organisation', async () => {
    const hub = await startTestServer();
    try {
      const worldBank = (await hub.graphql(OrganisationsDocument, { filter: { search: 'World Bank' } })).data!.organisations.nodes.find(
        (node) => node.iatiIdentifier === WORLD_BANK_REF,
      )!;
      const ngo = await createOrganisation(hub, 'Another NGO', 'NATIONAL_NGO');
      const funded = await createProject(hub, {
        title: { en: 'Funded only' },
        description: { en: 'Only the funder has an IATI identifier.' },
        plannedStart: '2024-01-01',
        participants: [
          { organisationId: worldBank.id, role: 'FUNDING' },
          { organisationId: ngo, role: 'IMPLEMENTING' },
        ],
      });
      const xml = await exported('', hub);
      expect(xml.activities).toEqual([]);
      const report = JSON.parse((await get('/iati/activities-report.json', hub)).body) as { publisher: unknown; projects: { id: string; reasons: { code: string }[] }[] };
      expect(report.publisher).toBeNull();
      expect(report.projects.find((project) => project.id === funded.id)?.reasons.map((reason) => reason.code)).toEqual(['NO_REPORTING_ORGANISATION']);

      const extending = await hub.graphql(CreateOrganisationDocument, { input: { name: { en: 'Extending agency' }, kind: 'GOVERNMENT', iatiIdentifier: 'XX-TEST-7' } });
      await createProject(hub, {
        title: { en: 'Extended' },
        objectives: { en: 'Objectives stand in for a description.' },
        plannedStart: '2024-01-01',
        participants: [{ organisationId: extending.data!.createOrganisation.id, role: 'EXTENDING' }],
      });
      const after = await exported('', hub);
      expect(after.activities).toHaveLength(1);
      expect(after.activities[0]['reporting-org']).toMatchObject({ '@ref': 'XX-TEST-7', '@secondary-reporter': '0' });
      expect(after.activities[0].description!.map((description) => description['@type'])).toEqual(['2']);
    } finally {
      await hub.close();
    }
  });
});
