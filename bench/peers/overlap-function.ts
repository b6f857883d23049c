/**
 * The hub's per-project overlap statement as a PostgreSQL function, `peers.project_overlaps(project_id,
 * page_size)`, for PostGraphile to call: so both servers run the same statement for "the overlaps
 * of one project". Made from `projectOverlapStatement` (src/analytics/overlap.service.ts) on every
 * run, in the benchmark's database only: a migration would freeze a copy of the SQL that the
 * service's builder would leave behind at its next change, and the hub has no use for it.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { type OverlapColumns, projectOverlapStatement } from '../../src/analytics/overlap.service';
import { propsReadBy } from '../../src/common/lean-rows';
import { ADMIN_UNIT_FIELD_PROPS } from '../../src/geography/geography.loaders';
import { PROJECT_FIELD_PROPS } from '../../src/projects/project.loaders';

const PROJECT = '00000000-0000-0000-0000-000000000000';
// A page size no real request uses, so that its places in the statement can be found by value.
const PAGE_SIZE = 7919;

/**
 * The columns the hub reads for the benchmarks' overlap selection (`projectA { id title }
 * projectB { id title } sharedUnits { code name }`): the hub reads only those, so the function
 * and the raw SQL rows run the statement the hub runs.
 */
export const OVERLAP_PAGE_COLUMNS: OverlapColumns = {
  projectProps: propsReadBy(['id', 'title'], PROJECT_FIELD_PROPS),
  unitProps: propsReadBy(['code', 'name'], ADMIN_UNIT_FIELD_PROPS),
};

/** The statement with `$1` (the project) and `$2` (the page size) for its parameters. */
export function overlapFunctionBody(em: EntityManager): string {
  const statement = projectOverlapStatement(em, PROJECT, { limit: PAGE_SIZE, offset: 0 }, OVERLAP_PAGE_COLUMNS);
  let index = 0;
  return statement.sql.replace(/\?/g, () => {
    const value = statement.params[index++];
    if (value === PROJECT) return '$1';
    if (value === PAGE_SIZE) return '$2';
    if (value === 0) return '0';
    throw new Error(`the overlap statement has a parameter the function cannot give: ${JSON.stringify(value)}`);
  });
}

/** Creates (or replaces) the function; its columns are typed as the statement's own result. */
export async function createOverlapFunction(client: Client, em: EntityManager, sampleProjectId: string): Promise<void> {
  const body = overlapFunctionBody(em);
  const described = await client.query({ text: `select * from (${body}) s limit 0`, values: [sampleProjectId, 20] });
  const columns: string[] = [];
  for (const field of described.fields) {
    const { rows } = await client.query<{ type: string }>('select format_type($1, $2) as type', [field.dataTypeID, field.dataTypeModifier]);
    columns.push(`${client.escapeIdentifier(field.name)} ${rows[0].type}`);
  }
  await client.query('create schema if not exists peers');
  await client.query('drop function if exists peers.project_overlaps(uuid, integer)');
  await client.query(`create function peers.project_overlaps(project_id uuid, page_size integer)
    returns table (${columns.join(', ')}) language sql stable as $function$ ${body} $function$`);
  // A plain list in GraphQL, as the statement gives it (its own page and total), not a connection.
  await client.query(`comment on function peers.project_overlaps(uuid, integer) is E'@behavior -connection +list'`);
}
