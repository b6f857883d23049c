/**
 * The signed-in home page in a browser: for the secretariat (Kyrgyz) the next meeting, reports
 * to review, overdue tasks, hotspots and recent changes; for a partner whose organisation sits in
 * the council (Russian) its projects, reports, overlaps, tasks and the council's next meeting,
 * which it opens and reads without being able to change it.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openUi, expectClean, recordGraphqlOperations } from '../support/browser';
import { createOrganisation, createProject } from '../support/fixtures';
import { createPerson, type Person, signInBySession } from '../support/people';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let browser: Browser;
let secretary: Person;
let partner: Person;

const TASK = 'Кайчылаштардын тизмесин таратуу';
const ITEM = 'Чек ара аймактары боюнча иш планы';

async function call<T>(query: string, variables: object): Promise<T> {
  const { data, errors } = await server.graphql<T, object>(query, variables);
  if (errors) throw new Error(JSON.stringify(errors));
  return data!;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  secretary = await createPerson(server, 'SECRETARIAT', null, 'Назгүл Асанова');
  const { coordinationBodies } = await call<{ coordinationBodies: { id: string; kind: string }[] }>('{ coordinationBodies { id kind } }', {});
  const councilId = coordinationBodies.find((body) => body.kind === 'DONOR_COORDINATION_COUNCIL')!.id;
  // A foundation in the council, with a project that overlaps another organisation's.
  const { createOrganisation: foundation } = await call<{ createOrganisation: { id: string } }>(
    'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
    {
      input: { name: { ky: 'Ынтымак коомдук фонду', ru: 'Общественный фонд «Ынтымак»', en: 'Yntymak Public Foundation' }, kind: 'NATIONAL_NGO' },
    },
  );
  await call('mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id } }', { input: { bodyId: councilId, organisationId: foundation.id, role: 'MEMBER' } });
  const other = await createOrganisation(server, 'Overlap Partner NGO', 'NATIONAL_NGO');
  const common = {
    status: 'IMPLEMENTATION' as const,
    plannedStart: '2025-01-01',
    plannedEnd: '2032-12-31',
    themeCodes: ['CONFLICT_PREVENTION'],
    coverage: [{ unitCode: 'KG05214000000' }],
  };
  await createProject(server, { ...common, title: { ru: 'Диалог в Баткенском районе' }, participants: [{ organisationId: foundation.id, role: 'IMPLEMENTING' }] });
  await createProject(server, { ...common, title: { ru: 'Мир в Баткене' }, participants: [{ organisationId: other, role: 'IMPLEMENTING' }] });
  partner = await createPerson(server, 'PARTNER_EDITOR', foundation.id, 'Айбек Жумабаев');

  // The council's next meeting, with an agenda item, attendance and an overdue task of the foundation.
  const { planMeeting: meeting } = await call<{ planMeeting: { id: string } }>('mutation ($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }', {
    input: {
      bodyId: councilId,
      title: { ky: 'Кеңештин кезектеги жыйыны', ru: 'Очередное заседание Совета' },
      startsAt: '2031-03-12T04:00:00Z',
      endsAt: '2031-03-12T07:00:00Z',
      format: 'IN_PERSON',
      address: 'Бишкек ш., Агенттик, 3-зал',
    },
  });
  await call('mutation ($id: ID!, $input: AgendaItemInput!) { addAgendaItem(meetingId: $id, input: $input) { id } }', {
    id: meeting.id,
    input: { title: { ky: ITEM, ru: 'План работы по приграничным территориям' } },
  });
  await call('mutation ($id: ID!, $attendance: [AttendanceInput!]!) { recordAttendance(meetingId: $id, attendance: $attendance) { id } }', {
    id: meeting.id,
    attendance: [{ organisationId: foundation.id, status: 'PRESENT', people: ['Т. Абдыкадыров', 'А. Осмонова'] }],
  });
  await call('mutation ($input: ActionItemInput!) { addActionItem(input: $input) { id } }', {
    input: { meetingId: meeting.id, description: TASK, ownerOrganisationId: foundation.id, dueDate: '2020-01-31' },
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the signed-in home page', () => {
  it('shows the secretariat the next meeting, reports to review, overdue tasks, hotspots and recent changes (Kyrgyz)', async () => {
    const ui = await openUi(browser, server.url, 'ky');
    const { page } = ui;
    const sent = recordGraphqlOperations(page);
    await signInBySession(page, secretary, '/app');
    await page.getByRole('heading', { level: 1, name: 'Менин ишим' }).waitFor();
    await page.getByText('Кош келиңиз, Назгүл Асанова.').waitFor();
    // Who is signed in was asked once, by the entry (without Apollo's mark), before anything the app asks.
    expect(sent[0]).toBe('Me');
    expect(sent.filter((name) => name.startsWith('Me'))).toHaveLength(1);
    const next = page.getByRole('region', { name: 'Жакынкы жыйын' });
    await next.getByRole('link', { name: '№ 1. Кеңештин кезектеги жыйыны' }).waitFor();
    await next.getByText(/^2031-ж\., 12-март, 10:00\s*–\s*13:00$/).waitFor();
    const overdue = page.getByRole('region', { name: 'Мөөнөтү өткөн тапшырмалар' });
    await overdue.getByRole('link', { name: TASK }).waitFor();
    await overdue.getByText(/бери мөөнөтү өткөн/).waitFor();
    await page.getByRole('region', { name: 'Текшерүүнү күткөн отчеттор' }).getByRole('link', { name: 'Отчетторду текшерүү' }).waitFor();
    await page.getByRole('region', { name: 'Көптөр бир темада иштеген жерлер' }).getByRole('link', { name: 'Картаны ачуу' }).waitFor();
    const changes = page.getByRole('region', { name: 'Акыркы өзгөртүүлөр' });
    await changes.getByRole('row').filter({ hasText: 'Назгүл Асанова' }).filter({ hasText: 'Кирүү: колдонуучу' }).first().waitFor();
    await changes.getByText('Түзүлдү: тапшырма').first().waitFor();
    await expectClean(ui, 'home-secretariat-ky');

    await next.getByRole('link', { name: '№ 1. Кеңештин кезектеги жыйыны' }).click();
    await page.getByRole('heading', { level: 1, name: '№ 1. Кеңештин кезектеги жыйыны' }).waitFor();
    await ui.context.close();
  });

  it("shows a member organisation's partner its projects, reports, overlaps, tasks and the council's next meeting, which it reads but cannot change (Russian)", async () => {
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    await signInBySession(page, partner, '/app');
    await page.getByRole('heading', { level: 1, name: 'Моя работа' }).waitFor();
    const projects = page.getByRole('region', { name: 'Наши проекты' });
    await projects.getByText('проект с участием нашей организации').waitFor();
    expect(await projects.getByText('1', { exact: true }).count()).toBe(1);
    const overlaps = page.getByRole('region', { name: 'Пересечения с другими организациями' });
    await overlaps.getByRole('link', { name: 'Мир в Баткене' }).waitFor();
    await overlaps.getByText(/пересечени(е|я|й) наших проектов с проектами других организаций/).waitFor();
    await page.getByRole('region', { name: 'Отчёты к доработке' }).getByText('отчётов в черновиках или возвращены').waitFor();
    const tasks = page.getByRole('region', { name: 'Наши открытые поручения совета' });
    await tasks.getByRole('link', { name: TASK }).waitFor();
    await tasks.getByText('просрочено с 31 января 2020 г.').waitFor();
    const next = page.getByRole('region', { name: 'Ближайшее заседание' });
    await next.getByRole('link', { name: '№ 1. Очередное заседание Совета' }).waitFor();
    await expectClean(ui, 'home-partner-ru');

    // The meeting, read-only: the agenda, attendance and briefing, no buttons to change anything.
    await next.getByRole('link', { name: '№ 1. Очередное заседание Совета' }).click();
    await page.getByRole('heading', { level: 1, name: '№ 1. Очередное заседание Совета' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'План работы по приграничным территориям' }).waitFor();
    expect(await page.getByRole('button', { name: 'Добавить вопрос' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Перенести' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Переместить/ }).count()).toBe(0);
    await page.getByRole('link', { name: /Открыть справку к заседанию/ }).waitFor();
    await expectClean(ui, 'meeting-partner-ru');
    await page.getByRole('tab', { name: 'Присутствие' }).click();
    await page.getByRole('main').getByText('Т. Абдыкадыров, А. Осмонова').waitFor();
    expect(await page.getByRole('button', { name: 'Сохранить присутствие' }).count()).toBe(0);
    expect(await page.getByRole('main').getByRole('radiogroup').count()).toBe(0);
    const briefing = await page.request.get(`${new URL(page.url()).pathname.replace('/app', '')}/briefing?lang=ru`);
    expect(briefing.status()).toBe(200);
    await ui.context.close();
  });
});
