import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect, useState } from 'react';
import type { AdminLevel } from '../../gql/graphql';
import { takeEarlyFetch } from '../../app/early-requests';
import { SHAPE_URLS } from './shape-urls';

export type Shapes = Map<string, Geometry>;

const loading = new Map<AdminLevel, Promise<Shapes>>();

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
      .then((collection) => new Map(collection.features.map((feature) => [feature.properties.code, feature.geometry])));
    // A failed load may be retried by the next visit to the page.
    shapes.catch(() => loading.delete(level));
    loading.set(level, shapes);
  }
  return shapes;
}

/** The boundaries of these levels, merged; null while they load. */
export function useShapes(levels: AdminLevel[]): { shapes: Shapes | null; error: Error | null } {
  const key = levels.join(',');
  const [state, setState] = useState<{ key: string; shapes: Shapes | null; error: Error | null }>({ key, shapes: null, error: null });
  useEffect(() => {
    let current = true;
    Promise.all(key.split(',').map((level) => loadShapes(level as AdminLevel)))
      .then((all) => current && setState({ key, shapes: new Map(all.flatMap((shapes) => [...shapes])), error: null }))
      .catch((error: Error) => current && setState({ key, shapes: null, error }));
    return () => {
      current = false;
    };
  }, [key]);
  return state.key === key ? { shapes: state.shapes, error: state.error } : { shapes: null, error: null };
}
