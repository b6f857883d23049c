import { Language } from '../../common/localized-text';
import { formatCount, LOCALES, textsIn } from '../../locales/i18n';
import { ActionItem, AttendanceStatus } from '../meeting.entity';
import { type MeetingBriefing, nameOf } from './briefing';

const TIME_ZONE = 'Asia/Bishkek';

/** A meeting time as Bishkek shows it ("10 December 2026, 10:00"); the day only when only that is known. */
export function formatInBishkek(moment: Date, language: Language, dayOnly = false): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: TIME_ZONE,
    dateStyle: 'long',
    ...(dayOnly ? {} : { timeStyle: 'short' }),
  }).format(moment);
}

interface Section {
  heading: string;
  lines: string[];
}

/**
 * The briefing as headed lists of lines: one model for both the HTML page and Markdown. Every
 * word and the order of the values in a line come from the `briefing` catalogue (src/locales);
 * dates and numbers are formatted here.
 */
function sections(briefing: MeetingBriefing, language: Language, text: BriefingText): { title: string; facts: string[]; sections: Section[] } {
  const { agenda, organisationName } = text;
  const t = textsIn(language);
  const n = (value: number) => formatCount(value, language);
  const { meeting, quorum } = briefing;
  const day = (date: string) => formatInBishkek(new Date(`${date}T00:00:00+06:00`), language, true);
  const item = (action: ActionItem) => t('briefing:page.actionItem', { description: action.description, owner: organisationName(action.owner.id), due: day(action.dueDate) });
  const orNone = (lines: string[]) => (lines.length ? lines : [t('briefing:page.none')]);
  const projectLines = (projects: MeetingBriefing['projectsStarted']) => projects.map((project) => `  • ${nameOf(project.title, language)}`);
  const subLines = (lines: string[]) => lines.map((line) => `  • ${line}`);
  const amount = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const symbol: Record<AttendanceStatus, string> = { PRESENT: '✓', EXCUSED: '~', ABSENT: '✗' };
  const where = [meeting.address, meeting.place ? nameOf({ ky: meeting.place.nameKy, ru: meeting.place.nameRu, en: meeting.place.nameEn }, language) : null]
    .filter(Boolean)
    .join(', ');
  const periodTo = formatInBishkek(briefing.periodTo, language, true);
  return {
    title: t('briefing:page.title', { body: nameOf(briefing.body.name, language), number: meeting.number }),
    facts: [
      `${nameOf(meeting.title, language)}`,
      t('briefing:page.when', { when: formatInBishkek(meeting.startsAt, language, meeting.allDay) }),
      ...(where ? [t('briefing:page.where', { where })] : []),
      ...(meeting.onlineLink ? [t('briefing:page.online', { link: meeting.onlineLink })] : []),
      briefing.periodFrom
        ? t('briefing:page.period', { from: formatInBishkek(briefing.periodFrom, language, true), to: periodTo })
        : t('briefing:page.periodFromStart', { to: periodTo }),
      t('briefing:page.quorum', {
        count: quorum.present,
        state: quorum.reached ? t('briefing:page.quorumReached') : t('briefing:page.quorumMissing'),
        n: n(quorum.present),
        members: n(quorum.members),
        required: n(quorum.required),
      }),
    ],
    sections: [
      { heading: t('briefing:page.agenda'), lines: orNone(agenda) },
      {
        heading: t('briefing:page.projects'),
        lines: [
          t('briefing:page.started', { n: n(briefing.projectsStarted.length) }),
          ...projectLines(briefing.projectsStarted),
          t('briefing:page.ended', { n: n(briefing.projectsEnded.length) }),
          ...projectLines(briefing.projectsEnded),
          t('briefing:page.changed', { n: n(briefing.projectsChanged.length) }),
          ...projectLines(briefing.projectsChanged),
        ],
      },
      {
        heading: t('briefing:page.funding'),
        lines: [
          t('briefing:page.transactions', { count: briefing.transactionsRecorded, n: n(briefing.transactionsRecorded) }),
          ...briefing.fundingRecorded.map((money) => `${amount.format(money.amount as Intl.StringNumericLiteral)} ${money.currency}`),
        ],
      },
      {
        heading: t('briefing:page.reports'),
        lines: [t('briefing:page.reportCounts', { received: n(briefing.reportsReceived), accepted: n(briefing.reportsAccepted) })],
      },
      {
        heading: t('briefing:page.coordination'),
        lines: [
          t('briefing:page.overlaps', { n: n(text.overlaps.length) }),
          ...subLines(text.overlaps),
          t('briefing:page.hotspots', { n: n(text.hotspots) }),
          t('briefing:page.gaps', { n: n(text.gaps.length) }),
          ...subLines(text.gaps),
        ],
      },
      {
        heading: t('briefing:page.actions'),
        lines: [
          t('briefing:page.overdue', { n: n(briefing.overdueActionItems.length) }),
          ...subLines(briefing.overdueActionItems.map(item)),
          t('briefing:page.open', { n: n(briefing.openActionItems.length) }),
          ...subLines(briefing.openActionItems.map(item)),
          t('briefing:page.closed', { n: n(briefing.closedActionItems.length) }),
          ...subLines(briefing.closedActionItems.map(item)),
        ],
      },
      {
        heading: t('briefing:page.attendance'),
        lines: orNone(
          briefing.attendance.map((record) => {
            const values = {
              organisation: organisationName(record.organisationId),
              marks: record.lastMeetings.map((status) => (status ? symbol[status] : '·')).join(' ') || '—',
            };
            return record.absentTwiceInARow ? t('briefing:page.attendanceAbsentTwice', values) : t('briefing:page.attendanceRecord', values);
          }),
        ),
      },
    ],
  };
}

/** The footer line: when and from what the page was computed. */
function generatedLine(language: Language): string {
  const t = textsIn(language);
  return t('briefing:page.generated', { brand: t('briefing:brand'), when: formatInBishkek(new Date(), language) });
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
<footer>${escapeHtml(generatedLine(language))}</footer>
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
  lines.push('', `_${generatedLine(language)}_`, '');
  return lines.join('\n');
}
