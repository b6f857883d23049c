import type { Translations } from '../../src/common/localized-text';
import { CoordinationBodyKind } from '../../src/council/coordination-body.entity';
import { MembershipRole } from '../../src/council/membership.entity';
import { ORG } from './organisations.data';
import { DOC } from './sources';

export interface CoordinationBodySeed {
  /** Stable seed key; the row's id is `seedId('coordination-body', key)`. */
  key: string;
  name: Translations;
  kind: CoordinationBodyKind;
  /** Seed key of the state agency the body sits under. */
  agency: string;
  seatCount: number | null;
  /** English only. */
  description: string;
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
    description:
      'Coordinates the work of the international organisations and donors active in interethnic relations and local self-government; set up under the agency with 38 member organisations and chaired by the agency\'s director.',
    source: `${DOC.AGENCY}: 38 member organisations; chaired by the agency's director; 5 meetings held by mid-2014 (no dates given). The document lists no roster of the member organisations.`,
  },
  {
    key: BODY.COLLEGIUM,
    name: { ky: 'Агенттиктин коллегиясы', ru: 'Коллегия Агентства', en: 'Collegium of the Agency' },
    kind: CoordinationBodyKind.COLLEGIUM,
    agency: ORG.AGENCY,
    seatCount: 7,
    description:
      "The agency's collegium of 7: the director (chair), the state secretary, the deputy directors, members ex officio, a representative of the Government Office and heads of other organisations.",
    source:
      `${DOC.AGENCY}: 7 people; 6 meetings in 2013 and the first 7 months of 2014: 25 Sep 2013 (first, organisational); 5 Dec 2013 in Karakol with the Government's plenipotentiary in Issyk-Kul oblast (normative acts of the LSG bodies of Tup rayon); ` +
      '23 Dec 2013 (state programme for Batken oblast 2013–2016, border territories); 4 Mar 2014 (use of municipal property by the Jalal-Abad and Mailuu-Suu mayor\'s offices); 24 Apr 2014 in Osh with the Osh mayor\'s office (implementing the national-unity concept); 14 Jul 2014 in Talas, visiting session on Manas rayon of Talas oblast.',
  },
  {
    key: BODY.PUBLIC_COUNCIL,
    name: { ky: 'Коомдук консультативдик кеңеш', ru: 'Общественный консультативный совет', en: 'Public consultative council' },
    kind: CoordinationBodyKind.PUBLIC_CONSULTATIVE_COUNCIL,
    agency: ORG.AGENCY,
    seatCount: 35,
    description: 'Public consultative council of 35 people set up under the agency in its work on interethnic relations.',
    source: `${DOC.AGENCY}: 35 people; its regulations and composition are approved. Members are not named.`,
  },
  {
    key: BODY.EXPERT_COUNCIL,
    name: { ky: 'Эксперттик кеңеш', ru: 'Экспертный совет', en: 'Expert council' },
    kind: CoordinationBodyKind.EXPERT_COUNCIL,
    agency: ORG.AGENCY,
    seatCount: 11,
    description: 'Expert council of 11 people set up under the agency in its work on interethnic relations.',
    source: `${DOC.AGENCY}: 11 people; its regulations and composition are approved. Members are not named.`,
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
    description:
      'Coordinates the ministries and administrative agencies in carrying out the first-priority action plan of the Concept for strengthening national unity and interethnic relations; set up by the Government on the agency\'s proposal and chaired by a vice prime minister.',
    source: `${DOC.AGENCY}: chaired by a vice prime minister of the Kyrgyz Republic; 3 meetings held by mid-2014 (no dates given). Number of members not stated.`,
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
    description:
      'Coordinates the ministries and agencies in carrying out the Programme for the development of local self-government in the Kyrgyz Republic for 2013–2017.',
    source:
      `${DOC.AGENCY}: approved by Government order No. 271-r of 12 June 2014; visiting session in Voenno-Antonovka ayil okmotu in July 2014 on quality municipal services, to which ayil okmotus of the remote Toguz-Toro, At-Bashy and Chatkal rayons were invited. Number of members not stated.`,
  },
];

const INFERRED_MEMBER =
  `${DOC.AGENCY} names it as an international partner of the agency (international-cooperation paragraph). The document lists no roster of the council's 38 member organisations, so this membership is inferred, not documented; start and end dates unknown.`;

/** Documented: the chair. Inferred: the international partners [001] names next to the council. */
export const MEMBERSHIPS: MembershipSeed[] = [
  {
    body: BODY.DONOR_COUNCIL,
    organisation: ORG.AGENCY,
    role: MembershipRole.CHAIR,
    source: `${DOC.AGENCY}: the council is chaired by the director of the agency. Start date unknown.`,
  },
  ...[ORG.UNDP, ORG.OSCE, ORG.OSCE_HCNM, ORG.EU, ORG.COVENANT_OF_MAYORS_EAST, ORG.WORLD_BANK, ORG.USAID, ORG.AKF].map(
    (organisation): MembershipSeed => ({ body: BODY.DONOR_COUNCIL, organisation, role: MembershipRole.MEMBER, source: INFERRED_MEMBER }),
  ),
];
