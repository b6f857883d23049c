/**
 * Walk 4 of the web UI issue, in a browser: an administrator (Russian) invites a partner editor;
 * the invited person opens the one-time link in a fresh browser (Kyrgyz), is refused a short
 * password, sets one and lands signed in on /app; the administrator changes them (through a
 * CONFLICT with a change made in between) and deactivates them, and they can no longer sign in;
 * the audit log shows the invitation. Then the secretariat reads the audit log in Kyrgyz.
 */
import type { Browser } from 'playwright-core';
import { accessibilityViolations, launchBrowser, missingTranslations, openUi, screenshot, expectClean } from '../support/browser';
import { createOrganisation } from '../support/fixtures';
import { createPerson, type Person, signInBySession } from '../support/people';
import { startTestServer, type TestServer } from '../support/test-server';

const INVITED = { name: 'Жыпар Осмонова', email: `jypar.osmonova.${Date.now()}@ngo.example.kg` };
const PASSWORD = 'тоо суу жол 2026';

jest.setTimeout(150_000);

let server: TestServer;
let browser: Browser;
let admin: Person;
let secretariat: Person;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  await createOrganisation(server, 'Ferghana Valley Dialogue NGO', 'NATIONAL_NGO');
  admin = await createPerson(server, 'ADMIN', null, 'Айбек Администратор');
  secretariat = await createPerson(server, 'SECRETARIAT', null, 'Нургүл Катчы');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Screenshot, axe, translations and console: every main page must pass all four. */

async function invitedUserId(): Promise<{ id: string; version: number }> {
  const { data } = await server.graphql<{ users: { nodes: { id: string; version: number }[] } }, object>(
    'query ($s: String) { users(filter: { search: $s }) { nodes { id version } } }',
    {
      s: INVITED.email,
    },
  );
  return data!.users.nodes[0];
}

