import type { EntityManager } from '@mikro-orm/postgresql';
import { TranslatedText } from '../../src/common/translations.embeddable';
import { CoordinationBody } from '../../src/council/coordination-body.entity';
import { AdminUnit } from '../../src/geography/admin-unit.entity';
import { AgendaItem, Meeting, MeetingFormat, MeetingStatus } from '../../src/meetings/meeting.entity';
import { BODY } from '../partners/council.data';
import { partnerSeedIds } from '../partners/partners.seed';
import type { Translations } from '../../src/common/localized-text';
import { DOC, KYRGYZ_WORDING } from '../partners/sources';
import type { SeededTexts } from '../seeded-texts';
import { seedId } from '../seed-id';

const MEETING_WORDING = `The agenda item is the question the document says the collegium considered, in its words; the title is made of its words about the meeting (of the first meeting it says only that it was organisational). ${KYRGYZ_WORDING}`;

interface MeetingSeed {
  number: number;
  /** The day; the documents give no times, so meetings are recorded as all-day. */
  date: string;
  format: MeetingFormat;
  place: string | null;
  /** Made of the document's words about the meeting (Kyrgyz), with translations. */
  title: Translations;
  /** The question the collegium considered, as the document quotes it (Kyrgyz), with translations. */
  agenda: Translations[];
}

/**
 * The collegium's meetings the agency's page [001] lists (2013 and the first 7 months of 2014),
 * in its words: "2013-жыл жана ушул жылдын 7 айы үчүн Агенттиктин Коллегиясынын 6 жыйыны өткөрүлдү."
 */
const COLLEGIUM_MEETINGS: MeetingSeed[] = [
  {
    number: 1,
    date: '2013-09-25',
    format: MeetingFormat.IN_PERSON,
    place: null,
    // "2013-жылдын 25- сентябры. Биринчи уюштуруу жыйыны."
    title: { ky: 'Биринчи уюштуруу жыйыны', ru: 'Первое организационное заседание', en: 'First organisational meeting' },
    agenda: [{ ky: 'Уюштуруу маселелери', ru: 'Организационные вопросы', en: 'Organisational matters' }],
  },
  {
    number: 2,
    date: '2013-12-05',
    format: MeetingFormat.VISITING_SESSION,
    place: 'KG02410000010',
    title: {
      ky: 'Каракол шаарында Өкмөттүн Ысык-Көл облусу боюнча ыйгарым укуктуу өкүлү менен биргеликте өткөн жыйын',
      ru: 'Заседание в городе Каракол совместно с полномочным представителем Правительства в Иссык-Кульской области',
      en: "Meeting in Karakol jointly with the Government's plenipotentiary representative in Issyk-Kul oblast",
    },
    agenda: [
      {
        ky: 'Ысык-Көл облусунун Түп районунун жергиликтүү өз алдынча башкаруу органдарынын укуктук-ченемдик актылары менен иштөө жана аткаруу тартиби жөнүндө',
        ru: 'О порядке работы с нормативными правовыми актами и их исполнения органами местного самоуправления Тюпского района Иссык-Кульской области',
        en: 'On the procedure by which the local self-government bodies of Tup rayon, Issyk-Kul oblast, work with and carry out normative legal acts',
      },
    ],
  },
  {
    number: 3,
    date: '2013-12-23',
    format: MeetingFormat.IN_PERSON,
    place: null,
    title: {
      ky: 'Баткен облусундагы мамлекеттик программа боюнча жыйын',
      ru: 'Заседание о государственной программе в Баткенской области',
      en: 'Meeting on the state programme in Batken oblast',
    },
    agenda: [
      {
        ky: 'Баткен облусунда 2013-2016-жылдарга карата мамлекеттик программаны ишке ашыруу боюнча иш-чаралардын планы жана айрым чек ара аймактарынын социалдык-экономикалык өнүгүшү жана коопсуздугун камсыз кылуу боюнча мамлекеттик программанын биринчи этабын ишке ашыруу жөнүндө',
        ru: 'О плане мероприятий по реализации государственной программы в Баткенской области на 2013–2016 годы и о реализации первого этапа государственной программы по социально-экономическому развитию и обеспечению безопасности отдельных приграничных территорий',
        en: 'On the action plan for carrying out the state programme in Batken oblast for 2013–2016, and on carrying out the first stage of the state programme for the socio-economic development and security of certain border territories',
      },
    ],
  },
  {
    number: 4,
    date: '2014-03-04',
    format: MeetingFormat.IN_PERSON,
    place: null,
    title: {
      ky: 'Муниципалдык менчикти пайдалануу боюнча жыйын',
      ru: 'Заседание об использовании муниципальной собственности',
      en: 'Meeting on the use of municipal property',
    },
    agenda: [
      {
        ky: 'Муниципалдык менчикти пайдалануу боюнча Жалал-Абад жана Майлуу-Суу шаарларынын мэрияларынын иши жөнүндө',
        ru: 'О работе мэрий городов Джалал-Абад и Майлуу-Суу по использованию муниципальной собственности',
        en: "On the work of the Jalal-Abad and Mailuu-Suu mayor's offices in using municipal property",
      },
    ],
  },
  {
    number: 5,
    date: '2014-04-24',
    format: MeetingFormat.VISITING_SESSION,
    place: 'KG21000000000',
    title: {
      ky: 'Ош шаарында Ош шаарынын мэриясы менен биргеликте өткөрүлгөн коллегия',
      ru: 'Заседание коллегии в городе Ош, проведённое совместно с мэрией города Ош',
      en: "Collegium meeting in Osh held jointly with the Osh mayor's office",
    },
    agenda: [
      {
        ky: 'Элдин биримдиги жана этностор аралык мамилелерди бекемдөө Концепциясын ишке ашыруу боюнча Ош шаарынын мэриясынын иши жөнүндө',
        ru: 'О работе мэрии города Ош по реализации Концепции укрепления единства народа и межэтнических отношений',
        en: "On the work of the Osh mayor's office in carrying out the Concept for strengthening the unity of the people and interethnic relations",
      },
    ],
  },
  {
    number: 6,
    date: '2014-07-14',
    format: MeetingFormat.VISITING_SESSION,
    place: 'KG07400000010',
    title: {
      ky: 'Талас шаарындагы көчмө коллегия',
      ru: 'Выездное заседание коллегии в городе Талас',
      en: 'Visiting session of the collegium in Talas',
    },
    agenda: [
      {
        ky: 'Жергиликтүү өз алдынча башкаруу органдары менен иш алып баруу боюнча Талас облусунун Манас районунун уюштуруу иштери жөнүндө',
        ru: 'Об организационной работе Манасского района Таласской области с органами местного самоуправления',
        en: 'On the organisational work of Manas rayon, Talas oblast, with the local self-government bodies',
      },
    ],
  },
];

