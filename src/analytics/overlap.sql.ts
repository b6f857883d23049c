import type { EntityManager } from '@mikro-orm/postgresql';
import { leanJsonSql, leanShape } from '../common/lean-rows';
import type { PageWindow } from '../common/pagination';
import { Sql, sql, sqlJoin, sqlText, sqlWhere } from '../common/sql';
import { AdminUnit } from '../geography/admin-unit.entity';
import { atOrInsideSql } from '../geography/admin-unit.sql';
import type { AdminUnitRecord } from '../geography/geography.loaders';
import { Project } from '../projects/project.entity';
import { Theme } from '../themes/theme.entity';
import type { OverlapKind } from './analytics.types';

const PAIR_COLUMNS = sqlText('o.shared_units, o.shared_themes, o.period, o.geographic, o.time_share, o.theme_similarity, o.score, o.same_organisation, o.kind');

/**
 * The project and unit properties a page's selection reads (projects/project.loaders.ts,
 * geography/geography.loaders.ts: what each field reads); absent or null: every lean column. The
 * records are read for the page's own fields only, never primed into the loaders.
 */
export interface OverlapColumns {
  projectProps?: readonly string[] | null;
  unitProps?: readonly string[] | null;
}

/** An overlap filter with its references checked (overlap.service.ts). */
export interface OverlapConditions {
  minScore?: number | null;
  unit?: AdminUnitRecord | null;
  themes?: string[] | null;
  period?: [string | null, string | null] | null;
  includeSameOrganisation?: boolean;
  kinds?: OverlapKind[] | null;
  /** With a project: the other side or the project is this organisation's. */
  organisationOfPair?: string | null;
}

/** The conditions on a stored pair `o`; none tells the sides of a pair apart. */
export function overlapConditionsSql(filter: OverlapConditions): Sql[] {
  const conditions: Sql[] = [];
  if (filter.minScore != null) conditions.push(sql`o.score >= ${filter.minScore}`);
  if (filter.unit) conditions.push(sql`bit_count(o.shared_units & (select bit_or(u.bit) from analytics_unit u where ${atOrInsideSql(sqlText('u.path'), filter.unit)})) > 0`);
  if (filter.themes) conditions.push(sql`bit_count(o.shared_themes & (select bit_or(t.bit) from analytics_theme t where t.code in (${filter.themes}))) > 0`);
  if (filter.period) conditions.push(sql`o.period && daterange(${filter.period[0]}::date, ${filter.period[1]}::date, '[]')`);
  if (!filter.includeSameOrganisation) conditions.push(sqlText('not o.same_organisation'));
  if (filter.kinds?.length) conditions.push(sql`o.kind in (${filter.kinds})`);
  if (filter.organisationOfPair) {
    conditions.push(sql`(o.project_a in (select project_id from project_participant where organisation_id = ${filter.organisationOfPair})
          or o.project_b in (select project_id from project_participant where organisation_id = ${filter.organisationOfPair}))`);
  }
  return conditions;
}

/** The CTE `own` of one project. */
export function ownProjectCte(projectId: string): Sql {
  return sql`own (id) as (select ${projectId}::uuid)`;
}

/** The CTE `own` of the projects in which these organisations take part. */
export function ownProjectsOfCte(organisationIds: string[]): Sql {
  return sql`own as materialized (select distinct project_id as id from project_participant where organisation_id in (${organisationIds}))`;
}

/**
 * The statement for a page of pair rows (`inner`, which may use the CTE `own` given in `ownCte`),
 * decoded for output: bit strings to the positions of their set bits, which are the ids of
 * analytics_unit and analytics_theme (comma-separated text, which costs the server far less to read
 * than an array or the codes: a pair shares nine units on average), dates out of the range. The
 * first row also carries `related`: every project, and every unit and theme the page names with its
 * id (`[id, lean row]`), once each, as lean rows in JSON (src/common/lean-rows.ts). So one
 * statement answers a page with both projects, the shared units and themes, which through the
 * loaders took three more; and a project's page, where one side is always the same project, builds
 * that project once rather than once per pair.
 */
function decodedPageSql(em: EntityManager, ownCte: Sql | null, inner: Sql, columns: OverlapColumns): Sql {
  const ctes = sqlJoin(
    [
      ownCte ?? sqlText(''),
      sql`page as materialized (${inner})`,
      sqlText(`decoded as materialized (select page.*, analytics_bit_positions(page.shared_units) as unit_ids,
      analytics_bit_positions(page.shared_themes) as theme_ids from page)`),
    ],
    ', ',
  );
  const order = 'd.score desc, d.project_a, d.project_b';
  return sql`with ${ctes}
  select d.project_a, d.project_b, d.geographic, d.time_share, d.theme_similarity, d.score, d.kind,
    lower(d.period)::text as period_start, (upper(d.period) - 1)::text as period_end,
    array_to_string(d.unit_ids, ',') as unit_ids, array_to_string(d.theme_ids, ',') as theme_ids,
    d.total,
    case when row_number() over (order by ${sqlText(order)}) = 1 then json_build_object(
      'projects', (select json_agg(${sqlText(leanShape(em, Project.name, columns.projectProps ?? null).jsonSql('p'))}) from project p
        where p.id in (select project_a from page union select project_b from page)),
      'units', (select json_agg(json_build_array(u.id, ${sqlText(leanShape(em, AdminUnit.name, columns.unitProps ?? null).jsonSql('unit'))}))
        from analytics_unit u join admin_unit unit on unit.code = u.code where u.id in (select unnest(unit_ids) from decoded)),
      'themes', (select json_agg(json_build_array(t.id, ${sqlText(leanJsonSql(em, Theme.name, 'theme'))}))
        from analytics_theme t join theme on theme.code = t.code where t.id in (select unnest(theme_ids) from decoded))
    ) end as related
  from decoded d order by ${sqlText(order)}`;
}

