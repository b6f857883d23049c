import type { Translations } from '../../src/common/localized-text';

export interface ThemeSeed {
  code: string;
  name: Translations;
  /** One English sentence. */
  description: string;
  /** OECD-DAC 5-digit purpose codes; each is an active code of seeds/reference/iati/codelists/Sector.xml (checked when seeding). */
  dacCodes: string[];
  position: number;
}

/**
 * The hub's theme taxonomy (DESIGN.md, "Theme"). DAC codes checked against the IATI Sector
 * codelist: 15110 public sector policy and administrative management (names e-government),
 * 15112 decentralisation and support to subnational government, 15128 local government finance,
 * 15135 ombudsman, 15150 democratic participation and civil society, 15160 human rights (incl.
 * ethnic minorities), 15170 women's rights organisations and movements, and government
 * institutions, 15185 local government administration, 15220 civilian peace-building, conflict
 * prevention and resolution, 22040 information and communication technology, 43030 urban
 * development and management (urban services), 43040 rural development.
 */
export const THEMES: ThemeSeed[] = [
  {
    code: 'LOCAL_SELF_GOVERNMENT',
    name: { ky: 'Жергиликтүү өз алдынча башкаруу', ru: 'Местное самоуправление', en: 'Local self-government' },
    description: 'Laws, institutions and capacity of local self-government bodies (ayil okmotus, city halls and local councils) and their relations with the state.',
    dacCodes: ['15112', '15185'],
    position: 1,
  },
  {
    code: 'FISCAL_DECENTRALISATION',
    name: {
      ky: 'Фискалдык борбордон ажыратуу жана жергиликтүү бюджеттер',
      ru: 'Фискальная децентрализация и местные бюджеты',
      en: 'Fiscal decentralisation and local budgets',
    },
    description: 'Local taxes, transfers and the budget process of local self-government bodies, including budget transparency and public finance management at local level.',
    dacCodes: ['15128', '15112'],
    position: 2,
  },
  {
    code: 'MUNICIPAL_SERVICES',
    name: { ky: 'Муниципалдык тейлөөлөр', ru: 'Муниципальные услуги', en: 'Municipal services' },
    description: 'Quality of and access to the services local self-government bodies provide to the population.',
    dacCodes: ['15185', '43030', '43040'],
    position: 3,
  },
  {
    code: 'INTERETHNIC_RELATIONS',
    name: {
      ky: 'Этностор аралык мамилелер жана элдин биримдиги',
      ru: 'Межэтнические отношения и единство народа',
      en: 'Interethnic relations and national unity',
    },
    description: 'Strengthening the unity of the people and relations between the ethnic groups of Kyrgyzstan, including the rights of ethnic minorities.',
    dacCodes: ['15220', '15160'],
    position: 4,
  },
  {
    code: 'CIVIC_IDENTITY',
    name: { ky: 'Жарандык иденттүүлүк', ru: 'Гражданская идентичность', en: 'Civic identity' },
    description: 'A shared and inclusive civic identity ("Kyrgyz Jarany") built through civic education, information and dialogue between communities.',
    dacCodes: ['15150', '15220'],
    position: 5,
  },
  {
    code: 'CONFLICT_PREVENTION',
    name: {
      ky: 'Чыр-чатактардын алдын алуу жана тынчтыкты куруу',
      ru: 'Предупреждение конфликтов и миростроительство',
      en: 'Conflict prevention and peacebuilding',
    },
    description: 'Early warning, prevention and peaceful resolution of social and interethnic conflicts, including the role of local self-government bodies in it.',
    dacCodes: ['15220'],
    position: 6,
  },
  {
    code: 'BORDER_AREAS',
    name: { ky: 'Чек ара аймактары', ru: 'Приграничные территории', en: 'Border areas' },
    description: 'Development, security and the rights of residents of border territories, including villages along undelimited borders.',
    dacCodes: ['15220', '43040'],
    position: 7,
  },
  {
    code: 'HUMAN_RIGHTS',
    name: { ky: 'Адам укуктары', ru: 'Права человека', en: 'Human rights' },
    description: 'Monitoring, protection and promotion of human rights, including the work of the Ombudsman (Akyikatchy) and human-rights organisations.',
    dacCodes: ['15160', '15135'],
    position: 8,
  },
  {
    code: 'WOMEN_YOUTH_INCLUSION',
    name: {
      ky: 'Аялдар менен жаштардын катышуусу',
      ru: 'Вовлечение женщин и молодёжи',
      en: 'Women and youth inclusion',
    },
    description: 'Participation of women and young people in local decision-making, peacebuilding and public life.',
    dacCodes: ['15170', '15150'],
    position: 9,
  },
  {
    code: 'E_GOVERNMENT',
    name: { ky: 'Электрондук өкмөт', ru: 'Электронное правительство', en: 'E-government' },
    description: 'Digital public and municipal services and information systems of state and local self-government bodies ("e-municipality", "e-ayil okmotu").',
    dacCodes: ['15110', '22040'],
    position: 10,
  },
];
