import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import { projectRoot } from '../../src/config/paths';
import { AdminUnitAliasKind } from '../../src/geography/admin-unit-alias.entity';
import { AdminUnit, AdminUnitKind, LEVEL_OF_KIND, PATH_SEPARATOR } from '../../src/geography/admin-unit.entity';
import { foldPlaceName } from '../../src/geography/search-fold';
import { seedUnitFlags } from './unit-flags.seed';
import { normaliseName, slug, spellingOfSource } from './transliteration';

const GEO_DIR = join(projectRoot, 'seeds', 'reference', 'geo');

const COD_AB_SOURCE = 'OCHA COD-AB Kyrgyzstan 2018 (Ministry of Emergency Situations of the Kyrgyz Republic / OCHA, via HDX), CC BY-IGO';
const WIKIPEDIA_SOURCE = 'Wikipedia district article, CC BY-SA';
const SOATE_SOURCE =
  'SOATE (state classifier of administrative-territorial units, National Statistical Committee), as extracted in seeds/reference/geo/kg-soate.csv (an edition from before the 2023–2024 reform)';

/** The reference files the tree is built from; their contents decide whether to reload it. */
const REFERENCE_FILES = ['kg-units.csv', 'kg-ayil-aimaks.csv', 'kg-soate.csv', 'kg-adm1.geojson', 'kg-adm2.geojson'];

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

interface SoateRow {
  soate_code: string;
  parent_soate_code: string;
  level: 'REGION' | 'DISTRICT' | 'MUNICIPALITY' | 'SETTLEMENT';
  kind: string;
  name_ru: string;
  base_name_ru: string;
  cod_ab_pcode: string;
  latin_name: string;
  note: string;
}

type UnitSeed = Pick<
  AdminUnit,
  'code' | 'kind' | 'level' | 'nameKy' | 'nameRu' | 'nameEn' | 'soate' | 'iso3166_2' | 'areaKm2' | 'centre' | 'source' | 'sourceNameEn' | 'geometry'
> & {
  parentCode: string | null;
  /** The proper name without the type word, where known (Ак-Татыр). */
  baseName: string | null;
  /** Codes the hub gave the unit before, still accepted. */
  formerCodes: string[];
};

export type ReferenceUnit = UnitSeed & { path: string; depth: number };

export interface ReferenceAlias {
  unitCode: string;
  kind: AdminUnitAliasKind;
  value: string;
  key: string;
}

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

function unitsFromCod(soate: Map<string, SoateRow>): UnitSeed[] {
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
      // The classifier's code where it lists the unit (all regions and districts), else the derived one.
      soate: soate.get(row.code)?.soate_code ?? orNull(row.soate),
      iso3166_2: orNull(row.iso_3166_2),
      areaKm2: row.area_km2 ? Number(row.area_km2) : null,
      centre: null,
      source: `${COD_AB_SOURCE}; ${row.source}`,
      sourceNameEn: null,
      geometry: geometry ?? null,
      baseName: orNull(soate.get(row.code)?.base_name_ru),
      formerCodes: [],
    };
  });
}

const KIND_OF_SOATE: Record<string, AdminUnitKind> = {
  'District:CITY_DISTRICT': AdminUnitKind.CITY_DISTRICT,
  'Countryside:AYIL_AIMAK': AdminUnitKind.AYIL_AIMAK,
  'Countryside:TOWN': AdminUnitKind.TOWN,
  'Countryside:URBAN_SETTLEMENT': AdminUnitKind.URBAN_SETTLEMENT,
};

/**
 * Kyrgyz names only where they can be given honestly: the gazetteer's Kyrgyz name, else the
 * proper name in Cyrillic (which Kyrgyz and Russian share) with the Kyrgyz type word; never a
 * translation. None for names that are Russian adjectives with no place behind them.
 */
function kyrgyzName(kind: AdminUnitKind, gazetteerName: string | null, baseName: string | null): string | null {
  const name = gazetteerName ?? baseName;
  if (!name) return null;
  if (kind === AdminUnitKind.AYIL_AIMAK) return `${name} айыл аймагы`;
  if (kind === AdminUnitKind.TOWN) return `${name} шаары`;
  return kind === AdminUnitKind.URBAN_SETTLEMENT ? name : null;
}

/**
 * Bishkek's city districts and every ayil aimak, town and urban-type settlement of the
 * classifier, with the Latin (and, where it has them, Kyrgyz) names and the seat of the
 * Wikipedia gazetteer, whose rows the classifier file matches to its ayil aimaks. The gazetteer's
 * own codes (`<rayon>-<NAME>`), which the hub used before, stay as former codes.
 */
