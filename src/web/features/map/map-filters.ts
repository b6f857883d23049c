import { useMemo } from 'react';
import type { AdminLevel, CoverageFilter, ProjectFilter } from '../../gql/graphql';
import { todayInBishkek } from '../../app/format';
import { useUrlState } from '../../app/url-state';

export type Measure = 'projects' | 'organisations' | 'funding';
export type PeriodChoice = 'now' | 'year' | 'all' | 'custom';
export const CURRENCIES = ['USD', 'EUR', 'KGS', 'CHF', 'GBP', 'JPY'] as const;

type Key = 'level' | 'measure' | 'currency' | 'theme' | 'org' | 'period' | 'from' | 'to' | 'unit' | 'view';

/**
 * The map's view, kept in the URL: level, what colours it, the filters, the chosen unit. The
 * default is districts coloured by the projects active today.
 */
export function useMapFilters() {
  const url = useUrlState<Key>();
  const level: AdminLevel = url.get('level') === 'REGION' ? 'REGION' : 'DISTRICT';
  const measure = (['projects', 'organisations', 'funding'].includes(url.get('measure')) ? url.get('measure') : 'projects') as Measure;
  const currency = (CURRENCIES as readonly string[]).includes(url.get('currency')) ? url.get('currency') : 'USD';
  const period = (['now', 'year', 'all', 'custom'].includes(url.get('period')) ? url.get('period') : 'now') as PeriodChoice;
  const theme = url.get('theme') || null;
  const organisation = url.get('org') || null;
  const from = url.get('from') || null;
  const to = url.get('to') || null;
  const unit = url.get('unit') || null;
  const view = url.get('view') === 'table' ? 'table' : 'map';

  return useMemo(() => {
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
    return { level, measure, currency, period, theme, organisation, from, to, unit, view, coverageFilter, projectFilter, projectsLink, set: url.set };
  }, [level, measure, currency, period, theme, organisation, from, to, unit, view, url.set]);
}

export type MapFilters = ReturnType<typeof useMapFilters>;
