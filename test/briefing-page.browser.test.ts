/** The printed briefing as a person sees it: Debian's chromium, driven by playwright-core. */
import type { Browser } from 'playwright-core';
import { seedId } from '../seeds/seed-id';
import { CoordinationBodiesDocument, PlanMeetingDocument, AddAgendaItemDocument, RecordTransactionDocument } from './generated/graphql';
import { screenshot } from './support/browser';
import { launchBrowser } from './support/chromium';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let browser: Browser;
let meetingId: string;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const councilId = (await server.graphql(CoordinationBodiesDocument, {})).data!.coordinationBodies.find((body) => body.kind === 'DONOR_COORDINATION_COUNCIL')!.id;
  const planned = await server.graphql(PlanMeetingDocument, {
    input: {
      bodyId: councilId,
      title: { en: 'Sixth council meeting', ky: 'Кеңештин алтынчы жыйыны' },
      startsAt: '2026-12-10T10:00:00+06:00',
      endsAt: '2026-12-10T12:00:00+06:00',
      format: 'IN_PERSON',
      placeUnitCode: 'KG11000000000',
      address: 'Agency, room 3',
    },
  });
  meetingId = planned.data!.planMeeting.id;
  await server.graphql(AddAgendaItemDocument, { meetingId, input: { title: { en: 'Who works where in Batken', ky: 'Баткенде ким кайда иштейт' } } });
  // Two transactions on a member's project since the council last met: "2 транзакции".
  for (let index = 0; index < 2; index += 1) {
    const { errors } = await server.graphql(RecordTransactionDocument, {
      input: {
        projectId: seedId('project', 'national-consultations-lsg-conflict-prevention-2023'),
        type: 'DISBURSEMENT',
        amount: '1250.50',
        currency: 'USD',
        valueDate: '2026-11-15',
        providerId: seedId('organisation', 'undp'),
      },
    });
    expect(errors).toBeUndefined();
  }
});

afterAll(async () => {
  await browser?.close();
  await server.close();
});

async function openBriefing(lang: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${server.adminToken}` }, locale: lang });
  const page = await context.newPage();
  const response = await page.goto(`${server.url}/meetings/${meetingId}/briefing?lang=${lang}`);
  return { context, page, status: response!.status() };
}

describe('the briefing page in a browser', () => {
  it('reads in Kyrgyz, Russian and English, and prints to A4 pages', async () => {
    const kyrgyz = await openBriefing('ky');
    expect(kyrgyz.status).toBe(200);
    await expect(kyrgyz.page.locator('h1').innerText()).resolves.toContain('Маалымат топтому');
    await expect(kyrgyz.page.locator('section').first().innerText()).resolves.toContain('Баткенде ким кайда иштейт');
    await expect(kyrgyz.page.locator('section').nth(2).innerText()).resolves.toContain('2 транзакция');
    await screenshot(kyrgyz.page, 'briefing-ky');
    await kyrgyz.context.close();

    // Russian: each sentence in its own word order, the verb and the noun agreeing with the number.
    const russian = await openBriefing('ru');
    await expect(russian.page.locator('h1').innerText()).resolves.toMatch(/^Информационный пакет: .+ — Заседание №\d+$/);
    const facts = await russian.page.locator('.facts').innerText();
    expect(facts).toContain('(по времени Бишкека)');
    expect(facts).toMatch(/Период: с .+ по .+/);
    expect(facts).toMatch(/Кворум: (есть|нет) \((присутствует 1|присутствуют \d+) из \d+, нужно \d+\)/);
    await expect(russian.page.locator('section').nth(2).innerText()).resolves.toContain('2 транзакции');
    await screenshot(russian.page, 'briefing-ru');
    await russian.context.close();

    const english = await openBriefing('en');
    const headings = await english.page.locator('h2').allInnerTexts();
    expect(headings).toEqual([
      'Agenda',
      'Projects of member organisations',
      'Funding recorded',
      'Activity reports',
      'Overlaps, hotspots and gaps',
      'Action items',
      'Attendance at the last meetings',
    ]);
    await expect(english.page.locator('.facts').innerText()).resolves.toContain('10 December 2026 at 10:00');
    // Printable: the print stylesheet yields A4 pages (595 × 842 pt).
    await english.page.emulateMedia({ media: 'print' });
    const pdf = await english.page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
    await english.page.emulateMedia({ media: 'screen' });
    if (process.env.BRIEFING_SCREENSHOT) await english.page.screenshot({ path: process.env.BRIEFING_SCREENSHOT, fullPage: true });
    await english.context.close();
  });
});
