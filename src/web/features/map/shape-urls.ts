import type { AdminLevel } from '../../gql/graphql';
// The boundaries the hub seeds its units from (seeds/reference/geo), simplified for a country
// map by scripts/map-shapes.ts during the build and shipped with the UI as hashed files: the
// browser keeps them for good, and the map needs no GraphQL request, no cache normalisation
// and no server work for the largest thing it draws.
import regionsUrl from './shapes/regions.geojson?url';
import districtsUrl from './shapes/districts.geojson?url';

/** Where each drawn level's boundaries are (Bishkek's ayil aimaks are not drawn). */
export const SHAPE_URLS: Partial<Record<AdminLevel, string>> = { REGION: regionsUrl, DISTRICT: districtsUrl };
