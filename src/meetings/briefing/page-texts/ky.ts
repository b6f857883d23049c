import { countText } from './counts';
import type { MeetingPageTexts } from './index';

// Kyrgyz nouns keep their singular form after a number (3 транзакция), so no plural forms here.
const number = (value: number) => value.toLocaleString('ky-KG');

export const ky: MeetingPageTexts = {
  locale: 'ky-KG',
  brand: '«Ынтымак»',
  meetingNumber: (value) => `№${value}`,
  briefing: {
    title: 'Маалымат топтому',
    meeting: 'Жыйын',
    when: 'Качан',
    bishkekTime: 'Бишкек убактысы боюнча',
    where: 'Кайда',
    online: 'Онлайн',
    period: 'Мезгил',
    periodRange: (from, to) => `${from ?? 'жазуулардын башынан'} — ${to}`,
    quorum: 'Кворум',
    quorumReached: 'бар',
    quorumMissing: 'жок',
    quorumCounts: (present, members, required) => `${countText('ky', 'present', present, 'ky-KG')} / ${number(members)}, керек: ${number(required)}`,
    agenda: 'Күн тартиби',
    projects: 'Мүчө уюмдардын долбоорлору',
    started: 'Башталды',
    ended: 'Аяктады',
    changed: 'Өзгөртүлдү',
    funding: 'Катталган каржылоо',
    transactions: (count) => countText('ky', 'transactions', count, 'ky-KG'),
    reports: 'Иш-чаралар боюнча отчеттор',
    reportCounts: (received, accepted) => `келип түштү: ${number(received)}, кабыл алынды: ${number(accepted)}`,
    actions: 'Тапшырмалар',
    open: 'Ачык',
    overdue: 'Мөөнөтү өтүп кеткен',
    closed: 'Мезгилде жабылган',
    actionItem: (description, owner, due) => `${description} — аткаруучу: ${owner}, мөөнөтү: ${due}`,
    attendance: 'Акыркы жыйындарга катышуу',
    absentTwice: 'катары менен эки жолу келген жок',
    none: 'Жок.',
    coordination: 'Кайталануулар, топтолуулар жана боштуктар',
    overlaps: 'Мүчөлөр катышкан кайталанышуулар',
    hotspots: 'Топтолуулар (райондор, бир темада 3+ уюм)',
    gaps: 'Аракеттеги долбоору жок чек ара айыл аймактары',
    generated: (brand, when) => `${brand} платформасынын учурдагы маалыматтарынан түзүлдү: ${when}.`,
  },
  errors: {
    signIn: 'Системага кириңиз же API-токен жөнөтүңүз.',
    invalidToken: 'API-токен жараксыз: ал белгисиз, мөөнөтү өткөн же жокко чыгарылган, же Authorization талаасы «Bearer <API-токен>» түрүндө эмес.',
    sessionEnded: 'Сеансыңыз аяктады. Системага кайра кириңиз.',
    noSuchMeeting: 'Мындай жыйын жок.',
  },
};
