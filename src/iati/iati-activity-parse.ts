import { createHash } from 'node:crypto';
import { child, childrenNamed, type XmlElement } from './iati-reader';

/** Texts of an element's narratives: ky, ru and en by `xml:lang` (or the activity's default language), the rest as they came. */
export interface Narratives {
  ky?: string;
  ru?: string;
  en?: string;
  other: { lang: string | null; text: string }[];
}

export interface ParsedOrganisation {
  ref: string | null;
  /** OrganisationType code. */
  type: string | null;
  names: Narratives;
}

export interface ParsedLocation {
  ref: string | null;
  /** `administrative/@code` values, any vocabulary. */
  administrativeCodes: string[];
  names: Narratives;
  /** [latitude, longitude] of `point/pos`. */
  point: [number, number] | null;
}

/** What the import reads of one `iati-activity`, in IATI's own codes; nothing of the hub yet. */
export interface ParsedActivity {
  identifier: string | null;
  lastUpdated: Date | null;
  defaultCurrency: string | null;
  reportingOrg: (ParsedOrganisation & { secondaryReporter: boolean }) | null;
  title: Narratives;
  description: Narratives;
  objectives: Narratives;
  participants: { role: string; organisation: ParsedOrganisation }[];
  status: string | null;
  dates: { type: string; isoDate: string }[];
  recipientCountries: string[];
  locations: ParsedLocation[];
  sectors: { vocabulary: string; code: string }[];
  budgets: { type: string | null; periodStart: string | null; periodEnd: string | null; value: string; currency: string | null }[];
  transactions: { type: string | null; date: string | null; value: string; currency: string | null; provider: ParsedOrganisation | null; receiver: ParsedOrganisation | null }[];
}

const HUB_LANGUAGES = new Set(['ky', 'ru', 'en']);

const clean = (text: string | undefined | null) => {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
};

function narratives(element: XmlElement | undefined, defaultLanguage: string | null): Narratives {
  const result: Narratives = { other: [] };
  for (const narrative of childrenNamed(element, 'narrative')) {
    const text = clean(narrative.text);
    if (!text) continue;
    const lang = (narrative.attributes['xml:lang'] ?? defaultLanguage)?.toLowerCase().slice(0, 2) ?? null;
    if (lang && HUB_LANGUAGES.has(lang) && !result[lang as 'ky' | 'ru' | 'en']) result[lang as 'ky' | 'ru' | 'en'] = text;
    else result.other.push({ lang, text });
  }
  return result;
}

function organisation(element: XmlElement | undefined, defaultLanguage: string | null): ParsedOrganisation | null {
  if (!element) return null;
  return { ref: clean(element.attributes.ref), type: clean(element.attributes.type), names: narratives(element, defaultLanguage) };
}

function isoDate(element: XmlElement | undefined): string | null {
  return clean(element?.attributes['iso-date'])?.slice(0, 10) ?? null;
}

function point(location: XmlElement): [number, number] | null {
  const pos = clean(child(child(location, 'point'), 'pos')?.text);
  if (!pos) return null;
  const [lat, lon] = pos.split(' ').map(Number);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [lat, lon];
}

/** Reads one `iati-activity` element (IATI 2.0x); what is missing is null or empty, never guessed. */
export function parseActivity(activity: XmlElement): ParsedActivity {
  const language = clean(activity.attributes['xml:lang'])?.toLowerCase() ?? null;
  const lastUpdatedText = clean(activity.attributes['last-updated-datetime']);
  const lastUpdated = lastUpdatedText ? new Date(lastUpdatedText) : null;
  const descriptions = childrenNamed(activity, 'description');
  const reporting = child(activity, 'reporting-org');
  return {
    identifier: clean(child(activity, 'iati-identifier')?.text),
    lastUpdated: lastUpdated && !Number.isNaN(lastUpdated.getTime()) ? lastUpdated : null,
    defaultCurrency: clean(activity.attributes['default-currency'])?.toUpperCase() ?? null,
    reportingOrg: reporting ? { ...organisation(reporting, language)!, secondaryReporter: ['1', 'true'].includes(reporting.attributes['secondary-reporter'] ?? '') } : null,
    title: narratives(child(activity, 'title'), language),
    description: narratives(
      descriptions.find((entry) => (entry.attributes.type ?? '1') === '1'),
      language,
    ),
    objectives: narratives(
      descriptions.find((entry) => entry.attributes.type === '2'),
      language,
    ),
    participants: childrenNamed(activity, 'participating-org').map((entry) => ({ role: clean(entry.attributes.role) ?? '', organisation: organisation(entry, language)! })),
    status: clean(child(activity, 'activity-status')?.attributes.code),
    dates: childrenNamed(activity, 'activity-date').flatMap((entry) => {
      const date = isoDate(entry);
      return date ? [{ type: clean(entry.attributes.type) ?? '', isoDate: date }] : [];
    }),
    recipientCountries: childrenNamed(activity, 'recipient-country')
      .map((entry) => clean(entry.attributes.code)?.toUpperCase() ?? '')
      .filter(Boolean),
    locations: childrenNamed(activity, 'location').map((entry) => ({
      ref: clean(entry.attributes.ref),
      administrativeCodes: childrenNamed(entry, 'administrative')
        .map((admin) => clean(admin.attributes.code) ?? '')
        .filter(Boolean),
      names: narratives(child(entry, 'name'), language),
      point: point(entry),
    })),
    sectors: childrenNamed(activity, 'sector').flatMap((entry) => {
      const code = clean(entry.attributes.code);
      return code ? [{ vocabulary: clean(entry.attributes.vocabulary) ?? '1', code }] : [];
    }),
    budgets: childrenNamed(activity, 'budget').map((entry) => {
      const value = child(entry, 'value');
      return {
        type: clean(entry.attributes.type),
        periodStart: isoDate(child(entry, 'period-start')),
        periodEnd: isoDate(child(entry, 'period-end')),
        value: clean(value?.text) ?? '',
        currency: clean(value?.attributes.currency)?.toUpperCase() ?? null,
      };
    }),
    transactions: childrenNamed(activity, 'transaction').map((entry) => {
      const value = child(entry, 'value');
      return {
        type: clean(child(entry, 'transaction-type')?.attributes.code),
        date: clean(value?.attributes['value-date'])?.slice(0, 10) ?? isoDate(child(entry, 'transaction-date')),
        value: clean(value?.text) ?? '',
        currency: clean(value?.attributes.currency)?.toUpperCase() ?? null,
        provider: organisation(child(entry, 'provider-org'), language),
        receiver: organisation(child(entry, 'receiver-org'), language),
      };
    }),
  };
}

/**
 * A fingerprint of what the import reads of an activity, without its `last-updated-datetime`:
 * the same content again, even re-dated, changes nothing.
 */
export function activityDigest(activity: ParsedActivity): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...activity, lastUpdated: null }))
    .digest('hex');
}

/** The first text of a set of narratives: en, ru, ky, then any other language. */
export function anyText(names: Narratives): string | null {
  return names.en ?? names.ru ?? names.ky ?? names.other[0]?.text ?? null;
}
