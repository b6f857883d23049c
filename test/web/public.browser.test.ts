/**
 * The public view in a browser, without signing in: the map (filter by a theme, open a
 * district by keyboard and by mouse, the table), a project's page, in Russian and Kyrgyz.
 */
import type { Browser } from 'playwright-core';
import { createOrganisation, createProject } from '../support/fixtures';
import { launchBrowser, openUi, expectClean, recordGraphqlOperations } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-server';

const BATKEN_RAYON = 'KG05214000000';
const TITLE_RU = 'Диалог местных сообществ в Баткенском районе';

let server: TestServer;
let browser: Browser;
let projectId: string;
const names: Record<string, string> = {};

async function nameIn(language: string, query: string, pick: (data: never) => string) {
  const { data } = await server.graphql(query, {}, { headers: { 'accept-language': language } });
  return pick(data as never);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const organisation = await createOrganisation(server, 'Public Walk NGO', 'NATIONAL_NGO');
  projectId = (
    await createProject(server, {
      title: { ru: TITLE_RU, en: 'Community dialogue in Batken rayon' },
      status: 'IMPLEMENTATION',
      plannedStart: '2025-01-01',
      plannedEnd: '2031-12-31',
      themeCodes: ['CONFLICT_PREVENTION'],
      coverage: [{ unitCode: BATKEN_RAYON }],
      participants: [{ organisationId: organisation, role: 'IMPLEMENTING' }],
    })
  ).id;
  for (const language of ['ru', 'ky']) {
    names[`rayon:${language}`] = await nameIn(language, `{ adminUnit(code: "${BATKEN_RAYON}") { name } }`, (data: { adminUnit: { name: string } }) => data.adminUnit.name);
    names[`theme:${language}`] = await nameIn(
      language,
      '{ themes { code name } }',
      (data: { themes: { code: string; name: string }[] }) => data.themes.find((theme) => theme.code === 'CONFLICT_PREVENTION')!.name,
    );
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the public map', () => {
  it("asks for the map's data once, from the entry before the app runs, in the reader's language (Kyrgyz), and draws it without a loader first", async () => {
    const ui = await openUi(browser, server.url, 'ky');
    const { page } = ui;
    const sent = recordGraphqlOperations(page);
    // Counts the loaders the page shows before its map: none, since the first render waits for
    // the map's code, catalogues and data (src/web/app/first-render.ts) and draws it whole.
    await page.addInitScript(`
      globalThis.loadersBeforeMap = 0;
      new MutationObserver((records, observer) => {
        if (document.querySelector('.leaflet-container')) return observer.disconnect();
        if (document.querySelector('[aria-busy="true"]')) globalThis.loadersBeforeMap += 1;
      }).observe(document, { childList: true, subtree: true });
    `);
    await page.goto('/');
    await page.getByRole('button', { name: new RegExp(`^${names['rayon:ky']}:`) }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (globalThis as unknown as { loadersBeforeMap: number }).loadersBeforeMap)).toBe(0);
    // The entry sends both levels' coverage first; Apollo takes those answers over and asks for them no more.
    expect(sent.slice(0, 2).sort()).toEqual(['CoverageMap:DISTRICT', 'CoverageMap:REGION']);
    expect(sent.filter((name) => name.startsWith('CoverageMap'))).toHaveLength(2);
    expect(sent.slice(2).every((name) => name.endsWith('(Apollo)'))).toBe(true);
    expect(ui.problems).toEqual([]);
    await ui.context.close();
  });

  it('filters by a theme, opens a district from the keyboard, and leads to a project (Russian)', async () => {
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Кто где работает' }).waitFor();
    const district = page.getByRole('button', { name: new RegExp(`^${names['rayon:ru']}:`) });
    await district.waitFor();
    await expectClean(ui, 'public-map-ru');

    await page.getByRole('combobox', { name: 'Тема' }).selectOption({ label: names['theme:ru'] });
    await page.waitForURL(/theme=CONFLICT_PREVENTION/);
    // The map's data to download: the view's level, theme and period (today), in the UI's language.
    // (The page may render the new view a moment after the address changes.)
    await page
      .locator('a[href^="/exports/coverage.geojson"][href*="theme="]')
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    expect(await page.getByRole('link', { name: 'Данные карты (GeoJSON)' }).getAttribute('href')).toMatch(
      /^\/exports\/coverage\.geojson\?level=DISTRICT&theme=CONFLICT_PREVENTION&activeOn=\d{4}-\d{2}-\d{2}&lang=ru$/,
    );
    // With the theme chosen, the district is coloured by its projects on it: ours among them.
    await district.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`unit=${BATKEN_RAYON}`));
    const panel = page.getByRole('region', { name: names['rayon:ru'] });
    await panel.getByRole('link', { name: TITLE_RU }).waitFor();
    await expectClean(ui, 'public-map-ru-district');

    await panel.getByRole('link', { name: TITLE_RU }).click();
    await page.getByRole('heading', { level: 1, name: TITLE_RU }).waitFor();
    expect(page.url()).toContain(`/projects/${projectId}`);
    await page.getByText('Реализуется').first().waitFor();
    // The districts drawn from the shipped boundaries, the project's one marked as covered.
    const projectMap = page.getByRole('region', { name: 'Карта районов, где работает проект' });
    await projectMap.locator('path.leaflet-interactive').nth(50).waitFor();
    expect(await projectMap.locator('path.leaflet-interactive[fill="#1c7ed6"]').count()).toBe(1);
    await expectClean(ui, 'public-project-ru');
    await ui.context.close();
  });

  it('reads in Kyrgyz, as a table too, and keeps the view in the link', async () => {
    const ui = await openUi(browser, server.url, 'ky');
    const { page } = ui;
    await page.goto('/?view=table&theme=CONFLICT_PREVENTION');
    await page.getByRole('heading', { level: 1, name: 'Ким кайда иштейт' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: names['rayon:ky'] });
    await row.waitFor();
    await expectClean(ui, 'public-map-ky-table');
    // Committed money in a chosen currency, written when the table shows it (as a number with the currency, or the note that a rate is missing).
    await page.goto('/?view=table&theme=CONFLICT_PREVENTION&measure=funding&currency=USD');
    const fundingRow = page.getByRole('row').filter({ hasText: names['rayon:ky'] });
    await page.getByRole('columnheader', { name: /Каржылоо милдеттенмелери/ }).waitFor();
    expect(await fundingRow.innerText()).toMatch(/\d\s*(\$|US)|валюта курсу жок/);
    await page.goto('/?view=table&theme=CONFLICT_PREVENTION');
    await row.getByRole('button').click();
    await page.getByRole('region', { name: names['rayon:ky'] }).getByRole('link', { name: TITLE_RU }).waitFor();
    // The map itself, with the district chosen by mouse.
    await page.getByRole('tab', { name: 'Карта' }).click();
    await page.getByRole('button', { name: new RegExp(`^${names['rayon:ky']}:`) }).click();
    await expectClean(ui, 'public-map-ky');
    await ui.context.close();
  });
});

