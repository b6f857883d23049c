/**
 * Links to the hub's open-data exports (README, "Exports (3W, GeoJSON)") that reproduce what a
 * page shows: the same filters, in the UI's language. Plain URLs, so a link is all a page needs.
 */
export interface PeriodFilter {
  from?: string | null;
  to?: string | null;
}

/** What the 3W takes: the project list's filters. */
export interface ThreeWFilter {
  themeCodes?: string[] | null;
  organisationIds?: (string | number)[] | null;
  unitCode?: string | null;
  status?: string[] | null;
  activeDuring?: PeriodFilter | null;
  search?: string | null;
}

/** What the coverage GeoJSON takes: the map's level and filters. */
export interface CoverageFilterOfMap {
  level: string;
  themeCodes?: string[] | null;
  organisationIds?: (string | number)[] | null;
  activeDuring?: PeriodFilter | null;
}

function setPeriod(params: URLSearchParams, period: PeriodFilter | null | undefined) {
  if (period?.from && period.from === period.to) params.set('activeOn', period.from);
  else {
    if (period?.from) params.set('activeFrom', period.from);
    if (period?.to) params.set('activeTo', period.to);
  }
}

function setList(params: URLSearchParams, name: string, values: (string | number)[] | null | undefined) {
  if (values?.length) params.set(name, values.join(','));
}

export function threeWUrl(format: 'csv' | 'xlsx', filter: ThreeWFilter, language: string, currency?: string): string {
  const params = new URLSearchParams();
  setList(params, 'theme', filter.themeCodes);
  setList(params, 'organisation', filter.organisationIds);
  if (filter.unitCode) params.set('unit', filter.unitCode);
  setList(params, 'status', filter.status);
  setPeriod(params, filter.activeDuring);
  if (filter.search) params.set('search', filter.search);
  if (currency && currency !== 'USD') params.set('currency', currency);
  params.set('lang', language);
  return `/exports/3w.${format}?${params}`;
}

export function coverageGeoJsonUrl(filter: CoverageFilterOfMap, language: string, currency?: string): string {
  const params = new URLSearchParams({ level: filter.level });
  setList(params, 'theme', filter.themeCodes);
  setList(params, 'organisation', filter.organisationIds);
  setPeriod(params, filter.activeDuring);
  if (currency && currency !== 'USD') params.set('currency', currency);
  params.set('lang', language);
  return `/exports/coverage.geojson?${params}`;
}
