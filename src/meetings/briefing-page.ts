import { Language } from '../common/localized-text';
import { ActionItem, AttendanceStatus } from './meeting.entity';
import { type MeetingBriefing, nameOf } from './briefing';

const LABELS = {
  en: {
    briefing: 'Briefing pack',
    meeting: 'Meeting',
    when: 'When',
    where: 'Where',
    online: 'Online',
    period: 'Period covered',
    since: 'since',
    beginning: 'the beginning of the records',
    until: 'until',
    quorum: 'Quorum',
    quorumReached: 'reached',
    quorumMissing: 'not reached',
    present: 'present',
    of: 'of',
    needed: 'needed',
    agenda: 'Agenda',
    projects: 'Projects of member organisations',
    started: 'Started',
    ended: 'Ended',
    changed: 'Changed',
    funding: 'Funding recorded',
    transactions: 'transactions',
    reports: 'Activity reports',
    received: 'received',
    accepted: 'accepted',
    actions: 'Action items',
    open: 'Open',
    overdue: 'Overdue',
    closed: 'Closed in the period',
    due: 'due',
    owner: 'owner',
    attendance: 'Attendance at the last meetings',
    absentTwice: 'absent twice in a row',
    none: 'None.',
    coordination: 'Overlaps, hotspots and gaps',
    overlaps: 'Overlaps involving members',
    hotspots: 'Hotspots (districts, 3+ organisations on one theme)',
    gaps: 'Border-area ayil aimaks without an active project',
    generated: 'Computed from live data of the Yntymak hub on',
  },
  ru: {
    briefing: 'Информационный пакет',
    meeting: 'Заседание',
    when: 'Когда',
    where: 'Где',
    online: 'Онлайн',
    period: 'Период',
    since: 'с',
    beginning: 'начала записей',
    until: 'по',
    quorum: 'Кворум',
    quorumReached: 'есть',
    quorumMissing: 'нет',
    present: 'присутствуют',
    of: 'из',
    needed: 'нужно',
    agenda: 'Повестка дня',
    projects: 'Проекты организаций-членов',
    started: 'Начались',
    ended: 'Завершились',
    changed: 'Изменены',
    funding: 'Зарегистрированное финансирование',
    transactions: 'транзакций',
    reports: 'Отчёты о деятельности',
    received: 'получено',
    accepted: 'принято',
    actions: 'Поручения',
    open: 'Открытые',
    overdue: 'Просроченные',
    closed: 'Закрытые за период',
    due: 'срок',
    owner: 'исполнитель',
    attendance: 'Посещаемость последних заседаний',
    absentTwice: 'отсутствовал(а) дважды подряд',
    none: 'Нет.',
    coordination: 'Пересечения, скопления и пробелы',
    overlaps: 'Пересечения с участием членов',
    hotspots: 'Скопления (районы, 3+ организации по одной теме)',
    gaps: 'Приграничные айылные аймаки без действующего проекта',
    generated: 'Составлено по текущим данным платформы Yntymak',
  },
  ky: {
    briefing: 'Маалымат топтому',
    meeting: 'Жыйын',
    when: 'Качан',
    where: 'Кайда',
    online: 'Онлайн',
    period: 'Мезгил',
    since: 'баштап',
    beginning: 'жазуулардын башынан',
    until: 'чейин',
    quorum: 'Кворум',
    quorumReached: 'бар',
    quorumMissing: 'жок',
    present: 'катышууда',
    of: '/',
    needed: 'керек',
    agenda: 'Күн тартиби',
    projects: 'Мүчө уюмдардын долбоорлору',
    started: 'Башталды',
    ended: 'Аяктады',
    changed: 'Өзгөртүлдү',
    funding: 'Катталган каржылоо',
    transactions: 'транзакция',
    reports: 'Иш-чаралар боюнча отчеттор',
    received: 'келип түштү',
    accepted: 'кабыл алынды',
    actions: 'Тапшырмалар',
    open: 'Ачык',
    overdue: 'Мөөнөтү өтүп кеткен',
    closed: 'Мезгилде жабылган',
    due: 'мөөнөтү',
    owner: 'аткаруучу',
    attendance: 'Акыркы жыйындарга катышуу',
    absentTwice: 'катары менен эки жолу келген жок',
    none: 'Жок.',
    coordination: 'Кайталануулар, топтолуулар жана боштуктар',
    overlaps: 'Мүчөлөр катышкан кайталанышуулар',
    hotspots: 'Топтолуулар (райондор, бир темада 3+ уюм)',
    gaps: 'Аракеттеги долбоору жок чек ара айыл аймактары',
    generated: 'Yntymak платформасынын учурдагы маалыматтарынан түзүлдү',
  },
} as const;