/**
 * The page of overlaps of the projects in the CTE `own`, turned so that `project_a` is one of
 * them; a pair of two of them is listed once. For each of their projects, each side of the stored
 * pair is read in score order from its own index (analytics_overlap_a_rank_idx, _b_rank_idx) and
 * cut at `limit + offset`: however many pairs an organisation has, a page reads that many index
 * entries per project and side. The total is counted per project through the same indexes.
 */
export function ownOverlapPageSql(em: EntityManager, own: Sql, conditions: Sql[], window: PageWindow, columns: OverlapColumns = {}): Sql {
  const and = conditions.length ? sql` and ${sqlJoin(conditions, ' and ')}` : sqlText('');
  const notBothOwn = sqlText('and o.project_a not in (select id from own)');
  const reach = window.limit + window.offset;
  return decodedPageSql(
    em,
    own,
    sql`
        select page.*, (select sum(n.pairs) from own cross join lateral (
            select count(*) as pairs from analytics_overlap o where o.project_a = own.id${and}
            union all
            select count(*) from analytics_overlap o where o.project_b = own.id ${notBothOwn}${and}) n) as total
        from (select turned.* from own cross join lateral (
            (select o.project_a, o.project_b, ${PAIR_COLUMNS} from analytics_overlap o
              where o.project_a = own.id${and} order by o.score desc, o.project_b limit ${reach})
            union all
            (select o.project_b, o.project_a, ${PAIR_COLUMNS} from analytics_overlap o
              where o.project_b = own.id ${notBothOwn}${and} order by o.score desc, o.project_a limit ${reach})) turned) page
        order by page.score desc, page.project_a, page.project_b limit ${window.limit} offset ${window.offset}`,
    columns,
  );
}

/** A page of the whole country's pairs, through the score index. */
export function overlapPageSql(em: EntityManager, conditions: Sql[], window: PageWindow, columns: OverlapColumns = {}): Sql {
  return decodedPageSql(
    em,
    null,
    sql`select o.project_a, o.project_b, ${PAIR_COLUMNS}, null as total
        from analytics_overlap o ${sqlWhere(conditions)} order by o.score desc, o.project_a, o.project_b limit ${window.limit} offset ${window.offset}`,
    columns,
  );
}

/** The number of the country's pairs: the kept count when only "different organisations" or nothing narrows them. */
export function overlapCountSql(conditions: Sql[], includeSameOrganisation: boolean): Sql {
  if (conditions.length === 0) return sqlText('select different_organisations + same_organisation as total from analytics_overlap_total');
  if (conditions.length === 1 && !includeSameOrganisation) return sqlText('select different_organisations as total from analytics_overlap_total');
  return sql`select count(*) as total from analytics_overlap o ${sqlWhere(conditions)}`;
}

/** Stands for the project's id in a kept text of projectOverlapPageSql. */
const PROJECT_SLOT = Symbol('the project');
/** Texts of one project's overlap page by their shape; a few in practice, bounded all the same. */
const projectPageTexts = new Map<string, Sql>();
const MAX_PROJECT_PAGE_TEXTS = 100;

/**
 * ownOverlapPageSql for one project. Its text depends only on the window, the columns and
 * conditions that carry no values, so it is built once per such shape and kept (building it took
 * about 20 µs of each request); a condition with values builds it afresh.
 */
export function projectOverlapPageSql(em: EntityManager, projectId: string, conditions: Sql[], window: PageWindow, columns: OverlapColumns = {}): Sql {
  if (conditions.some((condition) => condition.params.length)) return ownOverlapPageSql(em, ownProjectCte(projectId), conditions, window, columns);
  const shape = [window.limit, window.offset, columns.projectProps?.join() ?? '*', columns.unitProps?.join() ?? '*', ...conditions.map((condition) => condition.sql)].join(' ');
  let kept = projectPageTexts.get(shape);
  if (!kept) {
    kept = ownOverlapPageSql(em, ownProjectCte(PROJECT_SLOT as unknown as string), conditions, window, columns);
    if (projectPageTexts.size < MAX_PROJECT_PAGE_TEXTS) projectPageTexts.set(shape, kept);
  }
  return new Sql(
    kept.sql,
    kept.params.map((value) => (value === PROJECT_SLOT ? projectId : value)),
  );
}

/**
 * The page of one project's overlaps with projects of other organisations, as
 * `overlaps(filter: { projectId })` runs it; exported for the benchmark, which runs it through pg.
 */
export function projectOverlapStatement(em: EntityManager, projectId: string, window: PageWindow, columns: OverlapColumns = {}): Sql {
  return projectOverlapPageSql(em, projectId, overlapConditionsSql({}), window, columns);
}
