import type { EntityManager } from '@mikro-orm/postgresql';
import { ActivityPlace, ActivityReport, ActivityType, ReportStatus } from '../../src/activities/activity-report.entity';
import { TranslatedText } from '../../src/common/translations.embeddable';
import { AdminUnit } from '../../src/geography/admin-unit.entity';
import { Organisation } from '../../src/organisations/organisation.entity';
import { Project } from '../../src/projects/project.entity';
import { Theme } from '../../src/themes/theme.entity';
import { ORG } from '../partners/organisations.data';
import { partnerSeedIds } from '../partners/partners.seed';
import type { Translations } from '../../src/common/localized-text';
import { DOC, KYRGYZ_WORDING } from '../partners/sources';
import type { SeededTexts } from '../seeded-texts';
import { seedId } from '../seed-id';

interface EventSeed {
  key: string;
  project: string;
  type: ActivityType;
  /** Kyrgyz as the document words it, with translations. */
  title: Translations;
  description: Translations;
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

/**
 * The dated events of the agency's page [001], as accepted reports of the agency. Titles and
 * descriptions are the document's sentences about each event (Kyrgyz), with translations.
 */
const EVENTS: EventSeed[] = [
  {
    key: 'maevka-independence-day-2013',
    project: EVENTS_PROJECT,
    type: ActivityType.OTHER,
    title: {
      ky: 'Кыргыз Республикасынын көз карандысыздыгынын күнүнө карата Маевка айылында жашаган этносторду жакындаштыруу боюнча иш-чара',
      ru: 'Мероприятие ко Дню независимости Кыргызской Республики по сближению этносов, проживающих в селе Маевка',
      en: 'Event for the Independence Day of the Kyrgyz Republic bringing together the ethnic groups living in Maevka village',
    },
    description: {
      ky: 'Чүй облусунун Аламүдүн районунун Маевка айылында Кыргыз Республикасынын көз карандысыздыгынын күнүнө карата Кыргыз Республикасынын вице-премьер-министри Т.Д. Сарпашевдин катышуусу менен аталган айылда жашаган этносторду жакындаштыруу боюнча иш-чара болуп өттү.',
      ru: 'В селе Маевка Аламудунского района Чуйской области ко Дню независимости Кыргызской Республики с участием вице-премьер-министра Кыргызской Республики Т.Д. Сарпашева прошло мероприятие по сближению этносов, проживающих в этом селе.',
      en: 'An event bringing together the ethnic groups living in Maevka village, Alamudun rayon, Chui oblast, was held for the Independence Day of the Kyrgyz Republic, with vice prime minister of the Kyrgyz Republic T.D. Sarpashev taking part.',
    },
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
    title: {
      ky: 'Республикалык семинар: «Этностор аралык кагылышуулардын алдын алуу боюнча коомдук кабылдамалардын ролу. Ноокат районунун коомдук кабылдамасынын иш тажрыйбасы»',
      ru: 'Республиканский семинар «Роль общественных приёмных в предупреждении межэтнических столкновений. Опыт работы общественной приёмной Ноокатского района»',
      en: 'Republican seminar "The role of public reception offices in preventing interethnic clashes. The experience of the public reception office of Nookat rayon"',
    },
    description: {
      ky: 'Кыргыз Республикасынын мурдагы вице-премьер-министри Т.Б. Мамытовдун катышуусу менен Ноокат райондук мамлекеттик администрациясына караштуу этностор аралык мамилелер боюнча коомдук кабылдаманын базасында республикалык семинар болуп өттү.',
      ru: 'Республиканский семинар прошёл на базе общественной приёмной по межэтническим отношениям при Ноокатской районной государственной администрации с участием бывшего вице-премьер-министра Кыргызской Республики Т.Б. Мамытова.',
      en: 'The republican seminar was held at the public reception office on interethnic relations of the Nookat district state administration, with former vice prime minister of the Kyrgyz Republic T.B. Mamytov taking part.',
    },
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
    title: {
      ky: 'Өзгөн шаарында элдин биримдигин жана этностор аралык мамилелерди бекемдөөгө арналган иш-чара',
      ru: 'Мероприятие, посвящённое укреплению единства народа и межэтнических отношений, в городе Узген',
      en: 'Event dedicated to strengthening the unity of the people and interethnic relations in Uzgen town',
    },
    description: {
      ky: 'Ош облусунун Өзгөн районунун Өзгөн шаарында элдин биримдигин жана этностор аралык мамилелерди бекемдөөгө арналган иш-чара өткөрүлдү. Иш-чарага БУУ координатору, Кыргызстандагы ПРООНдун туруктуу өкүлү А.Н. Аванесов катышты.',
      ru: 'В городе Узген Узгенского района Ошской области прошло мероприятие, посвящённое укреплению единства народа и межэтнических отношений. В мероприятии участвовал координатор ООН, постоянный представитель ПРООН в Кыргызстане А.Н. Аванесов.',
      en: 'An event dedicated to strengthening the unity of the people and interethnic relations was held in Uzgen town, Uzgen rayon, Osh oblast. The UN coordinator, UNDP resident representative in Kyrgyzstan A.N. Avanesov, took part.',
    },
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
    title: {
      ky: 'Араван айылында элдин биримдигин жана этностор аралык мамилелерди бекемдөөгө арналган иш-чара',
      ru: 'Мероприятие, посвящённое укреплению единства народа и межэтнических отношений, в селе Араван',
      en: 'Event dedicated to strengthening the unity of the people and interethnic relations in Aravan village',
    },
    description: {
      ky: 'Ош облусунун Араван районунун Араван айылында элдин биримдигин жана этностор аралык мамилелерди бекемдөөгө арналган иш-чара өткөрүлдү.',
      ru: 'В селе Араван Араванского района Ошской области прошло мероприятие, посвящённое укреплению единства народа и межэтнических отношений.',
      en: 'An event dedicated to strengthening the unity of the people and interethnic relations was held in Aravan village, Aravan rayon, Osh oblast.',
    },
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
    title: { ky: '“Фергана — достуктун ашуусу”', ru: '«Фергана — перевал дружбы»', en: '"Fergana — pass of friendship"' },
    description: {
      ky: 'Баткен облусунун Кадамжай районунун Кадамжай шаарында Кыргыз Республикасынын вице-премьер-министри А. Маматалиеванын, Өзбекистандын Фергана районунун, Тажикистандын Сох районунун өкүлдөрүнүн катышуусу менен «Фергана — достуктун ашуусу» аталышындагы иш-чара өткөрүлдү.',
      ru: 'В городе Кадамжай Кадамжайского района Баткенской области с участием вице-премьер-министра Кыргызской Республики А. Маматалиевой и представителей Ферганского района Узбекистана и Сохского района Таджикистана прошло мероприятие «Фергана — перевал дружбы».',
      en: 'An event named "Fergana — pass of friendship" was held in Kadamjay town, Kadamjay rayon, Batken oblast, with vice prime minister of the Kyrgyz Republic A. Mamatalieva and representatives of Fergana district of Uzbekistan and Sokh district of Tajikistan taking part.',
    },
    startDate: '2014-05-28',
    endDate: '2014-05-28',
    places: ['KG05258000000'],
    themes: ['INTERETHNIC_RELATIONS', 'BORDER_AREAS'],
    source: `${DOC.AGENCY}. Place: Kadamjay town (recorded at the rayon). Fergana and Sokh as the document names them ("Өзбекистандын Фергана районунун, Тажикистандын Сох районунун"). ${NO_COUNTS}`,
  },
  {
    key: 'bakai-ata-lsg-heads-meeting-2014',
    project: LSG_PROGRAMME,
    type: ActivityType.ROUND_TABLE,
    title: {
      ky: 'Бакай-Ата районунун ЖӨБ органдарынын башчылары менен жергиликтүү өз алдынча башкаруунун көйгөйлүү маселелери боюнча министерство жана ведомстволордун өкүлдөрүнүн жолугушуусу',
      ru: 'Встреча представителей министерств и ведомств с главами органов МСУ Бакай-Атинского района по проблемным вопросам местного самоуправления',
      en: 'Meeting of representatives of ministries and agencies with the heads of the LSG bodies of Bakai-Ata rayon on problem issues of local self-government',
    },
    description: {
      ky: 'Талас облусунун Бакай-Ата районунун ЖӨБ органдарынын башчылары менен жергиликтүү өз алдынча башкаруунун көйгөйлүү маселелери боюнча министерство жана ведомстволордун өкүлдөрүнүн жолугушуусу уюштурулду. Жолугушуунун жыйынтыгы боюнча иш-чаралардын планы иштелип чыкты жана чараларды көрүү үчүн Кыргыз Республикасынын Өкмөтүнүн Аппаратына жөнөтүлдү.',
      ru: 'Организована встреча представителей министерств и ведомств с главами органов местного самоуправления Бакай-Атинского района Таласской области по проблемным вопросам местного самоуправления. По итогам встречи разработан план мероприятий, который направлен в Аппарат Правительства Кыргызской Республики для принятия мер.',
      en: 'A meeting of representatives of ministries and agencies with the heads of the LSG bodies of Bakai-Ata rayon, Talas oblast, on problem issues of local self-government was organised. An action plan was drawn up on its results and sent to the Office of the Government of the Kyrgyz Republic for action.',
    },
    startDate: '2014-05-01',
    endDate: '2014-05-31',
    places: ['KG07220000000'],
    themes: ['LOCAL_SELF_GOVERNMENT'],
    source: `${DOC.AGENCY}: "in May" 2014 (month only: first to last day of May). ${NO_COUNTS}`,
  },
];

const reportId = (event: EventSeed) => seedId('activity-report', event.key);
const sourceOf = (event: EventSeed) => `${event.source} ${KYRGYZ_WORDING}`;

/** The seeded texts of the reports, for bringing existing rows up to date. */
export function activityReportSeedTexts(): SeededTexts[] {
  return EVENTS.map((event) => ({ table: 'activity_report', id: reportId(event), texts: { title_: event.title, description_: event.description }, source: sourceOf(event) }));
}

/** Inserts the events that are missing; returns how many. */
export async function seedActivityReports(em: EntityManager): Promise<number> {
  const ids = EVENTS.map(reportId);
  const existing = new Set((await em.find(ActivityReport, { id: { $in: ids } }, { fields: ['id'] })).map((report) => report.id));
  let created = 0;
  for (const event of EVENTS) {
    const id = reportId(event);
    if (existing.has(id)) continue;
    const report = em.create(ActivityReport, {
      id,
      project: em.getReference(Project, partnerSeedIds.project(event.project)),
      organisation: em.getReference(Organisation, partnerSeedIds.organisation(ORG.AGENCY)),
      type: event.type,
      title: TranslatedText.of(event.title),
      description: TranslatedText.of(event.description),
      startDate: event.startDate,
      endDate: event.endDate,
      status: ReportStatus.ACCEPTED,
      outputs: [],
      links: [],
      source: sourceOf(event),
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