function unitsFromSoate(rows: SoateRow[], known: Set<string>): UnitSeed[] {
  const byCode = new Map(rows.map((row) => [row.soate_code, row]));
  const gazetteer = new Map(readCsv<AyilAimakRow>('kg-ayil-aimaks.csv').map((row) => [`${row.rayon_code}|${row.name_en}`, row]));
  return rows
    .filter((row) => (row.level === 'DISTRICT' || row.level === 'MUNICIPALITY') && !known.has(row.cod_ab_pcode))
    .map((row) => {
      const kind = KIND_OF_SOATE[row.kind];
      if (!kind) throw new Error(`kg-soate.csv: unknown kind ${row.kind} of ${row.soate_code}`);
      const parentCode = byCode.get(row.parent_soate_code)!.cod_ab_pcode;
      const match = row.latin_name ? gazetteer.get(`${parentCode}|${row.latin_name}`) : undefined;
      if (row.latin_name && !match) throw new Error(`kg-soate.csv: ${row.soate_code} names "${row.latin_name}", which kg-ayil-aimaks.csv does not have in ${parentCode}`);
      const spelling = match ? spellingOfSource(match.source) : 'english';
      const nameEn = match ? normaliseName(match.name_en, spelling) : null;
      return {
        code: row.cod_ab_pcode,
        kind,
        level: LEVEL_OF_KIND[kind],
        nameKy: kyrgyzName(kind, orNull(match?.name_ky), orNull(row.base_name_ru)),
        nameRu: row.name_ru,
        nameEn,
        parentCode,
        soate: row.soate_code,
        iso3166_2: null,
        areaKm2: null,
        centre: match?.centre ? normaliseName(match.centre, spelling) : null,
        source: match ? `${SOATE_SOURCE}; Latin and Kyrgyz names and seat: ${WIKIPEDIA_SOURCE}: ${match.source}` : SOATE_SOURCE,
        sourceNameEn: match && nameEn !== match.name_en ? match.name_en : null,
        geometry: null,
        baseName: orNull(row.base_name_ru),
        formerCodes: match ? [`${parentCode}-${slug(nameEn!)}`] : [],
      };
    });
}

/** What search matches and code lookups accept besides the code: names, villages, other codes. */
function aliasesOf(units: ReferenceUnit[], rows: SoateRow[]): ReferenceAlias[] {
  const aliases = new Map<string, ReferenceAlias>();
  const add = (unitCode: string, kind: AdminUnitAliasKind, value: string | null, key: string) => {
    if (!value || !key) return;
    aliases.set(`${unitCode}|${kind}|${value}`, { unitCode, kind, value, key });
  };
  const codeOfSoate = new Map(rows.map((row) => [row.soate_code, row.cod_ab_pcode]));
  const codes = new Set(units.map((unit) => unit.code));
  for (const unit of units) {
    for (const name of [unit.nameKy, unit.nameRu, unit.nameEn, unit.sourceNameEn, unit.baseName]) add(unit.code, AdminUnitAliasKind.NAME, name, foldPlaceName(name ?? ''));
    add(unit.code, AdminUnitAliasKind.SOATE_CODE, unit.soate, unit.soate ?? '');
    for (const former of unit.formerCodes) add(unit.code, AdminUnitAliasKind.FORMER_CODE, former, former);
  }
  for (const row of rows.filter((entry) => entry.level === 'SETTLEMENT')) {
    const unitCode = codeOfSoate.get(row.parent_soate_code);
    const name = row.base_name_ru || row.name_ru;
    if (unitCode && codes.has(unitCode)) add(unitCode, AdminUnitAliasKind.VILLAGE, name, foldPlaceName(name));
  }
  return [...aliases.values()];
}

