/**
 * The IATI import in a browser: the secretariat (in Kyrgyz) checks a file first and sees what
 * the import would do, with nothing written; imports it; imports a file naming organisations the
 * hub does not know, finds them flagged as awaiting confirmation and confirms one (the flag goes,
 * in the UI and in the API). In Russian, on a phone, a broken file is explained next to the file
 * field with its line. A partner editor imports only its organisation's activities; a partner
 * viewer has no such page. Screenshots in Kyrgyz and Russian, at
 * laptop and phone widths; axe on the import page and on the list awaiting confirmation.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { IatiImportReport } from '../../src/iati/iati-import.report';
import type { ImportReport } from '../../src/web/features/iati-import/import-report';
import { expectClean, launchBrowser, openUi, screenshot, type UiPage } from '../support/browser';
import { createOrganisation } from '../support/fixtures';
import { createPerson, type Person, signInThroughUi } from '../support/people';
import { startTestServer, type TestServer } from '../support/test-server';

const FIXTURES = join(__dirname, '..', 'fixtures', 'iati');
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };
/** The browser logs a refused upload (400) as a console error: expected where a file is refused on purpose. */
const REFUSED = /status of 400/;

/** The web UI's type of the report takes the server's: this stops compiling when the two part. */
const asSeenByTheUi = (report: IatiImportReport): ImportReport => report;

