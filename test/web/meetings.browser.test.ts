/**
 * Walk 3 of the issue in a browser, in Kyrgyz: the secretariat plans a meeting of the
 * Coordination Council, puts three items on the agenda and reorders them by keyboard and by
 * dragging, records attendance watching the quorum change, records a decision and an overdue
 * task, opens the briefing and downloads the invitation. Then, in Russian on a phone, a meeting's
 * minutes, a keyboard drag, removing an item, moving the meeting and calling it off. A partner
 * reading a meeting is in home.browser.test.ts.
 */
import { text } from 'node:stream/consumers';
import type { Browser, Locator, Page } from 'playwright-core';
import { accessibilityViolations, launchBrowser, openUi, screenshot, expectClean, eventually } from '../support/browser';
import { createPerson, type Person, signInBySession } from '../support/people';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let browser: Browser;
let secretary: Person;
let councilId: string;
/** Members whose presence counts for the quorum, with their names in Kyrgyz; the chair first. */
let members: { id: string; role: string; name: string }[];
let meetingId: string;
/** An organisation the test adds to the council: it owns the overdue task and its partner signs in. */
let foundation: { id: string; name: string };

const MEETING_KY = 'Кеңештин кезектеги жыйыны';
const ITEMS = ['Баткен облусундагы кайчылаштар', 'Чейректин отчеттору', 'Чек ара аймактары боюнча иш планы'];
const DECISION = 'Баткендеги өнөктөштөр пландарын ай сайын бөлүшөт.';
const TASK = 'Кайчылаштардын тизмесин таратуу';

interface MeetingState {
  meeting: {
    startsAt: string;
    endsAt: string;
    status: string;
    agenda: { id: string; titles: { ky: string }; position: number }[];
    attendance: { status: string; people: string[]; organisation: { id: string } }[];
    quorum: { present: number; required: number; reached: boolean };
    decisions: { text: string }[];
    actionItems: { description: string; overdue: boolean; status: string; dueDate: string }[];
  } | null;
}

async function meetingState(): Promise<NonNullable<MeetingState['meeting']>> {
  const { data, errors } = await server.graphql<MeetingState, object>(
    `query ($id: ID!) { meeting(id: $id) { startsAt endsAt status agenda { id titles { ky } position } attendance { status people organisation { id } }
      quorum { present required reached } decisions { text } actionItems { description overdue status dueDate } } }`,
    { id: meetingId },
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.meeting!;
}

const agendaTitles = async () => (await meetingState()).agenda.map((item) => item.titles.ky);

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  secretary = await createPerson(server, 'SECRETARIAT', null, 'Назгүл Асанова');
  const created = await server.graphql<{ createOrganisation: { id: string } }, object>('mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }', {
    input: { name: { ky: 'Ынтымак коомдук фонду', ru: 'Общественный фонд «Ынтымак»', en: 'Yntymak Public Foundation' }, kind: 'NATIONAL_NGO' },
  });
  foundation = { id: created.data!.createOrganisation.id, name: 'Ынтымак коомдук фонду' };
  const bodies = await server.graphql<{ coordinationBodies: { id: string; kind: string }[] }, object>('{ coordinationBodies { id kind } }', {});
  const joined = await server.graphql('mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
    input: {
      bodyId: bodies.data!.coordinationBodies.find((body) => body.kind === 'DONOR_COORDINATION_COUNCIL')!.id,
      organisationId: foundation.id,
      role: 'MEMBER',
      startDate: '2024-01-15',
    },
  });
  if (joined.errors) throw new Error(JSON.stringify(joined.errors));
  const { data } = await server.graphql<
    { coordinationBodies: { id: string; kind: string; members: { nodes: { role: string; organisation: { id: string; name: string } }[] } }[] },
    object
  >('{ coordinationBodies { id kind members(first: 100) { nodes { role organisation { id name } } } } }', {}, { headers: { 'accept-language': 'ky' } });
  const council = data!.coordinationBodies.find((body) => body.kind === 'DONOR_COORDINATION_COUNCIL')!;
  councilId = council.id;
  members = council.members.nodes
    .filter((member) => member.role !== 'OBSERVER')
    .map((member) => ({ id: member.organisation.id, role: member.role, name: member.organisation.name }));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Types a time into a 24-hour time field (hours and minutes, each labelled). */
async function setTime(scope: Locator, field: string, hours: string, minutes: string) {
  await scope.getByRole('spinbutton', { name: `${field}: саат` }).fill(hours);
  await scope.getByRole('spinbutton', { name: `${field}: мүнөт` }).fill(minutes);
}

