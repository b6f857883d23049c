import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import { projectRoot } from '../../src/config/paths';
import { AdminUnit, AdminUnitKind, LEVEL_OF_KIND, PATH_SEPARATOR } from '../../src/geography/admin-unit.entity';
import { searchKey } from '../../src/common/search';
import { seedUnitFlags } from './unit-flags.seed';
import { normaliseName, slug, spellingOfSource } from './transliteration';

const GEO_DIR = join(projectRoot, 'seeds', 'reference', 'geo');

const COD_AB_SOURCE =
  'OCHA COD-AB Kyrgyzstan 2018 (Ministry of Emergency Situations of the Kyrgyz Republic / OCHA, via HDX), CC BY-IGO';
const WIKIPEDIA_SOURCE = 'Wikipedia district article, CC BY-SA';

interface UnitRow {
  code: string;
  soate: string;
  iso_3166_2: string;
  parent_code: string;
  level: 'country' | 'oblast' | 'city_republican' | 'rayon' | 'city';
  name_ky: string;
  name_ru: string;
  name_en: string;
  type_ky: string;
  type_ru: string;
  area_km2: string;
  source: string;
}

interface AyilAimakRow {
  rayon_code: string;
  name_en: string;
  name_ru: string;
  name_ky: string;
  centre: string;
  source: string;
}

interface Feature {
  properties: { code: string };
  geometry: Record<string, unknown>;
}

type UnitSeed = Omit<AdminUnit, 'parent' | 'path' | 'depth' | 'searchText' | 'borderArea' | 'multiEthnic' | 'flagsSource' | 'flagsUpdatedAt'> & {
  parentCode: string | null;
};

const KIND_OF_LEVEL: Record<UnitRow['level'], AdminUnitKind> = {
  country: AdminUnitKind.COUNTRY,
  oblast: AdminUnitKind.OBLAST,
  city_republican: AdminUnitKind.CITY_OF_REPUBLICAN_SIGNIFICANCE,
  rayon: AdminUnitKind.RAYON,
  city: AdminUnitKind.CITY,
};

function readCsv<T>(file: string): T[] {
  return parse(readFileSync(join(GEO_DIR, file)), { columns: true, skip_empty_lines: true }) as T[];
}

function readGeometries(file: string): Map<string, Record<string, unknown>> {
  const collection = JSON.parse(readFileSync(join(GEO_DIR, file), 'utf8')) as { features: Feature[] };
  return new Map(collection.features.map((feature) => [feature.properties.code, feature.geometry]));
}

const orNull = (text: string | undefined) => (text ? text : null);

/**
 * Display names: oblasts and rayons carry their type word (the Russian names in the source are
 * adjectives: "Баткенская" → "Баткенская область"); cities keep the source form ("г.Баткен").
 */
function displayNames(row: UnitRow): Pick<AdminUnit, 'nameKy' | 'nameRu' | 'nameEn'> {
  switch (row.level) {
    case 'oblast':
      return { nameKy: `${row.name_ky} облусу`, nameRu: `${row.name_ru} область`, nameEn: `${row.name_en} Oblast` };
    case 'rayon':
      return { nameKy: `${row.name_ky} району`, nameRu: `${row.name_ru} район`, nameEn: `${row.name_en} District` };
    default:
      return { nameKy: orNull(row.name_ky), nameRu: orNull(row.name_ru), nameEn: orNull(row.name_en) };
  }
}

function unitsFromCod(): UnitSeed[] {
  const regions = readGeometries('kg-adm1.geojson');
  const districts = readGeometries('kg-adm2.geojson');
  return readCsv<UnitRow>('kg-units.csv').map((row) => {
    const kind = KIND_OF_LEVEL[row.level];
    const geometry = kind === AdminUnitKind.OBLAST || kind === AdminUnitKind.CITY_OF_REPUBLICAN_SIGNIFICANCE ? regions.get(row.code) : districts.get(row.code);
    return {
      code: row.code,
      kind,
      level: LEVEL_OF_KIND[kind],
      ...displayNames(row),
      parentCode: orNull(row.parent_code),
      soate: orNull(row.soate),
      iso3166_2: orNull(row.iso_3166_2),
      areaKm2: row.area_km2 ? Number(row.area_km2) : null,
      centre: null,
      source: `${COD_AB_SOURCE}; ${row.source}`,
      sourceNameEn: null,
      geometry: geometry ?? null,
    };
  });
}

/** Russian gazetteer names are mostly adjectives ("Аралский") that need the type word after them. */
function ayilAimakNameRu(name: string): string | null {
  if (!name) return null;
  return /(ий|ый|ой)$/.test(name) ? `${name} айылный аймак` : `айылный аймак ${name}`;
}

function unitsFromGazetteer(): UnitSeed[] {
  return readCsv<AyilAimakRow>('kg-ayil-aimaks.csv').map((row) => {
    const spelling = spellingOfSource(row.source);
    const nameEn = normaliseName(row.name_en, spelling);
    return {
      code: `${row.rayon_code}-${slug(nameEn)}`,
      kind: AdminUnitKind.AYIL_AIMAK,
      level: LEVEL_OF_KIND[AdminUnitKind.AYIL_AIMAK],
      nameKy: row.name_ky ? `${row.name_ky} айыл аймагы` : null,
      nameRu: ayilAimakNameRu(row.name_ru),
      nameEn,
      parentCode: row.rayon_code,
      soate: null,
      iso3166_2: null,
      areaKm2: null,
      centre: row.centre ? normaliseName(row.centre, spelling) : null,
      source: `${WIKIPEDIA_SOURCE}: ${row.source}`,
      sourceNameEn: nameEn === row.name_en ? null : row.name_en,
      geometry: null,
    };
  });
}

/** The whole administrative tree from the reference files, parents before children. */
export function referenceAdminUnits(): (UnitSeed & { path: string; depth: number; searchText: string })[] {
  const seeds = [...unitsFromCod(), ...unitsFromGazetteer()];
  const byCode = new Map<string, UnitSeed & { path: string; depth: number; searchText: string }>();
  for (const seed of seeds) {
    if (byCode.has(seed.code)) throw new Error(`Two reference units share the code ${seed.code}`);
    const parent = seed.parentCode ? byCode.get(seed.parentCode) : undefined;
    if (seed.parentCode && !parent) throw new Error(`Unit ${seed.code} names an unknown parent ${seed.parentCode}`);
    const searchText = searchKey(
      [seed.code, seed.nameKy, seed.nameRu, seed.nameEn, seed.sourceNameEn].filter(Boolean).join(' | '),
    );
    byCode.set(seed.code, {
      ...seed,
      path: parent ? `${parent.path}${PATH_SEPARATOR}${seed.code}` : seed.code,
      depth: parent ? parent.depth + 1 : 0,
      searchText,
    });
  }
  return [...byCode.values()];
}

/** Inserts the reference units the database does not have yet; returns how many. */
export async function seedGeography(em: EntityManager): Promise<number> {
  const existing = new Set(
    (await em.createQueryBuilder(AdminUnit).select('code').execute<{ code: string }[]>('all', false)).map((row) => row.code),
  );
  const missing = referenceAdminUnits().filter((unit) => !existing.has(unit.code));
  if (missing.length > 0) {
    await em.insertMany(
      AdminUnit,
      missing.map(({ parentCode, ...unit }) => ({ ...unit, parent: parentCode ? em.getReference(AdminUnit, parentCode) : null })),
    );
  }
  await seedUnitFlags(em);
  return missing.length;
}
