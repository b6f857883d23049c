/**
 * The coordination bodies in a browser: the public page in Russian (members, seats, earlier
 * meetings, no one's contacts), and the secretariat's roster in Kyrgyz (adding a member with a
 * representative, ending a membership, the quorum).
 */
import type { Browser } from 'playwright-core';
import { accessibilityViolations, launchBrowser, openUi, screenshot, expectClean, eventually } from '../support/browser';
import { createPerson, type Person, signInBySession } from '../support/people';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let browser: Browser;
let secretary: Person;
let councilId: string;
let talasId: string;

const EMAIL = 'j.bekova@example.org';

async function createOrganisation(name: { ky: string; ru: string; en: string }): Promise<string> {
  const { data, errors } = await server.graphql<{ createOrganisation: { id: string } }, object>(
    'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
    {
      input: { name, kind: 'NATIONAL_NGO' },
    },
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.createOrganisation.id;
}

interface Roster {
  coordinationBody: {
    quorumPercent: number;
    memberCount: number;
    members: {
      nodes: {
        id: string;
        active: boolean;
        startDate: string | null;
        endDate: string | null;
        role: string;
        organisation: { id: string };
        representatives: { name: string; email: string | null }[];
      }[];
    };
  };
}

async function roster() {
  const { data, errors } = await server.graphql<Roster, object>(
    'query ($id: ID!) { coordinationBody(id: $id) { quorumPercent memberCount members(first: 100, includeEnded: true) { nodes { id active startDate endDate role organisation { id } representatives { name email } } } } }',
    { id: councilId },
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.coordinationBody;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  secretary = await createPerson(server, 'SECRETARIAT', null, 'Бакыт Сыдыков');
  const bodies = await server.graphql<{ coordinationBodies: { id: string; kind: string }[] }, object>('{ coordinationBodies { id kind } }', {});
  councilId = bodies.data!.coordinationBodies.find((body) => body.kind === 'DONOR_COORDINATION_COUNCIL')!.id;
  const openSociety = await createOrganisation({ ky: 'Ачык коом фонду', ru: 'Фонд «Открытое общество»', en: 'Open Society Foundation' });
  const joined = await server.graphql('mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
    input: {
      bodyId: councilId,
      organisationId: openSociety,
      role: 'MEMBER',
      startDate: '2023-05-10',
      representatives: [{ name: 'Жылдыз Бекова', title: 'Программа менеджери', email: EMAIL, phone: '+996 555 123 456' }],
    },
  });
  if (joined.errors) throw new Error(JSON.stringify(joined.errors));
  talasId = await createOrganisation({ ky: 'Талас жаштар борбору', ru: 'Таласский молодёжный центр', en: 'Talas Youth Centre' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the public council page (Russian)', () => {
  it('lists the bodies with their members, seats and earlier meetings, and no one’s contacts', async () => {
    const ui = await openUi(browser, server.url, 'ru');
    const { page } = ui;
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Координационный совет' }).click();
    await page.getByRole('heading', { level: 1, name: 'Координационные органы' }).waitFor();
    await page.mouse.move(900, 5);
    const council = page.getByRole('region', { name: 'Координационный совет доноров и международных организаций' });
    await council.getByText('Занято мест: 9 из 38').waitFor();
    await council.getByText('Заседаний до начала учёта в хабе: 5').waitFor();
    const row = council.getByRole('row').filter({ hasText: 'Фонд «Открытое общество»' });
    await row.getByText('Жылдыз Бекова').waitFor();
    await row.getByText('Программа менеджери').waitFor();
    expect(await row.getByRole('cell').nth(2).innerText()).toMatch(/10 мая 2023/);
    await council.getByRole('row').filter({ hasText: 'Председатель' }).first().waitFor();
    // E-mail addresses and telephones are not public: not on the page, and no empty place for them.
    expect(await page.content()).not.toContain(EMAIL);
    expect(await page.content()).not.toContain('555 123');
    await page.getByRole('region', { name: 'Коллегия Агентства' }).getByText('Организации-члены пока не внесены.').waitFor();
    await expectClean(ui, 'council-public-ru');
    await ui.context.close();
  });
});

describe("the secretariat's roster (Kyrgyz)", () => {
  it('adds a member with a representative, ends a membership, and sets the quorum', async () => {
    const ui = await openUi(browser, server.url, 'ky');
    const { page } = ui;
    await signInBySession(page, secretary, '/app/council');
    await page.getByRole('heading', { level: 1, name: 'Кеңештердин мүчөлөрү' }).waitFor();
    await eventually(() => page.getByRole('combobox', { name: 'Координациялык орган' }).inputValue(), 'Донорлордун жана эл аралык уюмдардын Координациялык Кеңеши');
    await page.getByText('38 орундан 9 орун ээленген').waitFor();
    // Signed in, the secretariat sees the representatives' contacts.
    await page.getByRole('row').filter({ hasText: 'Ачык коом фонду' }).getByRole('link', { name: EMAIL }).waitFor();
    await expectClean(ui, 'council-roster-ky');

    // Add the Talas youth centre, with a representative (a wrong e-mail first).
    await page.getByRole('button', { name: 'Мүчө кошуу' }).click();
    const add = page.getByRole('dialog', { name: 'Жаңы мүчө: Донорлордун жана эл аралык уюмдардын Координациялык Кеңеши' });
    await add.getByRole('button', { name: 'Кошуу', exact: true }).click();
    await add.getByText('Уюмду тандаңыз.').waitFor();
    await add.getByRole('combobox', { name: 'Уюм' }).fill('Талас');
    await page.getByRole('option', { name: 'Талас жаштар борбору' }).click();
    await add.getByRole('textbox', { name: 'Мүчөлүктүн биринчи күнү' }).fill('2025-02-01');
    await add.getByRole('button', { name: 'Өкүл кошуу' }).click();
    await add.getByRole('textbox', { name: '1-өкүл: аты-жөнү' }).fill('Бакыт Осмонов');
    await add.getByRole('textbox', { name: '1-өкүл: кызматы' }).fill('Директор');
    await add.getByRole('textbox', { name: '1-өкүл: электрондук почта' }).fill('osmonov@');
    await add.getByRole('button', { name: 'Кошуу', exact: true }).click();
    await add.getByText('Электрондук почтаны жазыңыз, мисалы name@example.org.').waitFor();
    await screenshot(page, 'council-add-ky');
    expect(await accessibilityViolations(page)).toEqual([]);
    await add.getByRole('textbox', { name: '1-өкүл: электрондук почта' }).fill('b.osmonov@example.org');
    await add.getByRole('button', { name: 'Кошуу', exact: true }).click();
    await add.waitFor({ state: 'hidden' });
    await page.getByRole('row').filter({ hasText: 'Талас жаштар борбору' }).getByText('Бакыт Осмонов').waitFor();
    await page.getByText('38 орундан 10 орун ээленген').waitFor();
    const added = (await roster()).members.nodes.find((member) => member.organisation.id === talasId)!;
    expect(added).toMatchObject({ active: true, role: 'MEMBER', startDate: '2025-02-01', representatives: [{ name: 'Бакыт Осмонов', email: 'b.osmonov@example.org' }] });

    // End it: a last day before the first is refused next to the date; then today.
    await page.getByRole('button', { name: 'Мүчөлүктү токтотуу: Талас жаштар борбору' }).click();
    const end = page.getByRole('dialog', { name: 'Мүчөлүктү токтотуу' });
    await end.getByText('Талас жаштар борбору төмөндө көрсөтүлгөн күндөн кийин', { exact: false }).waitFor();
    const today = await end.getByRole('textbox', { name: 'Мүчөлүктүн акыркы күнү' }).inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await end.getByRole('textbox', { name: 'Мүчөлүктүн акыркы күнү' }).fill('2025-01-01');
    await end.getByRole('button', { name: 'Мүчөлүктү токтотуу', exact: true }).click();
    await end.getByText('Акыркы күн мүчөлүктүн биринчи күнүнөн мурун.').waitFor();
    await end.getByRole('textbox', { name: 'Мүчөлүктүн акыркы күнү' }).fill(today);
    await end.getByRole('button', { name: 'Мүчөлүктү токтотуу', exact: true }).click();
    await end.waitFor({ state: 'hidden' });
    await page.getByText('38 орундан 9 орун ээленген').waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Талас жаштар борбору' }).count()).toBe(0);
    expect((await roster()).members.nodes.find((member) => member.organisation.id === talasId)).toMatchObject({ active: false, endDate: today });
    await page.getByRole('switch', { name: 'Токтотулган мүчөлүктөрдү көрсөтүү' }).click();
    await page.waitForURL(/ended=1/);
    await page.getByRole('row').filter({ hasText: 'Талас жаштар борбору' }).getByText('токтотулган').waitFor();

    // The quorum: 60 % of the 10 members who count (the chair and nine members) is 6, so 7 must come.
    const quorum = page.getByRole('textbox', { name: 'Кворум' });
    await quorum.fill('60');
    await page.getByText('Азыр эсептелген мүчөлөр: 10; кворум үчүн катышышы керек: 7.').waitFor();
    await page.getByRole('button', { name: 'Кворумду сактоо' }).click();
    await page.getByText('Сакталды.').waitFor();
    expect((await roster()).quorumPercent).toBe(60);
    await expectClean(ui, 'council-roster-ended-ky');
    await ui.context.close();
  }, 180_000);
});
