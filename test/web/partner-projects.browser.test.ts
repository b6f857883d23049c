/**
 * Walk 2 of the web UI issue, up to overlaps: a partner editor opens "My organisation's
 * projects", creates a project whose places are found by typing a Cyrillic name and by browsing
 * region → district → ayil aimak, sees the overlap with another organisation's project before
 * saving, meets a server error next to its field, saves, sees the overlap on the project page,
 * edits it while someone else changes it (CONFLICT) and recovers with the reload, keeping the
 * input; adds money. The form in Kyrgyz too. A partner viewer sees no edit controls.
 */
import type { Browser, Page } from 'playwright-core';
import { UpdateProjectDocument } from '../generated/graphql';
import { accessibilityViolations, launchBrowser, openUi, screenshot, expectClean, eventually } from '../support/browser';
import { createOrganisation, createProject } from '../support/fixtures';
import { createPerson, type Person, signInBySession } from '../support/people';
import { startTestServer, type TestServer } from '../support/test-server';

const BATKEN_OBLAST = 'KG05000000000';
const BATKEN_RAYON = 'KG05214000000';
const LEILEK_RAYON = 'KG05236000000';
const AK_TATYR = `${BATKEN_RAYON}-AK-TATYR`;
const OTHER_TITLE = 'Профилактика конфликтов в Ак-Татыре';
const OWN_OLD_TITLE = 'Муниципальный диалог в Чуйской области';
const NEW_TITLE = 'Диалог общин Баткенского района';
const EDITED_TITLE = 'Диалог общин Баткенского и Лейлекского районов';
const TAKEN_IATI = 'XM-TEST-TAKEN-1';

// Each test walks several pages with axe on a shared two-core machine.
jest.setTimeout(150_000);

let server: TestServer;
let browser: Browser;
let editor: Person;
let viewer: Person;
let funder: Person;
let otherProjectId: string;
let ownOldProjectId: string;
const names: Record<string, string> = {};

