import type { Client } from 'pg';

/** MikroORM's record of applied migrations: not copied, but rebuilt by migrating on restore. */
export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

export interface TableInfo {
  name: string;
  /** Stored columns in table order (generated columns are left out: COPY cannot load them). */
  columns: string[];
}

const NOT_AN_EXTENSION_MEMBER = `not exists (
  select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`;

/**
 * The hub's tables in an order that loads without breaking a foreign key: each table after the
 * tables it references (self-references, such as a unit's parent, are checked at the end of the
 * COPY statement and need no order). Ties in name order, so backups of one schema compare.
 */
export async function tablesInLoadOrder(client: Client): Promise<TableInfo[]> {
  const { rows: tables } = await client.query<{ name: string; columns: string[] }>(
    `select c.relname as name,
            array(select a.attname::text from pg_attribute a
                  where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                  order by a.attnum) as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r' and c.relname <> $1 and ${NOT_AN_EXTENSION_MEMBER}
      order by c.relname`,
    [MIGRATIONS_TABLE],
  );
  const { rows: references } = await client.query<{ child: string; parent: string }>(
    `select child.relname as child, parent.relname as parent
       from pg_constraint k
       join pg_class child on child.oid = k.conrelid
       join pg_class parent on parent.oid = k.confrelid
      where k.contype = 'f' and k.connamespace = current_schema()::regnamespace and k.conrelid <> k.confrelid`,
  );
  const waitingFor = new Map(tables.map((table) => [table.name, new Set<string>()]));
  for (const { child, parent } of references) waitingFor.get(child)?.add(parent);
  const ordered: TableInfo[] = [];
  const remaining = [...tables];
  while (remaining.length > 0) {
    const ready = remaining.findIndex((table) => waitingFor.get(table.name)!.size === 0);
    // A cycle of foreign keys (none today) would load in name order and fail loudly on restore.
    const [next] = remaining.splice(ready === -1 ? 0 : ready, 1);
    ordered.push(next);
    for (const parents of waitingFor.values()) parents.delete(next.name);
  }
  return ordered;
}

/** Sequences of the hub's schema, other than the migrations table's. */
export async function sequenceNames(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'S' and ${NOT_AN_EXTENSION_MEMBER}
        and not exists (select 1 from pg_depend d join pg_class t on t.oid = d.refobjid
                        where d.objid = c.oid and d.deptype in ('a', 'i') and t.relname = $1)
      order by c.relname`,
    [MIGRATIONS_TABLE],
  );
  return rows.map((row) => row.name);
}

/** Materialized views in the order they were created (so one built on another refreshes after it). */
export async function materializedViewNames(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'm' and ${NOT_AN_EXTENSION_MEMBER}
      order by c.oid`,
  );
  return rows.map((row) => row.name);
}

/**
 * What a database holds besides an empty migrations table (which a failed restore leaves
 * behind): tables, views and sequences of its own, and how many rows its tables have, roughly.
 */
export async function userRelations(client: Client): Promise<{ relations: number; migrations: number }> {
  const { rows } = await client.query<{ relations: number; has_migrations: boolean }>(
    `select (select count(*)::int
               from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
                and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                and c.relname::text not in ($1::text, $1::text || '_id_seq')
                and ${NOT_AN_EXTENSION_MEMBER}) as relations,
            to_regclass($1::text) is not null as has_migrations`,
    [MIGRATIONS_TABLE],
  );
  const [{ relations, has_migrations: hasMigrations }] = rows;
  const migrations = hasMigrations ? Number((await client.query<{ count: string }>(`select count(*) from ${MIGRATIONS_TABLE}`)).rows[0].count) : 0;
  return { relations, migrations };
}

export function quoted(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
