import { loadShapes } from './map-shapes';
import { apolloClient } from '../../app/apollo';
import { mapQueries } from './map-view';

type View = Parameters<typeof mapQueries>[0];

/**
 * Starts the map's requests as soon as the route is entered, while the page's code loads:
 * the boundaries (fetched once), the coverage always fresh. Failures show on the page. (Not the
 * filters' options: the page's queries are cache-and-network, so they would be asked twice.)
 * Resolves when all have settled.
 */
export function startMapQueries(view: View): Promise<unknown> {
  return Promise.all(
    mapQueries(view).flatMap(({ level, coverage }) => [
      loadShapes(level).catch(() => undefined),
      apolloClient.query({ ...coverage, fetchPolicy: 'network-only' }).catch(() => undefined),
    ]),
  );
}
