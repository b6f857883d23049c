import { loadShapes } from './map-shapes';
import { apolloClient } from '../../app/apollo';
import { mapQueries } from './map-view';

type View = Parameters<typeof mapQueries>[0];

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
