import type { Translations } from '../../src/common/localized-text';
import { CoordinationBodyKind } from '../../src/council/coordination-body.entity';
import { MembershipRole } from '../../src/council/membership.entity';
import { ORG } from './organisations.data';
import { DOC, KYRGYZ_WORDING } from './sources';

export interface CoordinationBodySeed {
  /** Stable seed key; the row's id is `seedId('coordination-body', key)`. */
  key: string;
  name: Translations;
  kind: CoordinationBodyKind;
  /** Seed key of the state agency the body sits under. */
  agency: string;
  seatCount: number | null;
  /** What the document says the body is (Kyrgyz, in its words), with translations. */
  description: Translations;
  source: string;
}

export interface MembershipSeed {
  /** Seed key of the body. */
  body: string;
  /** Seed key of the organisation; the row's id is `seedId('membership', body + ':' + organisation)`. */
  organisation: string;
  role: MembershipRole;
  source: string;
}

export const BODY = {
  DONOR_COUNCIL: 'donor-coordination-council',
  COLLEGIUM: 'agency-collegium',
  PUBLIC_COUNCIL: 'agency-public-consultative-council',
  EXPERT_COUNCIL: 'agency-expert-council',
  INTERAGENCY_COMMISSION: 'interagency-commission-national-unity',
  LSG_PROGRAMME_COUNCIL: 'lsg-programme-2013-2017-coordination-council',
} as const;

