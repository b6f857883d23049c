/**
 * The meeting pages (briefing, its Markdown, the invitation) and their error answers speak the
 * asked-for language in every word they print: ?lang=, else Accept-Language.
 */
import { seedId } from '../seeds/seed-id';
import { PlanMeetingDocument, RecordTransactionDocument } from './generated/graphql';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
const TALAS_MEETING = seedId('meeting', 'collegium:6');
const COUNCIL = seedId('coordination-body', 'donor-coordination-council');
const UNDP = seedId('organisation', 'undp');
/** A seeded project UNDP, a member of the council, takes part in. */
const CONSULTATIONS = seedId('project', 'national-consultations-lsg-conflict-prevention-2023');
const LATIN = /[A-Za-z]/;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

async function get(path: string, { token = server.adminToken as string | null, headers = {} as Record<string, string> } = {}) {
  const response = await fetch(`${server.url}${path}`, { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  return { status: response.status, language: response.headers.get('content-language'), text: await response.text() };
}

describe("the briefing of the collegium's visiting session in Talas", () => {
  it('reads wholly in Kyrgyz: its title, agenda, place and the border ayil aimaks in Cyrillic', async () => {
    const { status, language, text } = await get(`/meetings/${TALAS_MEETING}/briefing?lang=ky&format=md`);
    expect({ status, language }).toEqual({ status: 200, language: 'ky' });
    expect(text).toContain('Талас шаарындагы көчмө коллегия');
    expect(text).toContain('Талас облусунун Манас районунун уюштуруу иштери жөнүндө');
    expect(text).toContain('Кайда: Талас ш.');
    expect(text).toContain('Ак-Татыр айыл аймагы');
    expect(text).toContain('0 транзакция');
    expect(text.match(/[^\n]*[A-Za-z][^\n]*/g)).toBeNull();
  });

  it('reads wholly in Russian, units by their Russian names', async () => {
    const { language, text } = await get(`/meetings/${TALAS_MEETING}/briefing?format=md`, { headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' } });
    expect(language).toBe('ru');
    expect(text).toContain('Выездное заседание коллегии в городе Талас');
    expect(text).toContain('Об организационной работе Манасского района Таласской области');
    expect(text).toMatch(/Ак-Татыр\S* айыл\S* аймак/);
    expect(text).toContain('(по времени Бишкека)');
    expect(text.match(/[^\n]*[A-Za-z][^\n]*/g)).toBeNull();
  });

  it('is an invitation in the asked-for language', async () => {
    const { status, text } = await get(`/meetings/${TALAS_MEETING}/invite.ics?lang=ky`);
    expect(status).toBe(200);
    const unfolded = text.replace(/\r?\n[ \t]/g, '');
    expect(unfolded).toContain('SUMMARY:Агенттиктин коллегиясы: Талас шаарындагы көчмө коллегия (№6)');
    expect(unfolded).toContain('DESCRIPTION:1. Жергиликтүү өз алдынча башкаруу органдары менен');
    expect(unfolded).toContain('LOCATION:Талас ш.');
  });
});

describe('counts on the briefing', () => {
  it('take the plural form their language needs: 1 транзакция, 2 транзакции, 5 транзакций; 1 transaction', async () => {
    const planned = await server.graphql(PlanMeetingDocument, {
      input: {
        bodyId: COUNCIL,
        title: { ky: 'Кеңештин жыйыны' },
        startsAt: '2030-03-05T10:00:00+06:00',
        endsAt: '2030-03-05T12:00:00+06:00',
        format: 'IN_PERSON',
        placeUnitCode: 'KG11000000000',
      },
    });
    expect(planned.errors).toBeUndefined();
    const meeting = planned.data!.planMeeting.id;
    const record = async (times: number) => {
      for (let index = 0; index < times; index += 1) {
        const { errors } = await server.graphql(RecordTransactionDocument, {
          input: { projectId: CONSULTATIONS, type: 'DISBURSEMENT', amount: '1250.50', currency: 'USD', valueDate: '2030-01-15', providerId: UNDP },
        });
        expect(errors).toBeUndefined();
      }
    };
    const funding = async (lang: string) => {
      const { text } = await get(`/meetings/${meeting}/briefing?lang=${lang}&format=md`);
      const section = text.split('\n## ')[3];
      return section
        .split('\n')
        .filter((line) => line.startsWith('- '))
        .map((line) => line.slice(2).replace(/\s/g, ' '));
    };
    await record(1);
    expect(await funding('ru')).toEqual(['1 транзакция', '1 250,50 USD']);
    expect(await funding('en')).toEqual(['1 transaction', '1,250.50 USD']);
    await record(1);
    expect((await funding('ru'))[0]).toBe('2 транзакции');
    expect((await funding('en'))[0]).toBe('2 transactions');
    await record(3);
    expect(await funding('ru')).toEqual(['5 транзакций', '6 252,50 USD']);
    expect((await funding('ky'))[0]).toBe('5 транзакция');
  });
});

describe('refusals', () => {
  const path = `/meetings/${TALAS_MEETING}/briefing`;
  it.each([
    ['ky', 'Системага кириңиз же API-токен жөнөтүңүз.'],
    ['ru', 'Войдите в систему или передайте API-токен.'],
    ['en', 'Sign in, or send an API token.'],
  ])('ask a caller without credentials to sign in, in %s', async (lang, message) => {
    expect(await get(`${path}?lang=${lang}`, { token: null })).toEqual({ status: 401, language: lang, text: message });
    expect(await get(`/meetings/${TALAS_MEETING}/invite.ics?lang=${lang}`, { token: null })).toEqual({ status: 401, language: lang, text: message });
  });

  it('say in the language of Accept-Language, or ?lang= over it, that a token is bad or a meeting unknown', async () => {
    const badToken = await get(path, { token: 'yk_tok_unknown', headers: { 'accept-language': 'ky' } });
    expect(badToken).toMatchObject({ status: 401, language: 'ky', text: expect.stringMatching(/^API-токен жараксыз/) });
    const unknown = await get('/meetings/00000000-0000-4000-8000-000000000000/briefing?lang=ru', { headers: { 'accept-language': 'ky' } });
    expect(unknown).toEqual({ status: 404, language: 'ru', text: 'Такого заседания нет.' });
    const english = await get('/meetings/not-an-id/invite.ics', { headers: { 'accept-language': 'de, en;q=0.5' } });
    expect(english).toEqual({ status: 404, language: 'en', text: 'No such meeting.' });
    // Nothing printed in Kyrgyz or Russian is in Latin letters (the API's own name excepted).
    for (const { text } of [badToken, unknown]) expect(LATIN.test(text.replace(/API|Authorization|Bearer/g, ''))).toBe(false);
  });
});
