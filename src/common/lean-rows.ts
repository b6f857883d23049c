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
  build: (row: Record<string, unknown>) => Record<string, unknown>;
}

const plans = new WeakMap<EntityMetadata, LeanPlan>();

function planOf(meta: EntityMetadata, platform: Platform): LeanPlan {
  const known = plans.get(meta);
  if (known) return known;
  const columns: string[] = [];
  const steps: ((row: Record<string, unknown>, lean: Record<string, unknown>) => void)[] = [];
  meta.props.forEach((prop, index) => {
    if (prop.lazy || prop.persist === false || !prop.fieldNames?.length) return;
    const alias = `c${index}`;
    const column = `"${prop.fieldNames[0]}" as "${alias}"`;
    if (prop.kind === ReferenceKind.SCALAR && prop.embedded) {
      const [owner, key] = prop.embedded;
      columns.push(column);
      steps.push((row, lean) => {
        ((lean[owner] ??= {}) as Record<string, unknown>)[key] = row[alias];
      });
    } else if (prop.kind === ReferenceKind.SCALAR && prop.runtimeType === 'Date') {
      // The driver hands timestamps over as text; entities get them as Dates.
      columns.push(column);
      steps.push((row, lean) => {
        lean[prop.name] = row[alias] == null ? null : platform.parseDate(row[alias] as string);
      });
    } else if (prop.kind === ReferenceKind.SCALAR) {
      columns.push(column);
      steps.push((row, lean) => {
        lean[prop.name] = row[alias];
      });
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE && prop.fieldNames.length === 1) {
      const key = prop.targetMeta!.primaryKeys[0];
      columns.push(column);
      steps.push((row, lean) => {
        lean[prop.name] = row[alias] == null ? null : { [key]: row[alias] };
      });
    }
  });
  const plan: LeanPlan = {
    select: columns.join(', '),
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
  const rows = await em
    .getConnection()
    .execute<Record<string, unknown>[]>(`select ${plan.select} from "${meta.tableName}" where "${column}" in (?)`, [[...keys]]);
  return rows.map((row) => plan.build(row) as T);
}
