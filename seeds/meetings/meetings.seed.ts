import type { EntityManager } from '@mikro-orm/postgresql';
import { TranslatedText } from '../../src/common/translations.embeddable';
import { CoordinationBody } from '../../src/council/coordination-body.entity';
import { AdminUnit } from '../../src/geography/admin-unit.entity';
import { AgendaItem, Meeting, MeetingFormat, MeetingStatus } from '../../src/meetings/meeting.entity';
import { BODY } from '../partners/council.data';
import { partnerSeedIds } from '../partners/partners.seed';
import { DOC } from '../partners/sources';
import { seedId } from '../seed-id';

interface MeetingSeed {
  number: number;
  /** The day; the documents give no times, so meetings are recorded as all-day. */
  date: string;
  format: MeetingFormat;
  place: string | null;
  title: string;
  agenda: string[];
  note?: string;
}

/** The collegium's meetings the agency's page [001] lists (2013 and the first 7 months of 2014). */
const COLLEGIUM_MEETINGS: MeetingSeed[] = [
  { number: 1, date: '2013-09-25', format: MeetingFormat.IN_PERSON, place: null, title: 'First (organisational) meeting of the collegium', agenda: ['Organisational matters of the collegium'] },
  {
    number: 2,
    date: '2013-12-05',
    format: MeetingFormat.VISITING_SESSION,
    place: 'KG02410000010',
    title: "Meeting in Karakol with the Government's plenipotentiary representative in Issyk-Kul oblast",
    agenda: ['Normative legal acts adopted by the LSG bodies of Tup rayon'],
  },
  { number: 3, date: '2013-12-23', format: MeetingFormat.IN_PERSON, place: null, title: 'Meeting on the state programme for Batken oblast', agenda: ['The state programme for developing Batken oblast in 2013–2016, border territories'] },
  {
    number: 4,
    date: '2014-03-04',
    format: MeetingFormat.IN_PERSON,
    place: null,
    title: 'Meeting on the use of municipal property',
    agenda: ["Use of municipal property by the Jalal-Abad and Mailuu-Suu mayor's offices"],
  },
  {
    number: 5,
    date: '2014-04-24',
    format: MeetingFormat.VISITING_SESSION,
    place: 'KG21000000000',
    title: "Meeting in Osh with the Osh mayor's office",
    agenda: ['Implementing the Concept for strengthening national unity and interethnic relations'],
  },
  {
    number: 6,
    date: '2014-07-14',
    format: MeetingFormat.VISITING_SESSION,
    place: 'KG07400000010',
    title: 'Visiting session in Talas',
    agenda: ['The situation in Manas rayon of Talas oblast'],
  },
];

/** Midnight in Bishkek (UTC+6, no daylight saving since 2005) of a day, as a UTC instant. */
const bishkekMidnight = (day: string) => new Date(`${day}T00:00:00+06:00`);

/** Records the collegium's meetings and the donor council's meeting count; adds only what is missing. */
export async function seedMeetings(em: EntityManager): Promise<number> {
  const council = await em.findOne(CoordinationBody, { id: partnerSeedIds.coordinationBody(BODY.DONOR_COUNCIL) });
  // The documents give only a count of the council's meetings (5 by mid-2014), no dates.
  if (council && council.earlierMeetingCount == null) council.earlierMeetingCount = 5;
  const collegium = em.getReference(CoordinationBody, partnerSeedIds.coordinationBody(BODY.COLLEGIUM));
  const ids = COLLEGIUM_MEETINGS.map((seed) => seedId('meeting', `collegium:${seed.number}`));
  const existing = new Set((await em.find(Meeting, { id: { $in: ids } }, { fields: ['id'] })).map((meeting) => meeting.id));
  let created = 0;
  for (const seed of COLLEGIUM_MEETINGS) {
    const id = seedId('meeting', `collegium:${seed.number}`);
    if (existing.has(id)) continue;
    const start = bishkekMidnight(seed.date);
    const meeting = em.create(Meeting, {
      id,
      body: collegium,
      number: seed.number,
      title: TranslatedText.of({ en: seed.title }),
      startsAt: start,
      endsAt: new Date(start.getTime() + 24 * 3600_000),
      allDay: true,
      format: seed.format,
      status: MeetingStatus.HELD,
      place: seed.place ? em.getReference(AdminUnit, seed.place) : null,
      source: `${DOC.AGENCY}: date${seed.place ? ' and town' : ''} of the meeting and its subject; the time of day and attendance are not given${seed.place ? '' : ', nor the place'}.`,
    });
    seed.agenda.forEach((title, index) =>
      em.create(AgendaItem, {
        id: seedId('agenda-item', `collegium:${seed.number}:${index + 1}`),
        meeting,
        position: index + 1,
        title: TranslatedText.of({ en: title }),
        description: new TranslatedText(),
      }),
    );
    created += 1;
  }
  await em.flush();
  return created;
}
