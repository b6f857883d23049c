import { type EntityMetadata, type Platform, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * An entity's own columns as a plain object shaped like the entity: scalars under their property
 * names, embeddables as nested objects, a many-to-one as a reference `{ <its primary key>: value }`.
 * Collections and lazy columns are left out.
 *
 * For the read-only objects behind large GraphQL pages (the projects and units of an overlap
 * page): creating and tracking managed entities costs MikroORM three to four times the query
 * itself there (BENCHMARKS.md). Lean objects are never flushed; write through the entities.
 */
interface LeanPlan {
  select: string;
  /** The same columns as `'<alias>', <table alias>."<column>"` pairs for json_build_object. */
  jsonPairs: (tableAlias: string) => string[];
  /** leanJsonSql's answers by table alias: built on every request of a hot path otherwise. */
  jsonSql: Map<string, string>;
  build: (row: Record<string, unknown>) => Record<string, unknown>;
}

/** Plans by entity, then by the properties chosen (`*` for all). */
const plans = new WeakMap<EntityMetadata, Map<string, LeanPlan>>();

/**
 * The plan of the lean row of `meta` with only the properties `props` (an embeddable's name
 * takes all its columns) and the primary key, or with all lean columns when `props` is absent.
 */
function planOf(meta: EntityMetadata, platform: Platform, props?: readonly string[]): LeanPlan {
  const key = props ? props.join(',') : '*';
  let byProps = plans.get(meta);
  if (!byProps) plans.set(meta, (byProps = new Map()));
  const known = byProps.get(key);
  if (known) return known;
  const wanted = props ? new Set([...meta.primaryKeys, ...props]) : null;
  const columns: string[] = [];
  const jsonPairs: ((tableAlias: string) => string)[] = [];
  const steps: ((row: Record<string, unknown>, lean: Record<string, unknown>) => void)[] = [];
  meta.props.forEach((prop, index) => {
    if (prop.lazy || prop.persist === false || !prop.fieldNames?.length) return;
    if (wanted && !wanted.has(prop.embedded?.[0] ?? prop.name)) return;
    const alias = `c${index}`;
    let step: ((row: Record<string, unknown>, lean: Record<string, unknown>) => void) | undefined;
    if (prop.kind === ReferenceKind.SCALAR && prop.embedded) {
      const [owner, key] = prop.embedded;
      step = (row, lean) => {
        ((lean[owner] ??= {}) as Record<string, unknown>)[key] = row[alias];
      };
    } else if (prop.kind === ReferenceKind.SCALAR && prop.runtimeType === 'Date') {
      // The driver hands timestamps over as text; entities get them as Dates.
      step = (row, lean) => {
        lean[prop.name] = row[alias] == null ? null : platform.parseDate(row[alias] as string);
      };
    } else if (prop.kind === ReferenceKind.SCALAR) {
      step = (row, lean) => {
        lean[prop.name] = row[alias];
      };
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE && prop.fieldNames.length === 1) {
      const key = prop.targetMeta!.primaryKeys[0];
      step = (row, lean) => {
        lean[prop.name] = row[alias] == null ? null : { [key]: row[alias] };
      };
    }
    if (!step) return;
    columns.push(`"${prop.fieldNames[0]}" as "${alias}"`);
    // JSON would give numeric and bigint columns as numbers where the driver gives text.
    const asText = /^(numeric|decimal|bigint|int8)/i.test(prop.columnTypes?.[0] ?? '') ? '::text' : '';
    jsonPairs.push((tableAlias) => `'${alias}', ${tableAlias}."${prop.fieldNames[0]}"${asText}`);
    steps.push(step);
  });
  const plan: LeanPlan = {
    select: columns.join(', '),
    jsonPairs: (tableAlias) => jsonPairs.map((pair) => pair(tableAlias)),
    jsonSql: new Map(),
    build: (row) => {
      const lean: Record<string, unknown> = {};
      for (const step of steps) step(row, lean);
      return lean;
    },
  };
  byProps.set(key, plan);
  return plan;
}

/** Lean rows of `entity` whose `column` is one of `keys` (raw SQL, one statement). */
export async function leanRowsByKey<T>(em: EntityManager, entity: string, column: string, keys: readonly string[]): Promise<T[]> {
  const meta = em.getMetadata().get(entity);
  const plan = planOf(meta, em.getPlatform());
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(`select ${plan.select} from "${meta.tableName}" where "${column}" in (?)`, [[...keys]]);
  return rows.map((row) => plan.build(row) as T);
}

// json_build_object takes at most 100 arguments.
const JSON_PAIRS_PER_CALL = 50;

/**
 * SQL for the lean columns of the row `tableAlias` (of the entity's table) as one JSON object,
 * which `leanFromJson` turns into the lean row: for reading related rows in the same statement
 * as a page (an overlap's projects and units) instead of one more statement per relation.
 * JSON carries the values the driver would give (timestamps as ISO text, dates as YYYY-MM-DD,
 * arrays and jsonb as such; numeric and bigint columns as text, see planOf).
 */
export function leanJsonSql(em: EntityManager, entity: string, tableAlias: string): string {
  return jsonSqlOf(planOf(em.getMetadata().get(entity), em.getPlatform()), tableAlias);
}

function jsonSqlOf(plan: LeanPlan, tableAlias: string): string {
  const known = plan.jsonSql.get(tableAlias);
  if (known) return known;
  const pairs = plan.jsonPairs(tableAlias);
  const calls: string[] = [];
  for (let start = 0; start < pairs.length; start += JSON_PAIRS_PER_CALL) {
    calls.push(`${pairs.length > JSON_PAIRS_PER_CALL ? 'jsonb' : 'json'}_build_object(${pairs.slice(start, start + JSON_PAIRS_PER_CALL).join(', ')})`);
  }
  const sql = calls.length === 1 ? calls[0] : `(${calls.join(' || ')})`;
  plan.jsonSql.set(tableAlias, sql);
  return sql;
}

/** The lean row of an object that `leanJsonSql` built (as parsed by the driver). */
export function leanFromJson<T>(em: EntityManager, entity: string, json: Record<string, unknown>): T {
  return planOf(em.getMetadata().get(entity), em.getPlatform()).build(json) as T;
}

/**
 * The lean row of `entity` with only some of its properties (and its primary key), read as JSON in
 * the statement (`jsonSql`) and built from it (`fromJson`): for a page whose selection reads a few
 * columns of rows that have many. Such a row is not the whole record: it must not be primed into a
 * request's loaders, where another field could read a column it lacks.
 */
export interface LeanShape<T> {
  jsonSql(tableAlias: string): string;
  fromJson(json: Record<string, unknown>): T;
}

/** The shape of `entity`'s lean rows with `props` (all lean columns when null). */
export function leanShape<T>(em: EntityManager, entity: string, props: readonly string[] | null): LeanShape<T> {
  const plan = planOf(em.getMetadata().get(entity), em.getPlatform(), props ?? undefined);
  return { jsonSql: (tableAlias) => jsonSqlOf(plan, tableAlias), fromJson: (json) => plan.build(json) as T };
}

/**
 * The properties that the fields `fields` of a GraphQL type read, from `readers` (field name to
 * the properties its resolver reads); null, for all, when a field is not listed there.
 */
export function propsReadBy(fields: Iterable<string>, readers: Readonly<Record<string, readonly string[]>>): string[] | null {
  const props = new Set<string>();
  for (const field of fields) {
    const read = Object.hasOwn(readers, field) ? readers[field] : undefined;
    if (!read) return null;
    for (const prop of read) props.add(prop);
  }
  return [...props].sort();
}
