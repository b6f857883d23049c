import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AdminLevel } from '../geography/admin-unit.entity';
import { unitSearchSql } from '../geography/unit-search.sql';
import { sql } from '../common/sql';
import { type Narratives } from './iati-activity-parse';
import type { ParsedLocation } from './iati-activity-parse';

/** How a location of an imported activity found its place in the unit tree (README, "IATI export and import"). */
export enum PlacementRule {
  /** `location/@ref` or `administrative/@code` is a unit code of the hub (or a SOATE or former code). */
  CODE = 'CODE',
  /** `point/pos` lies inside a district's boundary (or a region's, where no district has one). */
  POINT = 'POINT',
  /** A name of the location found the unit through the gazetteer search. */
  NAME = 'NAME',
  /** None of the above: the whole country. */
  COUNTRY = 'COUNTRY',
}

export interface Placement {
  /** The location as the file names it: its ref, name or point. */
  location: string;
  unitCode: string;
  rule: PlacementRule;
  /** True when the activity names no location at all, so it counts for the whole country (`location` then says so, in English). */
  noLocation?: true;
}

export const COUNTRY_CODE = 'KG';

/** The lowest score of a gazetteer hit taken for a name: a name or village starting with the text, or equal to it (see unit-search.sql.ts). */
const NAME_SCORE = 1.8;

interface Shape {
  code: string;
  bbox: [number, number, number, number];
  geometry: Polygon | MultiPolygon;
}

function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0]) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return box;
}

/**
 * Places the locations of imported activities in the unit tree. Reads the unit codes, their
 * aliases and the region and district boundaries once per import; names are looked up through
 * the gazetteer search, each distinct name once.
 */
export class UnitPlacer {
  private readonly names = new Map<string, string | null>();

  private constructor(
    private readonly em: EntityManager,
    /** Unit code, SOATE code or former code → the unit's code. */
    private readonly codes: Map<string, string>,
    private readonly districts: Shape[],
    private readonly regions: Shape[],
  ) {}

  static async load(em: EntityManager): Promise<UnitPlacer> {
    const connection = em.getConnection();
    const units = await connection.execute<{ code: string; level: AdminLevel; geometry: Polygon | MultiPolygon | null }[]>('select code, level, geometry from admin_unit');
    const aliases = await connection.execute<{ key: string; unit_code: string }[]>("select key, unit_code from admin_unit_alias where kind in ('SOATE_CODE', 'FORMER_CODE')");
    const codes = new Map<string, string>(units.map((unit) => [unit.code, unit.code]));
    for (const alias of aliases) if (!codes.has(alias.key)) codes.set(alias.key, alias.unit_code);
    const shapes = (level: AdminLevel) =>
      units
        .filter((unit) => unit.level === level && unit.geometry && (unit.geometry.type === 'Polygon' || unit.geometry.type === 'MultiPolygon'))
        .map((unit) => ({ code: unit.code, geometry: unit.geometry!, bbox: bboxOf(unit.geometry!) }));
    return new UnitPlacer(em, codes, shapes(AdminLevel.DISTRICT), shapes(AdminLevel.REGION));
  }

  /** The hub's unit for a code of a file, or null. */
  unitOfCode(code: string | null | undefined): string | null {
    if (!code) return null;
    return this.codes.get(code.trim().toUpperCase()) ?? null;
  }

  /** The district (else region) whose boundary holds the point [latitude, longitude], or null outside the country. */
  unitOfPoint([lat, lon]: [number, number]): string | null {
    const inside = (shapes: Shape[]) =>
      shapes.find(({ bbox, geometry }) => lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3] && booleanPointInPolygon([lon, lat], geometry));
    return (inside(this.districts) ?? inside(this.regions))?.code ?? null;
  }

  /** The best gazetteer hit for a name when it is a name (or village) equal to or starting with the text. */
  async unitOfName(text: string): Promise<string | null> {
    const key = text.trim().toLowerCase();
    if (this.names.has(key)) return this.names.get(key)!;
    const search = await unitSearchSql(this.em, text);
    let code: string | null = null;
    if (search) {
      const best = sql`with ${search} select h.code, h.score from search_hits h join admin_unit u on u.code = h.code order by h.score desc, u.depth, u.path limit 1`;
      const rows = await this.em.getConnection().execute<{ code: string; score: string }[]>(best.sql, best.params);
      if (rows[0] && Number(rows[0].score) >= NAME_SCORE) code = rows[0].code;
    }
    this.names.set(key, code);
    return code;
  }

  /** Where one location goes, by the first rule that places it. */
  async place(location: ParsedLocation): Promise<Placement> {
    const label = locationLabel(location);
    for (const code of [location.ref, ...location.administrativeCodes]) {
      const unit = this.unitOfCode(code);
      if (unit) return { location: label, unitCode: unit, rule: PlacementRule.CODE };
    }
    if (location.point) {
      const unit = this.unitOfPoint(location.point);
      if (unit) return { location: label, unitCode: unit, rule: PlacementRule.POINT };
    }
    for (const name of namesOf(location.names)) {
      const unit = await this.unitOfName(name);
      if (unit) return { location: label, unitCode: unit, rule: PlacementRule.NAME };
    }
    return { location: label, unitCode: COUNTRY_CODE, rule: PlacementRule.COUNTRY };
  }

  /** A location that says by itself it is in the country: a unit code of the hub, or a point inside a boundary. */
  isInCountry(location: ParsedLocation): boolean {
    return [location.ref, ...location.administrativeCodes].some((code) => this.unitOfCode(code) !== null) || (!!location.point && this.unitOfPoint(location.point) !== null);
  }
}

function namesOf(names: Narratives): string[] {
  return [names.en, names.ru, names.ky, ...names.other.map((entry) => entry.text)].filter((name): name is string => !!name);
}

function locationLabel(location: ParsedLocation): string {
  const name = namesOf(location.names)[0];
  const point = location.point ? `${location.point[0]} ${location.point[1]}` : null;
  return [location.ref, name, point].filter(Boolean).join(' · ') || '(a location without ref, name or point)';
}