describe('the public map on a phone', () => {
  it('folds its filters behind a button that counts those in use, so the map is on the first screen', async () => {
    const ui = await openUi(browser, server.url, 'ru', { width: 390, height: 844 });
    const { page } = ui;
    await page.goto('/');
    const district = page.getByRole('button', { name: new RegExp(`^${names['rayon:ru']}:`) });
    await district.waitFor();
    const theme = page.getByRole('combobox', { name: 'Тема' });
    expect(await theme.isVisible()).toBe(false);
    expect(
      (await page
        .getByRole('region', { name: /^Карта/ })
        .first()
        .boundingBox())!.y,
    ).toBeLessThan(844);
    const toggle = page.getByRole('button', { name: 'Фильтры', exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await theme.selectOption({ label: names['theme:ru'] });
    await page.waitForURL(/theme=CONFLICT_PREVENTION/);
    await page.getByRole('button', { name: 'Фильтры: 1' }).waitFor();
    await expectClean(ui, 'public-map-ru-phone-filters');
    await ui.context.close();
  });
});

describe("a project's page", () => {
  it('opened from a shared link asks for its data once, from the entry before the app runs', async () => {
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    const sent = recordGraphqlOperations(page);
    await page.goto(`/projects/${projectId}`);
    await page.getByRole('heading', { level: 1, name: TITLE_RU }).waitFor();
    await page.getByRole('region', { name: 'Карта районов, где работает проект' }).locator('path.leaflet-interactive').nth(50).waitFor();
    await page.waitForLoadState('networkidle');
    for (const operation of ['ProjectDetail', 'ProjectOverlaps', 'ProjectMapDistricts']) expect(sent.filter((name) => name.startsWith(operation))).toEqual([operation]);
    expect(ui.problems).toEqual([]);
    await ui.context.close();
  });
});

describe('the project list', () => {
  it('searches and pages, with the filters in the link', async () => {
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    await page.goto('/projects');
    await page.getByRole('heading', { level: 1, name: 'Проекты' }).waitFor();
    await page.getByRole('textbox', { name: 'Поиск' }).fill('Баткенском');
    await page.waitForURL(/q=/);
    await page.getByRole('link', { name: TITLE_RU }).waitFor();
    await expectClean(ui, 'public-projects-ru');
    await ui.context.close();
  });
});
