/**
 * Activity reports in a browser, as people do the work: a partner editor (in Russian) writes a
 * draft and submits it, even when an answer is lost on the way; the secretariat (in Kyrgyz)
 * returns it with a comment (and cannot without one), the partner reads the comment, corrects
 * and resubmits, the secretariat accepts, and the public sees it on the project's page. Also a
 * new report submitted twice makes one, and a CSV import with a bad row writes nothing.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, missingTranslations, openUi, screenshot, type UiPage, expectClean } from '../support/browser';
import { createOrganisation, createProject } from '../support/fixtures';
import { createPerson, type Person, signInBySession } from '../support/people';
import { startTestServer, type TestServer } from '../support/test-server';

const BATKEN_RAYON = 'KG05214000000';
const AK_TATYR = 'KG05214849000';
const CHUI_RAYON = 'KG08223000000';
const PROJECT_TITLE = 'Диалог и местное самоуправление в Баткенском районе';
const REPORT_TITLE = 'Тренинг для сотрудников айыл окмоту в Ак-Татыре';
const COMMENT_KY = 'Жаштардын санын көрсөтүңүз.';

let server: TestServer;
let browser: Browser;
let organisation: string;
let projectId: string;
let editor: Person;
let secretariat: Person;
const names: Record<string, string> = {};

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  organisation = await createOrganisation(server, 'Ynthymak Partner NGO', 'NATIONAL_NGO');
  projectId = (
    await createProject(server, {
      title: { ru: PROJECT_TITLE, en: 'Dialogue and local self-government in Batken rayon' },
      status: 'IMPLEMENTATION',
      plannedStart: '2025-01-01',
      plannedEnd: '2030-12-31',
      themeCodes: ['CONFLICT_PREVENTION'],
      coverage: [{ unitCode: BATKEN_RAYON }],
      participants: [{ organisationId: organisation, role: 'IMPLEMENTING' }],
    })
  ).id;
  editor = await createPerson(server, 'PARTNER_EDITOR', organisation, 'Айгуль Садыкова');
  secretariat = await createPerson(server, 'SECRETARIAT', null, 'Нургүл Асанова');
  for (const [key, code] of [
    ['akTatyr', AK_TATYR],
    ['chui', CHUI_RAYON],
  ]) {
    const { data } = await server.graphql<{ adminUnit: { name: string } }, object>(`{ adminUnit(code: "${code}") { name } }`, {}, { headers: { 'accept-language': 'ru' } });
    names[key] = data!.adminUnit.name;
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Reports of the partner organisation as the hub has them (asked as ADMIN). */
async function reportsInHub(title?: string) {
  const { data, errors } = await server.graphql<
    { activityReports: { totalCount: number; nodes: { id: string; status: string; title: string; participantsYouth: number | null }[] } },
    object
  >('query ($org: ID) { activityReports(filter: { organisationId: $org }, first: 100) { totalCount nodes { id status title(lang: RU) participantsYouth } } }', {
    org: organisation,
  });
  expect(errors).toBeUndefined();
  const nodes = data!.activityReports.nodes.filter((node) => !title || node.title === title);
  return nodes;
}

/** The console errors a deliberately dropped answer causes. */
const DROPPED = /ERR_FAILED|Failed to fetch/;

/**
 * Lets the first request of this GraphQL operation reach the hub, then drops its answer, as a
 * failing mobile network does; later requests go through.
 */
async function dropFirstAnswer(page: Page, operationName: string): Promise<{ dropped: () => boolean }> {
  let dropped = false;
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (!dropped && body?.operationName === operationName) {
      dropped = true;
      await route.fetch();
      await route.abort('failed');
      return;
    }
    await route.continue();
  });
  return { dropped: () => dropped };
}

async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

async function addPlace(page: Page, label: string, search: string, name: string) {
  const input = page.getByRole('combobox', { name: label });
  await input.fill(search);
  await page
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .first()
    .click();
}

/** Fills the parts of the report form every test needs (Russian labels). */
async function fillReport(page: Page, title: string) {
  await choose(page, /^Проект/, PROJECT_TITLE);
  await choose(page, /^Вид мероприятия/, 'Тренинг или семинар');
  await page.getByRole('textbox', { name: 'Название на русском' }).fill(title);
  await page.getByRole('textbox', { name: /^Первый день/ }).fill('2026-05-04');
  await page.getByRole('textbox', { name: /^Последний день/ }).fill('2026-05-05');
  await addPlace(page, 'Места проведения', names.akTatyr.slice(0, 5), names.akTatyr);
}

