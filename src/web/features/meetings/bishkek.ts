import { kyrgyzFallback } from '../../app/format';
import { LOCALES, type UiLanguage } from '../../app/i18n';

/**
 * Meetings are planned in Bishkek time and stored as UTC instants. Kyrgyzstan keeps UTC+6 all
 * year (no daylight saving since 2005), so a Bishkek day and time is that moment at +06:00.
 */
export const BISHKEK_TIME_ZONE = 'Asia/Bishkek';
const BISHKEK_OFFSET = '+06:00';

/** A Bishkek day (YYYY-MM-DD) and time (HH:mm) as the UTC instant the API takes. */
export function bishkekToInstant(day: string, time: string): string {
  return new Date(`${day}T${time}:00${BISHKEK_OFFSET}`).toISOString();
}

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: BISHKEK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A UTC instant as the Bishkek day and time a person enters it. */
export function instantToBishkek(instant: string): { day: string; time: string } {
  const part = Object.fromEntries(parts.formatToParts(new Date(instant)).map((entry) => [entry.type, entry.value]));
  return { day: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` };
}

/** When a meeting takes place, in Bishkek time and the UI's locale (the day only when only the day is known). */
export function meetingWhen(meeting: { startsAt: string; endsAt: string; allDay: boolean }, language: string): string {
  const locale = LOCALES[language as UiLanguage] ?? language;
  const start = new Date(meeting.startsAt);
  if (language === 'ky') {
    const day = kyrgyzFallback(start, BISHKEK_TIME_ZONE, false);
    if (day) return meeting.allDay ? day : `${day}, ${instantToBishkek(meeting.startsAt).time}–${instantToBishkek(meeting.endsAt).time}`;
  }
  if (meeting.allDay) return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: BISHKEK_TIME_ZONE }).format(start);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: BISHKEK_TIME_ZONE, hourCycle: 'h23' });
  return format.formatRange(start, new Date(meeting.endsAt));
}
