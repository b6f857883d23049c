import type { EntityManager } from '@mikro-orm/postgresql';
import { ActivityPlace, ActivityReport, ActivityType, ReportStatus } from '../../src/activities/activity-report.entity';
import { TranslatedText } from '../../src/common/translations.embeddable';
import { AdminUnit } from '../../src/geography/admin-unit.entity';
import { Organisation } from '../../src/organisations/organisation.entity';
import { Project } from '../../src/projects/project.entity';
import { Theme } from '../../src/themes/theme.entity';
import { ORG } from '../partners/organisations.data';
import { partnerSeedIds } from '../partners/partners.seed';
import { DOC } from '../partners/sources';
import { seedId } from '../seed-id';

interface EventSeed {
  key: string;
  project: string;
  type: ActivityType;
  title: { ky?: string; en: string };
  description: string;
  startDate: string;
  endDate: string;
  /** Rayons: the villages and towns of the events are not units of the hub. */
  places: string[];
  themes: string[];
  source: string;
}

const EVENTS_PROJECT = 'agency-national-unity-events-2013-2014';
const RECEPTION_OFFICES_PROJECT = 'agency-public-reception-offices';
const LSG_PROGRAMME = 'lsg-development-programme-2013-2017';
const NO_COUNTS = 'Participants are not counted in the source.';

/** The dated events of the agency's page [001], as accepted reports of the agency. */
const EVENTS: EventSeed[] = [
  {
    key: 'maevka-independence-day-2013',
    project: EVENTS_PROJECT,
    type: ActivityType.OTHER,
    title: { en: 'Event bringing together the ethnic groups of Maevka village on Independence Day' },
    description: 'Event for bringing together the ethnic groups living in Maevka village, Alamudun rayon, Chui oblast, for the Independence Day of the Kyrgyz Republic, with vice prime minister T.D. Sarpashev.',
    startDate: '2013-08-31',
    endDate: '2013-08-31',
    places: ['KG08203000000'],
    themes: ['INTERETHNIC_RELATIONS', 'CIVIC_IDENTITY'],
    source: `${DOC.AGENCY}. Place: Maevka village, Alamudun rayon (recorded at the rayon). ${NO_COUNTS}`,
  },
  {
    key: 'nookat-reception-offices-seminar-2013',
    project: RECEPTION_OFFICES_PROJECT,
    type: ActivityType.TRAINING,
    title: { en: 'Republican seminar: the role of public reception offices in preventing interethnic conflict — the experience of Nookat rayon' },
    description: 'Republican seminar at the public reception office on interethnic relations of the Nookat district administration, with former vice prime minister T.B. Mamytov.',
    startDate: '2013-11-12',
    endDate: '2013-11-12',
    places: ['KG06242000000'],
    themes: ['INTERETHNIC_RELATIONS', 'CONFLICT_PREVENTION'],
    source: `${DOC.AGENCY}. ${NO_COUNTS}`,
  },
  {
    key: 'uzgen-national-unity-2014',
    project: EVENTS_PROJECT,
    type: ActivityType.OTHER,
    title: { en: 'Event on strengthening national unity and interethnic relations in Uzgen' },
    description: 'Event in Uzgen town, Uzgen rayon, Osh oblast; the UN resident coordinator and UNDP resident representative in Kyrgyzstan, A.N. Avanesov, took part.',
    startDate: '2014-03-20',
    endDate: '2014-03-20',
    places: ['KG06255000000'],
    themes: ['INTERETHNIC_RELATIONS', 'CIVIC_IDENTITY'],
    source: `${DOC.AGENCY}. Place: Uzgen town (recorded at the rayon). ${NO_COUNTS}`,
  },
  {
    key: 'aravan-national-unity-2014',
    project: EVENTS_PROJECT,
    type: ActivityType.OTHER,
    title: { en: 'Event on strengthening national unity and interethnic relations in Aravan' },
    description: 'Event in Aravan village, Aravan rayon, Osh oblast.',
    startDate: '2014-04-18',
    endDate: '2014-04-18',
    places: ['KG06211000000'],
    themes: ['INTERETHNIC_RELATIONS', 'CIVIC_IDENTITY'],
    source: `${DOC.AGENCY}. Place: Aravan village (recorded at the rayon). ${NO_COUNTS}`,
  },
  {
    key: 'kadamjay-fergana-pass-of-friendship-2014',
    project: EVENTS_PROJECT,
    type: ActivityType.OTHER,
    title: { ky: '“Фергана — достуктун ашуусу”', en: '"Fergana — pass of friendship"' },
    description: 'Event in Kadamjay town, Kadamjay rayon, Batken oblast, with vice prime minister A. Mamatalieva and representatives of Fergana (Uzbekistan) and Sokh (Tajikistan).',
    startDate: '2014-05-28',
    endDate: '2014-05-28',
    places: ['KG05258000000'],
    themes: ['INTERETHNIC_RELATIONS', 'BORDER_AREAS'],
    source: `${DOC.AGENCY}. Place: Kadamjay town (recorded at the rayon). ${NO_COUNTS}`,
  },
  {
    key: 'bakai-ata-lsg-heads-meeting-2014',
    project: LSG_PROGRAMME,
    type: ActivityType.ROUND_TABLE,
    title: { en: 'Meeting of the LSG heads of Bakai-Ata rayon with ministries and agencies on LSG problems' },
    description: 'Meeting of the heads of LSG bodies of Bakai-Ata rayon, Talas oblast, with representatives of ministries and agencies on problems of local self-government; an action plan was drawn up and sent to the Government Office.',
    startDate: '2014-05-01',
    endDate: '2014-05-31',
    places: ['KG07220000000'],
    themes: ['LOCAL_SELF_GOVERNMENT'],
    source: `${DOC.AGENCY}: "in May" 2014 (month only: first to last day of May). ${NO_COUNTS}`,
  },
];

/** Inserts the events that are missing; returns how many. */
export async function seedActivityReports(em: EntityManager): Promise<number> {
  const ids = EVENTS.map((event) => seedId('activity-report', event.key));
  const existing = new Set((await em.find(ActivityReport, { id: { $in: ids } }, { fields: ['id'] })).map((report) => report.id));
  let created = 0;
  for (const event of EVENTS) {
    const id = seedId('activity-report', event.key);
    if (existing.has(id)) continue;
    const report = em.create(ActivityReport, {
      id,
      project: em.getReference(Project, partnerSeedIds.project(event.project)),
      organisation: em.getReference(Organisation, partnerSeedIds.organisation(ORG.AGENCY)),
      type: event.type,
      title: TranslatedText.of(event.title),
      description: TranslatedText.of({ en: event.description }),
      startDate: event.startDate,
      endDate: event.endDate,
      status: ReportStatus.ACCEPTED,
      outputs: [],
      links: [],
      source: event.source,
    });
    report.themes.set(event.themes.map((code) => em.getReference(Theme, code)));
    for (const code of event.places) {
      report.places.add(em.create(ActivityPlace, { id: seedId('activity-place', `${event.key}:${code}`), report, unit: em.getReference(AdminUnit, code), outsideCoverage: false }));
    }
    created += 1;
  }
  await em.flush();
  return created;
}