async function name(language: 'ru' | 'ky', query: string): Promise<string> {
  const { data } = await server.graphql<{ adminUnit?: { name: string }; themes?: { code: string; name: string }[] }, object>(
    query,
    {},
    { headers: { 'accept-language': language } },
  );
  return data!.adminUnit?.name ?? data!.themes!.find((theme) => theme.code === 'CONFLICT_PREVENTION')!.name;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const own = await createOrganisation(server, 'Yntymak Test Foundation', 'NATIONAL_NGO');
  const other = await createOrganisation(server, 'Other Peace NGO', 'INTERNATIONAL_NGO');
  const donor = await createOrganisation(server, 'Donor Test Fund', 'MULTILATERAL');
  otherProjectId = (
    await createProject(server, {
      title: { ru: OTHER_TITLE },
      status: 'IMPLEMENTATION',
      plannedStart: '2026-01-01',
      plannedEnd: '2027-12-31',
      themeCodes: ['CONFLICT_PREVENTION'],
      coverage: [{ unitCode: AK_TATYR }],
      participants: [
        { organisationId: other, role: 'IMPLEMENTING' },
        { organisationId: donor, role: 'FUNDING' },
      ],
      iatiIdentifier: TAKEN_IATI,
    })
  ).id;
  ownOldProjectId = (
    await createProject(server, {
      title: { ru: OWN_OLD_TITLE },
      status: 'IMPLEMENTATION',
      plannedStart: '2025-01-01',
      plannedEnd: '2026-12-31',
      themeCodes: ['LOCAL_SELF_GOVERNMENT'],
      coverage: [{ unitCode: 'KG08000000000' }],
      participants: [{ organisationId: own, role: 'IMPLEMENTING' }],
    })
  ).id;
  editor = await createPerson(server, 'PARTNER_EDITOR', own, 'Айбек Осмонов');
  viewer = await createPerson(server, 'PARTNER_VIEWER', own, 'Гулнара Исакова');
  funder = await createPerson(server, 'PARTNER_EDITOR', donor, 'Donor Officer');
  for (const language of ['ru', 'ky'] as const) {
    names[`oblast:${language}`] = await name(language, `{ adminUnit(code: "${BATKEN_OBLAST}") { name } }`);
    names[`rayon:${language}`] = await name(language, `{ adminUnit(code: "${BATKEN_RAYON}") { name } }`);
    names[`leilek:${language}`] = await name(language, `{ adminUnit(code: "${LEILEK_RAYON}") { name } }`);
    names[`akTatyr:${language}`] = await name(language, `{ adminUnit(code: "${AK_TATYR}") { name } }`);
    names[`theme:${language}`] = await name(language, '{ themes { code name } }');
  }
  const { data } = await server.graphql<{ adminUnit: { children: { code: string; name: string }[] } }, object>(
    `{ adminUnit(code: "${LEILEK_RAYON}") { children { code name } } }`,
    {},
    { headers: { 'accept-language': 'ru' } },
  );
  names['leilekVillage:ru'] = data!.adminUnit.children[0].name;
  names['leilekVillageCode'] = data!.adminUnit.children[0].code;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Types a day into a date field (YYYY-MM-DD, as the fields show it) and leaves it. */
async function typeDate(page: Page, label: string, day: string) {
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.fill(day);
  await field.press('Tab');
  await eventually(() => field.inputValue(), day);
}

const overlapSection = (page: Page) => page.getByRole('region', { name: 'Кто ещё работает там же' });

describe('a partner editor', () => {
  let createdId: string;

  it('creates a project, finding places by name and in the tree, and sees the overlap before saving (Russian)', async () => {
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    await signInBySession(page, editor, '/app/projects');
    await page.getByRole('heading', { level: 1, name: 'Проекты моей организации' }).waitFor();
    await page.getByRole('link', { name: OWN_OLD_TITLE, exact: true }).waitFor();
    // Another organisation's project is not among ours.
    expect(await page.getByRole('link', { name: OTHER_TITLE, exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Изменить: ' + OWN_OLD_TITLE }).waitFor();
    await expectClean(ui, 'partner-projects-list-ru');

    // Search and status filters go into the link.
    await page.getByRole('textbox', { name: 'Поиск по названию' }).fill('нет такого');
    await page.waitForURL(/q=/);
    await page.getByText('Нет проектов, подходящих под фильтры.').waitFor();
    await page.goto('/app/projects');

    await page.getByRole('link', { name: 'Новый проект' }).click();
    await page.getByRole('heading', { level: 1, name: 'Новый проект' }).waitFor();
    // The partner's own organisation is there, implementing, and the form says what the server does.
    await page.getByText('При сохранении ваша организация (Yntymak Test Foundation) будет добавлена как исполнитель').waitFor();
    await eventually(() => page.getByRole('combobox', { name: 'Организация 1' }).inputValue(), 'Yntymak Test Foundation');
    await page.getByText('Выберите хотя бы одно место и одну тему').waitFor();

    await page.getByRole('textbox', { name: 'Название на русском' }).fill(NEW_TITLE);
    await page.getByRole('combobox', { name: 'Статус' }).click();
    await page.getByRole('option', { name: 'Реализуется' }).click();
    await typeDate(page, 'Плановое начало', '2026-03-01');
    await typeDate(page, 'Плановое окончание', '2027-02-28');
    await page.getByRole('combobox', { name: 'Темы' }).click();
    await page.getByRole('option', { name: names['theme:ru'] }).click();
    await page.keyboard.press('Escape');

    // (a) A district found by typing its name in Cyrillic.
    await page.getByRole('combobox', { name: 'Найти место' }).fill('Баткен');
    await page.getByRole('option', { name: new RegExp(`^${names['rayon:ru']} — ${names['oblast:ru']}`) }).click();
    await page.getByRole('heading', { name: 'Выбрано 1 место' }).waitFor();
    await page.getByRole('button', { name: `Убрать ${names['rayon:ru']}` }).waitFor();
    // (b) An ayil aimak found by browsing region → district → ayil aimak.
    await page.getByRole('button', { name: 'Выбрать из списка мест' }).click();
    await page.getByRole('button', { name: `Показать, что входит в ${names['oblast:ru']}` }).click();
    await page.getByRole('button', { name: `Показать, что входит в ${names['leilek:ru']}` }).click();
    await page.getByRole('checkbox', { name: `${names['leilekVillage:ru']} (айыл аймак или город)` }).check();
    await page.getByRole('heading', { name: 'Выбрано 2 места' }).waitFor();
    // The district the ayil aimak lies in is shown as partly chosen.
    expect(await page.getByRole('checkbox', { name: `${names['leilek:ru']} (район)` }).isChecked()).toBe(false);
    await page.getByRole('region', { name: 'Карта районов, где работает проект' }).waitFor();

    // Before saving: the other organisation's project in Ak-Tatyr, with the score in words.
    const preview = overlapSection(page);
    const pair = preview.getByRole('article').filter({ hasText: OTHER_TITLE });
    await pair.getByRole('link', { name: new RegExp(OTHER_TITLE) }).waitFor();
    await pair.getByText(`Тот же айыл аймак или город: ${names['akTatyr:ru']}.`).waitFor();
    await pair.getByText(`Общие темы: ${names['theme:ru']} (100 % их тем).`).waitFor();
    // 2026-03-01 to 2027-02-28 lies wholly inside the other project's 2026–2027.
    await pair.getByText(/с 1\s+марта\s+2026\s+г\.\s+по\s+28\s+февраля\s+2027\s+г\.:\s+100\s*%\s+срока более короткого проекта/).waitFor();
    // The count said (seeded projects in Batken take part too) is the number of pairs listed.
    const listed = await preview.getByRole('article').count();
    await preview.getByText(new RegExp(`^С этим проектом пересека(ется|ются) ${listed} проект`)).waitFor();
    await expectClean(ui, 'partner-project-new-ru');

    // A server-side refusal lands next to its field.
    await page.getByRole('textbox', { name: 'Идентификатор IATI' }).fill(TAKEN_IATI);
    await page.getByRole('button', { name: 'Сохранить проект' }).click();
    await page.getByText('Этот идентификатор IATI уже есть у другого проекта в системе.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Идентификатор IATI' }).getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toMatch(/\/app\/projects\/new$/);
    await page.getByRole('textbox', { name: 'Идентификатор IATI' }).fill('');

    // The notice closes itself after a few seconds: watched for from the click on, so a busy machine cannot miss it.
    const created = page.getByText('Проект сохранён.').waitFor();
    await page.getByRole('button', { name: 'Сохранить проект' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    createdId = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: NEW_TITLE }).waitFor();
    await created;
    // After saving, the project page lists the same overlap.
    await page.locator('section').filter({ hasText: 'Другие организации, работающие там же' }).getByRole('link', { name: OTHER_TITLE, exact: true }).waitFor();
    await page.getByRole('link', { name: 'Изменить проект' }).waitFor();
    expect(ui.problems).toEqual([]);

    const { data } = await server.graphql<
      { project: { participants: { role: string; organisation: { name: string } }[]; coverage: { unit: { code: string } }[]; status: string } },
      object
    >(`{ project(id: "${createdId}") { status participants { role organisation { name } } coverage { unit { code } } } }`);
    expect(data!.project.status).toBe('IMPLEMENTATION');
    expect(data!.project.coverage.map((entry) => entry.unit.code).sort()).toEqual([BATKEN_RAYON, names['leilekVillageCode']].sort());
    expect(data!.project.participants).toEqual([{ role: 'IMPLEMENTING', organisation: { name: 'Yntymak Test Foundation' } }]);
    await ui.context.close();
  });

  it('edits the project, meets a concurrent change, reloads keeping the input, and saves (Russian)', async () => {
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    await signInBySession(page, editor, `/projects/${createdId}`);
    await page.getByRole('heading', { level: 1, name: NEW_TITLE }).waitFor();
    await page.getByRole('link', { name: 'Изменить проект' }).click();
    await page.getByRole('heading', { level: 1, name: `Изменение проекта: ${NEW_TITLE}` }).waitFor();
    const title = page.getByRole('textbox', { name: 'Название на русском' });
    await eventually(() => title.inputValue(), NEW_TITLE);
    await overlapSection(page)
      .getByRole('link', { name: new RegExp(OTHER_TITLE) })
      .waitFor();
    await expectClean(ui, 'partner-project-edit-ru');

    await title.fill(EDITED_TITLE);
    // Meanwhile someone else changes the project's stage and its title.
    const changed = await server.graphql(UpdateProjectDocument, { id: createdId, input: { status: 'FINALISATION', title: { ru: 'Чужое название' } } });
    expect(changed.errors).toBeUndefined();
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Изменено кем-то другим' }).waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'partner-project-conflict-ru');
    await page.getByRole('button', { name: 'Загрузить последнюю версию' }).click();
    await page.getByText('Загружена последняя версия').waitFor();
    await page.getByText('Статус: Завершается').waitFor();
    // The user's input is kept; the field they had not touched shows the other person's change.
    expect(await title.inputValue()).toBe(EDITED_TITLE);
    await eventually(() => page.getByRole('combobox', { name: 'Статус' }).inputValue(), 'Завершается');
    await page.getByText('Название на русском: «Чужое название»').waitFor();
    await page.getByText('Вы оба изменили: Название на русском.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const saved = page.getByText('Сохранено.').waitFor();
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.waitForURL(new RegExp(`/projects/${createdId}$`));
    await page.getByRole('heading', { level: 1, name: EDITED_TITLE }).waitFor();
    await saved;
    expect(ui.problems).toEqual([]);
    await ui.context.close();
  });

  it('adds a budget and a transaction on the edit page, each saved at once (Russian)', async () => {
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    await signInBySession(page, editor, `/projects/${createdId}`);
    await page.getByRole('link', { name: 'Изменить проект' }).click();
    await page.getByRole('heading', { level: 1, name: `Изменение проекта: ${EDITED_TITLE}` }).waitFor();
    const budget = page.getByRole('form', { name: 'Добавить бюджет' });
    await typeDate(page, 'Начало периода', '2026-03-01');
    await typeDate(page, 'Конец периода', '2027-02-28');
    await budget.getByRole('textbox', { name: 'Сумма' }).fill('0');
    await budget.getByRole('button', { name: 'Добавить бюджет' }).click();
    await budget.getByText('Введите сумму больше нуля').waitFor();
    await budget.getByRole('textbox', { name: 'Сумма' }).fill('48 000,50');
    await budget.getByRole('button', { name: 'Добавить бюджет' }).click();
    await page.getByText('Бюджет добавлен.').waitFor();
    await page.getByRole('cell', { name: /^48\s000,5\s/ }).waitFor();
    const transaction = page.getByRole('form', { name: 'Внести транзакцию' });
    await transaction.getByRole('textbox', { name: 'Сумма' }).fill('12000');
    await typeDate(page, 'Дата', '2026-03-15');
    await transaction.getByRole('button', { name: 'Внести транзакцию' }).click();
    await page.getByText('Транзакция внесена.').waitFor();
    await page.getByRole('cell', { name: 'Обязательство' }).waitFor();
    await expectClean(ui, 'partner-project-money-ru');
    const { data } = await server.graphql<{ project: { title: string; status: string; budgets: { amount: string }[]; transactions: { amount: string }[] } }, object>(
      `{ project(id: "${createdId}") { title(lang: RU) status budgets { amount } transactions { amount } } }`,
    );
    expect(data!.project).toEqual({ title: EDITED_TITLE, status: 'FINALISATION', budgets: [{ amount: '48000.50' }], transactions: [{ amount: '12000.00' }] });
    await ui.context.close();
  });

  it('reads the form in Kyrgyz', async () => {
    const ui = await openUi(browser, server.url, 'ky');
    const { page } = ui;
    await signInBySession(page, editor, '/app/projects/new');
    await page.getByRole('heading', { level: 1, name: 'Жаңы долбоор' }).waitFor();
    await page.getByRole('textbox', { name: 'Кыргызча аталышы' }).fill('Баткен районундагы жамааттардын диалогу');
    await page.getByRole('combobox', { name: 'Темалар' }).click();
    await page.getByRole('option', { name: names['theme:ky'] }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Жерди табуу' }).fill('Batken');
    await page.getByRole('option', { name: new RegExp(`^${names['rayon:ky']} — `) }).click();
    const preview = page.getByRole('region', { name: 'Ошол жерде дагы ким иштейт' });
    const pair = preview.getByRole('article').filter({ hasText: OTHER_TITLE });
    await pair.getByText(`Ошол эле айыл аймак же шаар: ${names['akTatyr:ky']}.`).waitFor();
    await expectClean(ui, 'partner-project-new-ky');
    // On a phone the form reflows into one column, the preview below it.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Менюну көрсөтүү же жашыруу' }).waitFor();
    await expectClean(ui, 'partner-project-new-ky-phone');
    await page.setViewportSize({ width: 1366, height: 900 });

    await page.goto('/app/projects');
    await page.getByRole('heading', { level: 1, name: 'Уюмумдун долбоорлору' }).waitFor();
    await page.getByRole('link', { name: EDITED_TITLE, exact: true }).waitFor();
    await expectClean(ui, 'partner-projects-list-ky');
    await ui.context.close();
  });
});

describe('a partner viewer', () => {
  it('sees the projects but no edit controls (Russian)', async () => {
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    await signInBySession(page, viewer, '/app');
    await page.getByRole('link', { name: 'Проекты моей организации' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Проекты моей организации' }).waitFor();
    // Axe reads the page as it is, so the pointer must not rest on the link just clicked.
    await page.mouse.move(900, 5);
    await page.getByRole('link', { name: OWN_OLD_TITLE, exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Новый проект' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Изменить/ }).count()).toBe(0);
    await expectClean(ui, 'partner-projects-list-viewer-ru');

    await page.getByRole('link', { name: OWN_OLD_TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: OWN_OLD_TITLE }).waitFor();
    await page.getByText('Реализуется').first().waitFor();
    expect(await page.getByRole('link', { name: 'Изменить проект' }).count()).toBe(0);

    await page.goto(`/app/projects/${ownOldProjectId}/edit`);
    await page.getByRole('alert').filter({ hasText: 'Недоступно для вас' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Название на русском' }).count()).toBe(0);
    expect(ui.problems).toEqual([]);
    await ui.context.close();
  });
});

describe('a partner editor of another organisation', () => {
  it('gets no edit button on a project it does not run', async () => {
    const outsider = await createPerson(server, 'PARTNER_EDITOR', await createOrganisation(server, 'Outsider NGO'), 'Outsider');
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    await signInBySession(page, outsider, `/projects/${otherProjectId}`);
    await page.getByRole('heading', { level: 1, name: OTHER_TITLE }).waitFor();
    await page.getByText('Реализуется').first().waitFor();
    expect(await page.getByRole('link', { name: 'Изменить проект' }).count()).toBe(0);
    await page.goto(`/app/projects/${otherProjectId}/edit`);
    await page.getByText('Ваша организация не ведёт этот проект, поэтому изменить его нельзя.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Название на русском' }).count()).toBe(0);
    await ui.context.close();
  });
});

describe('a partner editor of an organisation that only funds a project', () => {
  it('records only its own money there, and is told clearly when the hub refuses (Russian)', async () => {
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    await signInBySession(page, funder, `/projects/${otherProjectId}`);
    await page.getByRole('heading', { level: 1, name: OTHER_TITLE }).waitFor();
    expect(await page.getByRole('link', { name: 'Изменить проект' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Внести средства' }).click();
    await page.getByRole('heading', { level: 1, name: `Средства проекта: ${OTHER_TITLE}` }).waitFor();
    await page.getByText('Ваша организация только финансирует этот проект').waitFor();
    expect(await page.getByRole('textbox', { name: 'Название на русском' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Добавить бюджет' }).count()).toBe(0);

    const transaction = page.getByRole('form', { name: 'Внести транзакцию' });
    await eventually(() => transaction.getByRole('combobox', { name: 'От кого (источник)' }).inputValue(), 'Donor Test Fund');
    await transaction.getByRole('textbox', { name: 'Сумма' }).fill('5000');
    await typeDate(page, 'Дата', '2026-02-01');
    // Money to an organisation that takes no part in the project: the hub refuses.
    await transaction.getByRole('combobox', { name: 'Кому (получатель)' }).fill('Yntymak');
    await page.getByRole('option', { name: 'Yntymak Test Foundation' }).click();
    await transaction.getByRole('button', { name: 'Внести транзакцию' }).click();
    await transaction.getByRole('alert').filter({ hasText: 'Система отказала: вашей организации это в этом проекте не разрешено.' }).waitFor();
    expect(await transaction.getByRole('combobox', { name: 'Кому (получатель)' }).getAttribute('aria-invalid')).toBe('true');
    await transaction.getByText('Эта организация не участвует в проекте.').waitFor();
    await expectClean(ui, 'partner-project-funder-refused-ru');

    await transaction.getByRole('combobox', { name: 'Кому (получатель)' }).fill('Other');
    await page.getByRole('option', { name: 'Other Peace NGO' }).click();
    await transaction.getByRole('button', { name: 'Внести транзакцию' }).click();
    await page.getByText('Транзакция внесена.').waitFor();
    await page.getByRole('cell', { name: 'Donor Test Fund → Other Peace NGO' }).waitFor();
    expect(ui.problems).toEqual([]);
    await ui.context.close();
  });
});