describe('inviting a person, their password, deactivation and the audit log', () => {
  let link = '';

  it('lets the administrator invite a partner editor and shows the one-time link (Russian)', async () => {
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    await signInBySession(page, admin, '/app/users');
    await page.getByRole('heading', { level: 1, name: 'Пользователи' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Нургүл Катчы' }).waitFor();
    await expectClean(ui, 'users-ru');

    await page.getByRole('button', { name: 'Пригласить пользователя' }).click();
    const dialog = page.getByRole('dialog', { name: 'Пригласить пользователя' });
    await dialog.getByLabel('Фамилия и имя').fill(INVITED.name);
    await dialog.getByLabel('Электронная почта').fill(INVITED.email);
    await expect(dialog.getByRole('combobox', { name: 'Роль' }).inputValue()).resolves.toBe('Редактор партнёра');
    // A partner without an organisation is refused before anything is sent.
    await dialog.getByRole('button', { name: 'Создать приглашение' }).click();
    await dialog.getByText('Выберите организацию: пользователи партнёров относятся к организации.').waitFor();
    await dialog.getByRole('combobox', { name: 'Организация' }).fill('Ferghana');
    await page.getByRole('option', { name: /Ferghana Valley Dialogue NGO/ }).click();
    await dialog.getByRole('combobox', { name: 'Язык ссылки' }).click();
    await page.getByRole('option', { name: 'Кыргызча' }).click();
    await dialog.getByRole('button', { name: 'Создать приглашение' }).click();
    await dialog.getByText(`Приглашение для ${INVITED.name} создано`).waitFor();
    await dialog.getByText('(7 дней)', { exact: false }).waitFor();
    link = await dialog.getByRole('textbox', { name: 'Ссылка для установки пароля' }).inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/set-password\\?token=[^&]+&lang=ky$`));
    await dialog.getByRole('button', { name: 'Скопировать ссылку' }).waitFor();
    await expectClean(ui, 'users-ru-invited');
    await dialog.getByRole('button', { name: 'Готово' }).click();
    const row = page.getByRole('row').filter({ hasText: INVITED.email });
    await row.getByText('Редактор партнёра').waitFor();
    await row.getByText('Активен').waitFor();
    await ui.context.close();
  });

  it('lets the invited person choose a password in a fresh browser and signs them in (Kyrgyz)', async () => {
    const ui = await openUi(browser, server.url, 'ky');
    const { page } = ui;
    await page.goto(link.replace(server.url, ''));
    await page.getByRole('heading', { level: 1, name: 'Сырсөзүңүздү тандаңыз' }).waitFor();
    await page.getByText('Кеминде 10 белги.', { exact: false }).waitFor();
    await expectClean(ui, 'set-password-ky');

    await page.getByLabel('Жаңы сырсөз').fill('кыска');
    await page.getByLabel('Сырсөздү кайталаңыз').fill('кыска');
    await page.getByRole('button', { name: 'Сырсөздү коюу' }).click();
    await page.getByText('Сырсөз өтө кыска: кеминде 10 белги керек.').waitFor();
    await screenshot(page, 'set-password-ky-too-short');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(page.url()).toContain('/set-password');

    await page.getByLabel('Жаңы сырсөз').fill(PASSWORD);
    await page.getByLabel('Сырсөздү кайталаңыз').fill(PASSWORD);
    await page.getByRole('button', { name: 'Сырсөздү коюу' }).click();
    await page.waitForURL((url) => url.pathname === '/app');
    await page.getByRole('heading', { level: 1, name: 'Менин ишим' }).waitFor();
    await page.getByText(INVITED.name).first().waitFor();
    expect(await missingTranslations(page)).toEqual([]);
    expect(ui.problems).toEqual([]);
    await ui.context.close();
  });

  it('says clearly that a used link no longer works (Kyrgyz)', async () => {
    const ui = await openUi(browser, server.url, 'ky');
    const { page } = ui;
    await page.goto(link.replace(server.url, ''));
    await page.getByLabel('Жаңы сырсөз').fill(PASSWORD);
    await page.getByLabel('Сырсөздү кайталаңыз').fill(PASSWORD);
    await page.getByRole('button', { name: 'Сырсөздү коюу' }).click();
    await page.getByRole('alert').filter({ hasText: 'Бул шилтеме иштебейт' }).waitFor();
    await expectClean(ui, 'set-password-ky-used-link');
    await ui.context.close();
  });

  it('edits the person through a conflicting change, deactivates them, and they can no longer sign in', async () => {
    const adminUi = await openUi(browser, server.url, 'ru');
    const { page } = adminUi;
    await signInBySession(page, admin, `/app/users?q=${encodeURIComponent(INVITED.email)}`);
    const invitee = await openUi(browser, server.url, 'ky');
    await signInBySession(invitee.page, { email: INVITED.email, password: PASSWORD });
    await invitee.page.getByRole('heading', { level: 1, name: 'Менин ишим' }).waitFor();

    const row = page.getByRole('row').filter({ hasText: INVITED.email });
    await row.getByRole('button', { name: `Изменить: ${INVITED.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Изменить: ${INVITED.name}` });
    await dialog.getByLabel('Фамилия и имя').fill('Жыпар Осмонова-Токтогулова');
    // Someone else changes the user meanwhile.
    const before = await invitedUserId();
    const other = await server.graphql('mutation ($id: ID!) { updateUser(id: $id, input: { role: PARTNER_VIEWER }) { version } }', { id: before.id });
    expect(other.errors).toBeUndefined();
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Изменено кем-то другим' }).waitFor();
    await expect(dialog.getByLabel('Фамилия и имя').inputValue()).resolves.toBe('Жыпар Осмонова-Токтогулова');
    await screenshot(page, 'users-ru-conflict');
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Загрузить последнюю версию' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Изменено кем-то другим' }).waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.waitFor({ state: 'detached' });
    const renamed = page.getByRole('row').filter({ hasText: 'Жыпар Осмонова-Токтогулова' });
    await renamed.waitFor();
    // The form sent the role it showed (read before the other change): the editor's choice wins knowingly.
    await renamed.getByText('Редактор партнёра').waitFor();

    await renamed.getByRole('button', { name: 'Отключить: Жыпар Осмонова-Токтогулова' }).click();
    const confirm = page.getByRole('dialog', { name: 'Отключить Жыпар Осмонова-Токтогулова?' });
    await confirm.getByText('сразу выйдет из системы', { exact: false }).waitFor();
    await screenshot(page, 'users-ru-deactivate');
    expect(await accessibilityViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Отключить' }).click();
    await renamed.getByText('Отключён').waitFor();
    await renamed.getByRole('button', { name: 'Включить: Жыпар Осмонова-Токтогулова' }).waitFor();
    expect(await missingTranslations(page)).toEqual([]);
    expect(adminUi.problems).toEqual([]);

    // The deactivated person's session has ended: the signed-in page sends them to sign in, where they are refused.
    await invitee.page.reload();
    await invitee.page.waitForURL(/\/sign-in/);
    await invitee.page.getByLabel('Электрондук почта').fill(INVITED.email);
    await invitee.page.getByLabel('Сырсөз').fill(PASSWORD);
    await invitee.page.getByRole('button', { name: 'Кирүү' }).click();
    await invitee.page.getByRole('alert').filter({ hasText: 'Электрондук почта же сырсөз туура эмес.' }).waitFor();
    expect(invitee.page.url()).toContain('/sign-in');
    await adminUi.context.close();
    await invitee.context.close();
  });

  it('shows the invitation in the audit log, with its fields and no secret (Russian)', async () => {
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    await signInBySession(page, admin, '/app/audit');
    await page.getByRole('heading', { level: 1, name: 'Журнал изменений' }).waitFor();
    await page.getByRole('combobox', { name: 'Вид записи' }).click();
    await page.getByRole('option', { name: 'Пользователь', exact: true }).click();
    await page.waitForURL(/type=User/);
    const invitation = page.getByRole('article').filter({ hasText: INVITED.email }).filter({ hasText: 'Создано' });
    await invitation.waitFor();
    await invitation.getByText('Автор: Айбек Администратор').waitFor();
    await invitation.getByRole('row').filter({ hasText: 'Ссылка для пароля' }).getByText('[скрыто]').waitFor();
    await invitation.getByRole('row').filter({ hasText: 'Роль' }).getByText('Редактор партнёра').waitFor();
    await invitation.getByRole('row').filter({ hasText: 'Организация' }).getByText('Ferghana Valley Dialogue NGO').waitFor();
    await expectClean(ui, 'audit-ru');

    // Only this record: its whole history (invited, changed, deactivated), newest first.
    const { id } = await invitedUserId();
    await invitation.getByRole('button', { name: /^Только эта запись/ }).click();
    await page.waitForURL(new RegExp(`id=${id}`));
    // The other records' events leave the list.
    await page.getByRole('article').filter({ hasNotText: id }).first().waitFor({ state: 'detached' });
    await page.getByRole('article').filter({ hasText: 'Изменено' }).first().waitFor();
    const actions = await page.getByRole('article').evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label')?.split(':')[0]));
    expect(actions.filter((action) => action === 'Создано')).toHaveLength(1);
    expect(actions.filter((action) => action === 'Изменено').length).toBeGreaterThanOrEqual(2);
    await page.getByRole('article').getByRole('row').filter({ hasText: 'Активен' }).getByText('Нет').first().waitFor();
    await ui.context.close();
  });

  it('lets the secretariat read the audit log, filtered by a person and a period (Kyrgyz)', async () => {
    const ui = await openUi(browser, server.url, 'ky');
    const { page } = ui;
    await signInBySession(page, secretariat, '/app/audit?type=User');
    await page.getByRole('heading', { level: 1, name: 'Өзгөртүүлөр журналы' }).waitFor();
    // The secretariat may not list users: no "who" picker, but a person can be chosen from an event.
    expect(await page.getByRole('combobox', { name: 'Ким' }).count()).toBe(0);
    const byAdmin = page.getByRole('article').filter({ hasText: 'Автор: Айбек Администратор' }).first();
    await byAdmin.getByRole('button', { name: 'Ушул адам гана: Айбек Администратор' }).click();
    await page.waitForURL(/user=/);
    await page.getByText('Өзгөртүүлөр: Айбек Администратор').waitFor();
    expect(await page.getByRole('article').filter({ hasNotText: 'Автор: Айбек Администратор' }).count()).toBe(0);
    await expectClean(ui, 'audit-ky');

    // A period long past shows nothing.
    await page.goto('/app/audit?from=2001-01-01&to=2001-12-31');
    await page.getByText('Бул шарттарга туура келген өзгөртүү жок.').waitFor();
    expect(await missingTranslations(page)).toEqual([]);
    await ui.context.close();
  });
});
