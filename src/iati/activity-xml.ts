import type { Translations } from '../common/localized-text';
import { element, textElement } from './xml';

/** WGS 84 as IATI's `point/@srsName` names it. */
export const WGS84 = 'http://www.opengis.net/def/crs/EPSG/0/4326';

/** Narratives are written in this order; each carries its own `xml:lang`. */
const LANGUAGES = ['en', 'ru', 'ky'] as const;

/** An organisation as IATI names it in participating-org, provider-org and receiver-org. */
export interface IatiOrganisation {
  /** IATI organisation identifier; null when it has none. */
  ref: string | null;
  /** OrganisationType code. */
  type: string;
  /** Name per language; `text` is a name whose language is the activity's default (the publisher's). */
  names: Translations & { text?: string | null };
}

export interface IatiSector {
  /** SectorVocabulary: 1 OECD-DAC 5-digit, 99 the reporting organisation's own (the hub's themes). */
  vocabulary: '1' | '99';
  code: string;
  /** Of the activity, per vocabulary; the percentages of one vocabulary add up to 100. */
  percentage: string;
  names?: Translations;
}

export interface IatiLocation {
  /** The unit's code (COD-AB P-code style). */
  ref: string;
  names: Translations;
  /** [latitude, longitude] of the unit's centroid; null where the hub has no boundary. */
  point: [number, number] | null;
  /** LocationType code: ADM1, ADM2 or ADM3. */
  featureDesignation: string;
}

/** Everything one `iati-activity` says, in IATI's codes, ready to write. */
export interface IatiActivity {
  identifier: string;
  lastUpdated: Date;
  /** When every budget and transaction is in one currency. */
  defaultCurrency: string | null;
  reportingOrg: IatiOrganisation & { ref: string; secondaryReporter: boolean };
  title: Translations;
  /** DescriptionType 1 (general) and 2 (objectives). */
  description: Translations;
  objectives: Translations;
  participants: { role: string; organisation: IatiOrganisation }[];
  /** ActivityStatus code. */
  status: string;
  /** ActivityDateType code and day. */
  dates: { type: string; isoDate: string }[];
  locations: IatiLocation[];
  sectors: IatiSector[];
  budgets: { type: string; periodStart: string; periodEnd: string; amount: string; currency: string }[];
  transactions: { type: string; date: string; amount: string; currency: string; provider: IatiOrganisation | null; receiver: IatiOrganisation | null }[];
}

function narratives(names: Translations & { text?: string | null }): string {
  let out = names.text ? textElement('narrative', {}, names.text) : '';
  for (const language of LANGUAGES) {
    const text = names[language];
    if (text) out += textElement('narrative', { 'xml:lang': language }, text);
  }
  return out;
}

function organisation(name: string, org: IatiOrganisation, extra: Record<string, string> = {}): string {
  return element(name, { ref: org.ref, type: org.type, ...extra }, narratives(org.names));
}

function hasText(names: Translations): boolean {
  return LANGUAGES.some((language) => !!names[language]);
}

function value(amount: string, currency: string, valueDate: string): string {
  return textElement('value', { currency, 'value-date': valueDate }, amount);
}

/** A coordinate as IATI's `pos` wants it: decimal degrees, four places (about 10 m). */
const coordinate = (degrees: number) => degrees.toFixed(4);

/**
 * One `iati-activity`, its elements in the order of the IATI 2.03 activity schema's sequence
 * (iati-identifier, reporting-org, title, description, participating-org, activity-status,
 * activity-date, recipient-country, location, sector, budget, transaction).
 */
export function activityXml(activity: IatiActivity): string {
  const parts: string[] = [
    textElement('iati-identifier', {}, activity.identifier),
    organisation('reporting-org', activity.reportingOrg, { 'secondary-reporter': activity.reportingOrg.secondaryReporter ? '1' : '0' }),
    element('title', {}, narratives(activity.title)),
  ];
  if (hasText(activity.description)) parts.push(element('description', { type: '1' }, narratives(activity.description)));
  if (hasText(activity.objectives)) parts.push(element('description', { type: '2' }, narratives(activity.objectives)));
  for (const participant of activity.participants) parts.push(organisation('participating-org', participant.organisation, { role: participant.role }));
  parts.push(element('activity-status', { code: activity.status }));
  for (const date of activity.dates) parts.push(element('activity-date', { type: date.type, 'iso-date': date.isoDate }));
  parts.push(element('recipient-country', { code: 'KG', percentage: '100' }));
  for (const location of activity.locations) {
    parts.push(
      element(
        'location',
        { ref: location.ref },
        element('name', {}, narratives(location.names)),
        location.point ? element('point', { srsName: WGS84 }, textElement('pos', {}, `${coordinate(location.point[0])} ${coordinate(location.point[1])}`)) : '',
        element('exactness', { code: '2' }),
        element('location-class', { code: '1' }),
        element('feature-designation', { code: location.featureDesignation }),
      ),
    );
  }
  for (const sector of activity.sectors) {
    parts.push(element('sector', { vocabulary: sector.vocabulary, code: sector.code, percentage: sector.percentage }, sector.names ? narratives(sector.names) : ''));
  }
  for (const budget of activity.budgets) {
    parts.push(
      element(
        'budget',
        { type: budget.type },
        element('period-start', { 'iso-date': budget.periodStart }),
        element('period-end', { 'iso-date': budget.periodEnd }),
        value(budget.amount, budget.currency, budget.periodStart),
      ),
    );
  }
  for (const transaction of activity.transactions) {
    parts.push(
      element(
        'transaction',
        {},
        element('transaction-type', { code: transaction.type }),
        element('transaction-date', { 'iso-date': transaction.date }),
        value(transaction.amount, transaction.currency, transaction.date),
        transaction.provider ? organisation('provider-org', transaction.provider) : '',
        transaction.receiver ? organisation('receiver-org', transaction.receiver) : '',
      ),
    );
  }
  return element('iati-activity', { 'xml:lang': 'en', 'default-currency': activity.defaultCurrency, 'last-updated-datetime': activity.lastUpdated.toISOString() }, ...parts);
}

/**
 * Percentages of `count` equal parts with two decimals that add up to exactly 100: the cents
 * that do not divide evenly go to the first parts (3 → 33.34, 33.33, 33.33).
 */
export function evenPercentages(count: number): string[] {
  if (count <= 0) return [];
  const base = Math.floor(10000 / count);
  const extra = 10000 - base * count;
  return Array.from({ length: count }, (_, index) => {
    const cents = base + (index < extra ? 1 : 0);
    return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  });
}

/** The opening of the file; every activity follows, then DOCUMENT_END. */
export function documentStart(generated: Date): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!-- IATI Standard 2.03, iatistandard.org. Published by the Yntymak coordination hub. -->\n<iati-activities version="2.03" generated-datetime="${generated.toISOString()}">\n`;
}

export const DOCUMENT_END = '</iati-activities>\n';