const LOCALE: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU', ky: 'ky-KG' };
const TIME_ZONE = 'Asia/Bishkek';

/** A meeting time as Bishkek shows it ("10 December 2026, 10:00"); the day only when only that is known. */
export function formatInBishkek(moment: Date, language: Language, dayOnly = false): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    timeZone: TIME_ZONE,
    dateStyle: 'long',
    ...(dayOnly ? {} : { timeStyle: 'short' }),
  }).format(moment);
}

interface Section {
  heading: string;
  lines: string[];
}

/** The briefing as headed lists of lines: one model for both the HTML page and Markdown. */
function sections(briefing: MeetingBriefing, language: Language, text: BriefingText): { title: string; facts: string[]; sections: Section[] } {
  const { agenda, organisationName } = text;
  const t = LABELS[language];
  const { meeting, quorum } = briefing;
  const item = (action: ActionItem) => `${action.description} — ${t.owner}: ${organisationName(action.owner.id)}, ${t.due}: ${action.dueDate}`;
  const orNone = (lines: string[]) => (lines.length ? lines : [t.none]);
  const projectLines = (projects: MeetingBriefing['projectsStarted']) => projects.map((project) => nameOf(project.title, language));
  const symbol: Record<AttendanceStatus, string> = { PRESENT: '✓', EXCUSED: '~', ABSENT: '✗' };
  return {
    title: `${t.briefing}: ${nameOf(briefing.body.name, language)} — ${t.meeting} №${meeting.number}`,
    facts: [
      `${nameOf(meeting.title, language)}`,
      `${t.when}: ${formatInBishkek(meeting.startsAt, language, meeting.allDay)} (${TIME_ZONE})`,
      ...(meeting.address || meeting.place ? [`${t.where}: ${[meeting.address, meeting.place ? nameOf({ ky: meeting.place.nameKy, ru: meeting.place.nameRu, en: meeting.place.nameEn }, language) : null].filter(Boolean).join(', ')}`] : []),
      ...(meeting.onlineLink ? [`${t.online}: ${meeting.onlineLink}`] : []),
      `${t.period}: ${t.since} ${briefing.periodFrom ? formatInBishkek(briefing.periodFrom, language, true) : t.beginning} ${t.until} ${formatInBishkek(briefing.periodTo, language, true)}`,
      `${t.quorum}: ${quorum.reached ? t.quorumReached : t.quorumMissing} (${quorum.present} ${t.present} ${t.of} ${quorum.members}, ${t.needed} ${quorum.required})`,
    ],
    sections: [
      { heading: t.agenda, lines: orNone(agenda) },
      {
        heading: t.projects,
        lines: [
          `${t.started}: ${briefing.projectsStarted.length}`,
          ...projectLines(briefing.projectsStarted).map((line) => `  • ${line}`),
          `${t.ended}: ${briefing.projectsEnded.length}`,
          ...projectLines(briefing.projectsEnded).map((line) => `  • ${line}`),
          `${t.changed}: ${briefing.projectsChanged.length}`,
          ...projectLines(briefing.projectsChanged).map((line) => `  • ${line}`),
        ],
      },
      {
        heading: t.funding,
        lines: [`${briefing.transactionsRecorded} ${t.transactions}`, ...briefing.fundingRecorded.map((money) => `${money.amount} ${money.currency}`)],
      },
      { heading: t.reports, lines: [`${briefing.reportsReceived} ${t.received}, ${briefing.reportsAccepted} ${t.accepted}`] },
      {
        heading: t.coordination,
        lines: [
          `${t.overlaps}: ${text.overlaps.length}`,
          ...text.overlaps.map((line) => `  • ${line}`),
          `${t.hotspots}: ${text.hotspots}`,
          `${t.gaps}: ${text.gaps.length}`,
          ...text.gaps.map((line) => `  • ${line}`),
        ],
      },
      {
        heading: t.actions,
        lines: [
          `${t.overdue}: ${briefing.overdueActionItems.length}`,
          ...briefing.overdueActionItems.map((action) => `  • ${item(action)}`),
          `${t.open}: ${briefing.openActionItems.length}`,
          ...briefing.openActionItems.map((action) => `  • ${item(action)}`),
          `${t.closed}: ${briefing.closedActionItems.length}`,
          ...briefing.closedActionItems.map((action) => `  • ${item(action)}`),
        ],
      },
      {
        heading: t.attendance,
        lines: orNone(
          briefing.attendance.map(
            (record) =>
              `${organisationName(record.organisationId)}: ${record.lastMeetings.map((status) => (status ? symbol[status] : '·')).join(' ') || '—'}${record.absentTwiceInARow ? ` — ⚠ ${t.absentTwice}` : ''}`,
          ),
        ),
      },
    ],
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export interface BriefingText {
  agenda: string[];
  organisationName: (id: string) => string;
  /** "Project A × Project B (score)" lines. */
  overlaps: string[];
  hotspots: number;
  /** Names of border-area units without an active project. */
  gaps: string[];
}

/** A printable A4 page, readable without the admin UI. */
export function briefingHtml(briefing: MeetingBriefing, language: Language, text: BriefingText): string {
  const model = sections(briefing, language, text);
  const list = (lines: string[]) =>
    `<ul>${lines.map((line) => `<li class="${line.startsWith('  • ') ? 'sub' : ''}">${escapeHtml(line.replace(/^ {2}• /, ''))}</li>`).join('')}</ul>`;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.title)}</title>
<style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #111; max-width: 180mm; margin: 2em auto; padding: 0 1em; }
  h1 { font-size: 16pt; margin: 0 0 .4em; }
  h2 { font-size: 12.5pt; margin: 1.2em 0 .3em; border-bottom: 1px solid #999; page-break-after: avoid; }
  .facts { margin: 0; padding: 0; list-style: none; color: #333; }
  ul { margin: .2em 0; padding-left: 1.2em; }
  li.sub { margin-left: 1.2em; list-style: circle; }
  section { page-break-inside: avoid; }
  footer { margin-top: 2em; font-size: 9pt; color: #555; }
  @media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<h1>${escapeHtml(model.title)}</h1>
<ul class="facts">${model.facts.map((fact) => `<li>${escapeHtml(fact)}</li>`).join('')}</ul>
${model.sections.map((section) => `<section><h2>${escapeHtml(section.heading)}</h2>${list(section.lines)}</section>`).join('\n')}
<footer>${escapeHtml(LABELS[language].generated)} ${escapeHtml(formatInBishkek(new Date(), language))}.</footer>
</body>
</html>
`;
}

export function briefingMarkdown(briefing: MeetingBriefing, language: Language, text: BriefingText): string {
  const model = sections(briefing, language, text);
  const lines = [`# ${model.title}`, '', ...model.facts.map((fact) => `- ${fact}`)];
  for (const section of model.sections) {
    lines.push('', `## ${section.heading}`, '', ...section.lines.map((line) => (line.startsWith('  • ') ? `  - ${line.slice(4)}` : `- ${line}`)));
  }
  lines.push('', `_${LABELS[language].generated} ${formatInBishkek(new Date(), language)}._`, '');
  return lines.join('\n');
}
