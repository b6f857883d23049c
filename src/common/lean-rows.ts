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

const plans = new WeakMap<EntityMetadata, LeanPlan>();

function planOf(meta: EntityMetadata, platform: Platform): LeanPlan {
  const known = plans.get(meta);
  if (known) return known;
  const columns: string[] = [];
  const jsonPairs: ((tableAlias: string) => string)[] = [];
  const steps: ((row: Record<string, unknown>, lean: Record<string, unknown>) => void)[] = [];
  meta.props.forEach((prop, index) => {
    if (prop.lazy || prop.persist === false || !prop.fieldNames?.length) return;
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
  plans.set(meta, plan);
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
  const plan = planOf(em.getMetadata().get(entity), em.getPlatform());
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
