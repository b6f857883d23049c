import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect, useState } from 'react';
import type { AdminLevel } from '../../gql/graphql';
import { takeEarlyFetch } from '../../app/early-requests';
import { SHAPE_URLS } from './shape-urls';

export type Shapes = Map<string, Geometry>;

const loading = new Map<AdminLevel, Promise<Shapes>>();
/** What has arrived: a page drawn after it has its map at once. */
const loaded = new Map<AdminLevel, Shapes>();

/** The boundaries of one level's units by unit code, fetched once per page load. */
export function loadShapes(level: AdminLevel): Promise<Shapes> {
  let shapes = loading.get(level);
  if (!shapes) {
    const url = SHAPE_URLS[level]!;
    // The entry may have asked for them already (early.ts).
    shapes = (takeEarlyFetch(url) ?? fetch(url))
      .then((response) => {
        if (!response.ok) throw new Error(`The map's boundaries did not load (HTTP ${response.status}).`);
        return response.json() as Promise<FeatureCollection<Geometry, { code: string }>>;
      })
      .then((collection) => new Map(collection.features.map((feature) => [feature.properties.code, feature.geometry])))
      .then((arrived) => {
        loaded.set(level, arrived);
        return arrived;
      });
    // A failed load may be retried by the next visit to the page.
    shapes.catch(() => loading.delete(level));
    loading.set(level, shapes);
  }
  return shapes;
}

/** The boundaries of these levels, merged, if all have arrived. */
function merged(levels: AdminLevel[]): Shapes | null {
  const all = levels.map((level) => loaded.get(level));
  return all.every((shapes) => shapes) ? new Map(all.flatMap((shapes) => [...shapes!])) : null;
}

/** The boundaries of these levels, merged; null while they load. */
export function useShapes(levels: AdminLevel[]): { shapes: Shapes | null; error: Error | null } {
  const key = levels.join(',');
  const [state, setState] = useState<{ key: string; shapes: Shapes | null; error: Error | null }>(() => ({ key, shapes: merged(levels), error: null }));
  useEffect(() => {
    let current = true;
    Promise.all(key.split(',').map((level) => loadShapes(level as AdminLevel)))
      .then(() => current && setState((now) => (now.key === key && now.shapes ? now : { key, shapes: merged(key.split(',') as AdminLevel[]), error: null })))
      .catch((error: Error) => current && setState({ key, shapes: null, error }));
    return () => {
      current = false;
    };
  }, [key]);
  return state.key === key ? { shapes: state.shapes, error: state.error } : { shapes: null, error: null };
}
