/**
 * The documents' own words: seeded records that cite a Kyrgyz source document carry its Kyrgyz
 * wording; a database seeded by an earlier version gets them in place; and a text kept in one
 * language falls back in one order everywhere (asked-for, Kyrgyz, Russian, English), saying which.
 */
import pino from 'pino';
import { seedReferenceData } from '../seeds';
import { DOC } from '../seeds/partners/sources';
import { seedId } from '../seeds/seed-id';
import {
  ActivityReportTextsDocument,
  CreateOrganisationDocument,
  CreateProjectDocument,
  OrganisationInLanguageDocument,
  ProjectTitlesInOrderDocument,
  SeededRecordTextsDocument,
  type TextsFragment,
} from './generated/graphql';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

/** The labels seeded `source` texts begin with when a record comes from one of the Kyrgyz documents [000]–[004]. */
const KYRGYZ_DOCUMENTS = Object.values(DOC).filter((label) => label !== DOC.PUBLIC);
const citesKyrgyzDocument = (source: string | null | undefined) => KYRGYZ_DOCUMENTS.some((label) => source?.startsWith(label));
const LATIN = /[A-Za-z]/;

const sql = (statement: string, values: unknown[] = []) => server.orm.em.getConnection().execute(statement, values);
const reseed = () => seedReferenceData(server.orm, pino({ level: 'silent' }));

async function seededTexts() {
  const { data, errors } = await server.graphql(SeededRecordTextsDocument, {});
  expect(errors).toBeUndefined();
  return data!;
}

describe('seeded records that cite a Kyrgyz document', () => {
  it('carry a Kyrgyz text wherever they carry a text at all', async () => {
    const data = await seededTexts();
    const records: { what: string; source: string | null | undefined; texts: Record<string, TextsFragment> }[] = [
      ...data.organisations.nodes.map((node) => ({ what: `organisation ${node.id}`, source: node.source, texts: { name: node.names } })),
      ...data.coordinationBodies.map((node) => ({ what: `body ${node.id}`, source: node.source, texts: { name: node.names, description: node.description } })),
      ...data.projects.nodes.map((node) => ({
        what: `project ${node.id}`,
        source: node.source,
        texts: { title: node.titles, description: node.description, objectives: node.objectives },
      })),
      ...data.activityReports.nodes.map((node) => ({ what: `report ${node.id}`, source: node.source, texts: { title: node.titles, description: node.description } })),
      ...data.meetings.nodes.flatMap((node) => [
        { what: `meeting ${node.number}`, source: node.source, texts: { title: node.titles } },
        // Agenda items have no source of their own: they are the meeting's.
        ...node.agenda.map((item) => ({ what: `agenda item of meeting ${node.number}`, source: node.source, texts: { title: item.titles, description: item.description } })),
      ]),
    ];
    const cited = records.filter((record) => citesKyrgyzDocument(record.source));
    // Not vacuous: 6 bodies, 13 projects, 6 reports, 6 meetings and their 6 agenda items, 20+ organisations.
    expect(cited.length).toBeGreaterThanOrEqual(57);
    const missing = cited.flatMap((record) =>
      Object.entries(record.texts)
        .filter(([, text]) => (text.ru || text.en) && !text.ky)
        .map(([field]) => `${record.what}: ${field}`),
    );
    expect(missing).toEqual([]);
  });

  it("quote the collegium's meetings and the agency's events as the agency's page words them, in Cyrillic", async () => {
    const { meetings, activityReports } = await seededTexts();
    const talas = meetings.nodes.find((meeting) => meeting.number === 6 && meeting.source?.startsWith(DOC.AGENCY))!;
    expect(talas.titles).toMatchObject({
      ky: 'Талас шаарындагы көчмө коллегия',
      ru: 'Выездное заседание коллегии в городе Талас',
      en: 'Visiting session of the collegium in Talas',
    });
    expect(talas.agenda[0].titles.ky).toBe('Жергиликтүү өз алдынча башкаруу органдары менен иш алып баруу боюнча Талас облусунун Манас районунун уюштуруу иштери жөнүндө');
    const maevka = activityReports.nodes.find((report) => report.titles.ky?.includes('Маевка'))!;
    expect(maevka.description.ky).toContain('Чүй облусунун Аламүдүн районунун Маевка айылында');
    expect(maevka.source).toContain('Kyrgyz text in the words of the document');
    // Place names in the Kyrgyz and Russian texts are as the documents write them, not transliterated.
    const documentTexts = [
      ...meetings.nodes.filter((meeting) => citesKyrgyzDocument(meeting.source)).flatMap((meeting) => [meeting.titles, ...meeting.agenda.map((item) => item.titles)]),
      ...activityReports.nodes.filter((report) => citesKyrgyzDocument(report.source)).flatMap((report) => [report.titles, report.description]),
    ];
    expect(documentTexts).toHaveLength(24);
    expect(documentTexts.filter((text) => LATIN.test(`${text.ky} ${text.ru}`))).toEqual([]);
  });
});

