/** Signing in and out in a browser, a wrong password, and an ended session sending the user back. */
import type { Browser } from 'playwright-core';
import { accessibilityViolations, launchBrowser, missingTranslations, openUi, screenshot } from '../support/browser';
import { createOrganisation } from '../support/fixtures';
import { createPerson, type Person, signInThroughUi } from '../support/people';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let browser: Browser;
let partner: Person;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  partner = await createPerson(server, 'PARTNER_EDITOR', await createOrganisation(server, 'Sign-in NGO'), 'Айгерим Токтосунова');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('signing in', () => {
  it('says a wrong password in the chosen language, then signs in and out (Kyrgyz)', async () => {
    const ui = await openUi(browser, server.url, 'ky');
    const { page } = ui;
    await page.goto('/');
    await page.getByRole('link', { name: 'Кирүү' }).click();
    await page.getByRole('heading', { level: 1, name: 'Кирүү' }).waitFor();
    await page.getByLabel('Электрондук почта').fill(partner.email);
    await page.getByLabel('Сырсөз').fill('not the password');
    await page.getByRole('button', { name: 'Кирүү' }).click();
    await page.getByRole('alert').filter({ hasText: 'Электрондук почта же сырсөз туура эмес.' }).waitFor();
    await screenshot(page, 'sign-in-ky-wrong');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Сырсөз').fill(partner.password);
    await page.getByRole('button', { name: 'Кирүү' }).click();
    await page.waitForURL(/\/app$/);
    await page.getByRole('heading', { level: 1, name: 'Менин ишим' }).waitFor();
    await page.getByText('Айгерим Токтосунова').first().waitFor();
    await screenshot(page, 'home-ky');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Чыгуу' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('link', { name: 'Кирүү' }).waitFor();
    expect(await missingTranslations(page)).toEqual([]);
    expect(ui.problems.filter((problem) => !problem.includes('401'))).toEqual([]);
    await ui.context.close();
  });

  it('sends a user whose session ended to sign-in, and back to the page they were on (Russian)', async () => {
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    await signInThroughUi(page, partner, '/app');
    await page.getByRole('heading', { level: 1, name: 'Моя работа' }).waitFor();
    await server.orm.em.getConnection().execute('update session set ended_at = now() where ended_at is null');
    await page.reload();
    await page.waitForURL(/\/sign-in\?next=%2Fapp/);
    await page.getByRole('heading', { level: 1, name: 'Вход' }).waitFor();
    await page.getByLabel('Электронная почта').fill(partner.email);
    await page.getByLabel('Пароль').fill(partner.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/app$/);
    await page.getByRole('heading', { level: 1, name: 'Моя работа' }).waitFor();
    expect(await missingTranslations(page)).toEqual([]);
    await ui.context.close();
  });

  it('does not follow a next= link off the site', async () => {
    const ui = await openUi(browser, server.url, 'en');
    await signInThroughUi(ui.page, partner, '//evil.example/steal');
    expect(new URL(ui.page.url()).host).toBe(new URL(server.url).host);
    expect(new URL(ui.page.url()).pathname).toBe('/app');
    await ui.context.close();
  });
});
