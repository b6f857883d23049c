import type { Translations } from '../../src/common/localized-text';
import { ParticipantRole } from '../../src/projects/project-participant.entity';
import { ProjectStatus, type ProjectContact, type ProjectLink } from '../../src/projects/project.entity';
import { BATKEN_BORDER_AYIL_AIMAKS } from '../geography/unit-flags.seed';
import { ORG } from './organisations.data';
import { DOC } from './sources';

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
const HRC_MONITORING_TITLE_EN =
  'Developing cooperation between the state and civil society in monitoring the rule of law and the implementation of human rights in the Kyrgyz Republic';

export const PROJECTS: ProjectSeed[] = [
  project({
    key: 'rdf-border-villages-lsg-services',
    title: {
      ky: 'Жергиликтүү өз алдынча башкаруу органдарынын калкка кызмат көрсөтүүсүн жакшыртуу менен Кыргызстандын чек ара айылдарындагы чыр-чатактарды азайтуу',
      en: "Reducing conflict in Kyrgyzstan's border villages by improving LSG services to the population",
    },
    description: {
      ky: 'Долбоор жергиликтүү өз алдынча башкаруу органдарынын потенциалын жана маалымдуулугун күчөтүү, чек ара аймактарында жашаган кыргыз жарандарынын укуктарын коргоо жана кызыкчылыктарын илгерилетүү, чыр-чатактарды азайтуу, жергиликтүү жамааттар менен шериктештикте жана жергиликтүү калкка көрсөткөн кызматтарынын сапатын жогорулатууга багытталган. Өкмөттүн деңгээлинде чек ара аймактарынын калкынын кызыкчылыктарын илгерилетүү, Баткен облусунун Баткен районунун мисалында (Тажикстан менен чектешет).',
      en:
        'Strengthens the capacity and awareness of local self-government bodies, protects the rights and promotes the interests of citizens living in border areas, reduces conflict and improves the quality of LSG services, in partnership with local communities, in seven ayil aimaks of Batken rayon, Batken oblast, on the border with Tajikistan. ' +
        'Activities: a needs assessment of LSG services for reducing conflict, by survey and focus groups (including groups of women and of youth) among residents of border districts with undelimited borders; selecting the issues that need the attention and decisions of the Government and regional administrations; a study of LSG services to the population; an informal network of border LSG bodies; trainings for the network members on promoting rights and interests and help in drafting a strategy to promote them; ' +
        'an analysis of the legal framework of Kyrgyzstan for special rights and opportunities of border residents; an information campaign on those rights and opportunities; support to promoting citizens\' rights through the network of LSG bodies and community organisations; a district-level presentation of the problems and interests found, with a round table on the results and on using the experience in other border areas.',
    },
    objectives: {
      ky: 'Долбоордун максаты - Тажикстан менен чектешкен чек арага чектеш аймактарда жайгашкан Кыргызстандын Баткен районундагы жарандардын жана жергиликтүү өз алдынча башкаруу органдарынын укуктарын коргоо жана кызыкчылыктарын илгерилетүү жолу менен чыр-чатактарды азайтууга жардам берүү, жергиликтүү өз алдынча башкаруу органдарынын жана чек ара аймактарынын коомдук уюмдарынын тармагын түзүү жана алардын потенциалын чыңдоо аркылуу Өкмөттүн жана аймактык администрациянын деңгээлинде алардын укуктарын жана кызыкчылыктарын жалпылоо, талдоо жана лоббизмдөө.',
      en:
        'Help reduce conflict in Batken rayon on the border with Tajikistan by protecting the rights and promoting the interests of citizens and LSG bodies: build and strengthen a network of LSG bodies and civil-society organisations of the border areas that gathers, analyses and advocates their rights and interests before the Government and the regional administration. ' +
        'Expected results: the problems, restrictions and missing rights of residents and LSG bodies of Batken rayon, and the need for new normative legal acts, identified and summarised; a strategy for promoting citizens\' rights and interests developed through the network of LSG bodies, communities and NGOs, informed by the information campaign; one issue of the strategy chosen for advocacy and support to its implementation.',
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
      `Ayil aimaks Ak-Tatyr, Ak-Sai, Samarkandek, Tortkul, Karabak, Suu-Bashy and Kyshtut of Batken rayon, Batken oblast. Status CLOSED because the period ended in 2013. No Russian title; ${NO_FUNDING}`,
  }),
  project({
    key: 'dpi-peer-to-peer-learning-public-finances',
    title: {
      ky: 'Кыргыз Республикасындагы жергиликтүү өз алдынча башкаруунун деңгээлинде мамлекеттик каражаттардын чөйрөсүндө «тең-теңге» принциби боюнча окутуу практикасын кеңейтүү',
      en: 'Scaling up peer-to-peer learning on public finances at the level of local self-government in the Kyrgyz Republic',
    },
    description: {
      en: 'A World Bank-funded project, carried out with the Development Policy Institute as the agency\'s partner organisation, that covers 453 ayil okmotus and the deputies of local councils with peer-to-peer learning on public finances.',
    },
    objectives: {
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
      `453 ayil okmotus and local council deputies, no places named, so coverage is the whole country. Dates not stated. ${NO_FUNDING}`,
  }),
  project({
    key: 'agency-undp-interethnic-monitoring-indicators',
    title: {
      ky: 'Айылдык аймактарда жана калктуу пункттарда этностор аралык мамилелердин мониторингинин индикаторлору',
      en: 'Monitoring indicators of interethnic relations in ayil aimaks and settlements',
    },
    description: {
      en: 'Indicators for monitoring interethnic relations in ayil aimaks and settlements, developed by the agency with UNDP experts and being piloted in 64 pilot LSG bodies of the country. The agency also has a monitoring centre for preventing and stopping interethnic conflict, for timely detection and prevention of conflicts.',
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
      `${AS_OF_2014} Dates not stated. ${NO_FUNDING}`,
  }),
  project({
    key: 'chogu-gana-video',
    title: {
      ky: '«Чогуу гана» жарнамалык видеоролиги',
      en: 'Promotional video "Chogu gana" ("Only together")',
    },
    description: {
      en: 'A promotional video "Chogu gana" ("Only together") made with UNDP support under the first-priority action plan of the Concept for strengthening national unity and interethnic relations, and shown on the national TV channel OTRK.',
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
      `The agency is IMPLEMENTING as the video belongs to its action-plan work; OTRK is IMPLEMENTING as the broadcaster. National TV, so coverage is the whole country. Dates not stated. ${NO_FUNDING}`,
  }),
  project({
    key: 'biz-my-we-eltr',
    title: {
      ky: '«БИЗ, МЫ, WE» көрсөтүүсү',
      en: 'TV programme "BIZ, MY, WE" on ElTR',
    },
    description: {
      en: 'A TV programme "BIZ, MY, WE" ("we" in Kyrgyz, Russian and English) on the ElTR channel, organised under a contract the agency concluded with the ElTR TV and radio company, in its work on the Concept for strengthening national unity and interethnic relations.',
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
      `Who pays is not stated, so there is no FUNDING participant. National TV, so coverage is the whole country. ${NO_FUNDING}`,
  }),
  project({
    key: 'agency-public-reception-offices',
    title: {
      ky: 'Агенттиктин этностор аралык мамилелер маселеси боюнча коомдук кабылдамалары',
      en: 'Public reception offices of the agency on interethnic relations',
    },
    description: {
      en:
        'Public reception offices on interethnic relations set up by the agency in districts with a multi-ethnic population, as part of a system for preventing interethnic conflict: 20 in total — Batken oblast 4, Osh oblast 4, Jalal-Abad oblast 5, Chui oblast 5, Osh city 1, Karakol city 1. ' +
        'Each is staffed by a responsible secretary under contract with the agency, whose pay and upkeep are settled. Public consultative councils working with the population on preventing interethnic conflict were set up at the district administrations and mayor\'s offices where the offices sit. ' +
        'On 12 Nov 2013 a republican seminar on the role of public reception offices in preventing interethnic conflict was held at the office of the Nookat district administration (Osh oblast).',
    },
    status: ProjectStatus.IMPLEMENTATION,
    themes: ['INTERETHNIC_RELATIONS', 'CONFLICT_PREVENTION'],
    targetGroups: ['population of multi-ethnic districts'],
    coverage: [UNIT.BATKEN_OBLAST, UNIT.OSH_OBLAST, UNIT.JALAL_ABAD_OBLAST, UNIT.CHUI_OBLAST, UNIT.OSH_CITY, UNIT.KARAKOL_CITY],
    participants: [{ organisation: ORG.AGENCY, role: ParticipantRole.IMPLEMENTING }],
    source:
      `${DOC.AGENCY}: 20 offices "set up and working" (mid-2014): Batken oblast 4, Osh oblast 4, Jalal-Abad oblast 5, Chui oblast 5, Osh city 1, Karakol city 1; the rayons and towns of the offices are not listed (except Nookat rayon), so coverage is the oblasts and the two cities, without shares. ` +
      `${AS_OF_2014} Start date not stated (the offices existed by 12 Nov 2013); no funder besides the agency is named. ${NO_FUNDING}`,
  }),
  project({
    key: 'agency-national-unity-events-2013-2014',
    title: {
      ky: 'Элдин биримдигин жана этностор аралык мамилелерди бекемдөөгө арналган иш-чаралар',
      en: 'Events for strengthening national unity and interethnic relations',
    },
    description: {
      en:
        'Public events the agency held in multi-ethnic localities in 2013–2014 to strengthen national unity and interethnic relations: Maevka village (Alamudun rayon) on Independence Day 2013, Uzgen town, Aravan village, and "Fergana — pass of friendship" in Kadamjay town with representatives of Fergana (Uzbekistan) and Sokh (Tajikistan). The events themselves are recorded as activity reports.',
    },
    status: ProjectStatus.CLOSED,
    plannedStart: '2013-08-31',
    plannedEnd: '2014-05-28',
    themes: ['INTERETHNIC_RELATIONS', 'CIVIC_IDENTITY'],
    coverage: ['KG08203000000', 'KG06255000000', 'KG06211000000', 'KG05258000000'],
    participants: [{ organisation: ORG.AGENCY, role: ParticipantRole.IMPLEMENTING }],
    source:
      `${DOC.AGENCY} lists these events in its work on interethnic relations; the hub groups them in one project record so that they can be reported. The document does not call them a project. ` +
      `Dates are those of the first and last event; coverage is the rayons of the events (villages and towns are not units of the hub). ${NO_FUNDING}`,
  }),
  project({
    key: 'lsg-development-programme-2013-2017',
    title: {
      ky: '2013-2017-жылдарга карата Кыргыз Республикасынын жергиликтүү өз алдынча башкарууну өнүктүрүү Программасы',
      en: 'Programme for the development of local self-government of the Kyrgyz Republic for 2013–2017',
    },
    description: {
      en:
        'The state programme for developing local self-government in 2013–2017, carried out by the agency with ministries and agencies; a Coordination Council for it was approved by Government order No. 271-r of 12 June 2014 and held a visiting session in Voenno-Antonovka ayil okmotu in July 2014. Work under it included draft laws amending the LSG legislation.',
    },
    status: ProjectStatus.IMPLEMENTATION,
    plannedStart: '2013-01-01',
    plannedEnd: '2017-12-31',
    themes: ['LOCAL_SELF_GOVERNMENT', 'MUNICIPAL_SERVICES'],
    coverage: ['KG'],
    participants: [{ organisation: ORG.AGENCY, role: ParticipantRole.IMPLEMENTING }],
    source: `${DOC.AGENCY}: programme period 2013–2017 (years only: first and last day of the years). ${AS_OF_2014} ${NO_FUNDING}`,
  }),
  project({
    key: 'national-consultations-lsg-conflict-prevention-2023',
    title: {
      ky: 'Жамааттардагы социалдык чыр-чатактарды алдын алууда жергиликтүү өз алдынча башкаруу органдарынын ролу боюнча улуттук консультациялар',
      en: 'National consultations on the role of LSG bodies in preventing social conflict',
    },
    description: {
      en:
        'Public discussions, supported by UNDP and led by the State Agency for Civil Service and LSG Affairs, on the institutional role of LSG bodies in preventing social conflict and building peace and social cohesion, through amendments to national legislation on local self-government. ' +
        'After broad consultative meetings in 5 oblasts, national consultations were held on 12 May 2023 in Issyk-Kul with over 40 representatives of parliament, state and municipal bodies and civil-society organisations; at deputies\' request UNDP also supported an open platform on the results and on the draft amendments to the law "On local state administration and local self-government bodies". There are 484 LSG bodies in Kyrgyzstan.',
    },
    objectives: {
      en: 'Let LSG bodies plan measures for preventing social conflict locally and fund them from local budgets, integrate national and local policies, strategies and resources, and improve coordination between municipalities, civil society, state institutions and other stakeholders.',
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
      `Status IMPLEMENTATION as of the news item (work on the draft amendments was under way); start and end dates of the process not stated. ${NO_FUNDING}`,
  }),
  project({
    key: 'hrc-annual-forum-state-civil-society',
    title: {
      ky: '«Кыргыз Республикасында адам укуктарын ишке ашыруу чөйрөсүндө мамлекет менен жарандык коомдун өз ара кызматташуусу» форуму',
      en: 'Annual forum "Cooperation between the state and civil society in implementing human rights in the Kyrgyz Republic"',
    },
    description: {
      en: 'An annual forum held by the Human Rights Council on implementing the recommendations of the "Yearbook on human rights in the Kyrgyz Republic": representatives of the state bodies the recommendations are addressed to discuss with the yearbook\'s authors and international and non-governmental organisations how to implement them and how to keep monitoring the most pressing problems.',
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
      `National forum, so coverage is the whole country. ${NO_FUNDING}`,
  }),
  project({
    key: 'hrc-ombudsman-staff-capacity',
    title: {
      ky: 'КР Акыйкатчы (Омбудсмен) аппаратынын кызматкерлеринин кесиптик дараметин жогорулатуу',
      en: 'Strengthening the professional capacity of the staff of the Akyikatchy (Ombudsman) office of the Kyrgyz Republic',
    },
    description: {
      en: 'Advice to the Ombudsman\'s staff on preparing the annual report "On the observance of human and civil rights and freedoms in the Kyrgyz Republic", and refresher courses.',
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
      `National institution, so coverage is the whole country. ${NO_FUNDING}`,
  }),
  project({
    key: 'hrc-monitoring-cooperation-meetings',
    title: {
      ky: `${HRC_MONITORING_TITLE_KY}: тематикалык пикир алышуу жолугушуулары`,
      en: `${HRC_MONITORING_TITLE_EN}: thematic exchange meetings`,
    },
    description: {
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
      `Status CLOSED because the period ended. Funder not stated. Coverage is the whole country. ${NO_FUNDING}`,
  }),
  project({
    key: 'hrc-monitoring-cooperation-yearbooks',
    title: {
      ky: `${HRC_MONITORING_TITLE_KY}: Кыргыз Республикасында адам укуктары боюнча ар жылдыктар`,
      en: `${HRC_MONITORING_TITLE_EN}: yearbooks on human rights in the Kyrgyz Republic`,
    },
    description: {
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
      `Status CLOSED because the period ended. Funder not stated. Coverage is the whole country. ${NO_FUNDING}`,
  }),
];
