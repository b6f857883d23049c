/**
 * Organisations and reference data in a browser: the public directory and an organisation's
 * page (Kyrgyz); the secretariat registers an organisation and edits it through a CONFLICT
 * (Russian); a partner editor may edit only its own; the secretariat creates a theme, sets an
 * exchange rate and marks an ayil aimak as a border area (Kyrgyz).
 */
import type { Browser } from 'playwright-core';
import { accessibilityViolations, launchBrowser, missingTranslations, openUi, screenshot, type UiPage, expectClean } from '../support/browser';
import { createOrganisation, createProject } from '../support/fixtures';
import { createPerson, type Person, signInBySession } from '../support/people';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(150_000);

const LEILEK_RAYON = 'KG05236000000';
const NETWORK = { ky: 'Фергана өрөөнүнүн тынчтык тармагы', ru: 'Сеть мира Ферганской долины', en: 'Ferghana Valley Peace Network' };
const PROJECT_TITLE = 'Диалог молодёжи в Лейлеке';

let server: TestServer;
let browser: Browser;
let secretariat: Person;
let partner: Person;
let networkId: string;
let otherId: string;
let unit: { code: string; name: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const created = await server.graphql<{ createOrganisation: { id: string } }, object>('mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }', {
    input: { name: NETWORK, acronym: 'FVPN', kind: 'NATIONAL_NGO', country: 'KG', iatiIdentifier: 'KG-TEST-0001', website: 'https://fvpn.example.kg', source: 'Test fixture' },
  });
  networkId = created.data!.createOrganisation.id;
  otherId = await createOrganisation(server, 'Another Partner Organisation');
  await createProject(server, {
    title: { ru: PROJECT_TITLE, en: 'Youth dialogue in Leilek' },
    status: 'IMPLEMENTATION',
    plannedStart: '2025-01-01',
    plannedEnd: '2030-12-31',
    coverage: [{ unitCode: LEILEK_RAYON }],
    participants: [
      { organisationId: networkId, role: 'IMPLEMENTING' },
      { organisationId: otherId, role: 'FUNDING' },
    ],
  });
  const bodies = await server.graphql<{ coordinationBodies: { id: string; kind: string }[] }, object>('{ coordinationBodies { id kind } }');
  const council = bodies.data!.coordinationBodies.find((body) => body.kind === 'DONOR_COORDINATION_COUNCIL')!;
  const member = await server.graphql('mutation ($b: ID!, $o: ID!) { addMembership(input: { bodyId: $b, organisationId: $o, role: OBSERVER, startDate: "2025-03-01" }) { id } }', {
    b: council.id,
    o: networkId,
  });
  expect(member.errors).toBeUndefined();
  secretariat = await createPerson(server, 'SECRETARIAT', null, 'Нургүл Катчы');
  partner = await createPerson(server, 'PARTNER_EDITOR', networkId, 'Бакыт Өнөктөш');
  const units = await server.graphql<{ adminUnits: { nodes: { code: string; name: string; borderArea: boolean }[] } }, object>(
    `{ adminUnits(filter: { parentCode: "${LEILEK_RAYON}", borderArea: false }, first: 50) { nodes { code name borderArea } } }`,
    {},
    { headers: { 'accept-language': 'ky' } },
  );
  unit = units.data!.adminUnits.nodes.find((node) => node.name === 'Kulundu') ?? units.data!.adminUnits.nodes[0];
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('organisations', () => {
  it('lists organisations and shows one with its projects and council seat, to the public (Kyrgyz)', async () => {
    const ui = await openUi(browser, server.url, 'ky');
    const { page } = ui;
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Уюмдар' }).click();
    await page.getByRole('heading', { level: 1, name: 'Уюмдар' }).waitFor();
    await page.getByRole('textbox', { name: 'Издөө' }).fill('Фергана');
    await page.waitForURL(/q=/);
    await page.getByRole('link', { name: NETWORK.ky }).waitFor();
    await page.getByRole('combobox', { name: 'Түрү' }).click();
    await page.getByRole('option', { name: 'Улуттук бейөкмөт уюм' }).click();
    await page.waitForURL(/kind=NATIONAL_NGO/);
    const row = page.getByRole('row').filter({ hasText: NETWORK.ky });
    await row.getByText('Кыргызстан').waitFor();
    await expectClean(ui, 'organisations-ky');
    // Another kind hides it.
    await page.goto('/organisations?q=Фергана&kind=MULTILATERAL');
    await page.getByText('Бул шарттарга туура келген уюм жок.').waitFor();

    await page.goto('/organisations?q=Фергана');
    await page.getByRole('link', { name: NETWORK.ky }).click();
    await page.getByRole('heading', { level: 1, name: NETWORK.ky }).waitFor();
    const about = page.getByRole('region', { name: 'Уюм жөнүндө' });
    await about
      .getByRole('row', { name: /Орусча аталышы/ })
      .getByText(NETWORK.ru)
      .waitFor();
    await about
      .getByRole('row', { name: /Англисче аталышы/ })
      .getByText(NETWORK.en)
      .waitFor();
    await about.getByText('KG-TEST-0001').waitFor();
    await about.getByRole('link', { name: 'https://fvpn.example.kg' }).waitFor();
    const projects = page.getByRole('region', { name: /^Долбоорлору/ });
    await projects.getByRole('row').filter({ hasText: PROJECT_TITLE }).getByText('Ишке ашырат').waitFor();
    const council = page.getByRole('region', { name: 'Координациялык органдардагы учурдагы орундары' });
    await council.getByText('Байкоочу').waitFor();
    // The public sees no edit button.
    expect(await page.getByRole('link', { name: 'Өзгөртүү' }).count()).toBe(0);
    await expectClean(ui, 'organisation-ky');
    await ui.context.close();

    // On a phone the page reflows: one column, nothing wider than the screen.
    const phone = await openUi(browser, server.url, 'ky', { width: 390, height: 844 });
    await phone.page.goto(`/organisations/${networkId}`);
    await phone.page.getByRole('heading', { level: 1, name: NETWORK.ky }).waitFor();
    await phone.page.getByRole('region', { name: 'Координациялык органдардагы учурдагы орундары' }).getByText('Байкоочу').waitFor();
    expect(
      await phone.page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(390);
    await expectClean(phone, 'organisation-ky-phone');
    await phone.context.close();
  });

  it('lets the secretariat register an organisation, with errors next to the fields (Russian)', async () => {
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    await signInBySession(page, secretariat, '/organisations');
    await page.getByRole('link', { name: 'Зарегистрировать организацию' }).click();
    await page.getByRole('heading', { level: 1, name: 'Регистрация организации' }).waitFor();
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();
    await page.getByText('Введите название хотя бы на одном языке.').waitFor();
    await page.getByText('Выберите вид организации.').waitFor();

    await page.getByLabel('Название на русском').fill('Институт местной демократии');
    await page.getByLabel('Название на английском').fill('Local Democracy Institute');
    await page.getByLabel('Сокращение').fill('LDI');
    await page.getByRole('combobox', { name: 'Вид' }).fill('Акад');
    await page.getByRole('option', { name: 'Академическая, учебная или исследовательская организация' }).click();
    await page.getByLabel('Страна').fill('kg');
    await page.getByLabel('Веб-сайт').fill('ldi.example.kg');
    // UNDP's identifier is taken: the hub says so next to the field.
    await page.getByLabel('Идентификатор IATI').fill('XM-DAC-41114');
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();
    await page.getByText('Введите веб-адрес, начинающийся с http:// или https://.').waitFor();
    await page.getByLabel('Веб-сайт').fill('https://ldi.example.kg');
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();
    await page.getByText('Этот идентификатор IATI уже есть у другой организации.').waitFor();
    await expectClean(ui, 'organisation-new-ru-errors');
    await page.getByLabel('Идентификатор IATI').fill('');
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();
    await page.getByRole('heading', { level: 1, name: 'Институт местной демократии' }).waitFor();
    expect(page.url()).toMatch(/\/organisations\/[0-9a-f-]{36}$/);
    await page.getByRole('region', { name: 'Об организации' }).getByText('Академическая, учебная или исследовательская организация', { exact: false }).waitFor();
    await ui.context.close();
  });

  it("keeps the secretariat's input when someone else changed the organisation meanwhile (Russian)", async () => {
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    await signInBySession(page, secretariat, `/organisations/${networkId}`);
    await page.getByRole('link', { name: 'Изменить' }).click();
    await page.getByRole('heading', { level: 1, name: `Изменить: ${NETWORK.ru}` }).waitFor();
    await expectClean(ui, 'organisation-edit-ru');
    await page.getByLabel('Сокращение').fill('FVPN-KG');
    const changed = await server.graphql('mutation ($id: ID!) { updateOrganisation(id: $id, input: { source: "Changed by someone else" }) { version } }', { id: networkId });
    expect(changed.errors).toBeUndefined();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('alert').filter({ hasText: 'Изменено кем-то другим' }).waitFor();
    await expect(page.getByLabel('Сокращение').inputValue()).resolves.toBe('FVPN-KG');
    await expectClean(ui, 'organisation-edit-ru-conflict');
    await page.getByRole('button', { name: 'Загрузить последнюю версию' }).click();
    await page.getByRole('alert').filter({ hasText: 'Изменено кем-то другим' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('heading', { level: 1, name: NETWORK.ru }).waitFor();
    await page
      .getByRole('region', { name: 'Об организации' })
      .getByRole('row', { name: /Сокращение/ })
      .getByText('FVPN-KG')
      .waitFor();
    // The staff may open the record's history in the audit log.
    await page.getByRole('link', { name: 'История изменений' }).click();
    await page.getByRole('heading', { level: 1, name: 'Журнал изменений' }).waitFor();
    await page.getByRole('article').filter({ hasText: 'FVPN-KG' }).waitFor();
    expect(ui.problems).toEqual([]);
    await ui.context.close();
  });

  it('lets a partner editor edit its own organisation and no other (Kyrgyz)', async () => {
    const ui = await openUi(browser, server.url, 'ky');
    const { page } = ui;
    await signInBySession(page, partner, `/organisations/${otherId}`);
    await page.getByRole('heading', { level: 1, name: 'Another Partner Organisation' }).waitFor();
    expect(await page.getByRole('link', { name: 'Өзгөртүү' }).count()).toBe(0);
    await page.goto(`/app/organisations/${otherId}/edit`);
    await page.getByRole('alert').filter({ hasText: 'Сиз үчүн жеткиликсиз' }).waitFor();

    await page.goto(`/organisations/${networkId}`);
    await page.getByRole('link', { name: 'Өзгөртүү' }).click();
    await page.getByRole('heading', { level: 1, name: `Өзгөртүү: ${NETWORK.ky}` }).waitFor();
    await page.getByLabel('Веб-сайт').fill('https://fvpn.example.org');
    await page.getByRole('button', { name: 'Сактоо' }).click();
    await page.getByRole('heading', { level: 1, name: NETWORK.ky }).waitFor();
    await page.getByRole('link', { name: 'https://fvpn.example.org' }).waitFor();
    expect(await missingTranslations(page)).toEqual([]);
    expect(ui.problems).toEqual([]);
    await ui.context.close();
  });
});

describe('reference data', () => {
  let ui: UiPage;

  beforeAll(async () => {
    ui = await openUi(browser, server.url, 'ky');
    await signInBySession(ui.page, secretariat, '/app/reference');
  });

  afterAll(async () => {
    await ui.context.close();
  });

  it('creates a theme, refusing a bad DAC code first (Kyrgyz)', async () => {
    const { page } = ui;
    await page.getByRole('heading', { level: 1, name: 'Маалымдамалар' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'CONFLICT_PREVENTION' }).waitFor();
    await expectClean(ui, 'reference-themes-ky');

    await page.getByRole('button', { name: 'Жаңы тема' }).click();
    const dialog = page.getByRole('dialog', { name: 'Жаңы тема' });
    await dialog.getByLabel('Коду').fill('water disputes');
    await expect(dialog.getByLabel('Коду').inputValue()).resolves.toBe('WATER_DISPUTES');
    await dialog.getByLabel('Кыргызча аталышы').fill('Суу талаш-тартыштары');
    await dialog.getByLabel('Орусча аталышы').fill('Споры из-за воды');
    await dialog.getByLabel('Англисче аталышы').fill('Water disputes');
    await dialog.getByLabel('Англисче сыпаттамасы').fill('Sharing irrigation water between communities.');
    const dac = dialog.getByRole('combobox', { name: 'DAC коддору' });
    await dac.fill('1522');
    await dac.press('Enter');
    await dialog.getByRole('button', { name: 'Теманы түзүү' }).click();
    await dialog.getByText('Ар бир DAC коду так 5 сандан турат, мисалы 15220.').waitFor();
    await screenshot(page, 'reference-theme-new-ky');
    expect(await accessibilityViolations(page)).toEqual([]);
    await dac.press('Backspace');
    await dac.fill('15220');
    await dac.press('Enter');
    await dialog.getByRole('button', { name: 'Теманы түзүү' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: 'WATER_DISPUTES' });
    await row.getByText('Суу талаш-тартыштары').first().waitFor();
    await row.getByText('15220').waitFor();
    const { data } = await server.graphql<{ themes: { code: string; dacCodes: string[] }[] }, object>('{ themes { code dacCodes } }');
    expect(data!.themes.find((theme) => theme.code === 'WATER_DISPUTES')?.dacCodes).toEqual(['15220']);

    // Editing keeps the code and moves the theme up the list.
    await row.getByRole('button', { name: 'Өзгөртүү: Суу талаш-тартыштары' }).click();
    const edit = page.getByRole('dialog', { name: 'Теманы өзгөртүү: Суу талаш-тартыштары' });
    await expect(edit.getByLabel('Коду').isDisabled()).resolves.toBe(true);
    await edit.getByLabel('Ирети').fill('0');
    await edit.getByRole('button', { name: 'Сактоо' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByRole('row').nth(1).filter({ hasText: 'WATER_DISPUTES' }).waitFor();
    expect(ui.problems).toEqual([]);
  });

  it('sets an exchange rate typed as som per dollar (Kyrgyz)', async () => {
    const { page } = ui;
    await page.getByRole('tab', { name: 'Валюта курстары' }).click();
    await page.waitForURL(/tab=rates/);
    const form = page.getByRole('form', { name: 'Курсту жазуу' });
    await form.getByRole('textbox', { name: 'Бир АКШ доллары канча KGS турат' }).fill('87,45');
    await form.getByText('Мындай сакталат: 1 KGS = 0.011435105775 USD').waitFor();
    await form.getByLabel('Булагы').fill('Кыргыз Республикасынын Улуттук банкы, 2026');
    await form.getByRole('button', { name: 'Курсту сактоо' }).click();
    const rateRow = page.getByRole('row').filter({ hasText: '0.011435105775' });
    await rateRow.getByText('Кыргыз Республикасынын Улуттук банкы, 2026').waitFor();
    await expectClean(ui, 'reference-rates-ky');
    const { data } = await server.graphql<{ exchangeRates: { rate: string; source: string }[] }, object>('{ exchangeRates(currency: "KGS") { rate source } }');
    expect(data!.exchangeRates.map((rate) => rate.rate)).toContain('0.011435105775');
  });

  it('marks an ayil aimak as a border area, and lists it (Kyrgyz)', async () => {
    const { page } = ui;
    await page.getByRole('tab', { name: 'Чек ара жана көп улуттуу аймактар' }).click();
    await page.waitForURL(/tab=flags/);
    // The seeds mark Batken rayon's border ayil aimaks: they are listed already.
    await page.getByRole('heading', { level: 2, name: 'Белгиленген аймактар' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: unit.name }).count()).toBe(0);
    await page.getByRole('combobox', { name: 'Аймак' }).fill(unit.name);
    await page
      .getByRole('option', { name: new RegExp(`^${unit.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — `) })
      .first()
      .click();
    await page.waitForURL(new RegExp(`unit=${unit.code}`));
    const form = page.getByRole('form', { name: `Белгилер: ${unit.name}` });
    await form.getByText('Белгилер азырынча коюлган эмес.').waitFor();
    await form.getByRole('switch', { name: 'Чек ара аймагы' }).check();
    await form.getByRole('button', { name: 'Белгилерди сактоо' }).click();
    await form.getByText('Бул белгилер кайдан алынганын көрсөтүңүз.').waitFor();
    await form.getByLabel('Булагы').fill('Кеңештин чечими №3, 2026-жылдын 12-марты');
    await form.getByRole('button', { name: 'Белгилерди сактоо' }).click();
    const listed = page.getByRole('row').filter({ hasText: unit.name });
    await listed.getByText('Кеңештин чечими №3, 2026-жылдын 12-марты').waitFor();
    await expectClean(ui, 'reference-flags-ky');
    const { data } = await server.graphql<{ adminUnit: { borderArea: boolean; multiEthnic: boolean } }, object>(`{ adminUnit(code: "${unit.code}") { borderArea multiEthnic } }`);
    expect(data!.adminUnit).toEqual({ borderArea: true, multiEthnic: false });
  });
});
