import type { MeetingPageTexts } from './index';
import { countText } from './counts';

const number = (value: number) => value.toLocaleString('ru-RU');

export const ru: MeetingPageTexts = {
  locale: 'ru-RU',
  brand: '«Ынтымак»',
  meetingNumber: (value) => `№${value}`,
  briefing: {
    title: 'Информационный пакет',
    meeting: 'Заседание',
    when: 'Когда',
    bishkekTime: 'по времени Бишкека',
    where: 'Где',
    online: 'Онлайн',
    period: 'Период',
    periodRange: (from, to) => `${from ? `с ${from}` : 'с начала записей'} по ${to}`,
    quorum: 'Кворум',
    quorumReached: 'есть',
    quorumMissing: 'нет',
    quorumCounts: (present, members, required) =>
      `${countText('ru', 'present', present, 'ru-RU')} из ${number(members)}, нужно ${number(required)}`,
    agenda: 'Повестка дня',
    projects: 'Проекты организаций-членов',
    started: 'Начались',
    ended: 'Завершились',
    changed: 'Изменены',
    funding: 'Зарегистрированное финансирование',
    transactions: (count) => countText('ru', 'transactions', count, 'ru-RU'),
    reports: 'Отчёты о деятельности',
    reportCounts: (received, accepted) => `получено: ${number(received)}, принято: ${number(accepted)}`,
    actions: 'Поручения',
    open: 'Открытые',
    overdue: 'Просроченные',
    closed: 'Закрытые за период',
    actionItem: (description, owner, due) => `${description} — исполнитель: ${owner}, срок: ${due}`,
    attendance: 'Посещаемость последних заседаний',
    absentTwice: 'отсутствовал(а) дважды подряд',
    none: 'Нет.',
    coordination: 'Пересечения, скопления и пробелы',
    overlaps: 'Пересечения с участием членов',
    hotspots: 'Скопления (районы, 3+ организации по одной теме)',
    gaps: 'Приграничные айылные аймаки без действующего проекта',
    generated: (brand, when) => `Составлено по текущим данным платформы ${brand}: ${when}.`,
  },
  errors: {
    signIn: 'Войдите в систему или передайте API-токен.',
    invalidToken: 'API-токен недействителен: он неизвестен, просрочен или отозван, либо заголовок Authorization не имеет вида «Bearer <API-токен>».',
    sessionEnded: 'Ваш сеанс завершён. Войдите снова.',
    noSuchMeeting: 'Такого заседания нет.',
  },
};
