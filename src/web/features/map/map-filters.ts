import { useMemo } from 'react';
import type { AdminLevel, CoverageFilter, ProjectFilter } from '../../gql/graphql';
import { todayInBishkek } from '../../app/format';
import { useUrlState } from '../../app/url-state';

export type Measure = 'projects' | 'organisations' | 'funding';
export type PeriodChoice = 'now' | 'year' | 'all' | 'custom';
export const CURRENCIES = ['USD', 'EUR', 'KGS', 'CHF', 'GBP', 'JPY'] as const;

type Key = 'level' | 'measure' | 'currency' | 'theme' | 'org' | 'period' | 'from' | 'to' | 'unit' | 'view';

/** The URL parameters that change what the map fetches (the others only change what it shows). */
export const FETCHED_KEYS: readonly Key[] = ['level', 'currency', 'theme', 'org', 'period', 'from', 'to'];

/**
 * The map's view read from its URL parameters: level, what colours it, the filters, the chosen
 * unit. The default is districts coloured by the projects active today. Pure, so the route can
 * start the page's queries before the page's code has arrived.
 */
export function readMapView(get: (key: Key) => string) {
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

/** The map's view kept in the URL, with links to the same view as a project list. */
export function useMapFilters() {
  const { get, set } = useUrlState<Key>();
  const read = readMapView(get);
  // Recomputed when a value changes, not on every render, so queries see stable variables.
  const same = JSON.stringify(read);
  return useMemo(() => {
    const view = read;
    const { theme, organisation, activeDuring } = view;
    const projectFilter = (unitCode: string): ProjectFilter => ({
      unitCode,
      coverageMatch: 'INTERSECTING',
      themeCodes: theme ? [theme] : null,
      organisationIds: organisation ? [organisation] : null,
      activeDuring,
    });
    /** The same view as a link to the project list. */
    const projectsLink = (unitCode: string) => {
      const params = new URLSearchParams({ unit: unitCode });
      if (theme) params.set('theme', theme);
      if (organisation) params.set('org', organisation);
      if (activeDuring?.from) params.set('from', activeDuring.from);
      if (activeDuring?.to) params.set('to', activeDuring.to);
      return `/projects?${params}`;
    };
    return { ...view, projectFilter, projectsLink, set };
  }, [same, set]); // eslint-disable-line react-hooks/exhaustive-deps
}

export type MapFilters = ReturnType<typeof useMapFilters>;