describe('an activity report from draft to the public project page', () => {
  // One story in steps: each step goes on where the previous one stopped.
  let partner: UiPage;
  let staff: UiPage;
  let draftId: string;

  afterAll(async () => {
    await Promise.all([partner?.context.close(), staff?.context.close()]);
  });

  it('is written as a draft by a partner editor, with the head counts checked (Russian)', async () => {
    partner = await openUi(browser, server.url, 'ru');
    const { page } = partner;
    await signInBySession(page, editor, '/app/reports');
    await page.getByRole('heading', { level: 1, name: 'Отчёты о мероприятиях' }).waitFor();
    await page.getByText('У вашей организации пока нет отчётов.', { exact: false }).waitFor();
    await expectClean(partner, 'reports-ru-empty', DROPPED);

    await page.getByRole('link', { name: 'Новый отчёт' }).click();
    await page.getByRole('heading', { level: 1, name: 'Новый отчёт о мероприятии' }).waitFor();
    // Nothing chosen yet: the form says what is missing, next to each field, before asking the hub.
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByText('Выберите проект.').waitFor();
    await page.getByText('Выберите хотя бы одно место.').waitFor();
    expect(await reportsInHub()).toHaveLength(0);

    await fillReport(page, REPORT_TITLE);
    // The project's themes come by default.
    await page.getByRole('textbox', { name: 'Что было сделано (на русском)' }).fill('Двухдневный тренинг по бюджету и участию граждан.');
    // Head counts that do not add up are refused next to the field.
    await page.getByRole('textbox', { name: /^Всего участников/ }).fill('30');
    await page.getByRole('textbox', { name: /^Из них женщин/ }).fill('25');
    await page.getByRole('textbox', { name: /^Из них мужчин/ }).fill('12');
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByText('Женщин и мужчин вместе больше, чем всего участников (30).').first().waitFor();
    await page.getByRole('textbox', { name: /^Из них женщин/ }).fill('18');
    await page.getByRole('button', { name: 'Добавить результат' }).click();
    await page.getByRole('textbox', { name: 'Результат 1' }).fill('План действий айыл окмоту');
    await expectClean(partner, 'report-new-ru', DROPPED);

    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.waitForURL(/\/app\/reports\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: REPORT_TITLE }).waitFor();
    await page.getByText('Черновик', { exact: true }).first().waitFor();
    const [draft] = await reportsInHub(REPORT_TITLE);
    expect(draft.status).toBe('DRAFT');
    draftId = draft.id;
    // The same form as the new report's (checked above): a screenshot is enough.
    await screenshot(page, 'report-draft-ru');
  }, 180_000);

  it('is submitted once, although the answer to the first try is lost', async () => {
    const { page } = partner;
    // Submitting: the hub gets the request but the answer is lost; the user tries again.
    const drop = await dropFirstAnswer(page, 'ReportsSubmitDraft');
    await page.getByRole('button', { name: 'Отправить на проверку' }).click();
    await page.getByRole('alert').filter({ hasText: 'Нет связи с системой' }).waitFor();
    expect(drop.dropped()).toBe(true);
    expect((await reportsInHub(REPORT_TITLE)).map((report) => report.status)).toEqual(['SUBMITTED']);
    await page.getByRole('button', { name: 'Отправить на проверку' }).click();
    await page.getByText('На проверке', { exact: true }).first().waitFor();
    await page.getByText('Отчёт на проверке в секретариате совета.', { exact: false }).waitFor();
    await page.unrouteAll();
    expect(await reportsInHub()).toEqual([expect.objectContaining({ id: draftId, status: 'SUBMITTED' })]);
    await screenshot(page, 'report-submitted-ru');
    expect(partner.problems.filter((problem) => !DROPPED.test(problem))).toEqual([]);
  }, 180_000);

  it('cannot be returned without a comment, and is returned with one, by the secretariat (Kyrgyz)', async () => {
    // The secretariat, in Kyrgyz, in its own browser.
    staff = await openUi(browser, server.url, 'ky');
    await signInBySession(staff.page, secretariat, '/app/review');
    await staff.page.getByRole('heading', { level: 1, name: 'Текшерүүчү отчеттор' }).waitFor();
    await staff.page.getByText('1 отчет күтүп жатат.').waitFor();
    await expectClean(staff, 'review-queue-ky', DROPPED);
    await staff.page.getByRole('link', { name: REPORT_TITLE }).click();
    await staff.page.getByRole('heading', { level: 1, name: REPORT_TITLE }).waitFor();
    await staff.page.getByText('План действий айыл окмоту').waitFor();
    // Returning without a comment: the form refuses before anything is sent.
    await staff.page.getByRole('button', { name: 'Оңдоого кайтаруу' }).click();
    await staff.page.getByText('Өнөктөш эмнени оңдошу керектигин жазыңыз: отчет комментарий менен гана кайтарылат.').waitFor();
    expect((await reportsInHub(REPORT_TITLE))[0].status).toBe('SUBMITTED');
    await expectClean(staff, 'review-ky-comment-required', DROPPED);
    await staff.page.getByRole('textbox', { name: /^Өнөктөшкө комментарий/ }).fill(COMMENT_KY);
    await staff.page.getByRole('button', { name: 'Оңдоого кайтаруу' }).click();
    await staff.page.waitForURL(/\/app\/review$/);
    await staff.page.getByText('Текшерүүнү күтүп жаткан отчет жок.').waitFor();
    expect((await reportsInHub(REPORT_TITLE))[0].status).toBe('RETURNED');
  }, 180_000);

  it('shows the partner the comment, in the list and on the report; corrected, it goes back to the secretariat', async () => {
    const { page } = partner;
    await page.goto('/app/reports');
    await page.getByText('Вам возвращён 1 отчёт').waitFor();
    await page.getByRole('row').filter({ hasText: REPORT_TITLE }).getByText(COMMENT_KY).waitFor();
    await page.getByRole('row').filter({ hasText: REPORT_TITLE }).getByText('Возвращён на доработку').waitFor();
    await expectClean(partner, 'reports-ru-returned', DROPPED);
    await page.getByRole('link', { name: REPORT_TITLE }).click();
    await page.getByRole('note').filter({ hasText: 'Секретариат вернул этот отчёт' }).getByText(COMMENT_KY).waitFor();
    await page.getByRole('textbox', { name: /^Из них молодёжи/ }).fill('9');
    await expectClean(partner, 'report-returned-ru', DROPPED);
    await page.getByRole('button', { name: 'Отправить снова' }).click();
    await page.getByText('На проверке', { exact: true }).first().waitFor();
    expect(await reportsInHub(REPORT_TITLE)).toEqual([expect.objectContaining({ status: 'SUBMITTED', participantsYouth: 9 })]);
  }, 180_000);

  it('is accepted by the secretariat and then public on the project page, read-only for the partner', async () => {
    const { page } = partner;
    await staff.page.reload();
    await staff.page.getByRole('link', { name: REPORT_TITLE }).click();
    await staff.page.getByRole('heading', { level: 1, name: REPORT_TITLE }).waitFor();
    // The review page was checked with axe above, with its error shown.
    await screenshot(staff.page, 'review-ky');
    await staff.page.getByRole('button', { name: 'Кабыл алуу' }).click();
    await staff.page.waitForURL(/\/app\/review$/);
    await staff.page.getByText('Текшерүүнү күтүп жаткан отчет жок.').waitFor();
    expect((await reportsInHub(REPORT_TITLE))[0].status).toBe('ACCEPTED');

    // Accepted reports are public: anyone sees it on the project's page.
    const visitor = await openUi(browser, server.url, 'ru');
    await visitor.page.goto(`/projects/${projectId}`);
    await visitor.page.getByRole('heading', { level: 1, name: PROJECT_TITLE }).waitFor();
    await visitor.page.getByText(REPORT_TITLE).waitFor();
    expect(visitor.problems.filter((problem) => !DROPPED.test(problem))).toEqual([]);

    // And the partner sees it read-only.
    await page.goto(`/app/reports/${draftId}`);
    await page.getByText('Секретариат принял отчёт.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Отправить снова' }).count()).toBe(0);
    await expectClean(partner, 'report-accepted-ru', DROPPED);
    expect(staff.problems.filter((problem) => !DROPPED.test(problem))).toEqual([]);
    await visitor.context.close();
  }, 180_000);

  it('makes one report of a new report submitted twice (a lost answer, then a double click), and flags a place outside the project', async () => {
    const title = 'Круглый стол о водных ресурсах';
    const writer = await openUi(browser, server.url, 'ru');
    const { page } = writer;
    await signInBySession(page, editor, '/app/reports/new');
    await page.getByRole('heading', { level: 1, name: 'Новый отчёт о мероприятии' }).waitFor();
    await fillReport(page, title);
    await addPlace(page, 'Места проведения', names.chui.slice(0, 4), names.chui);
    await page.getByText(`Это место вне территории проекта: ${names.chui}`, { exact: false }).waitFor();
    const drop = await dropFirstAnswer(page, 'ReportsSubmitNew');
    await page.getByRole('button', { name: 'Отправить на проверку' }).click();
    await page.getByRole('alert').filter({ hasText: 'Нет связи с системой' }).waitFor();
    expect(drop.dropped()).toBe(true);
    expect(await reportsInHub(title)).toHaveLength(1);
    await page.getByRole('button', { name: 'Отправить на проверку' }).dblclick();
    await page.waitForURL(/\/app\/reports\/[0-9a-f-]{36}$/);
    await page.getByText('На проверке', { exact: true }).first().waitFor();
    await page.getByText('вне территории проекта', { exact: true }).waitFor();
    await page.unrouteAll();
    const submitted = await reportsInHub(title);
    expect(submitted).toEqual([expect.objectContaining({ status: 'SUBMITTED' })]);
    expect(page.url()).toContain(submitted[0].id);
    expect(await missingTranslations(page)).toEqual([]);
    expect(writer.problems.filter((problem) => !DROPPED.test(problem))).toEqual([]);
    await writer.context.close();
  }, 120_000);
});