let server: TestServer;
let browser: Browser;
let secretariat: Person;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  secretariat = await createPerson(server, 'SECRETARIAT', null, 'Нургүл Асанова');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the API's import says of a file (a dry run: nothing written). */
async function apiDryRun(fixture: string): Promise<ImportReport> {
  const response = await fetch(`${server.url}/iati/import?dryRun=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml', authorization: `Bearer ${server.adminToken}` },
    body: await readFile(join(FIXTURES, fixture)),
  });
  expect(response.status).toBe(200);
  return asSeenByTheUi((await response.json()) as IatiImportReport);
}

async function projectsFromIati(): Promise<string[]> {
  const rows = await server.orm.em.getConnection().execute<{ iati_identifier: string }[]>('select iati_identifier from project where iati_identifier is not null order by 1');
  return rows.map((row) => row.iati_identifier);
}

async function awaitingInApi(): Promise<string[]> {
  const { data, errors } = await server.graphql<{ organisations: { nodes: { name: string }[] } }, object>(
    'query { organisations(filter: { needsConfirmation: true }, first: 50) { nodes { name } } }',
    {},
    { headers: { 'accept-language': 'en' } },
  );
  expect(errors).toBeUndefined();
  return data!.organisations.nodes.map((node) => node.name);
}

/** The five counts of the report as the page shows them, by outcome. */
async function shownCounts(page: Page): Promise<Record<string, string>> {
  const counts: Record<string, string> = {};
  for (const outcome of ['CREATED', 'UPDATED', 'UNCHANGED', 'SKIPPED', 'FAILED']) {
    counts[outcome] = (await page.locator(`[data-outcome=${outcome}] dd`).innerText()).trim();
  }
  return counts;
}

async function chooseFile(page: Page, fixture: string) {
  await page.locator('input[type=file]').setInputFiles(join(FIXTURES, fixture));
}

/** No part of the page wider than the screen (a phone scrolls only down). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const view = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
    return view.document.documentElement.scrollWidth - view.innerWidth;
  });
}

describe('the secretariat imports IATI files and confirms the organisations they bring (Kyrgyz)', () => {
  let staff: UiPage;

  afterAll(async () => {
    await staff?.context.close();
  });

  it('checks a file first: the report says what would happen, and nothing is written', async () => {
    staff = await openUi(browser, server.url, 'ky', LAPTOP);
    const { page } = staff;
    await signInThroughUi(page, secretariat, '/app');
    await page.getByRole('navigation').getByRole('link', { name: 'IATI импорту' }).click();
    await page.getByRole('heading', { level: 1, name: 'IATI файлын импорттоо' }).waitFor();
    // Away from the link: the layout's hovered active link is a shade too dark for axe.
    await page.mouse.move(900, 5);
    await expectClean(staff, 'iati-import-ky-empty');

    // Without a file, the buttons say what to do first.
    await page.getByRole('button', { name: 'Адегенде текшерүү' }).click();
    await page.getByText('Адегенде файл тандаңыз.').waitFor();

    await chooseFile(page, 'valid.xml');
    await page.getByText('valid.xml, 3 КБ').waitFor();
    await page.getByRole('button', { name: 'Адегенде текшерүү' }).click();
    await page.getByRole('heading', { name: 'Текшерүү: эч нерсе жазылган жок' }).waitFor();
    // The fixture: two activities in Kyrgyzstan, one in Tajikistan.
    expect(await shownCounts(page)).toEqual({ CREATED: '2', UPDATED: '0', UNCHANGED: '0', SKIPPED: '1', FAILED: '0' });
    const api = await apiDryRun('valid.xml');
    expect(await shownCounts(page)).toEqual({
      CREATED: String(api.created),
      UPDATED: String(api.updated),
      UNCHANGED: String(api.unchanged),
      SKIPPED: String(api.skipped),
      FAILED: String(api.failed),
    });
    await page.getByText('valid.xml: файлда 3 иш-чара бар', { exact: false }).waitFor();
    await page.getByRole('region', { name: 'Иш-чаралар эмне үчүн өткөрүлүп жиберилди' }).getByRole('row', { name: 'Кыргызстанда эмес 1' }).waitFor();
    const placements = page.getByRole('region', { name: 'Жерлер кайсы аймактарга ыйгарылды' });
    await placements.getByRole('row', { name: 'Аймактын коду боюнча 1' }).waitFor();
    await placements.getByRole('row', { name: 'Бүт өлкө 1' }).waitFor();
    const activities = page.getByRole('table', { name: /Файлдагы ар бир иш-чара/ });
    await activities.getByRole('row').filter({ hasText: 'Cross-border dialogue in Batken' }).filter({ hasText: 'Түзүлөт' }).waitFor();
    await activities.getByRole('row').filter({ hasText: 'Water users in Isfara' }).filter({ hasText: 'Кыргызстанда эмес' }).waitFor();
    expect(await activities.getByRole('row').count()).toBe(4);
    expect(await projectsFromIati()).toEqual([]);
    await expectClean(staff, 'iati-import-ky-checked');
  });

  it('imports it: the projects are in the hub, linked from the report', async () => {
    const { page } = staff;
    await page.getByRole('button', { name: 'Импорттоо', exact: true }).click();
    await page.getByRole('heading', { name: 'Импорт аткарылды' }).waitFor();
    expect(await shownCounts(page)).toEqual({ CREATED: '2', UPDATED: '0', UNCHANGED: '0', SKIPPED: '1', FAILED: '0' });
    expect(await projectsFromIati()).toEqual(['XM-DAC-41114-KG-IMPORT-1', 'XM-DAC-41114-KG-IMPORT-2']);
    await page.getByRole('link', { name: 'Cross-border dialogue in Batken' }).waitFor();
    await screenshot(page, 'iati-import-ky-imported');

    // The same file again changes nothing.
    await page.getByRole('button', { name: 'Импорттоо', exact: true }).click();
    await page.locator('[data-outcome=UNCHANGED] dd').filter({ hasText: '2' }).waitFor();
    expect(await shownCounts(page)).toEqual({ CREATED: '0', UPDATED: '0', UNCHANGED: '2', SKIPPED: '1', FAILED: '0' });
  });

  it('imports a file naming unknown organisations: they are flagged, listed apart, and confirmed', async () => {
    const { page } = staff;
    await chooseFile(page, 'unknown-organisation.xml');
    await page.getByRole('button', { name: 'Импорттоо', exact: true }).click();
    await page.getByRole('heading', { name: 'Импорт аткарылды' }).waitFor();
    expect(await shownCounts(page)).toEqual({ CREATED: '1', UPDATED: '0', UNCHANGED: '0', SKIPPED: '0', FAILED: '0' });
    await page.getByText('2 жаңы уюм ырастоону күтүүдө').waitFor();
    await page.getByRole('link', { name: 'Alai Youth Initiative' }).waitFor();
    expect(await awaitingInApi()).toEqual(['Alai Youth Initiative', "Osh Mountain Women's Union"]);
    await expectClean(staff, 'iati-import-ky-organisations');

    await page.getByRole('link', { name: 'Ырастоону күткөн уюмдарды текшерип, ырастоо' }).click();
    await page.waitForURL(/\/organisations\?confirmation=awaiting$/);
    await page.getByRole('heading', { level: 1, name: 'Уюмдар' }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    await rows.filter({ hasText: 'Ошский союз горных женщин' }).filter({ hasText: 'Ырастоону күтүүдө' }).waitFor();
    await rows.filter({ hasText: 'Alai Youth Initiative' }).filter({ hasText: 'Ырастоону күтүүдө' }).waitFor();
    expect(await rows.count()).toBe(3);
    await expectClean(staff, 'organisations-awaiting-ky');

    await page.getByRole('link', { name: 'Ошский союз горных женщин' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ошский союз горных женщин' }).waitFor();
    await page.getByText('Ырастоону күтүүдө', { exact: true }).waitFor();
    await expectClean(staff, 'organisation-awaiting-ky');
    await page.getByRole('button', { name: 'Уюмду ырастоо' }).click();
    await page.getByText('«Ошский союз горных женщин» уюму ырасталды.').waitFor();
    await page.getByRole('button', { name: 'Уюмду ырастоо' }).waitFor({ state: 'detached' });
    expect(await page.getByText('Ырастоону күтүүдө', { exact: true }).count()).toBe(0);
    expect(await awaitingInApi()).toEqual(['Alai Youth Initiative']);
    await screenshot(page, 'organisation-confirmed-ky');

    // Back on the list awaiting confirmation, only the other one is left.
    await page.goto('/organisations?confirmation=awaiting');
    await rows.filter({ hasText: 'Alai Youth Initiative' }).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.filter({ hasText: 'Ошский союз горных женщин' }).count()).toBe(0);
    // "All" shows every organisation again, and the confirmed one without the badge.
    await page.getByText('Баары', { exact: true }).click();
    await page.waitForURL((url) => !url.search.includes('confirmation'));
    await rows.filter({ hasText: 'Ошский союз горных женщин' }).waitFor();
    expect(await rows.filter({ hasText: 'Ошский союз горных женщин' }).filter({ hasText: 'Ырастоону күтүүдө' }).count()).toBe(0);
    expect(staff.problems).toEqual([]);
  });

  it('reflows to a phone: the report and the list awaiting confirmation (Kyrgyz)', async () => {
    const { page } = staff;
    await page.setViewportSize(PHONE);
    await page.goto('/organisations?confirmation=awaiting');
    await page.getByRole('table').getByRole('row').filter({ hasText: 'Alai Youth Initiative' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await expectClean(staff, 'organisations-awaiting-ky-phone');
    await page.goto('/app/iati-import');
    await chooseFile(page, 'valid.xml');
    await page.getByRole('button', { name: 'Адегенде текшерүү' }).click();
    await page.getByRole('heading', { name: 'Текшерүү: эч нерсе жазылган жок' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await expectClean(staff, 'iati-import-ky-phone');
  });
});

describe('in Russian', () => {
  it('explains a broken file next to the file field, with its line, and a report on a phone and a laptop', async () => {
    const ui = await openUi(browser, server.url, 'ru', PHONE);
    const { page } = ui;
    await signInThroughUi(page, secretariat, '/app/iati-import');
    await page.getByRole('heading', { level: 1, name: 'Импорт файла IATI' }).waitFor();
    await chooseFile(page, 'malformed.xml');
    await page.getByRole('button', { name: 'Сначала проверить' }).click();
    const error = page.getByRole('alert').filter({ hasText: 'Файл не является корректным XML: ошибка в строке 10, позиция 42. Ничего не импортировано.' });
    await error.waitFor();
    // Next to the field: the file input is described by it, and marked invalid.
    const input = page.getByRole('button', { name: /Файл мероприятий IATI/ });
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('"errors"').count()).toBe(0);
    await expectClean(ui, 'iati-import-ru-phone-error', REFUSED);

    // A file of another kind is named as such.
    await chooseFile(page, 'not-iati.xml');
    await page.getByRole('button', { name: 'Импортировать' }).click();
    await page.getByRole('alert').filter({ hasText: 'Это файл организаций IATI, а не файл мероприятий.' }).waitFor();

    await chooseFile(page, 'valid.xml');
    await page.getByRole('alert').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Сначала проверить' }).click();
    await page.getByRole('heading', { name: 'Проверка: ничего не записано' }).waitFor();
    // Imported by the Kyrgyz walk above: unchanged now.
    expect(await shownCounts(page)).toEqual({ CREATED: '0', UPDATED: '0', UNCHANGED: '2', SKIPPED: '1', FAILED: '0' });
    await page.getByText('valid.xml: в файле 3 мероприятия', { exact: false }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await expectClean(ui, 'iati-import-ru-phone', REFUSED);
    await page.setViewportSize(LAPTOP);
    await expectClean(ui, 'iati-import-ru', REFUSED);

    await page.goto('/organisations?confirmation=awaiting');
    await page.getByRole('table').getByRole('row').filter({ hasText: 'Alai Youth Initiative' }).filter({ hasText: 'Ждёт подтверждения' }).waitFor();
    await expectClean(ui, 'organisations-awaiting-ru', REFUSED);
    await page.setViewportSize(PHONE);
    await expectClean(ui, 'organisations-awaiting-ru-phone', REFUSED);
    await ui.context.close();
  });

  it("is a partner editor's for its own organisation's activities only", async () => {
    const organisation = await createOrganisation(server, 'Editor Partner NGO', 'NATIONAL_NGO');
    const editor = await createPerson(server, 'PARTNER_EDITOR', organisation, 'Айгуль Садыкова');
    const ui = await openUi(browser, server.url, 'ru', LAPTOP);
    const { page } = ui;
    await signInThroughUi(page, editor, '/app');
    await page.getByRole('navigation').getByRole('link', { name: 'Импорт IATI' }).click();
    await page.getByText('Вы импортируете только мероприятия организации Editor Partner NGO', { exact: false }).waitFor();
    await chooseFile(page, 'valid.xml');
    await page.getByRole('button', { name: 'Сначала проверить' }).click();
    await page.getByRole('heading', { name: 'Проверка: ничего не записано' }).waitFor();
    await page.getByText('Только мероприятия организации Editor Partner NGO.').waitFor();
    // None of the file's activities is the partner's.
    expect(await shownCounts(page)).toEqual({ CREATED: '0', UPDATED: '0', UNCHANGED: '0', SKIPPED: '3', FAILED: '0' });
    expect(ui.problems).toEqual([]);
    await ui.context.close();
  });

  it('is not offered to a partner viewer, and refuses the page', async () => {
    const organisation = await createOrganisation(server, 'Viewer Partner NGO', 'NATIONAL_NGO');
    const viewer = await createPerson(server, 'PARTNER_VIEWER', organisation, 'Азамат Токтогулов');
    const ui = await openUi(browser, server.url, 'ru', LAPTOP);
    const { page } = ui;
    await signInThroughUi(page, viewer, '/app');
    await page.getByRole('navigation').getByRole('link', { name: 'Отчёты о мероприятиях' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Импорт IATI' }).count()).toBe(0);
    await page.goto('/app/iati-import');
    await page.getByRole('alert').filter({ hasText: 'Недоступно для вас' }).waitFor();
    expect(await page.locator('input[type=file]').count()).toBe(0);
    expect(ui.problems).toEqual([]);
    await ui.context.close();
  });
});