/** The accessible name given to the element that has the keyboard focus. */
const focusedLabel = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }).document.activeElement?.getAttribute('aria-label') ?? null,
  );

describe('a council meeting, prepared by the secretariat (Kyrgyz)', () => {
  it('plans, builds and orders the agenda, records attendance with the quorum, a decision and a task, and hands out the briefing and invitation', async () => {
    const ui = await openUi(browser, server.url, 'ky');
    const { page, context } = ui;
    await signInBySession(page, secretary, '/app/meetings');
    await page.getByRole('heading', { level: 1, name: 'Кеңештердин жыйындары' }).waitFor();
    // The collegium's meetings of 2013–2014 are on record (held).
    await page.getByRole('row').filter({ hasText: 'Агенттиктин коллегиясы' }).first().getByText('Өттү').waitFor();
    await screenshot(page, 'meetings-list-seeded-ky');

    // Plan: the council is the first body offered; the times are Bishkek time.
    await page.getByRole('button', { name: 'Жыйын пландоо' }).click();
    const plan = page.getByRole('dialog', { name: 'Жаңы жыйын' });
    await plan.waitFor();
    await eventually(() => plan.getByRole('combobox', { name: 'Координациялык орган' }).inputValue(), 'Донорлордун жана эл аралык уюмдардын Координациялык Кеңеши');
    await plan.getByRole('button', { name: 'Пландоо' }).click();
    await plan.getByText('Аталышын жок дегенде бир тилде жазыңыз.').waitFor();
    await plan.getByText('Күнүн тандаңыз.').waitFor();
    await plan.getByRole('textbox', { name: 'Кыргызча' }).fill(MEETING_KY);
    await plan.getByRole('textbox', { name: 'Орусча' }).fill('Очередное заседание Совета');
    await plan.getByRole('textbox', { name: 'Күнү' }).fill('2031-03-12');
    await setTime(plan, 'Башталышы', '10', '00');
    await setTime(plan, 'Бүтүшү', '09', '30');
    await plan.getByRole('textbox', { name: 'Дареги же залы' }).fill('Бишкек ш., Агенттик, 3-зал');
    await plan.getByRole('button', { name: 'Пландоо' }).click();
    await plan.getByText('Жыйын башталгандан кийин бүтүшү керек.').waitFor();
    await setTime(plan, 'Бүтүшү', '13', '00');
    await screenshot(page, 'meetings-plan-ky');
    expect(await accessibilityViolations(page)).toEqual([]);
    await plan.getByRole('button', { name: 'Пландоо' }).click();
    await page.waitForURL(/\/app\/meetings\/[0-9a-f-]{36}$/);
    meetingId = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: `№ 1. ${MEETING_KY}` }).waitFor();
    // 10:00–13:00 in Bishkek (UTC+6) is 04:00–07:00 UTC.
    expect(await meetingState()).toMatchObject({ startsAt: '2031-03-12T04:00:00.000Z', endsAt: '2031-03-12T07:00:00.000Z', status: 'PLANNED' });
    await page.getByText('Күн тартиби бош.').waitFor();

    // Three agenda items.
    for (const title of ITEMS) {
      await page.getByRole('button', { name: 'Маселе кошуу' }).click();
      const dialog = page.getByRole('dialog', { name: 'Күн тартибинин жаңы маселеси' });
      await dialog.getByRole('textbox', { name: 'Кыргызча' }).fill(title);
      await dialog.getByRole('button', { name: 'Маселени кошуу' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('listitem').filter({ hasText: title }).waitFor();
    }
    expect(await agendaTitles()).toEqual(ITEMS);
    await expectClean(ui, 'meeting-agenda-ky');

    // By keyboard: the first item down twice; the focus stays on it (on "up" once it is last).
    await page.getByRole('button', { name: `Төмөн жылдыруу: ${ITEMS[0]}` }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `«${ITEMS[0]}» эми 3 ичинен 2-орунда. Тартип сакталды.` })
      .waitFor();
    expect(await focusedLabel(page)).toBe(`Төмөн жылдыруу: ${ITEMS[0]}`);
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `«${ITEMS[0]}» эми 3 ичинен 3-орунда.` })
      .waitFor();
    expect(await focusedLabel(page)).toBe(`Жогору жылдыруу: ${ITEMS[0]}`);
    expect(await agendaTitles()).toEqual([ITEMS[1], ITEMS[2], ITEMS[0]]);

    // By dragging the handle with the mouse: the third item (now second) to the top.
    const handle = page.getByRole('button', { name: `Тартибин өзгөртүү үчүн сүйрөңүз: ${ITEMS[2]}` });
    const top = page.locator('li[data-agenda-item]').first();
    const from = (await handle.boundingBox())!;
    const to = (await top.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 5 });
    await page.mouse.move(from.x + from.width / 2, to.y + 5, { steps: 15 });
    await page.mouse.up();
    await page
      .getByRole('status')
      .filter({ hasText: `«${ITEMS[2]}» эми 3 ичинен 1-орунда.` })
      .waitFor();
    await eventually(agendaTitles, [ITEMS[2], ITEMS[1], ITEMS[0]]);
    await eventually(
      () =>
        page
          .locator('li[data-agenda-item]')
          .allInnerTexts()
          .then((texts) => texts.map((text) => ITEMS.find((item) => text.includes(item)))),
      [ITEMS[2], ITEMS[1], ITEMS[0]],
    );

    // Attendance: the quorum counts as members are marked present (more than half of 9: 5).
    const required = Math.floor(members.length / 2) + 1;
    await page.getByRole('tab', { name: 'Катышуу' }).click();
    const live = page.getByTestId('quorum-live');
    await eventually(() => live.innerText(), `Азырынча кворум жок: ${members.length} мүчөдөн 0 катышууда, ${required} керек.`);
    await screenshot(page, 'meeting-attendance-ky');
    for (let index = 0; index < required; index++) {
      await page
        .getByRole('radiogroup', { name: `Катышуусу: ${members[index].name}` })
        .getByText('Катышты', { exact: true })
        .click();
      const expected =
        index + 1 < required
          ? `Азырынча кворум жок: ${members.length} мүчөдөн ${index + 1} катышууда, ${required} керек.`
          : `Кворум бар: ${members.length} мүчөдөн ${required} катышууда (${required} керек).`;
      await eventually(() => live.innerText(), expected);
    }
    await page
      .getByRole('radiogroup', { name: `Катышуусу: ${members[required].name}` })
      .getByText('Себептүү жок', { exact: true })
      .click();
    await page.getByRole('textbox', { name: `${members[0].name} уюмунан ким келди` }).fill('Т. Абдыкадыров, А. Осмонова');
    await page.getByText('Өзгөртүүлөр азырынча сактала элек.').waitFor();
    await page.getByRole('button', { name: 'Катышууну сактоо' }).click();
    await page
      .getByTestId('quorum-server')
      .filter({ hasText: `Сакталды. Хабдын эсеби боюнча ${members.length} мүчөдөн ${required} катышууда: кворум бар (${required} керек).` })
      .waitFor();
    const recorded = await meetingState();
    expect(recorded.quorum).toEqual({ present: required, required, reached: true });
    expect(recorded.attendance.find((row) => row.organisation.id === members[0].id)).toMatchObject({ status: 'PRESENT', people: ['Т. Абдыкадыров', 'А. Осмонова'] });
    expect(recorded.attendance.find((row) => row.organisation.id === members[required].id)).toMatchObject({ status: 'EXCUSED' });
    await expectClean(ui, 'meeting-attendance-quorum-ky');

    // A decision.
    await page.getByRole('tab', { name: /^Чечимдер/ }).click();
    const decisionForm = page.getByRole('form', { name: 'Чечим жазуу' });
    await decisionForm.getByRole('textbox', { name: 'Кыргызча' }).fill(DECISION);
    await decisionForm.getByRole('combobox', { name: 'Чечим кабыл алынган маселе' }).click();
    await page.getByRole('option', { name: `3. ${ITEMS[0]}` }).click();
    await decisionForm.getByRole('button', { name: 'Чечимди жазуу' }).click();
    await page.getByRole('listitem').filter({ hasText: DECISION }).getByText(`Күн тартибинин маселеси боюнча: 3. ${ITEMS[0]}`).waitFor();
    expect((await meetingState()).decisions).toEqual([{ text: DECISION }]);
    await expectClean(ui, 'meeting-decisions-ky');

    // A task with a due date in the past: overdue, said in words. Then one to mark done.
    await page.getByRole('tab', { name: /^Тапшырмалар/ }).click();
    const taskForm = page.getByRole('form', { name: 'Тапшырма берүү' });
    await taskForm.getByRole('textbox', { name: 'Эмне кылуу керек' }).fill(TASK);
    await taskForm.getByRole('combobox', { name: 'Жооптуу уюм' }).fill('Ынтымак');
    await page.getByRole('option', { name: foundation.name }).click();
    await taskForm.getByRole('textbox', { name: 'Мөөнөтү' }).fill('2020-01-31');
    await taskForm.getByRole('button', { name: 'Тапшырма берүү' }).click();
    const overdueRow = page.getByRole('row').filter({ hasText: TASK });
    await overdueRow.getByText('Мөөнөтү өттү').waitFor();
    expect((await meetingState()).actionItems).toEqual([{ description: TASK, overdue: true, status: 'OPEN', dueDate: '2020-01-31' }]);
    await taskForm.getByRole('textbox', { name: 'Эмне кылуу керек' }).fill('Протоколду жөнөтүү');
    await taskForm.getByRole('combobox', { name: 'Жооптуу уюм' }).fill(members[1].name.slice(0, 5));
    await page.getByRole('option', { name: members[1].name, exact: false }).first().click();
    await taskForm.getByRole('textbox', { name: 'Мөөнөтү' }).fill('2031-04-01');
    await taskForm.getByRole('button', { name: 'Тапшырма берүү' }).click();
    await page.getByRole('button', { name: 'Аткарылды деп белгилөө: Протоколду жөнөтүү' }).click();
    await page.getByRole('row').filter({ hasText: 'Протоколду жөнөтүү' }).getByText('Аткарылды', { exact: true }).waitFor();
    // The badge can show before the update's answer is back; the hub's record settles a moment later.
    await eventually(
      async () => (await meetingState()).actionItems.map((item) => [item.description, item.status, item.overdue]),
      [
        [TASK, 'OPEN', true],
        ['Протоколду жөнөтүү', 'DONE', false],
      ],
    );
    await expectClean(ui, 'meeting-tasks-ky');

    // The briefing opens in a new tab, in Kyrgyz, with the agenda.
    const briefing = page.getByRole('link', { name: /Жыйындын маалымдамасын ачуу/ });
    expect(await briefing.getAttribute('href')).toBe(`/meetings/${meetingId}/briefing?lang=ky`);
    expect(await briefing.getAttribute('target')).toBe('_blank');
    const [popup] = await Promise.all([context.waitForEvent('page'), briefing.click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(`${server.url}/meetings/${meetingId}/briefing?lang=ky`);
    expect(await popup.content()).toContain(ITEMS[2]);
    await popup.close();
    const briefingPage = await page.request.get(`/meetings/${meetingId}/briefing?lang=ky`);
    expect(briefingPage.status()).toBe(200);
    expect(await briefingPage.text()).toContain(ITEMS[2]);

    // The invitation downloads as an iCalendar file in Bishkek time.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Чакырууну жүктөп алуу (.ics)' }).click()]);
    // Read as a stream: the run's shared chromium is connected to, and keeps no local file path.
    const ics = await text(await download.createReadStream());
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toMatch(/DTSTART;TZID=Asia\/Bishkek:20310312T100000/);
    expect(download.suggestedFilename()).toBe('meeting-1.ics');
    const response = await page.request.get(`/meetings/${meetingId}/invite.ics?lang=ky`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/calendar');

    // The list now shows it as coming.
    await page.getByRole('link', { name: 'Бардык жыйындар' }).click();
    await page.getByRole('row').filter({ hasText: MEETING_KY }).getByText('алдыда').waitFor();
    await expectClean(ui, 'meetings-list-ky');
    await ui.context.close();
  }, 240_000);
});