describe('on a phone', () => {
  it('the list and the form reflow to a narrow screen without sideways scrolling', async () => {
    const phone = await openUi(browser, server.url, 'ky', { width: 390, height: 844 });
    const { page } = phone;
    await signInBySession(page, editor, '/app/reports');
    await page.getByRole('heading', { level: 1, name: 'Иш-чаралардын отчеттору' }).waitFor();
    await page.getByRole('link', { name: 'Круглый стол о водных ресурсах' }).waitFor();
    const overflow = () =>
      page.evaluate(() => {
        const view = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
        return view.document.documentElement.scrollWidth - view.innerWidth;
      });
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectClean(phone, 'reports-ky-phone', DROPPED);
    await page.getByRole('link', { name: 'Жаңы отчет' }).click();
    await page.getByRole('heading', { level: 1, name: 'Иш-чара боюнча жаңы отчет' }).waitFor();
    await page.getByRole('textbox', { name: 'Кыргызча аталышы' }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectClean(phone, 'report-new-ky-phone', DROPPED);
    await phone.context.close();
  }, 120_000);
});

describe('the CSV import', () => {
  const header =
    'project_id,organisation_id,type,title_en,title_ru,title_ky,start_date,end_date,unit_codes,theme_codes,participants_total,participants_women,participants_men,participants_youth,outputs';

  it('shows each bad row and column in the user language, writes nothing, and imports once every row is right', async () => {
    const partner = await openUi(browser, server.url, 'ru');
    const { page } = partner;
    await signInBySession(page, editor, '/app/reports');
    await page.getByRole('link', { name: 'Импорт из CSV' }).click();
    await page.getByRole('heading', { level: 1, name: 'Импорт отчётов из файла CSV' }).waitFor();
    // The template and the ids to fill it with.
    await page.getByRole('button', { name: 'Скачать шаблон' }).waitFor();
    await page.getByText(organisation).first().waitFor();
    await page.getByText(projectId).first().waitFor();
    await expectClean(partner, 'import-ru', DROPPED);

    const before = await server.rowCount('activity_report');
    const good = (title: string) => `${projectId},${organisation},SURVEY,,${title},,2026-06-01,,${AK_TATYR},,40,22,18,15,Отчёт об опросе`;
    const bad = `${projectId},${organisation},SURVY,,Опрос с опечаткой,,2026-06-02,,${AK_TATYR},,,,,,`;
    const paste = page.getByRole('textbox', { name: 'Или вставьте сюда текст файла' });
    await paste.fill([header, good('Опрос жителей Ак-Татыра'), bad, good('Опрос молодёжи')].join('\n'));
    await page.getByRole('button', { name: 'Проверить' }).click();
    const problems = page.getByRole('table').filter({ hasText: 'Что не так' });
    const row = problems.getByRole('row').filter({ hasText: '«SURVY» — не вид мероприятия' });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['3', 'type', '«SURVY» — не вид мероприятия; используйте один из кодов, перечисленных выше.']);
    await page.getByText('Ничего не записано, даже верные строки', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Импортировать' }).isDisabled()).toBe(true);
    expect(await server.rowCount('activity_report')).toBe(before);
    await expectClean(partner, 'import-ru-problems', DROPPED);

    await paste.fill([header, good('Опрос жителей Ак-Татыра'), good('Опрос молодёжи')].join('\n'));
    // A changed text must be checked again before it can be imported.
    expect(await page.getByRole('button', { name: 'Импортировать' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.getByText('Все 2 строки верны').waitFor();
    expect(await server.rowCount('activity_report')).toBe(before);
    await page.getByRole('button', { name: 'Импортировать' }).click();
    await page.getByText('Импортировано 2 отчёта').waitFor();
    expect(await server.rowCount('activity_report')).toBe(before + 2);
    expect((await reportsInHub('Опрос молодёжи')).map((report) => report.status)).toEqual(['SUBMITTED']);
    await expectClean(partner, 'import-ru-done', DROPPED);
    await partner.context.close();
  }, 120_000);
});
