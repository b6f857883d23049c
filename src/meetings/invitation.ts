import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { Language, pickTranslation } from '../common/localized-text';
import { Meeting, MeetingStatus } from './meeting.entity';
import { textsIn } from '../locales/i18n';

export const MEETING_TIME_ZONE = 'Asia/Bishkek';

/** The stable UID of a meeting's calendar event: re-downloads after a reschedule update it. */
export function meetingUid(meeting: Meeting): string {
  return `meeting-${meeting.id}@yntymak`;
}

/**
 * An RFC 5545 calendar with one event for the meeting, in Bishkek time (with its VTIMEZONE),
 * its place, and the agenda in the description. SEQUENCE rises with every reschedule.
 */
export function meetingInvitation(meeting: Meeting, details: { bodyName: string; placeName: string | null; agenda: string[]; language: Language }): string {
  const calendar = ical({ prodId: { company: 'Yntymak', product: 'coordination hub', language: details.language.toUpperCase() }, name: details.bodyName });
  calendar.timezone({ name: MEETING_TIME_ZONE, generator: getVtimezoneComponent });
  const title = pickTranslation(meeting.title, details.language) ?? details.bodyName;
  const location = [meeting.address, details.placeName].filter(Boolean).join(', ') || meeting.onlineLink || undefined;
  calendar.createEvent({
    id: meetingUid(meeting),
    sequence: meeting.sequence,
    // Zoned date-times, so that the event carries Bishkek wall-clock times with its TZID.
    start: DateTime.fromJSDate(meeting.startsAt, { zone: MEETING_TIME_ZONE }),
    end: DateTime.fromJSDate(meeting.endsAt, { zone: MEETING_TIME_ZONE }),
    allDay: meeting.allDay,
    timezone: MEETING_TIME_ZONE,
    stamp: meeting.updatedAt,
    lastModified: meeting.updatedAt,
    summary: textsIn(details.language)('briefing:invitationSummary', { body: details.bodyName, title, number: meeting.number }),
    location,
    url: meeting.onlineLink ?? undefined,
    description: details.agenda.length ? details.agenda.map((item, index) => `${index + 1}. ${item}`).join('\n') : undefined,
    status: meeting.status === MeetingStatus.CANCELLED ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
