/**
 * Part of `npm run build:web`: the public map's boundaries, made from the seed's GeoJSON
 * (seeds/reference/geo, about 10 m detail) at the detail a country map can show. The regions
 * and districts are simplified together as one topology, so neighbours keep a common border
 * (no slivers or gaps), then written as GeoJSON with only each unit's code, for the UI to ship
 * as hashed files (src/web/features/map/map-shapes.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import { projectRoot } from '../src/config/paths';

const SOURCE = join(projectRoot, 'seeds', 'reference', 'geo');
const TARGET = join(projectRoot, 'src', 'web', 'features', 'map', 'shapes');
/**
 * Smallest triangle (square degrees) a vertex may span with its neighbours and stay: about
 * 0.9 km² here. Keeps about a third of the seed's vertices; the lines move by less than a
 * pixel at the map's first zoom (a pixel is about 1.2 km there).
 */
const MIN_WEIGHT = 1e-4;
/** Four decimals of a degree is about 10 m: more than the simplified lines hold. */
const round = (position: Position): Position => position.map((value) => Math.round(value * 1e4) / 1e4);

type Units = FeatureCollection<Geometry, { code: string }>;

function roundGeometry(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(round)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(round))) };
    default:
      throw new Error(`Unexpected ${geometry.type} in the map's boundaries`);
  }
}

function read(file: string): Units {
  return JSON.parse(readFileSync(join(SOURCE, file), 'utf8')) as Units;
}

function main(): void {
  const layers = { regions: read('kg-adm1.geojson'), districts: read('kg-adm2.geojson') };
  const simplified = simplify(presimplify(topology(layers) as unknown as Topology<Objects<{ code: string }>>), MIN_WEIGHT);
  mkdirSync(TARGET, { recursive: true });
  for (const name of Object.keys(layers) as (keyof typeof layers)[]) {
    const units = feature(simplified, simplified.objects[name] as GeometryCollection<{ code: string }>) as Units;
    const slim: Units = {
      type: 'FeatureCollection',
      features: units.features.map((unit) => ({ type: 'Feature', properties: { code: unit.properties.code }, geometry: roundGeometry(unit.geometry) })),
    };
    writeFileSync(join(TARGET, `${name}.geojson`), JSON.stringify(slim));
  }
}

main();
