import type { AdminLevel, CoverageFilter } from '../../gql/graphql';
import { CoverageMapDocument } from '../../gql/graphql';
import { todayInBishkek } from '../../app/bishkek-day';

// Pure (no React, no Apollo): the entry module reads the view with it to start a first visit's
// requests before the app's code has arrived (early.ts).

export type Measure = 'projects' | 'organisations' | 'funding';
export type PeriodChoice = 'now' | 'year' | 'all' | 'custom';
export const CURRENCIES = ['USD', 'EUR', 'KGS', 'CHF', 'GBP', 'JPY'] as const;

export type MapViewKey = 'level' | 'measure' | 'currency' | 'theme' | 'org' | 'period' | 'from' | 'to' | 'unit' | 'view';

/** The URL parameters that change what the map fetches (the others only change what it shows). */
export const FETCHED_KEYS: readonly MapViewKey[] = ['level', 'currency', 'theme', 'org', 'period', 'from', 'to'];

/**
 * The map's view read from its URL parameters: level, what colours it, the filters, the chosen
 * unit. The default is districts coloured by the projects active today. Pure, so the route can
 * start the page's queries before the page's code has arrived.
 */
export function readMapView(get: (key: MapViewKey) => string) {
  const level: AdminLevel = get('level') === 'REGION' ? 'REGION' : 'DISTRICT';
  const measure = (['projects', 'organisations', 'funding'].includes(get('measure')) ? get('measure') : 'projects') as Measure;
  const currency = (CURRENCIES as readonly string[]).includes(get('currency')) ? get('currency') : 'USD';
  const period = (['now', 'year', 'all', 'custom'].includes(get('period')) ? get('period') : 'now') as PeriodChoice;
  const theme = get('theme') || null;
  const organisation = get('org') || null;
  const from = get('from') || null;
  const to = get('to') || null;
  const unit = get('unit') || null;
  const view: 'map' | 'table' = get('view') === 'table' ? 'table' : 'map';

  const today = todayInBishkek();
  const year = today.slice(0, 4);
  const activeDuring =
    period === 'all'
      ? null
      : period === 'year'
        ? { from: `${year}-01-01`, to: `${year}-12-31` }
        : period === 'custom'
          ? from || to
            ? { from, to }
            : null
          : { from: today, to: today };
  const coverageFilter: CoverageFilter = {
    byTheme: false,
    themeCodes: theme ? [theme] : null,
    organisationIds: organisation ? [organisation] : null,
    activeDuring,
  };
  return { level, measure, currency, period, theme, organisation, from, to, unit, view, activeDuring, coverageFilter };
}

type View = Pick<ReturnType<typeof readMapView>, 'level' | 'coverageFilter' | 'currency'>;

/**
 * What the map fetches for a view: the coverage (and boundaries) of its level, and on the map of
 * districts those of the regions too (Bishkek has no district boundaries and is drawn whole).
 * The entry, the route and the page all ask through here, so their requests are the same and shared.
 */
export function mapQueries(view: View) {
  const levels: AdminLevel[] = view.level === 'DISTRICT' ? ['DISTRICT', 'REGION'] : ['REGION'];
  return levels.map((level) => ({
    level,
    coverage: { query: CoverageMapDocument, variables: { level, filter: view.coverageFilter, currency: view.currency } },
  }));
}
