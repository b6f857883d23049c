import { Language } from '../../../common/localized-text';
import { en } from './en';
import { ky } from './ky';
import { ru } from './ru';

/**
 * Every word the meeting pages print (the briefing page, its Markdown, the invitation and their
 * error answers), one catalogue per language. Sentences that put numbers or names in a different
 * order per language are functions; words that change with a number use plural forms.
 */
export interface MeetingPageTexts {
  /** Locale for dates and numbers (Intl). */
  locale: string;
  /** The hub's name as this language writes it. */
  brand: string;
  /** A meeting's number: "№6". */
  meetingNumber: (number: number) => string;
  briefing: {
    title: string;
    meeting: string;
    when: string;
    /** After a time: its time zone, Asia/Bishkek. */
    bishkekTime: string;
    where: string;
    online: string;
    period: string;
    /** The period covered, from a day (null: the body held no meeting before) to a day, both formatted. */
    periodRange: (from: string | null, to: string) => string;
    quorum: string;
    quorumReached: string;
    quorumMissing: string;
    quorumCounts: (present: number, members: number, required: number) => string;
    agenda: string;
    projects: string;
    started: string;
    ended: string;
    changed: string;
    funding: string;
    transactions: (count: number) => string;
    reports: string;
    reportCounts: (received: number, accepted: number) => string;
    actions: string;
    open: string;
    overdue: string;
    closed: string;
    actionItem: (description: string, owner: string, due: string) => string;
    attendance: string;
    absentTwice: string;
    none: string;
    coordination: string;
    overlaps: string;
    hotspots: string;
    gaps: string;
    generated: (brand: string, when: string) => string;
  };
  /** The plain-text answers of refused requests. */
  errors: {
    /** 401: no credentials, and the meeting is not public. */
    signIn: string;
    /** 401: an API token that is unknown, expired or revoked, or a malformed Authorization header. */
    invalidToken: string;
    /** 401: the session cookie of a session that has ended. */
    sessionEnded: string;
    /** 404: no meeting with this id, or none the caller may read. */
    noSuchMeeting: string;
  };
}

const CATALOGUES: Record<Language, MeetingPageTexts> = { [Language.EN]: en, [Language.RU]: ru, [Language.KY]: ky };

export function meetingPageTexts(language: Language): MeetingPageTexts {
  return CATALOGUES[language];
}
