/**
 * The IATI import (`POST /iati/import`, `npm run import:iati`): a file refused as a whole
 * changes nothing; activities outside Kyrgyzstan are skipped; created, updated and unchanged
 * by identifier and last-updated-datetime, with no audit rows for a repeated file; placement by
 * code, point, name and country; sectors to themes and unmapped sectors; unknown organisations
 * created for confirmation; one activity the database refuses loses nothing else; dry runs
 * write nothing; who may import for whom; the hub's own export imports back unchanged.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { IatiImportReport } from '../src/iati/iati-import.report';
import { createProject } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

const FIXTURES = join(__dirname, 'fixtures', 'iati');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const PUBLISHER = { IATI_PUBLISHER_REF: 'XI-IATI-EXAMPLE', IATI_PUBLISHER_NAME: 'Example coordination hub', IATI_PUBLISHER_TYPE: '10' };
const UNDP_REF = 'XM-DAC-41114';

let server: TestServer;

interface Answer {
  status: number;
  report: IatiImportReport;
  errors?: { message: string; extensions: { code: string; reason: string; [detail: string]: unknown } }[];
}

async function post(xml: string, query = '', token: string | null = server.adminToken): Promise<Answer> {
  const response = await fetch(`${server.url}/iati/import${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: xml,
  });
  const body = (await response.json()) as IatiImportReport & { errors?: Answer['errors'] };
  return { status: response.status, report: body, errors: body.errors };
}

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return server.orm.em.getConnection().execute<T[]>(text, params);
}

async function projectOf(identifier: string) {
  const [project] = await sql<{ id: string; title_en: string | null; status: string; iati_last_updated: Date | null; planned_start: string | null }>(
    'select id, title_en, status, iati_last_updated, planned_start::text from project where iati_identifier = ?',
    [identifier],
  );
  return project;
}

const coverageOf = async (projectId: string) =>
  (await sql<{ unit_code: string }>('select unit_code from project_coverage where project_id = ? order by unit_code', [projectId])).map((row) => row.unit_code);
const themesOf = async (projectId: string) =>
  (await sql<{ theme_code: string }>('select theme_code from project_theme where project_id = ? order by theme_code', [projectId])).map((row) => row.theme_code);
const itemOf = (report: IatiImportReport, identifier: string) => report.items.find((item) => item.identifier === identifier)!;

async function counts() {
  const [row] = await sql<{ projects: string; organisations: string; audit: string; budgets: string; transactions: string }>(
    `select (select count(*) from project) as projects, (select count(*) from organisation) as organisations, (select count(*) from audit_event) as audit,
            (select count(*) from budget) as budgets, (select count(*) from funding_transaction) as transactions`,
  );
  return row;
}

beforeAll(async () => {
  server = await startTestServer(PUBLISHER);
});

afterAll(async () => {
  await server.close();
});

describe('failing: files refused as a whole change nothing', () => {
  it('a file that is not well-formed is IATI_NOT_WELL_FORMED, even when its first activity is fine', async () => {
    const before = await counts();
    const answer = await post(fixture('malformed.xml'));
    expect(answer.status).toBe(400);
    expect(answer.errors).toHaveLength(1);
    // Where the XML breaks, also as numbers, so that the web UI can say it in its own language.
    expect(answer.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'IATI_NOT_WELL_FORMED', line: 10, column: 42 });
    expect(answer.errors![0].message).toMatch(/line 10, column 42/);
    expect(await counts()).toEqual(before);
  });

  it('an IATI organisation file, or any other XML, is IATI_NOT_ACTIVITIES', async () => {
    const before = await counts();
    const organisations = await post(fixture('not-iati.xml'));
    expect(organisations.status).toBe(400);
    expect(organisations.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'IATI_NOT_ACTIVITIES', root: 'iati-organisations' });
    expect(organisations.errors![0].message).toMatch(/organisation file/);
    const html = await post('<html><body>no</body></html>');
    expect(html.errors![0].extensions.reason).toBe('IATI_NOT_ACTIVITIES');
    const empty = await post('');
    expect(empty.status).toBe(400);
    expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IATI_NOT_WELL_FORMED' });
    const old = await post('<iati-activities version="1.05"><iati-activity/></iati-activities>');
    expect(old.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'IATI_UNSUPPORTED_VERSION', version: '1.05' });
    expect(await counts()).toEqual(before);
  });

  it('needs a signed-in caller who may import', async () => {
    const anonymous = await post(fixture('valid.xml'), '', null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const badToken = await post(fixture('valid.xml'), '', 'not-a-token');
    expect(badToken.status).toBe(401);
    const [undp] = await sql<{ id: string }>('select id from organisation where iati_identifier = ?', [UNDP_REF]);
    const { token } = await server.tokenFor('PARTNER_VIEWER', undp.id);
    const viewer = await post(fixture('valid.xml'), '', token);
    expect(viewer.status).toBe(403);
    expect(viewer.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('an unknown organisation parameter is BAD_USER_INPUT', async () => {
    const answer = await post(fixture('valid.xml'), '?organisation=XX-NOBODY');
    expect(answer.status).toBe(400);
    expect(answer.errors![0].extensions.reason).toBe('UNKNOWN_ORGANISATION');
  });
});

describe('successful: importing, again, and newer', () => {
  it('a dry run reports what it would do and writes nothing', async () => {
    const before = await counts();
    const { status, report } = await post(fixture('valid.xml'), '?dryRun=true');
    expect(status).toBe(200);
    expect(report).toMatchObject({ dryRun: true, activities: 3, created: 2, updated: 0, unchanged: 0, skipped: 1, failed: 0, skippedByReason: { NOT_KYRGYZSTAN: 1 } });
    expect(await counts()).toEqual(before);
    expect(await projectOf('XM-DAC-41114-KG-IMPORT-1')).toBeUndefined();
  });

  it('creates the activities for Kyrgyzstan and skips the others, with the reason', async () => {
    const before = await counts();
    const { status, report } = await post(fixture('valid.xml'));
    expect(status).toBe(200);
    expect(report).toMatchObject({ dryRun: false, activities: 3, created: 2, updated: 0, unchanged: 0, skipped: 1, failed: 0 });
    expect(itemOf(report, 'XM-DAC-41114-TJ-1')).toMatchObject({ outcome: 'SKIPPED', reason: { code: 'NOT_KYRGYZSTAN' } });
    const first = await projectOf('XM-DAC-41114-KG-IMPORT-1');
    expect(first).toMatchObject({ title_en: 'Cross-border dialogue in Batken', status: 'IMPLEMENTATION', planned_start: '2026-01-01' });
    expect(new Date(first.iati_last_updated!).toISOString()).toBe('2026-03-01T10:00:00.000Z');
    // Placed by the unit code in location/@ref; 15220 is conflict prevention's first code.
    expect(itemOf(report, 'XM-DAC-41114-KG-IMPORT-1').placements).toEqual([{ location: 'KG05214000000 · Batken rayon', unitCode: 'KG05214000000', rule: 'CODE' }]);
    expect(await coverageOf(first.id)).toEqual(['KG05214000000']);
    expect(await themesOf(first.id)).toEqual(['CONFLICT_PREVENTION']);
    const [money] = await sql<{ budget: string; transaction: string }>(
      'select (select amount::text from budget where project_id = ?) as budget, (select amount::text from funding_transaction where project_id = ?) as transaction',
      [first.id, first.id],
    );
    expect(money).toEqual({ budget: '150000.00', transaction: '300000.01' });
    // No location: the whole country; 15128 (local government finance) is fiscal decentralisation's.
    const second = await projectOf('XM-DAC-41114-KG-IMPORT-2');
    expect(await coverageOf(second.id)).toEqual(['KG']);
    expect(await themesOf(second.id)).toEqual(['FISCAL_DECENTRALISATION']);
    expect(itemOf(report, 'XM-DAC-41114-KG-IMPORT-2').placements).toEqual([expect.objectContaining({ unitCode: 'KG', rule: 'COUNTRY', noLocation: true })]);
    const [roles] = await sql<{ roles: string[] }>(
      'select array_agg(pp.role order by pp.role) as roles from project_participant pp join organisation o on o.id = pp.organisation_id where pp.project_id = ? and o.iati_identifier = ?',
      [second.id, UNDP_REF],
    );
    expect(roles.roles).toEqual(['ACCOUNTABLE']);
    const after = await counts();
    expect(Number(after.projects)).toBe(Number(before.projects) + 2);
    expect(Number(after.organisations)).toBe(Number(before.organisations));
    expect(Number(after.audit)).toBeGreaterThan(Number(before.audit));
  });

  it('the same file again changes nothing and writes no audit rows', async () => {
    const before = await counts();
    const { report } = await post(fixture('valid.xml'));
    expect(report).toMatchObject({ activities: 3, created: 0, updated: 0, unchanged: 2, skipped: 1, failed: 0 });
    expect(await counts()).toEqual(before);
  });

  it('a newer last-updated-datetime updates the project and keeps what the hub added', async () => {
    const project = await projectOf('XM-DAC-41114-KG-IMPORT-1');
    // The hub refines the coverage: an ayil aimak inside the rayon instead of the rayon.
    const refined = await server.graphql('mutation ($id: ID!, $coverage: [CoverageInput!]!) { setProjectCoverage(projectId: $id, coverage: $coverage) { id } }', {
      id: project.id,
      coverage: [{ unitCode: 'KG05214849000' }],
    });
    expect(refined.errors).toBeUndefined();
    const newer = fixture('valid.xml')
      .replace(
        '<iati-activity last-updated-datetime="2026-03-01T10:00:00Z" xml:lang="en" default-currency="USD">',
        '<iati-activity last-updated-datetime="2026-05-01T08:00:00Z" xml:lang="en" default-currency="USD">',
      )
      .replace('Cross-border dialogue in Batken', 'Cross-border dialogue in Batken, phase II')
      .replace('<activity-status code="2"/>', '<activity-status code="3"/>');
    const { report } = await post(newer);
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 1, skipped: 1, failed: 0 });
    const updated = await projectOf('XM-DAC-41114-KG-IMPORT-1');
    expect(updated).toMatchObject({ title_en: 'Cross-border dialogue in Batken, phase II', status: 'FINALISATION' });
    expect(new Date(updated.iati_last_updated!).toISOString()).toBe('2026-05-01T08:00:00.000Z');
    expect(await coverageOf(project.id)).toEqual(['KG05214849000']);
    const [russian] = await sql<{ title_ru: string }>('select title_ru from project where id = ?', [project.id]);
    expect(russian.title_ru).toBe('Приграничный диалог в Баткене');
    // The same budget and transaction are not added twice.
    const [money] = await sql<{ budgets: string; transactions: string }>(
      'select (select count(*) from budget where project_id = ?) as budgets, (select count(*) from funding_transaction where project_id = ?) as transactions',
      [project.id, project.id],
    );
    expect(money).toEqual({ budgets: '1', transactions: '1' });
    // An older file after the newer one changes nothing, and says why.
    const before = await counts();
    const older = await post(fixture('valid.xml'));
    expect(older.report).toMatchObject({ updated: 0, unchanged: 2 });
    expect(itemOf(older.report, 'XM-DAC-41114-KG-IMPORT-1').warnings.map((warning) => warning.code)).toEqual(['NOT_NEWER']);
    expect(await counts()).toEqual(before);
  });

  it('an XML file of other countries reports everything skipped and writes nothing', async () => {
    const before = await counts();
    const { report } = await post(fixture('other-country.xml'));
    expect(report).toMatchObject({ activities: 2, created: 0, updated: 0, unchanged: 0, skipped: 2, skippedByReason: { NOT_KYRGYZSTAN: 2 } });
    expect(await counts()).toEqual(before);
  });
});

describe('successful: placement, sectors and organisations', () => {
  it('places a point-only location in the district whose boundary holds it (and takes the activity for it)', async () => {
    const { report } = await post(fixture('point-location.xml'));
    expect(report.created).toBe(1);
    expect(itemOf(report, 'XM-DAC-41114-KG-POINT-1').placements).toEqual([{ location: '40.6679 72.769', unitCode: 'KG06226000000', rule: 'POINT' }]);
    const project = await projectOf('XM-DAC-41114-KG-POINT-1');
    expect(await coverageOf(project.id)).toEqual(['KG06226000000']);
    const [title] = await sql<{ title_ru: string }>('select title_ru from project where id = ?', [project.id]);
    expect(title.title_ru).toBe('Диалог водопользователей');
  });

  it('places a name-only location through the gazetteer, and an unknown name at country level with a warning', async () => {
    const { report } = await post(fixture('name-location.xml'));
    const item = itemOf(report, 'XM-DAC-41114-KG-NAME-1');
    expect(item.placements).toEqual([
      { location: 'Ak-Tatyr', unitCode: 'KG05214849000', rule: 'NAME' },
      { location: 'Somewhere up the valley', unitCode: 'KG', rule: 'COUNTRY' },
    ]);
    expect(item.warnings.map((warning) => warning.code)).toEqual(['PLACED_AT_COUNTRY']);
    expect(report.placements).toEqual({ CODE: 0, POINT: 0, NAME: 1, COUNTRY: 1 });
    // The country adds nothing to a project placed more precisely.
    expect(await coverageOf((await projectOf('XM-DAC-41114-KG-NAME-1')).id)).toEqual(['KG05214849000']);
  });

  it('reports sectors no theme maps to, and maps the others', async () => {
    const { report } = await post(fixture('unknown-sector.xml'));
    expect(report.created).toBe(1);
    expect(report.unmappedSectors).toEqual([{ vocabulary: '1', code: '12220', activities: 1 }]);
    expect(itemOf(report, 'XM-DAC-41114-KG-HEALTH-1').warnings).toEqual([expect.objectContaining({ code: 'UNMAPPED_SECTOR' })]);
    expect(await themesOf((await projectOf('XM-DAC-41114-KG-HEALTH-1')).id)).toEqual(['CONFLICT_PREVENTION']);
  });

  it('creates unknown organisations marked for the secretariat to confirm, once', async () => {
    const { report } = await post(fixture('unknown-organisation.xml'));
    expect(report.created).toBe(1);
    expect(report.organisationsCreated.map((organisation) => [organisation.name, organisation.iatiIdentifier])).toEqual([
      ['Alai Youth Initiative', null],
      ["Osh Mountain Women's Union", 'XX-TEST-0001'],
    ]);
    const listed = await server.graphql<{ organisations: { nodes: { name: string; kind: string; iatiIdentifier: string | null; needsConfirmation: boolean }[] } }, object>(
      'query { organisations(filter: { needsConfirmation: true }, first: 10) { nodes { name kind iatiIdentifier needsConfirmation } } }',
    );
    expect(listed.data!.organisations.nodes).toEqual([
      { name: 'Alai Youth Initiative', kind: 'PARTNER_COUNTRY_NGO', iatiIdentifier: null, needsConfirmation: true },
      { name: "Osh Mountain Women's Union", kind: 'NATIONAL_NGO', iatiIdentifier: 'XX-TEST-0001', needsConfirmation: true },
    ]);
    const project = await projectOf('XX-TEST-0001-KG-1');
    const roles = await sql<{ name_en: string; role: string }>(
      'select o.name_en, pp.role from project_participant pp join organisation o on o.id = pp.organisation_id where pp.project_id = ? order by pp.role',
      [project.id],
    );
    expect(roles).toEqual([
      { name_en: "Osh Mountain Women's Union", role: 'ACCOUNTABLE' },
      { name_en: 'Alai Youth Initiative', role: 'IMPLEMENTING' },
    ]);
    // Matched by ref and by name the next time: nothing new.
    const before = await counts();
    const again = fixture('unknown-organisation.xml').replace('XX-TEST-0001-KG-1', 'XX-TEST-0001-KG-2');
    const second = await post(again);
    expect(second.report).toMatchObject({ created: 1, organisationsCreated: [] });
    expect(Number((await counts()).organisations)).toBe(Number(before.organisations));
  });

  it('the secretariat confirms an imported organisation; a partner cannot', async () => {
    const [organisation] = await sql<{ id: string }>("select id from organisation where iati_identifier = 'XX-TEST-0001'");
    const { token: partner } = await server.tokenFor('PARTNER_EDITOR', organisation.id);
    const confirm = 'mutation ($id: ID!) { updateOrganisation(id: $id, input: { confirmed: true }) { needsConfirmation } }';
    const refused = await server.graphql(confirm, { id: organisation.id }, { token: partner });
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    const { token: secretariat } = await server.tokenFor('SECRETARIAT');
    const confirmed = await server.graphql<{ updateOrganisation: { needsConfirmation: boolean } }, object>(confirm, { id: organisation.id }, { token: secretariat });
    expect(confirmed.data!.updateOrganisation.needsConfirmation).toBe(false);
  });
});

describe('transactions, authorisation and the round trip', () => {
  it('an activity the database refuses fails alone, leaving none of it behind', async () => {
    // A real constraint of the database stands for any refusal the import's own checks do not foresee.
    await sql("alter table project add constraint test_refuse_title check (title_en is distinct from 'Refused by the database')");
    try {
      const activity = (identifier: string, title: string, organisation: string) => `
        <iati-activity last-updated-datetime="2026-04-01T00:00:00Z" xml:lang="en">
          <iati-identifier>${identifier}</iati-identifier>
          <reporting-org ref="${UNDP_REF}" type="40"><narrative>UNDP</narrative></reporting-org>
          <title><narrative>${title}</narrative></title>
          <recipient-country code="KG"/>
          <participating-org role="4" type="22"><narrative>${organisation}</narrative></participating-org>
        </iati-activity>`;
      const xml = `<iati-activities version="2.03">${activity('XM-DAC-41114-KG-T-1', 'First fine', 'First Partner NGO')}${activity('XM-DAC-41114-KG-T-2', 'Refused by the database', 'Doomed Partner NGO')}${activity('XM-DAC-41114-KG-T-3', 'Third fine', 'Third Partner NGO')}</iati-activities>`;
      const { report } = await post(xml);
      expect(report).toMatchObject({ activities: 3, created: 2, failed: 1 });
      expect(itemOf(report, 'XM-DAC-41114-KG-T-2')).toMatchObject({ outcome: 'FAILED', reason: { code: 'DATABASE_REFUSED' } });
      expect(await projectOf('XM-DAC-41114-KG-T-2')).toBeUndefined();
      const names = (await sql<{ name_en: string }>("select name_en from organisation where name_en like '% Partner NGO' order by name_en")).map((row) => row.name_en);
      expect(names).toEqual(['First Partner NGO', 'Third Partner NGO']);
    } finally {
      await sql('alter table project drop constraint test_refuse_title');
    }
  });

  it("a partner imports only its own organisation's activities", async () => {
    const [women] = await sql<{ id: string }>("select id from organisation where iati_identifier = 'XX-TEST-0001'");
    const { token } = await server.tokenFor('PARTNER_EDITOR', women.id);
    const other = await post(fixture('valid.xml'), `?organisation=${UNDP_REF}`, token);
    expect(other.status).toBe(403);
    expect(other.errors![0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'NOT_YOUR_ORGANISATION' });
    const file = fixture('unknown-organisation.xml').replace('XX-TEST-0001-KG-1', 'XX-TEST-0001-KG-3');
    const own = await post(file, '?dryRun=true', token);
    expect(own.report).toMatchObject({ created: 1, organisation: { id: women.id } });
    const theirs = await post(fixture('point-location.xml').replace('KG-POINT-1', 'KG-POINT-2'), '', token);
    expect(theirs.report).toMatchObject({ created: 0, skipped: 1, skippedByReason: { NOT_OF_ORGANISATION: 1 } });
  });

  it("the hub's own IATI export imports back unchanged", async () => {
    // A project of the hub's own (never imported): exported with an identifier formed from UNDP's and its id.
    const [undp] = await sql<{ id: string }>('select id from organisation where iati_identifier = ?', [UNDP_REF]);
    const own = await createProject(server, {
      title: { en: 'Municipal service standards', ky: 'Муниципалдык кызмат стандарттары' },
      description: { en: 'Service standards for ayil okmotus.' },
      status: 'IMPLEMENTATION',
      plannedStart: '2025-03-01',
      themeCodes: ['MUNICIPAL_SERVICES'],
      coverage: [{ unitCode: 'KG05214000000' }, { unitCode: 'KG05214849000' }],
      participants: [{ organisationId: undp.id, role: 'ACCOUNTABLE' }],
    });
    const budget = await server.graphql('mutation ($input: AddBudgetInput!) { addBudget(input: $input) { id } }', {
      input: { projectId: own.id, periodStart: '2025-01-01', periodEnd: '2025-12-31', amount: '5000.00', currency: 'EUR' },
    });
    expect(budget.errors).toBeUndefined();
    const exported = await fetch(`${server.url}/iati/activities.xml`);
    const xml = await exported.text();
    const count = Number(exported.headers.get('x-iati-activities'));
    expect(count).toBe(3);
    expect(xml).toContain(`<iati-identifier>${UNDP_REF}-${own.id}</iati-identifier>`);
    const before = await counts();
    const { report } = await post(xml);
    expect(report).toMatchObject({ activities: count, created: 0, updated: 0, unchanged: count, skipped: 0, failed: 0 });
    expect(await counts()).toEqual(before);
  });

  it('npm run import:iati imports a file with the same engine and prints the summary', async () => {
    const file = join(tmpdir(), `iati-import-cli-${process.pid}.xml`);
    writeFileSync(file, fixture('valid.xml').replace(/KG-IMPORT-/g, 'KG-CLI-'));
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, [join(__dirname, '..', 'dist', 'src', 'ops', 'import-iati.js'), ...args], {
        env: { ...process.env, DATABASE_URL: server.databaseUrl, LOG_LEVEL: 'silent' },
      });
    const dry = await run([file, '--dry-run', '--json']);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, created: 2, skipped: 1 });
    expect(await projectOf('XM-DAC-41114-KG-CLI-1')).toBeUndefined();
    const { stdout } = await run([file]);
    expect(stdout).toMatch(/3 activities in .* s: 2 created, 0 updated, 0 unchanged, 1 skipped, 0 failed/);
    expect(stdout).toMatch(/CODE {4}KG05214000000 ← KG05214000000 · Batken rayon/);
    expect(await projectOf('XM-DAC-41114-KG-CLI-1')).toBeDefined();
    const refused = await run([join(FIXTURES, 'malformed.xml')]).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toMatch(/not well-formed XML/);
  }, 60_000);
});
