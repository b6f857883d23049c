import { Language } from '../../common/localized-text';
import { ActionItem, AttendanceStatus } from '../meeting.entity';
import { type MeetingBriefing, nameOf } from './briefing';
import { meetingPageTexts } from './page-texts';

const TIME_ZONE = 'Asia/Bishkek';

/** A meeting time as Bishkek shows it ("10 December 2026, 10:00"); the day only when only that is known. */
export function formatInBishkek(moment: Date, language: Language, dayOnly = false): string {
  return new Intl.DateTimeFormat(meetingPageTexts(language).locale, {
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
  const texts = meetingPageTexts(language);
  const t = texts.briefing;
  const { meeting, quorum } = briefing;
  const day = (date: string) => formatInBishkek(new Date(`${date}T00:00:00+06:00`), language, true);
  const item = (action: ActionItem) => t.actionItem(action.description, organisationName(action.owner.id), day(action.dueDate));
  const orNone = (lines: string[]) => (lines.length ? lines : [t.none]);
  const projectLines = (projects: MeetingBriefing['projectsStarted']) => projects.map((project) => nameOf(project.title, language));
  const amount = new Intl.NumberFormat(texts.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const symbol: Record<AttendanceStatus, string> = { PRESENT: '✓', EXCUSED: '~', ABSENT: '✗' };
  return {
    title: `${t.title}: ${nameOf(briefing.body.name, language)} — ${t.meeting} ${texts.meetingNumber(meeting.number)}`,
    facts: [
      `${nameOf(meeting.title, language)}`,
      `${t.when}: ${formatInBishkek(meeting.startsAt, language, meeting.allDay)} (${t.bishkekTime})`,
      ...(meeting.address || meeting.place
        ? [
            `${t.where}: ${[meeting.address, meeting.place ? nameOf({ ky: meeting.place.nameKy, ru: meeting.place.nameRu, en: meeting.place.nameEn }, language) : null].filter(Boolean).join(', ')}`,
          ]
        : []),
      ...(meeting.onlineLink ? [`${t.online}: ${meeting.onlineLink}`] : []),
      `${t.period}: ${t.periodRange(briefing.periodFrom ? formatInBishkek(briefing.periodFrom, language, true) : null, formatInBishkek(briefing.periodTo, language, true))}`,
      `${t.quorum}: ${quorum.reached ? t.quorumReached : t.quorumMissing} (${t.quorumCounts(quorum.present, quorum.members, quorum.required)})`,
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
        lines: [
          t.transactions(briefing.transactionsRecorded),
          ...briefing.fundingRecorded.map((money) => `${amount.format(money.amount as Intl.StringNumericLiteral)} ${money.currency}`),
        ],
      },
      { heading: t.reports, lines: [t.reportCounts(briefing.reportsReceived, briefing.reportsAccepted)] },
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

/** The footer line: when and from what the page was computed. */
function generatedLine(language: Language): string {
  const texts = meetingPageTexts(language);
  return texts.briefing.generated(texts.brand, formatInBishkek(new Date(), language));
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