describe('a database seeded by an earlier version', () => {
  it("gets the texts in place: untouched records the documents' words, edited ones only the languages they lack", async () => {
    const talasId = seedId('meeting', 'collegium:6');
    const talasAgendaId = seedId('agenda-item', 'collegium:6:1');
    const maevkaId = seedId('activity-report', 'maevka-independence-day-2013');
    const before = await seededTexts();
    const talasBefore = before.meetings.nodes.find((meeting) => meeting.id === talasId)!;
    const counts = async () => Promise.all(['meeting', 'agenda_item', 'activity_report', 'project', 'coordination_body', 'organisation'].map((table) => server.rowCount(table)));
    const rowsBefore = await counts();

    // As the earlier seeds left them: English paraphrases only; the report since edited by the secretariat.
    await sql(`update meeting set title_ky = null, title_ru = null, title_en = 'Visiting session in Talas', source = 'old' where id = ?`, [talasId]);
    await sql(`update agenda_item set title_ky = null, title_ru = null, title_en = 'The situation in Manas rayon of Talas oblast' where id = ?`, [talasAgendaId]);
    await sql(
      `update activity_report set title_ky = null, title_ru = null, title_en = 'Edited by the secretariat', description_ky = null, description_ru = null, description_en = 'Old English description.', version = 3 where id = ?`,
      [maevkaId],
    );
    await sql(`delete from reference_data where name = 'seeded-texts'`);

    await reseed();

    const after = await seededTexts();
    const talas = after.meetings.nodes.find((meeting) => meeting.id === talasId)!;
    expect(talas.titles).toMatchObject({ ky: 'Талас шаарындагы көчмө коллегия', en: 'Visiting session of the collegium in Talas' });
    expect(talas.source).toMatch(/^\[001\]/);
    expect(talas.agenda[0]).toMatchObject({ id: talasAgendaId, titles: { ky: expect.stringContaining('Манас районунун'), en: expect.stringContaining('Manas rayon') } });
    // In place: same ids, no new rows, and no edit recorded (a briefing would count it as a change).
    expect({ version: talas.version, updatedAt: talas.updatedAt }).toEqual({ version: talasBefore.version, updatedAt: talasBefore.updatedAt });
    expect(await counts()).toEqual(rowsBefore);

    const maevka = (await server.graphql(ActivityReportTextsDocument, { id: maevkaId })).data!.activityReport!;
    expect(maevka.version).toBe(3);
    expect(maevka.titles).toMatchObject({ en: 'Edited by the secretariat', ky: expect.stringContaining('Маевка айылында'), ru: expect.stringContaining('Маевка') });
    expect(maevka.description).toMatchObject({ en: 'Old English description.', ky: expect.stringContaining('Аламүдүн') });

    // Once per version of the seed texts: a text changed since is not overwritten at the next start.
    await sql(`update meeting set title_ru = null where id = ?`, [talasId]);
    await reseed();
    const again = (await seededTexts()).meetings.nodes.find((meeting) => meeting.id === talasId)!;
    expect(again.titles.ru).toBeNull();
  });
});

describe('a text kept in some languages only', () => {
  it('comes in the asked-for language, else Kyrgyz, else Russian, else English, and says which', async () => {
    const created = async (name: Record<string, string>) => {
      const { data, errors } = await server.graphql(CreateOrganisationDocument, { input: { name, kind: 'NATIONAL_NGO' } });
      expect(errors).toBeUndefined();
      return data!.createOrganisation.id;
    };
    const russianOnly = await created({ ru: 'Только по-русски' });
    const kyrgyzAndRussian = await created({ ky: 'Кыргызча аты', ru: 'Русское имя' });
    const englishOnly = await created({ en: 'English only' });
    const ask = async (id: string, header: string, lang?: 'KY' | 'RU' | 'EN') => {
      const { data, errors } = await server.graphql(OrganisationInLanguageDocument, { id, lang }, { headers: { 'accept-language': header } });
      expect(errors).toBeUndefined();
      return data!.organisation!;
    };

    expect((await ask(russianOnly, 'en')).names).toMatchObject({ text: 'Только по-русски', language: 'RU' });
    expect((await ask(russianOnly, 'ky')).name).toBe('Только по-русски');
    // Kyrgyz before Russian for a text missing in English.
    expect((await ask(kyrgyzAndRussian, 'en')).names).toMatchObject({ text: 'Кыргызча аты', language: 'KY' });
    expect((await ask(kyrgyzAndRussian, 'en', 'RU')).askedName).toBe('Русское имя');
    expect((await ask(kyrgyzAndRussian, 'ru')).names).toMatchObject({ text: 'Русское имя', language: 'RU' });
    expect((await ask(englishOnly, 'ky')).names).toMatchObject({ text: 'English only', language: 'EN' });
    expect((await ask(englishOnly, 'ru', 'KY')).askedName).toBe('English only');
  });

  it('sorts by the title a page shows: an English list orders untranslated titles by their Kyrgyz, not their Russian', async () => {
    const create = async (title: Record<string, string>) => {
      const { data, errors } = await server.graphql(CreateProjectDocument, { input: { title } });
      expect(errors).toBeUndefined();
      return data!.createProject.id;
    };
    const first = await create({ ky: 'Ааа сорттоо долбоору', ru: 'Яяя сортировка' });
    const second = await create({ ky: 'Ббб сорттоо долбоору', ru: 'Ббб сортировка' });
    const { data } = await server.graphql(ProjectTitlesInOrderDocument, { search: 'сорттоо' }, { headers: { 'accept-language': 'en' } });
    expect(data!.projects.nodes.map((node) => [node.id, node.title, node.titles.language])).toEqual([
      [first, 'Ааа сорттоо долбоору', 'KY'],
      [second, 'Ббб сорттоо долбоору', 'KY'],
    ]);
  });
});