/** The whole administrative tree from the reference files (parents before children) and its aliases. */
export function referenceGeography(): { units: ReferenceUnit[]; aliases: ReferenceAlias[]; version: string } {
  const soateRows = readCsv<SoateRow>('kg-soate.csv');
  const soateByCod = new Map(soateRows.map((row) => [row.cod_ab_pcode, row]));
  const cod = unitsFromCod(soateByCod);
  const seeds = [...cod, ...unitsFromSoate(soateRows, new Set(cod.map((unit) => unit.code)))];
  const byCode = new Map<string, ReferenceUnit>();
  for (const seed of seeds) {
    if (byCode.has(seed.code)) throw new Error(`Two reference units share the code ${seed.code}`);
    const parent = seed.parentCode ? byCode.get(seed.parentCode) : undefined;
    if (seed.parentCode && !parent) throw new Error(`Unit ${seed.code} names an unknown parent ${seed.parentCode}`);
    byCode.set(seed.code, { ...seed, path: parent ? `${parent.path}${PATH_SEPARATOR}${seed.code}` : seed.code, depth: parent ? parent.depth + 1 : 0 });
  }
  const units = [...byCode.values()];
  const hash = createHash('sha256');
  for (const file of REFERENCE_FILES) hash.update(readFileSync(join(GEO_DIR, file)));
  // The code that reads the files counts too: a change to it reloads the tree.
  hash.update(String(GEOGRAPHY_SEED_VERSION));
  return { units, aliases: aliasesOf(units, soateRows), version: hash.digest('hex').slice(0, 16) };
}

/** Raise when the way the files are read changes, so that existing databases reload the tree. */
const GEOGRAPHY_SEED_VERSION = 2;

const REFERENCE_COLUMNS = [
  'kind',
  'level',
  'name_ky',
  'name_ru',
  'name_en',
  'parent_code',
  'path',
  'depth',
  'soate',
  'iso3166_2',
  'area_km2',
  'centre',
  'source',
  'source_name_en',
] as const;

/**
 * Brings the database's tree to the reference files, unless it already is (the files' hash is
 * kept in `reference_data`): units the hub knew under a former code get their new code (every
 * record that points to them follows, the foreign keys cascade), missing units are added, the
 * reference columns of the others are brought up to date (flags and geometry that are there stay),
 * and the aliases are written anew. Returns how many units were added or re-coded.
 */
export async function seedGeography(em: EntityManager): Promise<number> {
  // em.execute, not the connection's: the statements must run in the seeding transaction.
  const knex = em.getConnection().getKnex();
  const { units, aliases, version } = referenceGeography();
  const [stored] = await em.execute<{ version: string }[]>(`select version from reference_data where name = 'geography'`);
  if (stored?.version === version) {
    await seedUnitFlags(em);
    return 0;
  }
  let changed = 0;
  const existing = new Set((await em.execute<{ code: string }[]>('select code from admin_unit')).map((row) => row.code));
  for (const unit of units) {
    const former = unit.formerCodes.find((code) => existing.has(code));
    if (!former || existing.has(unit.code)) continue;
    await em.execute('update admin_unit set code = ? where code = ?', [unit.code, former], 'run');
    existing.delete(former);
    existing.add(unit.code);
    changed += 1;
  }
  for (let start = 0; start < units.length; start += 500) {
    const batch = units.slice(start, start + 500).map((unit) => ({
      code: unit.code,
      kind: unit.kind,
      level: unit.level,
      name_ky: unit.nameKy,
      name_ru: unit.nameRu,
      name_en: unit.nameEn,
      parent_code: unit.parentCode,
      path: unit.path,
      depth: unit.depth,
      soate: unit.soate,
      iso3166_2: unit.iso3166_2,
      area_km2: unit.areaKm2,
      centre: unit.centre,
      source: unit.source,
      source_name_en: unit.sourceNameEn,
      geometry: unit.geometry ? JSON.stringify(unit.geometry) : null,
    }));
    changed += batch.filter((row) => !existing.has(row.code)).length;
    const merge = Object.fromEntries(REFERENCE_COLUMNS.map((column) => [column, knex.raw('excluded.??', [column])]));
    // Geometry already there stays; the reference only fills a missing one.
    merge.geometry = knex.raw('coalesce(admin_unit.geometry, excluded.geometry)');
    const sql = knex('admin_unit').insert(batch).onConflict('code').merge(merge).toQuery();
    await em.execute(sql, [], 'run');
  }
  const codes = units.map((unit) => unit.code);
  await em.execute('delete from admin_unit_alias where unit_code in (?)', [codes], 'run');
  for (let start = 0; start < aliases.length; start += 2000) {
    await em.execute(
      knex('admin_unit_alias')
        .insert(aliases.slice(start, start + 2000).map((alias) => ({ unit_code: alias.unitCode, kind: alias.kind, value: alias.value, key: alias.key })))
        .toQuery(),
      [],
      'run',
    );
  }
  await em.execute(
    `insert into reference_data (name, version, loaded_at) values ('geography', ?, now())
     on conflict (name) do update set version = excluded.version, loaded_at = excluded.loaded_at`,
    [version],
    'run',
  );
  await seedUnitFlags(em);
  return changed;
}
