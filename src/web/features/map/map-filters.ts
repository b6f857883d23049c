import { useMemo } from 'react';
import type { ProjectFilter } from '../../gql/graphql';
import { useUrlState } from '../../app/url-state';
import { type MapViewKey, readMapView } from './map-view';

/** The map's view kept in the URL, with links to the same view as a project list. */
export function useMapFilters() {
  const { get, set } = useUrlState<MapViewKey>();
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