const meetingId = (seed: MeetingSeed) => seedId('meeting', `collegium:${seed.number}`);
const agendaItemId = (seed: MeetingSeed, index: number) => seedId('agenda-item', `collegium:${seed.number}:${index + 1}`);
const sourceOf = (seed: MeetingSeed) =>
  `${DOC.AGENCY}: date${seed.place ? ' and town' : ''} of the meeting and its subject; the time of day and attendance are not given${seed.place ? '' : ', nor the place'}. ${MEETING_WORDING}`;

/** The seeded texts of the meetings and their agenda items, for bringing existing rows up to date. */
export function meetingSeedTexts(): SeededTexts[] {
  return COLLEGIUM_MEETINGS.flatMap((seed) => [
    { table: 'meeting', id: meetingId(seed), texts: { title_: seed.title }, source: sourceOf(seed) },
    ...seed.agenda.map((title, index) => ({ table: 'agenda_item', id: agendaItemId(seed, index), texts: { title_: title } })),
  ]);
}

/** Midnight in Bishkek (UTC+6, no daylight saving since 2005) of a day, as a UTC instant. */
const bishkekMidnight = (day: string) => new Date(`${day}T00:00:00+06:00`);

/** Records the collegium's meetings and the donor council's meeting count; adds only what is missing. */
export async function seedMeetings(em: EntityManager): Promise<number> {
  const council = await em.findOne(CoordinationBody, { id: partnerSeedIds.coordinationBody(BODY.DONOR_COUNCIL) });
  // The documents give only a count of the council's meetings (5 by mid-2014), no dates.
  if (council && council.earlierMeetingCount == null) council.earlierMeetingCount = 5;
  const collegium = em.getReference(CoordinationBody, partnerSeedIds.coordinationBody(BODY.COLLEGIUM));
  const ids = COLLEGIUM_MEETINGS.map(meetingId);
  const existing = new Set((await em.find(Meeting, { id: { $in: ids } }, { fields: ['id'] })).map((meeting) => meeting.id));
  let created = 0;
  for (const seed of COLLEGIUM_MEETINGS) {
    const id = meetingId(seed);
    if (existing.has(id)) continue;
    const start = bishkekMidnight(seed.date);
    const meeting = em.create(Meeting, {
      id,
      body: collegium,
      number: seed.number,
      title: TranslatedText.of(seed.title),
      startsAt: start,
      endsAt: new Date(start.getTime() + 24 * 3600_000),
      allDay: true,
      format: seed.format,
      status: MeetingStatus.HELD,
      place: seed.place ? em.getReference(AdminUnit, seed.place) : null,
      source: sourceOf(seed),
    });
    seed.agenda.forEach((title, index) =>
      em.create(AgendaItem, {
        id: agendaItemId(seed, index),
        meeting,
        position: index + 1,
        title: TranslatedText.of(title),
        description: new TranslatedText(),
      }),
    );
    created += 1;
  }
  await em.flush();
  return created;
}
