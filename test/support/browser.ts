/**
 * The web UI in a real browser: Debian's chromium driven by playwright-core, against a real
 * hub (`startTestServer`, which serves the built UI). Screenshots go to test-results/screens/
 * (git-ignored), for people to look at.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { projectRoot } from '../../src/config/paths';

export { CHROMIUM, launchBrowser } from './chromium';

// A walk through several pages in a real browser takes longer than an API call, more so on a
// busy two-core machine: each test may take three minutes, each wait in it 45 s.
jest.setTimeout(180_000);
const WAIT_MS = 45_000;
export const SCREENS = join(projectRoot, 'test-results', 'screens');

export interface UiPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and failed requests seen so far (a test expects none). */
  problems: string[];
}

/** A fresh browser profile in one UI language (`?lang=` on the first page chooses it). */
export async function openUi(browser: Browser, baseUrl: string, language: 'ky' | 'ru' | 'en', viewport = { width: 1366, height: 900 }): Promise<UiPage> {
  // Reduced motion, as some people set it: nothing waits for an animation, and the machine is spared them.
  const context = await browser.newContext({ baseURL: baseUrl, locale: language, viewport, reducedMotion: 'reduce' });
  await context.addInitScript(`localStorage.setItem('i18nextLng', ${JSON.stringify(language)})`);
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${response.status()} ${response.url()}`);
  });
  return { context, page, problems };
}

/** Saves a full-page screenshot under test-results/screens/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

/** The source of the axe-core that @axe-core/playwright runs (its own dependency). */
const AXE_SOURCE = (createRequire(require.resolve('@axe-core/playwright'))('axe-core') as { source: string }).source;

/**
 * Loads axe into each frame of the page that has none yet. AxeBuilder would evaluate its 580 kB
 * source twice on every scan; loaded once per document, the page's later scans (the UI is a
 * single-page app: a click or a route change keeps the document) reuse it.
 */
async function loadAxe(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    if (!(await frame.evaluate('typeof window.axe === "object"'))) await frame.evaluate(AXE_SOURCE);
  }
}

/** What AxeBuilder evaluates as "the axe source" once `loadAxe` has run: a check, not a reload. */
const AXE_LOADED = 'if (typeof window.axe !== "object") throw new Error("axe is not loaded")';

/**
 * Serious and critical accessibility violations on the page as it is now (axe, WCAG 2 A/AA).
 * Legacy mode runs axe in the page itself; the default opens a second page to combine the
 * frames' results, which doubles the time of a scan, and the UI has no frames. Only violations
 * are collected (not the passes), which halves it again. axe is loaded into the page once (see
 * `loadAxe`), not on every scan.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await loadAxe(page);
  const result = await new AxeBuilder({ page, axeSource: AXE_LOADED })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join('; ')}`,
    );
}

/** Translation keys that some page asked for and no catalogue had. */
export function missingTranslations(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as { __i18nMissing?: string[] }).__i18nMissing ?? []);
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, email: string, password: string, labels: { email: string | RegExp; password: string | RegExp; submit: string | RegExp }): Promise<void> {
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password, { exact: false }).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
}

/**
 * Takes the screenshot `name` of the page at its top (the header is fixed: a full-page picture
 * taken while scrolled draws it in the middle), then expects no accessibility violation, no
 * missing translation and no console error or 5xx, other than those `expectedProblems` matches
 * (a test that drops an answer on purpose).
 */
export async function expectClean(ui: UiPage, name: string, expectedProblems?: RegExp): Promise<void> {
  await ui.page.evaluate('window.scrollTo(0, 0)');
  await screenshot(ui.page, name);
  expect(await accessibilityViolations(ui.page)).toEqual([]);
  expect(await missingTranslations(ui.page)).toEqual([]);
  expect(ui.problems.filter((problem) => !expectedProblems?.test(problem))).toEqual([]);
}

/** Waits until `read` gives `expected` (the UI and the hub settle a moment after a click); fails with the last value. */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/**
 * The GraphQL operations the page sends from now on, in order, each as its name, the `level`
 * variable when it has one (`CoverageMap:DISTRICT`), and " (Apollo)" when Apollo Client sent it
 * (it names itself in `extensions`; the entry's early requests do not).
 */
export function recordGraphqlOperations(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    const body = request.postData();
    if (!request.url().endsWith('/graphql') || !body) return;
    const { operationName, variables, extensions } = JSON.parse(body) as { operationName?: string; variables?: { level?: string }; extensions?: unknown };
    sent.push(`${operationName}${variables?.level ? `:${variables.level}` : ''}${extensions ? ' (Apollo)' : ''}`);
  });
  return sent;
}
