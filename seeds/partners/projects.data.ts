import type { Translations } from '../../src/common/localized-text';
import { ParticipantRole } from '../../src/projects/project-participant.entity';
import { ProjectStatus, type ProjectContact, type ProjectLink } from '../../src/projects/project.entity';
import { BATKEN_BORDER_AYIL_AIMAKS } from '../geography/unit-flags.seed';
import { ORG } from './organisations.data';
import { DOC, KYRGYZ_WORDING } from './sources';

export interface ProjectSeed {
  /** Stable seed key; the row's id is `seedId('project', key)`. Never change a key. */
  key: string;
  title: Translations;
  description: Translations;
  objectives: Translations;
  status: ProjectStatus;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  /** Theme codes (themes.data.ts). */
  themes: string[];
  targetGroups: string[];
  /** AdminUnit codes; shares are never given by the sources. */
  coverage: string[];
  participants: { organisation: string; role: ParticipantRole }[];
  contacts: ProjectContact[];
  links: ProjectLink[];
  /** Where the facts come from, what is inferred and what the sources leave open. */
  source: string;
}

/** Admin unit codes used below (seeds/reference/geo). */
const UNIT = {
  KYRGYZSTAN: 'KG',
  JALAL_ABAD_OBLAST: 'KG03000000000',
  BATKEN_OBLAST: 'KG05000000000',
  OSH_OBLAST: 'KG06000000000',
  CHUI_OBLAST: 'KG08000000000',
  OSH_CITY: 'KG21000000000',
  KARAKOL_CITY: 'KG02410000010',
  BATKEN_RAYON: 'KG05214000000',
} as const;

const BATKEN_RAYON_AYIL_AIMAKS = BATKEN_BORDER_AYIL_AIMAKS;

const AS_OF_2014 = 'Status as the agency page describes it in mid-2014; its later course is not documented.';
const NO_FUNDING = 'No amounts are given.';

const project = (seed: Partial<ProjectSeed> & Pick<ProjectSeed, 'key' | 'title' | 'status' | 'source'>): ProjectSeed => ({
  description: {},
  objectives: {},
  plannedStart: null,
  plannedEnd: null,
  actualStart: null,
  actualEnd: null,
  themes: [],
  targetGroups: [],
  coverage: [],
  participants: [],
  contacts: [],
  links: [],
  ...seed,
});

const HRC_MONITORING_TITLE_KY =
  'Кыргыз Республикасындагы укуктук үстөмдүккө жана адам укуктарынын ишке ашуусуна көзөмөл жүргүзүүдө мамлекет жана жарандык коомдун өз ара кызматташтыгын өнүктүрүү';
const HRC_MONITORING_TITLE_RU =
  'Развитие взаимодействия государства и гражданского общества в осуществлении контроля за верховенством права и реализацией прав человека в Кыргызской Республике';
const HRC_MONITORING_TITLE_EN =
  'Developing cooperation between the state and civil society in monitoring the rule of law and the implementation of human rights in the Kyrgyz Republic';

