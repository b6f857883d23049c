import type { AdminLevel } from '../../gql/graphql';
import { CoverageMapDocument } from '../../gql/graphql';
import { loadShapes } from './map-shapes';
import { apolloClient } from '../../app/apollo';
import type { readMapView } from './map-filters';

type View = Pick<ReturnType<typeof readMapView>, 'level' | 'coverageFilter' | 'currency'>;

/**
 * What the map fetches for a view: the coverage (and boundaries) of its level, and on the map of
 * districts those of the regions too (Bishkek has no district boundaries and is drawn whole).
 * The route and the page both ask through here, so their requests are the same and shared.
 */
export function mapQueries(view: View) {
  const levels: AdminLevel[] = view.level === 'DISTRICT' ? ['DISTRICT', 'REGION'] : ['REGION'];
  return levels.map((level) => ({
    level,
    coverage: { query: CoverageMapDocument, variables: { level, filter: view.coverageFilter, currency: view.currency } },
  }));
}

/**
 * Starts the map's requests as soon as the route is entered, while the page's code loads:
 * the boundaries (fetched once), the coverage always fresh. Failures show on the page. (Not the
 * filters' options: the page's queries are cache-and-network, so they would be asked twice.)
 */
export function startMapQueries(view: View): void {
  for (const { level, coverage } of mapQueries(view)) {
    void loadShapes(level).catch(() => undefined);
    void apolloClient.query({ ...coverage, fetchPolicy: 'network-only' }).catch(() => undefined);
  }
}