describe('changing a meeting (Russian, on a phone)', () => {
  it('edits an item’s minutes, drags one with the keyboard, removes one, moves the meeting and calls it off', async () => {
    const plan = await server.graphql<{ planMeeting: { id: string } }, object>('mutation ($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }', {
      input: {
        bodyId: councilId,
        title: { ru: 'Внеочередное заседание' },
        startsAt: '2031-05-20T04:00:00Z',
        endsAt: '2031-05-20T06:00:00Z',
        format: 'ONLINE',
        onlineLink: 'https://meet.example.org/council',
      },
    });
    const id = plan.data!.planMeeting.id;
    for (const title of ['Бюджет', 'Отчёты', 'Разное']) {
      const added = await server.graphql('mutation ($id: ID!, $input: AgendaItemInput!) { addAgendaItem(meetingId: $id, input: $input) { id } }', {
        id,
        input: { title: { ru: title } },
      });
      if (added.errors) throw new Error(JSON.stringify(added.errors));
    }
    const state = async () =>
      (
        await server.graphql<
          {
            meeting: {
              startsAt: string;
              status: string;
              sequence: number;
              cancellationReason: string | null;
              format: string;
              agenda: { titles: { ru: string }; minutes: string | null }[];
            };
          },
          object
        >('query ($id: ID!) { meeting(id: $id) { startsAt status sequence cancellationReason format agenda { titles { ru } minutes } } }', { id })
      ).data!.meeting;

    const ui = await openUi(browser, server.url, 'ru', { width: 390, height: 844 });
    const { page } = ui;
    await signInBySession(page, secretary, `/app/meetings/${id}`);
    await page.getByRole('heading', { level: 1, name: /^№ \d+\. Внеочередное заседание$/ }).waitFor();
    await page.getByText('20 мая 2031 г., 10:00–12:00').waitFor();
    await page.getByRole('link', { name: 'https://meet.example.org/council' }).waitFor();
    await expectClean(ui, 'meeting-phone-ru');

    // Minutes of an item.
    await page.getByRole('button', { name: 'Изменить: Отчёты' }).click();
    const edit = page.getByRole('dialog', { name: 'Изменение вопроса повестки' });
    expect(await edit.getByRole('textbox', { name: 'На русском' }).inputValue()).toBe('Отчёты');
    await edit.getByRole('textbox', { name: 'Протокол' }).fill('Партнёры представили отчёты за квартал.');
    await edit.getByRole('button', { name: 'Сохранить' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByRole('listitem').filter({ hasText: 'Партнёры представили отчёты за квартал.' }).waitFor();
    expect((await state()).agenda.map((item) => item.minutes)).toEqual([null, 'Партнёры представили отчёты за квартал.', null]);

    // The drag handle works from the keyboard too: Space, arrow down, Space.
    const handle = page.getByRole('button', { name: 'Перетащить, чтобы изменить порядок: Бюджет' });
    const said = () => page.locator('[id^=DndLiveRegion]').evaluate((region) => region.textContent);
    await handle.focus();
    await page.keyboard.press('Space');
    await eventually(() => handle.getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('ArrowDown');
    await eventually(said, '«Бюджет» теперь на позиции 2 из 3.');
    await page.keyboard.press('Space');
    await eventually(said, '«Бюджет» поставлен на позицию 2 из 3.');
    await eventually(async () => (await state()).agenda.map((item) => item.titles.ru), ['Отчёты', 'Бюджет', 'Разное']);

    // Remove one, after saying so.
    await page.getByRole('button', { name: 'Удалить: Разное' }).click();
    const remove = page.getByRole('dialog', { name: 'Удаление вопроса повестки' });
    await remove.getByText('Удалить «Разное» из повестки?', { exact: false }).waitFor();
    await remove.getByRole('button', { name: 'Удалить вопрос' }).click();
    await remove.waitFor({ state: 'hidden' });
    await eventually(async () => (await state()).agenda.map((item) => item.titles.ru), ['Отчёты', 'Бюджет']);

    // Move it: the form shows the meeting as it is, in Bishkek time.
    await page.getByRole('button', { name: 'Перенести' }).click();
    const move = page.getByRole('dialog', { name: 'Перенос заседания' });
    expect(await move.getByRole('textbox', { name: 'День' }).inputValue()).toBe('2031-05-20');
    expect(await move.getByRole('spinbutton', { name: 'Начало: часы' }).inputValue()).toBe('10');
    await move.getByRole('textbox', { name: 'День' }).fill('2031-05-27');
    await move.getByRole('spinbutton', { name: 'Начало: часы' }).fill('15');
    await move.getByRole('spinbutton', { name: 'Окончание: часы' }).fill('17');
    await move.getByRole('button', { name: 'Сохранить новое время' }).click();
    await move.waitFor({ state: 'hidden' });
    await page.getByText('27 мая 2031 г., 15:00–17:00').waitFor();
    await page.getByText('перенесено', { exact: true }).waitFor();
    expect(await state()).toMatchObject({ startsAt: '2031-05-27T09:00:00.000Z', sequence: 1 });

    // Call it off: a reason is required.
    await page.getByRole('button', { name: 'Отменить заседание' }).click();
    const cancel = page.getByRole('dialog', { name: 'Отмена заседания' });
    await cancel.getByRole('button', { name: 'Отменить заседание' }).click();
    await cancel.getByText('Укажите причину отмены.').waitFor();
    await cancel.getByRole('textbox', { name: /Почему заседание отменяется/ }).fill('Председатель в командировке.');
    await cancel.getByRole('button', { name: 'Отменить заседание' }).click();
    await cancel.waitFor({ state: 'hidden' });
    await page.getByRole('main').getByText('Заседание отменено').first().waitFor();
    await page.getByText('Председатель в командировке.').waitFor();
    expect(await state()).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Председатель в командировке.' });
    expect(await page.getByRole('button', { name: 'Добавить вопрос' }).count()).toBe(0);
    await expectClean(ui, 'meeting-cancelled-phone-ru');
    await ui.context.close();
  }, 150_000);
});