export const PROJECTS: ProjectSeed[] = [
  project({
    key: 'rdf-border-villages-lsg-services',
    title: {
      ky: 'Жергиликтүү өз алдынча башкаруу органдарынын калкка кызмат көрсөтүүсүн жакшыртуу менен Кыргызстандын чек ара айылдарындагы чыр-чатактарды азайтуу',
      ru: 'Снижение конфликтов в приграничных сёлах Кыргызстана путём улучшения услуг органов местного самоуправления населению',
      en: "Reducing conflict in Kyrgyzstan's border villages by improving LSG services to the population",
    },
    description: {
      ky:
        'Долбоор жергиликтүү өз алдынча башкаруу органдарынын потенциалын жана маалымдуулугун күчөтүү, чек ара аймактарында жашаган кыргыз жарандарынын укуктарын коргоо жана кызыкчылыктарын илгерилетүү, чыр-чатактарды азайтуу, жергиликтүү жамааттар менен шериктештикте жана жергиликтүү калкка көрсөткөн кызматтарынын сапатын жогорулатууга багытталган. Өкмөттүн деңгээлинде чек ара аймактарынын калкынын кызыкчылыктарын илгерилетүү, Баткен облусунун Баткен районунун мисалында (Тажикстан менен чектешет). ' +
        'Долбоордун алкагында коомдук фонд: делимитацияланбаган чек аралары бар чек арага жакын жайгашкан райондордун жашоочуларынын арасында сурамжылоо жана фокус-топтордо талкуу жүргүзүү менен чыр-чатактарды азайтуу боюнча жергиликтүү өз алдынча башкаруу органдарынын кызмат көрсөтүүсүндөгү негизги муктаждыктарга баа берет (фокус-топтор аялдар жана жаштар топторун камтыйт); Өкмөттүн жана аймактык администрациялардын деңгээлинде байланышты жана чечимдерди талап кылган маселелерди тандап алат; жергиликтүү өз алдынча башкаруу органдарынын калкка чыр-чатактарды басаңдатуу үчүн кызмат көрсөтүүсү боюнча изилдөө жүргүзөт; чек ара жергиликтүү өз алдынча башкаруу органдарынын расмий эмес тармагын түзүүгө көмөктөшөт; тармактын мүчөлөрүнө укуктарды жана кызыкчылыктарды илгерилетүү боюнча тренингдерди өткөрөт жана аныкталган кызыкчылыктарды илгерилетүү стратегиясын түзүүгө жардам берет; ' +
        'чек ара аймактарынын жашоочуларынын өзгөчө укуктарын жана мүмкүнчүлүктөрүн аныктоо максатында Кыргызстандын ченемдик укуктук базасын талдайт; ушул укуктар жана мүмкүнчүлүктөр жөнүндө маалыматтык өнөктүк жүргүзөт; жергиликтүү өз алдынча башкаруу органдарынын жана жергиликтүү жамааттык уюмдардын тармагы аркылуу жарандардын укуктарын жана кызыкчылыктарын илгерилетүүгө жардам көрсөтөт; райондук деңгээлде аныкталган көйгөйлөрдүн жана кызыкчылыктардын презентациясын өткөрөт, ал эми тегерек столдо долбоордун натыйжалары жана тажрыйбаны башка чек ара аймактарында колдонуу талкууланат.',
      ru:
        'Проект направлен на укрепление потенциала и информированности органов местного самоуправления, защиту прав и продвижение интересов граждан Кыргызстана, живущих в приграничных районах, снижение конфликтов и повышение качества услуг, оказываемых местному населению, в партнёрстве с местными сообществами; продвижение интересов населения приграничных территорий на уровне Правительства на примере Баткенского района Баткенской области (граничит с Таджикистаном). ' +
        'В рамках проекта общественный фонд: проводит оценку основных потребностей в услугах органов местного самоуправления для снижения конфликтов путём опроса и обсуждений в фокус-группах среди жителей приграничных районов с неделимитированными границами (фокус-группы включают группы женщин и молодёжи); отбирает вопросы, требующие внимания и решений на уровне Правительства и региональных администраций; проводит исследование услуг органов местного самоуправления населению для смягчения конфликтов; содействует созданию неформальной сети приграничных органов местного самоуправления; проводит для членов сети тренинги по продвижению прав и интересов и помогает разработать стратегию продвижения выявленных интересов; ' +
        'анализирует нормативную правовую базу Кыргызстана с целью определить особые права и возможности жителей приграничных территорий; проводит информационную кампанию об этих правах и возможностях; содействует продвижению прав и интересов граждан через сеть органов местного самоуправления и местных общественных организаций; проводит на районном уровне презентацию выявленных проблем и интересов, а на круглом столе обсуждаются результаты проекта и применение опыта в других приграничных районах.',
      en:
        'Strengthens the capacity and awareness of local self-government bodies, protects the rights and promotes the interests of citizens living in border areas, reduces conflict and improves the quality of LSG services, in partnership with local communities, in seven ayil aimaks of Batken rayon, Batken oblast, on the border with Tajikistan. ' +
        'Activities: a needs assessment of LSG services for reducing conflict, by survey and focus groups (including groups of women and of youth) among residents of border districts with undelimited borders; selecting the issues that need the attention and decisions of the Government and regional administrations; a study of LSG services to the population; an informal network of border LSG bodies; trainings for the network members on promoting rights and interests and help in drafting a strategy to promote them; ' +
        "an analysis of the legal framework of Kyrgyzstan for special rights and opportunities of border residents; an information campaign on those rights and opportunities; support to promoting citizens' rights through the network of LSG bodies and community organisations; a district-level presentation of the problems and interests found, with a round table on the results and on using the experience in other border areas.",
    },
    objectives: {
      ky:
        'Долбоордун максаты - Тажикстан менен чектешкен чек арага чектеш аймактарда жайгашкан Кыргызстандын Баткен районундагы жарандардын жана жергиликтүү өз алдынча башкаруу органдарынын укуктарын коргоо жана кызыкчылыктарын илгерилетүү жолу менен чыр-чатактарды азайтууга жардам берүү, жергиликтүү өз алдынча башкаруу органдарынын жана чек ара аймактарынын коомдук уюмдарынын тармагын түзүү жана алардын потенциалын чыңдоо аркылуу Өкмөттүн жана аймактык администрациянын деңгээлинде алардын укуктарын жана кызыкчылыктарын жалпылоо, талдоо жана лоббизмдөө. ' +
        'Күтүлгөн натыйжалар: Баткен облусунун Баткен районунун жашоочуларынын жана жергиликтүү өз алдынча башкаруу органдарынын көйгөйлөрү, чектөөлөрү, укуктарынын жоктугу жана ченемдик укуктук актыларды иштеп чыгуу жана кабыл алуу зарылдыгы аныкталат жана жалпыланат; жүргүзүлүп жаткан маалыматтык өнөктүктүн негизинде жергиликтүү өз алдынча башкаруу органдарынын, жамааттын жана өкмөттүк эмес уюмдардын тармагы аркылуу жарандардын укуктарын жана кызыкчылыктарын илгерилетүү стратегиясы иштелип чыгат; суроолордун бири үгүт иштерин жүргүзүү үчүн стратегиядан тандалып алынат жана аны ишке ашырууга көмөк көрсөтүлөт.',
      ru:
        'Цель проекта — содействовать снижению конфликтов путём защиты прав и продвижения интересов граждан и органов местного самоуправления Баткенского района Кыргызстана, расположенного на территориях, граничащих с Таджикистаном; через создание и укрепление потенциала сети органов местного самоуправления и общественных организаций приграничных территорий обобщать, анализировать и лоббировать их права и интересы на уровне Правительства и региональной администрации. ' +
        'Ожидаемые результаты: выявлены и обобщены проблемы, ограничения, отсутствие прав жителей и органов местного самоуправления Баткенского района Баткенской области и необходимость разработки и принятия нормативных правовых актов; на основе проводимой информационной кампании разработана стратегия продвижения прав и интересов граждан через сеть органов местного самоуправления, сообществ и неправительственных организаций; один из вопросов стратегии выбран для адвокации, и его реализации оказано содействие.',
      en:
        'Help reduce conflict in Batken rayon on the border with Tajikistan by protecting the rights and promoting the interests of citizens and LSG bodies: build and strengthen a network of LSG bodies and civil-society organisations of the border areas that gathers, analyses and advocates their rights and interests before the Government and the regional administration. ' +
        "Expected results: the problems, restrictions and missing rights of residents and LSG bodies of Batken rayon, and the need for new normative legal acts, identified and summarised; a strategy for promoting citizens' rights and interests developed through the network of LSG bodies, communities and NGOs, informed by the information campaign; one issue of the strategy chosen for advocacy and support to its implementation.",
    },
    status: ProjectStatus.CLOSED,
    plannedStart: '2012-10-01',
    plannedEnd: '2013-10-31',
    themes: ['CONFLICT_PREVENTION', 'BORDER_AREAS', 'MUNICIPAL_SERVICES', 'LOCAL_SELF_GOVERNMENT', 'WOMEN_YOUTH_INCLUSION'],
    targetGroups: ['residents of border villages', 'LSG bodies', 'community organisations and NGOs of border areas', 'women', 'youth'],
    coverage: BATKEN_RAYON_AYIL_AIMAKS,
    participants: [
      { organisation: ORG.RDF, role: ParticipantRole.IMPLEMENTING },
      { organisation: ORG.NED, role: ParticipantRole.FUNDING },
    ],
    contacts: [{ organisation: 'Rural Development Fund', email: 'ruraldevelopmentfund2020@gmail.com', website: 'http://www.rdf.kg' }],
    source:
      `${DOC.RDF}: implementer Rural Development Fund (public foundation), donor National Endowment for Democracy; "October 2012 – October 2013": the page gives months only, so the dates are the first day of the first month and the last day of the last month. ` +
      `Ayil aimaks Ak-Tatyr, Ak-Sai, Samarkandek, Tortkul, Karabak, Suu-Bashy and Kyshtut of Batken rayon, Batken oblast. Status CLOSED because the period ended in 2013. ${NO_FUNDING} ${KYRGYZ_WORDING}`,
  }),
  project({
    key: 'dpi-peer-to-peer-learning-public-finances',
    title: {
      ky: 'Кыргыз Республикасындагы жергиликтүү өз алдынча башкаруунун деңгээлинде мамлекеттик каражаттардын чөйрөсүндө «тең-теңге» принциби боюнча окутуу практикасын кеңейтүү',
      ru: 'Расширение практики обучения по принципу «равный — равному» в сфере государственных средств на уровне местного самоуправления в Кыргызской Республике',
      en: 'Scaling up peer-to-peer learning on public finances at the level of local self-government in the Kyrgyz Republic',
    },
    description: {
      ky: '«Саясий өнүгүү институту» өнөктөштүк уюму менен биргеликте Бүткүл дүйнөлүк Банк тарабынан каржыланган долбоор ишке киргени турат. Бул долбоор тарабынан 453 айыл өкмөтү жана жергиликтүү кеңештин депутаттары камтылган.',
      ru: 'Проект, финансируемый Всемирным банком, готовится к запуску совместно с организацией-партнёром «Институт политики развития». Проект охватывает 453 айыл окмоту и депутатов местных кенешей.',
      en: 'A World Bank-funded project, carried out together with the partner organisation Development Policy Institute, is about to start. It covers 453 ayil okmotus and the deputies of local councils.',
    },
    objectives: {
      ky: 'Долбоордун максаты жергиликтүү өз алдынча башкаруу органдарынын потенциалдарын жакшыртуу, бюджеттик процесстин сапатын жогорулатуу жана жергиликтүү өз алдынча башкаруу чөйрөсүндөгү коррупцияны азайтуу болуп саналат.',
      ru: 'Цель проекта — повышение потенциала органов местного самоуправления, повышение качества бюджетного процесса и снижение коррупции в сфере местного самоуправления.',
      en: 'Improve the capacity of LSG bodies, raise the quality of the budget process and reduce corruption in local self-government.',
    },
    status: ProjectStatus.PIPELINE,
    themes: ['FISCAL_DECENTRALISATION', 'LOCAL_SELF_GOVERNMENT'],
    targetGroups: ['ayil okmotus', 'local council deputies'],
    coverage: [UNIT.KYRGYZSTAN],
    participants: [
      { organisation: ORG.WORLD_BANK, role: ParticipantRole.FUNDING },
      { organisation: ORG.DPI, role: ParticipantRole.IMPLEMENTING },
    ],
    source:
      `${DOC.AGENCY}: "is about to start" (mid-2014), hence PIPELINE; its later course is not documented. Funded by the World Bank; carried out "together with the partner organisation" Development Policy Institute (the agency's own role is not stated, so it is not a participant). ` +
      `453 ayil okmotus and local council deputies, no places named, so coverage is the whole country. Dates not stated. ${NO_FUNDING} ${KYRGYZ_WORDING}`,
  }),
  project({
    key: 'agency-undp-interethnic-monitoring-indicators',
    title: {
      ky: 'Айылдык аймактарда жана калктуу пункттарда этностор аралык мамилелердин мониторингинин индикаторлору',
      ru: 'Индикаторы мониторинга межэтнических отношений в айылных аймаках и населённых пунктах',
      en: 'Monitoring indicators of interethnic relations in ayil aimaks and settlements',
    },
    description: {
      ky: 'ПРООНдун эксперттери менен биргеликте айылдык аймактарда жана калктуу пункттарда этностор аралык мамилелердин мониторингинин индикатору иштелип чыккан. Индикаторлор республиканын 64 пилоттук өз алдынча башкаруу органдарында апробацияланат. Агенттикте этностор аралык кагылышуулардын алдын алуу жана токтотуу боюнча Мониторинг борбору түзүлгөн, ал чыр-чатактарды өз убагында аныктоо жана алдын алууга өбөлгө түзөт.',
      ru: 'Совместно с экспертами ПРООН разработан индикатор мониторинга межэтнических отношений в айылных аймаках и населённых пунктах. Индикаторы апробируются в 64 пилотных органах местного самоуправления республики. При Агентстве создан Центр мониторинга по предупреждению и пресечению межэтнических столкновений, который способствует своевременному выявлению и предупреждению конфликтов.',
      en: 'Indicators for monitoring interethnic relations in ayil aimaks and settlements were developed together with UNDP experts; they are being piloted in 64 pilot local self-government bodies of the country. The agency has set up a Monitoring centre for preventing and stopping interethnic clashes, which helps detect and prevent conflicts in good time.',
    },
    status: ProjectStatus.IMPLEMENTATION,
    themes: ['INTERETHNIC_RELATIONS', 'CONFLICT_PREVENTION', 'LOCAL_SELF_GOVERNMENT'],
    targetGroups: ['LSG bodies'],
    coverage: [UNIT.KYRGYZSTAN],
    participants: [
      { organisation: ORG.AGENCY, role: ParticipantRole.IMPLEMENTING },
      { organisation: ORG.UNDP, role: ParticipantRole.IMPLEMENTING },
    ],
    source:
      `${DOC.AGENCY}: indicators developed with UNDP experts, to be piloted in 64 pilot LSG bodies; the 64 are not named, so coverage is the whole country. Both are IMPLEMENTING because they developed the indicators together; no funder is named. ` +
      `${AS_OF_2014} Dates not stated. ${NO_FUNDING} ${KYRGYZ_WORDING}`,
  }),
  project({
    key: 'chogu-gana-video',
    title: {
      ky: '«Чогуу гана» жарнамалык видеоролиги',
      ru: 'Рекламный видеоролик «Чогуу гана» («Только вместе»)',
      en: 'Promotional video "Chogu gana" ("Only together")',
    },
    description: {
      ky: 'Элдин биримдигин жана этностор аралык мамилелерди бекемдөө Концепциясын ишке ашыруу боюнча биринчи кезектеги иш-чаралардын планынын алкагында ПРООНдун колдоосу менен «Чогуу гана» жарнамалык видеоролиги тартылды. Видеоролик ОТРКда көрсөтүлүп жатат.',
      ru: 'В рамках плана первоочередных мероприятий по реализации Концепции укрепления единства народа и межэтнических отношений при поддержке ПРООН снят рекламный видеоролик «Чогуу гана» («Только вместе»). Видеоролик показывают на ОТРК.',
      en: 'Under the first-priority action plan for carrying out the Concept for strengthening the unity of the people and interethnic relations, the promotional video "Chogu gana" ("Only together") was made with UNDP support. It is being shown on OTRK.',
    },
    status: ProjectStatus.IMPLEMENTATION,
    themes: ['INTERETHNIC_RELATIONS', 'CIVIC_IDENTITY'],
    targetGroups: ['general public'],
    coverage: [UNIT.KYRGYZSTAN],
    participants: [
      { organisation: ORG.AGENCY, role: ParticipantRole.IMPLEMENTING },
      { organisation: ORG.UNDP, role: ParticipantRole.FUNDING },
      { organisation: ORG.OTRK, role: ParticipantRole.IMPLEMENTING },
    ],
    source:
      `${DOC.AGENCY}: the video "is being shown" on OTRK (mid-2014), hence IMPLEMENTATION; ${AS_OF_2014} UNDP's role is recorded as FUNDING from "with UNDP support"; the document does not say whether the support was money. ` +
      `The agency is IMPLEMENTING as the video belongs to its action-plan work; OTRK is IMPLEMENTING as the broadcaster. National TV, so coverage is the whole country. Dates not stated. ${NO_FUNDING} ${KYRGYZ_WORDING}`,
  }),
  project({
    key: 'biz-my-we-eltr',
    title: {
      ky: '«БИЗ, МЫ, WE» көрсөтүүсү',
      ru: 'Передача «БИЗ, МЫ, WE»',
      en: 'TV programme "BIZ, MY, WE" on ElTR',
    },
    description: {
      ky: 'ЭЛтР телерадиокомпаниясы менен «БИЗ, МЫ, WE» көрсөтүүсүн уюштурууга келишим түзүлдү. Аталган көрсөтүү 2014-жылдын апрель айынан тартып ЭЛтР каналында көрсөтүлөт.',
      ru: 'С телерадиокомпанией ЭлТР заключён договор об организации передачи «БИЗ, МЫ, WE». Передача выходит на канале ЭлТР с апреля 2014 года.',
      en: 'A contract was concluded with the ElTR TV and radio company to organise the programme "BIZ, MY, WE". The programme is shown on the ElTR channel from April 2014.',
    },
    status: ProjectStatus.IMPLEMENTATION,
    plannedStart: '2014-04-01',
    themes: ['INTERETHNIC_RELATIONS', 'CIVIC_IDENTITY'],
    targetGroups: ['general public'],
    coverage: [UNIT.KYRGYZSTAN],
    participants: [
      { organisation: ORG.AGENCY, role: ParticipantRole.IMPLEMENTING },
      { organisation: ORG.ELTR, role: ParticipantRole.IMPLEMENTING },
    ],
    source:
      `${DOC.AGENCY}: a contract with ElTR to organise the programme; "shown on ElTR from April 2014" gives the month only, so plannedStart is 1 April 2014; end not stated. ${AS_OF_2014} ` +
      `Who pays is not stated, so there is no FUNDING participant. National TV, so coverage is the whole country. ${NO_FUNDING} ${KYRGYZ_WORDING}`,
  }),
  project({
    key: 'agency-public-reception-offices',
    title: {
      ky: 'Агенттиктин этностор аралык мамилелер маселеси боюнча коомдук кабылдамалары',
      ru: 'Общественные приёмные Агентства по вопросам межэтнических отношений',
      en: 'Public reception offices of the agency on interethnic relations',
    },
    description: {
      ky:
        'Этностор аралык кагылышуулардын алдын алуу системасын түзүү максатында көп этникалуу калк жайгашкан райондордо Агенттиктин этностор аралык мамилелер маселеси боюнча коомдук кабылдамалары түзүлгөн жана иштеп жатат. Коомдук кабылдамаларда туруктуу негизде Агенттик тарабынан келишимдик негизде кабыл алынган жооптуу катчылар иштейт. Алардын ишмердүүлүгүн төлөп берүү жана аларды кармоого кеткен чыгымдар боюнча маселелер чечилген. ' +
        'Бүгүнкү күндө республика боюнча 20 коомдук кабылдама, анын ичинен: Баткен облусунда 4, Ош облусунда 4, Жалал-Абад облусунда 5, Чүй облусунда 5, Ош шаарында 1, Каракол шаарында 1 коомдук кабылдамалар түзүлдү. Мындан сырткары, коомдук кабылдамалар түзүлгөн райондук мамлекеттик администрацияларда жана шаарлардын мэрияларында этностор аралык кагылышуулардын алдын алуу боюнча калк менен иш алып бара турган коомдук консультативдик кеңештер уюштурулду. ' +
        '2013-жылдын 12-ноябрында Ноокат райондук мамлекеттик администрациясына караштуу этностор аралык мамилелер боюнча коомдук кабылдаманын базасында «Этностор аралык кагылышуулардын алдын алуу боюнча коомдук кабылдамалардын ролу» темасында республикалык семинар болуп өттү.',
      ru:
        'В целях создания системы предупреждения межэтнических столкновений в районах с многоэтничным населением созданы и работают общественные приёмные Агентства по вопросам межэтнических отношений. В общественных приёмных на постоянной основе работают ответственные секретари, принятые Агентством на договорной основе. Вопросы оплаты их работы и расходов на их содержание решены. ' +
        'На сегодняшний день по республике создано 20 общественных приёмных, из них: в Баткенской области 4, в Ошской области 4, в Джалал-Абадской области 5, в Чуйской области 5, в городе Ош 1, в городе Каракол 1. Кроме того, в районных государственных администрациях и мэриях городов, где созданы общественные приёмные, организованы общественные консультативные советы, которые будут работать с населением по предупреждению межэтнических столкновений. ' +
        '12 ноября 2013 года на базе общественной приёмной по межэтническим отношениям при Ноокатской районной государственной администрации прошёл республиканский семинар на тему «Роль общественных приёмных в предупреждении межэтнических столкновений».',
      en:
        'To build a system for preventing interethnic clashes, the agency has set up public reception offices on interethnic relations in districts with a multi-ethnic population, and they are working. Each is staffed on a permanent basis by responsible secretaries the agency has taken on under contract; the payment for their work and the costs of their upkeep are settled. ' +
        "There are now 20 public reception offices in the country: Batken oblast 4, Osh oblast 4, Jalal-Abad oblast 5, Chui oblast 5, Osh city 1, Karakol city 1. In addition, public consultative councils that will work with the population on preventing interethnic clashes were set up at the district state administrations and city mayor's offices where the offices are. " +
        'On 12 November 2013 a republican seminar on "The role of public reception offices in preventing interethnic clashes" was held at the public reception office on interethnic relations of the Nookat district state administration.',
    },
    status: ProjectStatus.IMPLEMENTATION,
    themes: ['INTERETHNIC_RELATIONS', 'CONFLICT_PREVENTION'],
    targetGroups: ['population of multi-ethnic districts'],
    coverage: [UNIT.BATKEN_OBLAST, UNIT.OSH_OBLAST, UNIT.JALAL_ABAD_OBLAST, UNIT.CHUI_OBLAST, UNIT.OSH_CITY, UNIT.KARAKOL_CITY],
    participants: [{ organisation: ORG.AGENCY, role: ParticipantRole.IMPLEMENTING }],
    source:
      `${DOC.AGENCY}: 20 offices "set up and working" (mid-2014): Batken oblast 4, Osh oblast 4, Jalal-Abad oblast 5, Chui oblast 5, Osh city 1, Karakol city 1; the rayons and towns of the offices are not listed (except Nookat rayon), so coverage is the oblasts and the two cities, without shares. ` +
      `${AS_OF_2014} Start date not stated (the offices existed by 12 Nov 2013); no funder besides the agency is named. ${NO_FUNDING} ${KYRGYZ_WORDING}`,
  }),
  project({
    key: 'agency-national-unity-events-2013-2014',
    title: {
      ky: 'Элдин биримдигин жана этностор аралык мамилелерди бекемдөөгө арналган иш-чаралар',
      ru: 'Мероприятия, посвящённые укреплению единства народа и межэтнических отношений',
      en: 'Events for strengthening the unity of the people and interethnic relations',
    },
    description: {
      ky: 'Агенттик 2013–2014-жылдары өткөргөн иш-чаралар: 2013-жылдын 31-августунда Чүй облусунун Аламүдүн районунун Маевка айылында Кыргыз Республикасынын көз карандысыздыгынын күнүнө карата аталган айылда жашаган этносторду жакындаштыруу боюнча иш-чара; 2014-жылдын 20-мартында Ош облусунун Өзгөн районунун Өзгөн шаарында жана 2014-жылдын 18-апрелинде Араван районунун Араван айылында элдин биримдигин жана этностор аралык мамилелерди бекемдөөгө арналган иш-чаралар; 2014-жылдын 28-майында Баткен облусунун Кадамжай районунун Кадамжай шаарында Өзбекистандын Фергана районунун, Тажикистандын Сох районунун өкүлдөрүнүн катышуусу менен «Фергана — достуктун ашуусу» иш-чарасы.',
      ru: 'Мероприятия, проведённые Агентством в 2013–2014 годах: 31 августа 2013 года в селе Маевка Аламудунского района Чуйской области ко Дню независимости Кыргызской Республики — мероприятие по сближению этносов, проживающих в этом селе; 20 марта 2014 года в городе Узген Узгенского района Ошской области и 18 апреля 2014 года в селе Араван Араванского района — мероприятия, посвящённые укреплению единства народа и межэтнических отношений; 28 мая 2014 года в городе Кадамжай Кадамжайского района Баткенской области — мероприятие «Фергана — перевал дружбы» с участием представителей Ферганского района Узбекистана и Сохского района Таджикистана.',
      en: 'Events the agency held in 2013–2014: on 31 August 2013 in Maevka village, Alamudun rayon, Chui oblast, for the Independence Day of the Kyrgyz Republic, an event bringing together the ethnic groups living in the village; on 20 March 2014 in Uzgen town, Uzgen rayon, Osh oblast, and on 18 April 2014 in Aravan village, Aravan rayon, events dedicated to strengthening the unity of the people and interethnic relations; on 28 May 2014 in Kadamjay town, Kadamjay rayon, Batken oblast, the event "Fergana — pass of friendship" with representatives of Fergana district of Uzbekistan and Sokh district of Tajikistan.',
    },
    status: ProjectStatus.CLOSED,
    plannedStart: '2013-08-31',
    plannedEnd: '2014-05-28',
    themes: ['INTERETHNIC_RELATIONS', 'CIVIC_IDENTITY'],
    coverage: ['KG08203000000', 'KG06255000000', 'KG06211000000', 'KG05258000000'],
    participants: [{ organisation: ORG.AGENCY, role: ParticipantRole.IMPLEMENTING }],
    source:
      `${DOC.AGENCY} lists these events in its work on interethnic relations; the hub groups them in one project record so that they can be reported. The document does not call them a project. ` +
      `Dates are those of the first and last event; coverage is the rayons of the events (villages and towns are not units of the hub); each event is also an activity report. ${NO_FUNDING} ${KYRGYZ_WORDING}`,
  }),
  project({
    key: 'lsg-development-programme-2013-2017',
    title: {
      ky: '2013-2017-жылдарга карата Кыргыз Республикасынын жергиликтүү өз алдынча башкарууну өнүктүрүү Программасы',
      ru: 'Программа развития местного самоуправления Кыргызской Республики на 2013–2017 годы',
      en: 'Programme for the development of local self-government of the Kyrgyz Republic for 2013–2017',
    },
    description: {
      ky: 'Кыргыз Республикасынын Өкмөтүнүн 2013-жылдын 18-декабрындагы №678 токтому менен бекитилген 2013-2017-жылдарга карата Кыргыз Республикасындагы жергиликтүү өз алдынча башкарууну өнүктүрүү Программасы. Аны ишке ашыруу максатында жана министерство, ведомстволордун ишмердүүлүгүн координациялоо багытында 2014-жылдын 12-июнунда Кыргыз Республикасынын Өкмөтүнүн №271-р токтому менен Координациялык кеңеш бекитилген; кеңештин көчмө жыйыны 2014-жылдын июль айында Военно-Антоновка айыл өкмөтүндө өткөрүлдү. Программаны аткаруунун алкагында «Кыргыз Республикасынын айрым мыйзам чыгаруу актыларына толуктоолорду жана өзгөртүүлөрдү киргизүү жөнүндө» Мыйзам долбоору иштелип чыккан.',
      ru: 'Программа развития местного самоуправления в Кыргызской Республике на 2013–2017 годы, утверждённая постановлением Правительства Кыргызской Республики от 18 декабря 2013 года №678. В целях её реализации и координации деятельности министерств и ведомств 12 июня 2014 года актом Правительства Кыргызской Республики №271-р утверждён Координационный совет; его выездное заседание прошло в июле 2014 года в айыл окмоту Военно-Антоновка. В рамках выполнения Программы разработан проект Закона «О внесении дополнений и изменений в некоторые законодательные акты Кыргызской Республики».',
      en: 'The Programme for the development of local self-government in the Kyrgyz Republic for 2013–2017, approved by Government resolution No. 678 of 18 December 2013. To carry it out and to coordinate the ministries and agencies, a Coordination Council was approved by Government act No. 271-r of 12 June 2014; the council held a visiting session in Voenno-Antonovka ayil okmotu in July 2014. Under the Programme a draft law "On introducing additions and amendments to certain legislative acts of the Kyrgyz Republic" was drawn up.',
    },
    status: ProjectStatus.IMPLEMENTATION,
    plannedStart: '2013-01-01',
    plannedEnd: '2017-12-31',
    themes: ['LOCAL_SELF_GOVERNMENT', 'MUNICIPAL_SERVICES'],
    coverage: ['KG'],
    participants: [{ organisation: ORG.AGENCY, role: ParticipantRole.IMPLEMENTING }],
    source: `${DOC.AGENCY}: programme period 2013–2017 (years only: first and last day of the years). ${AS_OF_2014} ${NO_FUNDING} ${KYRGYZ_WORDING}`,
  }),
  project({
    key: 'national-consultations-lsg-conflict-prevention-2023',
    title: {
      ky: 'Жамааттардагы социалдык чыр-чатактарды алдын алууда жергиликтүү өз алдынча башкаруу органдарынын ролу боюнча улуттук консультациялар',
      ru: 'Национальные консультации о роли органов местного самоуправления в предупреждении социальных конфликтов в сообществах',
      en: 'National consultations on the role of LSG bodies in preventing social conflict in communities',
    },
    description: {
      ky:
        'БУУӨП улуттук өнөктөштөр менен биргеликте чыр-чатактарды алдын алуу маселелеринде жергиликтүү өз алдынча башкаруу органдарынын борбордон ажыратылган иши боюнча коомдук талкууларга көмөк көрсөтүп жатат. Талкуулар жергиликтүү контекстте чыр-чатактарды болтурбоодо, ошондой эле жергиликтүү өз алдынча башкаруу чөйрөсүндөгү улуттук мыйзамдарга өзгөртүүлөрдү жана толуктоолорду киргизүү аркылуу тынчтыкты жана коомдук биримдикти курууда ЖӨБ органдарынын институционалдык ролун аныктоого арналды. ' +
        'Коомдук талкуулар Кыргыз Республикасынын Министрлер Кабинетине караштуу Мамлекеттик кызмат жана жергиликтүү өз алдынча башкаруу иштери боюнча мамлекеттик агенттиктин жетекчилиги астында Кыргыз Республикасынын 5 облусунда кеңири чөйрөдөгү консультативдик жолугушуулардан кийин өттү: 2023-жылдын 12-майында Ысык-Көлдө парламенттин, мамлекеттик жана муниципалдык бийлик органдарынын жана жарандык коом уюмдарынын 40тан ашык өкүлдөрү улуттук консультацияларга катышты. ' +
        'Андан ары депутаттардын суроо-талабы боюнча БУУӨП жергиликтүү деңгээлдеги консультативдик жолугушуулардын жыйынтыктарын жана «Жергиликтүү мамлекеттик администрация жана жергиликтүү өз алдынча башкаруу органдары жөнүндө» мыйзамга өзгөртүүлөрдү киргизүү долбоорун талкуулоого багытталган ачык аянтчаны колдоду. Кыргызстанда 484 ЖӨБ органы бар.',
      ru:
        'ПРООН совместно с национальными партнёрами содействует общественным обсуждениям децентрализованной работы органов местного самоуправления в вопросах предупреждения конфликтов. Обсуждения были посвящены определению институциональной роли органов МСУ в предотвращении конфликтов в местном контексте, а также в построении мира и общественного единства через внесение изменений и дополнений в национальное законодательство в сфере местного самоуправления. ' +
        'Общественные обсуждения прошли после консультативных встреч в широком кругу в 5 областях Кыргызской Республики под руководством Государственного агентства по делам государственной службы и местного самоуправления при Кабинете Министров Кыргызской Республики: 12 мая 2023 года на Иссык-Куле более 40 представителей парламента, государственных и муниципальных органов власти и организаций гражданского общества приняли участие в национальных консультациях. ' +
        'Далее по запросу депутатов ПРООН поддержала открытую площадку для обсуждения итогов консультативных встреч на местном уровне и проекта изменений в закон «О местной государственной администрации и органах местного самоуправления». В Кыргызстане 484 органа МСУ.',
      en:
        'UNDP, with national partners, supports public discussions on the decentralised work of local self-government bodies in preventing conflict. The discussions were devoted to defining the institutional role of LSG bodies in preventing conflict in the local context and in building peace and social unity, through amendments and additions to national legislation on local self-government. ' +
        'They followed consultative meetings in a wide circle in 5 oblasts of the Kyrgyz Republic led by the State Agency for Civil Service and Local Self-Government Affairs under the Cabinet of Ministers: on 12 May 2023 in Issyk-Kul over 40 representatives of parliament, state and municipal authorities and civil-society organisations took part in national consultations. ' +
        'Then, at the deputies\' request, UNDP supported an open platform for discussing the results of the local consultative meetings and the draft amendments to the law "On local state administration and local self-government bodies". There are 484 LSG bodies in Kyrgyzstan.',
    },
    objectives: {
      ky: 'Өзгөртүүлөрдүн долбоору жергиликтүү өз алдынча башкаруу органдарына социалдык чыр-чатактарды алдын алуу боюнча иш-чаралардын планын жергиликтүү деңгээлде пландаштырууга, жергиликтүү бюджеттерден каржылык каражаттарды бөлүүгө, улуттук жана жергиликтүү деңгээлдеги саясаттын, стратегиялардын жана ресурстардын вертикалдуу жана горизонталдык интеграциясын күчөтүүгө, муниципалитеттердин, жарандык коом уюмдарынын, мамлекеттик мекемелердин жана башка кызыкдар тараптардын ортосундагы координацияны жакшыртууга мүмкүндүк берет.',
      ru: 'Проект изменений позволит органам местного самоуправления планировать на местном уровне план мероприятий по предупреждению социальных конфликтов, выделять финансовые средства из местных бюджетов, усилить вертикальную и горизонтальную интеграцию политики, стратегий и ресурсов национального и местного уровней, улучшить координацию между муниципалитетами, организациями гражданского общества, государственными учреждениями и другими заинтересованными сторонами.',
      en: 'The draft amendments will let LSG bodies plan measures for preventing social conflict at the local level, allocate funds from local budgets, strengthen the vertical and horizontal integration of national and local policies, strategies and resources, and improve coordination between municipalities, civil-society organisations, state institutions and other stakeholders.',
    },
    status: ProjectStatus.IMPLEMENTATION,
    themes: ['CONFLICT_PREVENTION', 'LOCAL_SELF_GOVERNMENT'],
    targetGroups: ['LSG bodies', 'members of parliament', 'state and municipal bodies', 'civil-society organisations'],
    coverage: [UNIT.KYRGYZSTAN],
    participants: [
      { organisation: ORG.UNDP, role: ParticipantRole.FUNDING },
      { organisation: ORG.AGENCY_2023, role: ParticipantRole.IMPLEMENTING },
    ],
    source:
      `${DOC.UNDP_2023}: national consultations on 12 May 2023 in Issyk-Kul after consultative meetings in 5 oblasts (not named), so coverage is the whole country. UNDP "supports" them: its role is recorded as FUNDING, though the news item does not say whether the support was money; the State Agency for Civil Service and LSG Affairs led them. ` +
      `Status IMPLEMENTATION as of the news item (work on the draft amendments was under way); start and end dates of the process not stated. The objectives are the words of the agency's deputy director in the news item. ${NO_FUNDING} ${KYRGYZ_WORDING}`,
  }),
  project({
    key: 'hrc-annual-forum-state-civil-society',
    title: {
      ky: '«Кыргыз Республикасында адам укуктарын ишке ашыруу чөйрөсүндө мамлекет менен жарандык коомдун өз ара кызматташуусу» форуму',
      ru: 'Ежегодный форум «Взаимодействие государства и гражданского общества в сфере реализации прав человека в Кыргызской Республике»',
      en: 'Annual forum "Cooperation between the state and civil society in implementing human rights in the Kyrgyz Republic"',
    },
    description: {
      ky: 'Жыл сайын Кеңеш тарабынан өткөрүлүүчү форум («Кыргыз Республикасында адам укуктары боюнча ар жылдыктын» сунуштарын аткаруу). Форумдун ишине Ар жылдыктын авторлорунун, эл аралык жана өкмөттүк эмес уюмдардын сунуштарын ишке ашыруу жана кыйла актуалдуу проблемаларга андан ары мониторинг жүргүзүү мүмкүндүгүн талкуулоо максатында, дарегине ушул сунуштар жөнөтүлгөн мамлекеттик органдардын өкүлдөрү катышат.',
      ru: 'Форум, ежегодно проводимый Советом (выполнение рекомендаций «Ежегодника по правам человека в Кыргызской Республике»). В работе форума участвуют представители государственных органов, в адрес которых направлены эти рекомендации, чтобы обсудить выполнение рекомендаций авторов Ежегодника, международных и неправительственных организаций и возможность дальнейшего мониторинга наиболее актуальных проблем.',
      en: 'A forum the Council holds every year (on implementing the recommendations of the "Yearbook on human rights in the Kyrgyz Republic"). Representatives of the state bodies to which the recommendations are addressed take part, to discuss implementing the recommendations of the Yearbook\'s authors and of international and non-governmental organisations, and how to keep monitoring the most pressing problems.',
    },
    status: ProjectStatus.CLOSED,
    plannedStart: '2009-01-01',
    plannedEnd: '2016-12-31',
    themes: ['HUMAN_RIGHTS'],
    targetGroups: ['state bodies', 'civil-society organisations'],
    coverage: [UNIT.KYRGYZSTAN],
    participants: [{ organisation: ORG.HUMAN_RIGHTS_COUNCIL, role: ParticipantRole.IMPLEMENTING }],
    source:
      `${DOC.HRC}: "2009–2016"; the page gives years only, so the dates are 1 January of the first and 31 December of the last year. Status CLOSED because the period ended. Funder not stated, so only the Human Rights Council is a participant. ` +
      `National forum, so coverage is the whole country. ${NO_FUNDING} ${KYRGYZ_WORDING}`,
  }),
  project({
    key: 'hrc-ombudsman-staff-capacity',
    title: {
      ky: 'КР Акыйкатчы (Омбудсмен) аппаратынын кызматкерлеринин кесиптик дараметин жогорулатуу',
      ru: 'Повышение профессионального потенциала сотрудников аппарата Акыйкатчы (Омбудсмена) КР',
      en: 'Strengthening the professional capacity of the staff of the Akyikatchy (Ombudsman) office of the Kyrgyz Republic',
    },
    description: {
      ky: '«Кыргыз Республикасындагы жарандардын жана адамдардын укуктарын жана эркиндиктерин сактоо» тууралуу ар жылдык баяндама даярдоо боюнча консультациялык тейлөө көрсөтүү, квалификация жогорулатуу курстарын өткөрүү.',
      ru: 'Консультационные услуги по подготовке ежегодного доклада «О соблюдении прав и свобод граждан и человека в Кыргызской Республике», проведение курсов повышения квалификации.',
      en: 'Advice on preparing the annual report "On the observance of the rights and freedoms of citizens and people in the Kyrgyz Republic", and refresher courses.',
    },
    status: ProjectStatus.CLOSED,
    plannedStart: '2015-01-01',
    plannedEnd: '2016-12-31',
    themes: ['HUMAN_RIGHTS'],
    targetGroups: ['staff of the Ombudsman (Akyikatchy) office'],
    coverage: [UNIT.KYRGYZSTAN],
    participants: [{ organisation: ORG.HUMAN_RIGHTS_COUNCIL, role: ParticipantRole.IMPLEMENTING }],
    source:
      `${DOC.HRC}: "2015–2016"; the page gives years only, so the dates are 1 January of the first and 31 December of the last year. Status CLOSED because the period ended. Funder not stated; the Ombudsman is the beneficiary, not a participant. ` +
      `National institution, so coverage is the whole country. ${NO_FUNDING} ${KYRGYZ_WORDING}`,
  }),
  project({
    key: 'hrc-monitoring-cooperation-meetings',
    title: {
      ky: `${HRC_MONITORING_TITLE_KY}: тематикалык пикир алышуу жолугушуулары`,
      ru: `${HRC_MONITORING_TITLE_RU}: тематические встречи для обмена мнениями`,
      en: `${HRC_MONITORING_TITLE_EN}: thematic exchange meetings`,
    },
    description: {
      ky: 'Мамлекеттик мекемелердин жана жарандык коомдун катышуусунда тематикалык пикир алышуу жолугушууларын уюштуруу жана катышуу.',
      ru: 'Организация тематических встреч для обмена мнениями с участием государственных учреждений и гражданского общества и участие в них.',
      en: 'Organising and taking part in thematic exchange meetings with state institutions and civil society.',
    },
    status: ProjectStatus.CLOSED,
    plannedStart: '2016-01-01',
    plannedEnd: '2017-12-31',
    themes: ['HUMAN_RIGHTS'],
    targetGroups: ['state institutions', 'civil-society organisations'],
    coverage: [UNIT.KYRGYZSTAN],
    participants: [{ organisation: ORG.HUMAN_RIGHTS_COUNCIL, role: ParticipantRole.IMPLEMENTING }],
    source:
      `${DOC.HRC}: the first of two projects with this title, "2016–2017"; the page gives years only, so the dates are 1 January of the first and 31 December of the last year, and tells the two apart only by the activity in brackets (thematic exchange meetings), added to the title here. ` +
      `Status CLOSED because the period ended. Funder not stated. Coverage is the whole country. ${NO_FUNDING} ${KYRGYZ_WORDING}`,
  }),
  project({
    key: 'hrc-monitoring-cooperation-yearbooks',
    title: {
      ky: `${HRC_MONITORING_TITLE_KY}: Кыргыз Республикасында адам укуктары боюнча ар жылдыктар`,
      ru: `${HRC_MONITORING_TITLE_RU}: ежегодники по правам человека в Кыргызской Республике`,
      en: `${HRC_MONITORING_TITLE_EN}: yearbooks on human rights in the Kyrgyz Republic`,
    },
    description: {
      ky: 'Кыргыз Республикасында адам укуктары боюнча ар жылдыктар.',
      ru: 'Ежегодники по правам человека в Кыргызской Республике.',
      en: 'Yearbooks on human rights in the Kyrgyz Republic.',
    },
    status: ProjectStatus.CLOSED,
    plannedStart: '2016-01-01',
    plannedEnd: '2017-12-31',
    themes: ['HUMAN_RIGHTS'],
    targetGroups: ['state bodies', 'civil-society organisations'],
    coverage: [UNIT.KYRGYZSTAN],
    participants: [{ organisation: ORG.HUMAN_RIGHTS_COUNCIL, role: ParticipantRole.IMPLEMENTING }],
    source:
      `${DOC.HRC}: the second of two projects with this title, "2016–2017"; the page gives years only, so the dates are 1 January of the first and 31 December of the last year, and tells the two apart only by the activity in brackets (human rights yearbooks), added to the title here. ` +
      `Status CLOSED because the period ended. Funder not stated. Coverage is the whole country. ${NO_FUNDING} ${KYRGYZ_WORDING}`,
  }),
];
