import { rewind } from '@turf/rewind';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { RequestContext } from '../common/context';
import { found } from '../common/loaded';
import { pickTranslation } from '../common/localized-text';
import { MAX_PAGE_SIZE } from '../common/pagination';
import { checkOrganisationId } from '../organisations/organisation.service';
import type { CoverageArgs } from '../analytics/analytics.inputs';
import type { CoverageCell } from '../analytics/analytics.types';
import { coverageMap } from '../analytics/coverage.service';
import { AdminLevel, PATH_SEPARATOR } from '../geography/admin-unit.entity';
import type { AdminUnitRecord } from '../geography/geography.loaders';
import type { CoverageMapOptions } from './export-params';

/** What each feature of the coverage map says about its unit: the coverage cell's figures. */
export interface CoverageProperties {
  code: string;
  name: string;
  level: AdminLevel;
  /** DIRECT, INHERITED or NONE, as `CoverageCell.coverage`. */
  coverage: string;
  projectCount: number;
  directProjectCount: number;
  inheritedProjectCount: number;
  organisationCount: number;
  /** Commitments of the projects working directly there (split over each project's units), in `currency`; null when a rate is missing. */
  committed: number | null;
  currency: string;
  fundingComplete: boolean;
  /** People reached by accepted activity reports at or inside the unit (all time), as `CoverageCell.peopleReached`. */
  peopleReached: number;
  peopleReachedWomen: number;
  peopleReachedMen: number;
  peopleReachedYouth: number;
  activityReports: number;
  /** No project covers the unit, directly or through a unit containing it (as the public map marks it). */
  gap: boolean;
}

/** The feature collection, with the boundaries' attribution (their licence asks for it) as a foreign member. */
export type CoverageCollection = FeatureCollection<Polygon | MultiPolygon, CoverageProperties> & { attribution: string };

export const BOUNDARY_ATTRIBUTION =
  'Administrative boundaries: Ministry of Emergency Situations of the Kyrgyz Republic / OCHA, via HDX (COD-AB Kyrgyzstan, 2018), CC BY-IGO. Simplified and modified.';

/** The cells of a level as the GraphQL `coverage` query gives them, for the export's filter. */
function cellsOf(ctx: RequestContext, options: CoverageMapOptions, level: AdminLevel, withinCode: string | null): Promise<CoverageCell[]> {
  const args = {
    level,
    currency: options.currency,
    first: MAX_PAGE_SIZE,
    filter: { byTheme: false, withinCode, themeCodes: options.themeCodes, organisationIds: options.organisationIds, activeDuring: options.activeDuring },
  } satisfies Omit<CoverageArgs, 'after' | 'offset'>;
  return coverageMap(ctx, args as CoverageArgs, { limit: MAX_PAGE_SIZE, offset: 0 }).then((connection) => connection.nodes);
}

/**
 * The coverage map as GeoJSON (RFC 7946): one feature per unit of the level with a boundary,
 * its polygons in WGS84 with right-hand winding (exterior rings counterclockwise, holes
 * clockwise; rewound if stored otherwise), and the figures of the GraphQL `coverage` query
 * for the same filter as properties. A unit of the level without a boundary of its own
 * (Bishkek's city districts) is drawn as its nearest ancestor that has one, with that
 * ancestor's own cell (Bishkek as a whole), as the public map does.
 */
export async function coverageFeatureCollection(ctx: RequestContext, options: CoverageMapOptions): Promise<CoverageCollection> {
  // `coverage` takes an organisation it does not know as one without projects; an export says so.
  await Promise.all((options.organisationIds ?? []).map((id, index) => checkOrganisationId(ctx, id, `filter.organisationIds[${index}]`)));
  const cells = await cellsOf(ctx, options, options.level, null);
  const { geography } = ctx.loaders;
  const geometries = new Map<string, Geometry | null>();
  const geometryOf = async (codes: string[]) => {
    const loaded = await geography.geometryOf.loadMany(codes);
    codes.forEach((code, index) => {
      const geometry = loaded[index];
      if (geometry instanceof Error) throw geometry;
      geometries.set(code, (geometry as Geometry | null) ?? null);
    });
  };
  await geometryOf(cells.map((cell) => cell.unitCode));

  // Cells without a boundary: their nearest ancestor with one stands in, with its own figures.
  const units = new Map(found(await geography.unitByCode.loadMany(cells.map((cell) => cell.unitCode))).map((unit) => [unit.code, unit]));
  const unboundaried = cells.filter((cell) => !geometries.get(cell.unitCode));
  const ancestorCodes = [...new Set(unboundaried.flatMap((cell) => units.get(cell.unitCode)?.path.split(PATH_SEPARATOR).slice(1, -1) ?? []))];
  await geometryOf(ancestorCodes);
  const standIns = new Set<string>();
  for (const cell of unboundaried) {
    const path = units.get(cell.unitCode)?.path.split(PATH_SEPARATOR).slice(1, -1) ?? [];
    const nearest = path.reverse().find((code) => geometries.get(code));
    if (nearest) standIns.add(nearest);
  }
  const standInUnits = found(await geography.unitByCode.loadMany([...standIns]));
  const standInCells = (await Promise.all(standInUnits.map((unit) => cellsOf(ctx, options, unit.level, unit.code)))).flat().filter((cell) => standIns.has(cell.unitCode));
  for (const unit of standInUnits) units.set(unit.code, unit);

  const drawn = [...cells.filter((cell) => geometries.get(cell.unitCode)), ...standInCells];
  const people = found(await ctx.loaders.analytics.peopleReached.loadMany(drawn.map((cell) => ({ unitCode: cell.unitCode, themeCode: null }))));
  const features = drawn.map((cell, index): Feature<Polygon | MultiPolygon, CoverageProperties> => {
    const unit = units.get(cell.unitCode) as AdminUnitRecord;
    const geometry = rewind(geometries.get(cell.unitCode) as Polygon | MultiPolygon, { mutate: true }) as Polygon | MultiPolygon;
    const reached = people[index];
    return {
      type: 'Feature',
      id: cell.unitCode,
      geometry,
      properties: {
        code: cell.unitCode,
        name: pickTranslation({ ky: unit.nameKy, ru: unit.nameRu, en: unit.nameEn }, options.language) ?? cell.unitCode,
        level: unit.level,
        coverage: cell.coverage,
        projectCount: cell.projectCount,
        directProjectCount: cell.directProjectCount,
        inheritedProjectCount: cell.inheritedProjectCount,
        organisationCount: cell.organisationCount,
        committed: cell.funding.committed === null ? null : Number(cell.funding.committed),
        currency: cell.funding.currency,
        fundingComplete: cell.funding.complete,
        peopleReached: reached.total,
        peopleReachedWomen: reached.women,
        peopleReachedMen: reached.men,
        peopleReachedYouth: reached.youth,
        activityReports: reached.reports,
        gap: cell.projectCount === 0,
      },
    };
  });
  return { type: 'FeatureCollection', attribution: BOUNDARY_ATTRIBUTION, features };
}