/** The bodies the State Agency for LSG and Interethnic Relations runs, as its page [001] lists them (mid-2014). */
export const COORDINATION_BODIES: CoordinationBodySeed[] = [
  {
    key: BODY.DONOR_COUNCIL,
    name: {
      ky: 'Донорлордун жана эл аралык уюмдардын Координациялык Кеңеши',
      ru: 'Координационный совет доноров и международных организаций',
      en: 'Coordination Council of donors and international organisations',
    },
    kind: CoordinationBodyKind.DONOR_COORDINATION_COUNCIL,
    agency: ORG.AGENCY,
    seatCount: 38,
    description: {
      ky: 'Этностор аралык мамилелер жана ЖӨБ жаатындагы ишмердүүлүктү ишке ашырган эл аралык уюмдардын жана донорлордун ишин координациялоо үчүн Агенттик алдында түзүлгөн, курамына 38 уюм кирген Кеңеш. Координациялык Кеңештин төрагасы болуп жергиликтүү өз алдынча башкаруу жана этностор аралык мамилелер боюнча мамлекеттик агенттигинин директору саналат.',
      ru: 'Совет из 38 организаций, созданный при Агентстве для координации работы международных организаций и доноров, ведущих деятельность в сфере межэтнических отношений и МСУ. Председателем Координационного совета является директор Государственного агентства по делам местного самоуправления и межэтнических отношений.',
      en: 'A council of 38 organisations set up under the agency to coordinate the work of the international organisations and donors active in interethnic relations and local self-government. The chair of the Coordination Council is the director of the State Agency for Local Self-Government and Interethnic Relations.',
    },
    source: `${DOC.AGENCY}: 38 member organisations; chaired by the agency's director; 5 meetings held by mid-2014 (no dates given). The document lists no roster of the member organisations. ${KYRGYZ_WORDING}`,
  },
  {
    key: BODY.COLLEGIUM,
    name: { ky: 'Агенттиктин коллегиясы', ru: 'Коллегия Агентства', en: 'Collegium of the Agency' },
    kind: CoordinationBodyKind.COLLEGIUM,
    agency: ORG.AGENCY,
    seatCount: 7,
    description: {
      ky: 'Агенттикте саны 7 адамдан турган коллегия түзүлгөн. Агенттиктин директору (төрага), статс-катчы, директордун орун басарлары, кызматы боюнча коллегиянын мүчөлүгүнө киргендер, Кыргыз Республикасынын Өкмөтүнүн Аппаратынын өкүлү, ошондой эле башка уюмдардын, мекемелердин жана ишканалардын жетекчилери коллегиянын мүчөлөрү боло алышат.',
      ru: 'В Агентстве создана коллегия численностью 7 человек. Членами коллегии могут быть директор Агентства (председатель), статс-секретарь, заместители директора, лица, входящие в состав коллегии по должности, представитель Аппарата Правительства Кыргызской Республики, а также руководители других организаций, учреждений и предприятий.',
      en: 'The agency has a collegium of 7 people. Its members may be the director of the agency (chair), the state secretary, the deputy directors, those who are members of the collegium by virtue of their office, a representative of the Office of the Government of the Kyrgyz Republic, and heads of other organisations, institutions and enterprises.',
    },
    source:
      `${DOC.AGENCY}: 7 people; 6 meetings in 2013 and the first 7 months of 2014: 25 Sep 2013 (first, organisational); 5 Dec 2013 in Karakol with the Government's plenipotentiary in Issyk-Kul oblast (normative acts of the LSG bodies of Tup rayon); ` +
      "23 Dec 2013 (state programme for Batken oblast 2013–2016, border territories); 4 Mar 2014 (use of municipal property by the Jalal-Abad and Mailuu-Suu mayor's offices); 24 Apr 2014 in Osh with the Osh mayor's office (implementing the national-unity concept); 14 Jul 2014 in Talas, visiting session on Manas rayon of Talas oblast. " +
      KYRGYZ_WORDING,
  },
  {
    key: BODY.PUBLIC_COUNCIL,
    name: { ky: 'Коомдук консультативдик кеңеш', ru: 'Общественный консультативный совет', en: 'Public consultative council' },
    kind: CoordinationBodyKind.PUBLIC_CONSULTATIVE_COUNCIL,
    agency: ORG.AGENCY,
    seatCount: 35,
    description: {
      ky: 'Агенттик алдында түзүлгөн, курамы 35 адамдан турган коомдук консультативдик кеңеш. Анын жобосу жана курамы бекитилген.',
      ru: 'Общественный консультативный совет численностью 35 человек, созданный при Агентстве. Его положение и состав утверждены.',
      en: 'A public consultative council of 35 people set up under the agency. Its regulations and composition are approved.',
    },
    source: `${DOC.AGENCY}: 35 people; its regulations and composition are approved (in the part on interethnic relations). Members are not named. ${KYRGYZ_WORDING}`,
  },
  {
    key: BODY.EXPERT_COUNCIL,
    name: { ky: 'Эксперттик кеңеш', ru: 'Экспертный совет', en: 'Expert council' },
    kind: CoordinationBodyKind.EXPERT_COUNCIL,
    agency: ORG.AGENCY,
    seatCount: 11,
    description: {
      ky: 'Агенттик алдында түзүлгөн, курамы 11 адамдан турган эксперттик кеңеш. Анын жобосу жана курамы бекитилген.',
      ru: 'Экспертный совет численностью 11 человек, созданный при Агентстве. Его положение и состав утверждены.',
      en: 'An expert council of 11 people set up under the agency. Its regulations and composition are approved.',
    },
    source: `${DOC.AGENCY}: 11 people; its regulations and composition are approved (in the part on interethnic relations). Members are not named. ${KYRGYZ_WORDING}`,
  },
  {
    key: BODY.INTERAGENCY_COMMISSION,
    name: {
      ky: 'Элдин биримдигин жана этностор аралык мамилелерди бекемдөө Концепциясын ишке ашыруу боюнча ведомстволор аралык комиссия',
      ru: 'Межведомственная комиссия по реализации Концепции укрепления единства народа и межэтнических отношений',
      en: 'Interagency commission on the concept of national unity and interethnic relations',
    },
    kind: CoordinationBodyKind.INTERAGENCY_COMMISSION,
    agency: ORG.AGENCY,
    seatCount: null,
    description: {
      ky: 'Агенттиктин сунушу боюнча КР Өкмөтү тарабынан Кыргыз Республикасынын вице-премьер-министринин төрагалыгы алдында Кыргыз Республикасында этностор аралык мамилелерди жана элдин биримдигин бекемдөө Концепциясын ишке ашыруу боюнча биринчи кезектеги иш-чаралардын планын аткаруу үчүн административдик ведомстволордун жана министрликтердин ишмердүүлүгүн координациялоо боюнча түзүлгөн ведомстволор аралык комиссия.',
      ru: 'Межведомственная комиссия по координации деятельности административных ведомств и министерств по выполнению плана первоочередных мероприятий по реализации Концепции укрепления межэтнических отношений и единства народа в Кыргызской Республике, созданная Правительством КР по предложению Агентства под председательством вице-премьер-министра Кыргызской Республики.',
      en: "An interagency commission that coordinates the administrative agencies and ministries in carrying out the first-priority action plan for the Concept for strengthening interethnic relations and the unity of the people in the Kyrgyz Republic; set up by the Government on the agency's proposal and chaired by a vice prime minister of the Kyrgyz Republic.",
    },
    source: `${DOC.AGENCY}: chaired by a vice prime minister of the Kyrgyz Republic; 3 meetings held by mid-2014 (no dates given). Number of members not stated. ${KYRGYZ_WORDING}`,
  },
  {
    key: BODY.LSG_PROGRAMME_COUNCIL,
    name: {
      ky: '2013-2017-жылдарга карата жергиликтүү өз алдынча башкарууну өнүктүрүү Программасын ишке ашыруу боюнча Координациялык кеңеш',
      ru: 'Координационный совет по реализации Программы развития местного самоуправления на 2013–2017 годы',
      en: 'Coordination Council for the LSG Development Programme 2013–2017',
    },
    kind: CoordinationBodyKind.PROGRAMME_COORDINATION_COUNCIL,
    agency: ORG.AGENCY,
    seatCount: null,
    description: {
      ky: 'ЖӨБ Программасын ишке ашыруу максатында жана министерство, ведомстволордун ишмердүүлүгүн координациялоо багытында Кыргыз Республикасынын Өкмөтүнүн 2014-жылдын 12-июнундагы №271-р токтому менен бекитилген Координациялык кеңеш. 2014-жылдын июль айында Военно-Антоновка айыл өкмөтүндө Координациялык кеңештин көчмө жыйыны уюштурулду жана өткөрүлдү, анда калкка сапаттуу муниципалдык тейлөөлөрдү көрсөтүү маселелери көтөрүлдү; тажрыйба алмашуу үчүн алыскы Тогуз-Торо, Ат-Башы жана Чаткал райондорунун айыл өкмөттөрү чакырылды.',
      ru: 'Координационный совет, утверждённый актом Правительства Кыргызской Республики №271-р от 12 июня 2014 года в целях реализации Программы МСУ и координации деятельности министерств и ведомств. В июле 2014 года в айыл окмоту Военно-Антоновка было организовано и проведено выездное заседание Координационного совета, на котором были подняты вопросы предоставления населению качественных муниципальных услуг; для обмена опытом были приглашены айыл окмоту отдалённых Тогуз-Тороуского, Ат-Башинского и Чаткальского районов.',
      en: 'A coordination council approved by act No. 271-r of the Government of the Kyrgyz Republic of 12 June 2014, to carry out the LSG Programme and to coordinate the work of ministries and agencies. In July 2014 it held a visiting session in Voenno-Antonovka ayil okmotu on providing quality municipal services to the population; ayil okmotus of the remote Toguz-Toro, At-Bashy and Chatkal rayons were invited to share experience.',
    },
    source: `${DOC.AGENCY}: approved by Government order No. 271-r of 12 June 2014 (the document calls it "токтому"); visiting session in Voenno-Antonovka ayil okmotu in July 2014 on quality municipal services, to which ayil okmotus of the remote Toguz-Toro, At-Bashy and Chatkal rayons were invited. Number of members not stated. ${KYRGYZ_WORDING}`,
  },
];

const INFERRED_MEMBER = `${DOC.AGENCY} names it as an international partner of the agency (international-cooperation paragraph). The document lists no roster of the council's 38 member organisations, so this membership is inferred, not documented; start and end dates unknown.`;

/** Documented: the chair. Inferred: the international partners [001] names next to the council. */
export const MEMBERSHIPS: MembershipSeed[] = [
  {
    body: BODY.DONOR_COUNCIL,
    organisation: ORG.AGENCY,
    role: MembershipRole.CHAIR,
    source: `${DOC.AGENCY}: the council is chaired by the director of the agency. Start date unknown.`,
  },
  ...[ORG.UNDP, ORG.OSCE, ORG.OSCE_HCNM, ORG.EU, ORG.COVENANT_OF_MAYORS_EAST, ORG.WORLD_BANK, ORG.USAID, ORG.AKF].map((organisation): MembershipSeed => ({
    body: BODY.DONOR_COUNCIL,
    organisation,
    role: MembershipRole.MEMBER,
    source: INFERRED_MEMBER,
  })),
];
