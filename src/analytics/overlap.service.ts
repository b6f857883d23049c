import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../common/context';
import { leanFromJson, leanJsonSql } from '../common/lean-rows';
import { found } from '../common/loaded';
import { AdminUnit } from '../geography/admin-unit.entity';
import type { AdminUnitRecord } from '../geography/geography.loaders';
import { Project } from '../projects/project.entity';
import type { ProjectRecord } from '../projects/project.loaders';
import { Theme } from '../themes/theme.entity';
import type { ThemeRecord } from '../themes/theme.loaders';
import { type Connection, type PageWindow, toConnection, windowTotal } from '../common/pagination';
import { badInput } from '../common/validation';
import { AnalyticsErrorCode } from './analytics.errors';
import { isUuid } from '../common/ids';
import { atOrInside, checkOrganisation, checkProject, checkThemes, periodOf, requireUnit, unknownOrganisation, unknownProject } from './analytics-checks';
import type { OverlapFilter } from './analytics.inputs';
import { Overlap, OverlapKind, OverlapScoreComponents } from './analytics.types';
import type { Statement } from './statement';

type LeanJson = Record<string, unknown>;

interface OverlapRow {
  project_a: string;
  project_b: string;
  unit_codes: string[];
  theme_codes: string[];
  period_start: string | null;
  period_end: string | null;
  geographic: string;
  time_share: string;
  theme_similarity: string;
  score: string;
  same_organisation: boolean;
  kind: OverlapKind;
  total: string | null;
  /** On the first row only: the page's projects, units and themes. */
  related: { projects: LeanJson[] | null; units: LeanJson[] | null; themes: LeanJson[] | null } | null;
}

/** The projects, units and themes a page names, by key. */
interface Related {
  projects: Map<string, ProjectRecord>;
  units: Map<string, AdminUnitRecord>;
  themes: Map<string, ThemeRecord>;
}

function relatedOf(em: EntityManager, rows: OverlapRow[]): Related {
  const related = rows[0]?.related;
  const byKey = <T>(entity: string, key: keyof T & string, values: LeanJson[] | null | undefined) =>
    new Map((values ?? []).map((value) => {
      const record = leanFromJson<T>(em, entity, value);
      return [record[key] as string, record];
    }));
  return {
    projects: byKey<ProjectRecord>(Project.name, 'id', related?.projects),
    units: byKey<AdminUnitRecord>(AdminUnit.name, 'code', related?.units),
    themes: byKey<ThemeRecord>(Theme.name, 'code', related?.themes),
  };
}

const PAIR_COLUMNS = 'o.shared_units, o.shared_themes, o.period, o.geographic, o.time_share, o.theme_similarity, o.score, o.same_organisation, o.kind';

const OWN_PROJECT_SQL = 'own (id) as (select ?::uuid)';
const OWN_PROJECTS_SQL = 'own as materialized (select distinct project_id as id from project_participant where organisation_id in (?))';

/**
 * The statement for a page of pair rows (`inner`, which may use the CTE `own` given in `ownCte`),
 * decoded for output: bit strings to codes (set bits only), dates out of the range. The first row
 * also carries `related`: every project, unit and theme the page names, once each, as lean rows in
 * JSON (src/common/lean-rows.ts). So one statement answers a page with both projects, the shared
 * units and themes, which through the loaders took three more; and a project's page, where one
 * side is always the same project, builds that project once rather than once per pair.
 */
function pageStatementSql(em: EntityManager, ownCte: string | null, inner: string): string {
  const ctes = [
    ...(ownCte ? [ownCte] : []),
    `page as materialized (${inner})`,
    `decoded as materialized (select page.*, analytics_bit_positions(page.shared_units) as unit_ids,
      analytics_bit_positions(page.shared_themes) as theme_ids from page)`,
  ];
  const order = 'd.score desc, d.project_a, d.project_b';
  return `with ${ctes.join(', ')}
  select d.project_a, d.project_b, d.geographic, d.time_share, d.theme_similarity, d.score, d.same_organisation, d.kind,
    lower(d.period)::text as period_start, (upper(d.period) - 1)::text as period_end,
    array(select u.code from analytics_unit u where u.id = any(d.unit_ids) order by u.id) as unit_codes,
    array(select t.code from analytics_theme t where t.id = any(d.theme_ids) order by t.id) as theme_codes,
    d.total,
    case when row_number() over (order by ${order}) = 1 then json_build_object(
      'projects', (select json_agg(${leanJsonSql(em, Project.name, 'p')}) from project p
        where p.id in (select project_a from page union select project_b from page)),
      'units', (select json_agg(${leanJsonSql(em, AdminUnit.name, 'unit')}) from admin_unit unit
        where unit.code in (select u.code from analytics_unit u where u.id in (select unnest(unit_ids) from decoded))),
      'themes', (select json_agg(${leanJsonSql(em, Theme.name, 'theme')}) from theme
        where theme.code in (select t.code from analytics_theme t where t.id in (select unnest(theme_ids) from decoded)))
    ) end as related
  from decoded d order by ${order}`;
}

/**
 * The page of overlaps of the projects in the CTE `own` (with its parameters), turned so that
 * `project_a` is one of them; a pair of two of them is listed once. For each of their projects,
 * each side of the stored pair is read in score order from its own index (analytics_overlap_a_rank_idx,
 * _b_rank_idx) and cut at `limit + offset`: however many pairs an organisation has, a page reads
 * that many index entries per project and side. The total is counted per project through the
 * same indexes. `conditions` are on `o` and must not tell the sides of a pair apart.
 */
function ownPageStatement(em: EntityManager, own: Statement, conditions: Statement, window: PageWindow): Statement {
  const and = conditions.sql ? ` and ${conditions.sql}` : '';
  const notBothOwn = 'and o.project_a not in (select id from own)';
  const reach = window.limit + window.offset;
  return {
    sql: pageStatementSql(em, own.sql, `
        select page.*, (select sum(n.pairs) from own cross join lateral (
            select count(*) as pairs from analytics_overlap o where o.project_a = own.id${and}
            union all
            select count(*) from analytics_overlap o where o.project_b = own.id ${notBothOwn}${and}) n) as total
        from (select turned.* from own cross join lateral (
            (select o.project_a, o.project_b, ${PAIR_COLUMNS} from analytics_overlap o
              where o.project_a = own.id${and} order by o.score desc, o.project_b limit ?)
            union all
            (select o.project_b, o.project_a, ${PAIR_COLUMNS} from analytics_overlap o
              where o.project_b = own.id ${notBothOwn}${and} order by o.score desc, o.project_a limit ?)) turned) page
        order by page.score desc, page.project_a, page.project_b limit ? offset ?`),
    params: [
      ...own.params,
      ...conditions.params, ...conditions.params,
      ...conditions.params, reach, ...conditions.params, reach,
      window.limit, window.offset,
    ],
  };
}

/**
 * The page of one project's overlaps with projects of other organisations, as
 * `overlaps(filter: { projectId })` runs it; exported for the benchmark, which runs it through pg.
 */
export function projectOverlapStatement(em: EntityManager, projectId: string, window: PageWindow): Statement {
  return ownPageStatement(em, { sql: OWN_PROJECT_SQL, params: [projectId] }, { sql: 'not o.same_organisation', params: [] }, window);
}

function toOverlap(row: OverlapRow, related: Related): Overlap {
  const components = Object.assign(new OverlapScoreComponents(), {
    geographic: Number(row.geographic),
    time: Number(row.time_share),
    themes: Number(row.theme_similarity),
  });
  return Object.assign(new Overlap(), {
    projectAId: row.project_a,
    projectBId: row.project_b,
    projectA: related.projects.get(row.project_a),
    projectB: related.projects.get(row.project_b),
    sharedUnits: found(row.unit_codes.map((code) => related.units.get(code))),
    sharedThemes: found(row.theme_codes.map((code) => related.themes.get(code))),
    periodStart: row.period_start,
    periodEnd: row.period_end === 'infinity' ? null : row.period_end,
    score: Number(row.score),
    components,
    kind: row.kind,
    sameOrganisation: row.kind !== OverlapKind.DIFFERENT_IMPLEMENTERS,
  });
}

function toOverlaps(em: EntityManager, rows: OverlapRow[]): Overlap[] {
  const related = relatedOf(em, rows);
  return rows.map((row) => toOverlap(row, related));
}

/**
 * Overlapping pairs of projects, highest score first, then by project ids, all read from
 * analytics_overlap: with `projectId` or `organisationId` through its project indexes, otherwise
 * the whole country through its score index. A filter naming an unknown project or organisation
 * is only looked up when nothing matched, which spares a statement on every good request.
 */
export async function listOverlaps(
  ctx: RequestContext,
  filter: OverlapFilter | null | undefined,
  window: PageWindow,
  /** Instead of `filter.organisationId`: the overlaps of any of these organisations (the briefing's members). */
  organisationIds?: string[],
): Promise<Connection<Overlap>> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    conditions.push(sql);
    params.push(...values);
  };
  if (filter?.minScore != null) {
    if (!(filter.minScore >= 0 && filter.minScore <= 1)) {
      throw badInput(AnalyticsErrorCode.MIN_SCORE_OUT_OF_RANGE, `\`minScore\` is between 0 and 1; got ${filter.minScore}.`, 'filter.minScore');
    }
    add('o.score >= ?', filter.minScore);
  }
  if (filter?.projectId && !isUuid(filter.projectId)) unknownProject(filter.projectId);
  if (filter?.organisationId && !isUuid(filter.organisationId)) unknownOrganisation(filter.organisationId);
  if (filter?.unitCode) {
    const unit = await requireUnit(ctx, filter.unitCode, 'filter.unitCode');
    const [inside, insideParams] = atOrInside('u.path', unit);
    add(`bit_count(o.shared_units & (select bit_or(u.bit) from analytics_unit u where ${inside})) > 0`, ...insideParams);
  }
  const themes = await checkThemes(ctx, filter?.themeCodes, 'filter.themeCodes');
  if (themes) add('bit_count(o.shared_themes & (select bit_or(t.bit) from analytics_theme t where t.code in (?))) > 0', themes);
  if (filter?.activeDuring) {
    const [from, to] = periodOf(filter.activeDuring, 'filter.activeDuring', [null, null]);
    add(`o.period && daterange(?::date, ?::date, '[]')`, from, to);
  }
  if (!filter?.includeSameOrganisation) add('not o.same_organisation');
  if (filter?.kinds?.length) add('o.kind in (?)', filter.kinds);
  const connection = ctx.em.getConnection();

  const projectId = filter?.projectId;
  const organisations = filter?.organisationId ? [filter.organisationId] : organisationIds?.filter(isUuid);
  if (projectId || organisations?.length) {
    let own: Statement = { sql: OWN_PROJECTS_SQL, params: [organisations] };
    if (projectId) {
      own = { sql: OWN_PROJECT_SQL, params: [projectId] };
      if (filter.organisationId) {
        // With one of the pair this project, "one of them is the organisation's" does not depend on the side.
        add(`(o.project_a in (select project_id from project_participant where organisation_id = ?)
          or o.project_b in (select project_id from project_participant where organisation_id = ?))`, filter.organisationId, filter.organisationId);
      }
    }
    const pageOf = (pageWindow: PageWindow) => {
      const statement = ownPageStatement(ctx.em, own, { sql: conditions.join(' and '), params }, pageWindow);
      return connection.execute<OverlapRow[]>(statement.sql, statement.params);
    };
    const rows = await pageOf(window);
    if (!rows.length) {
      // Nothing on this page: either a filter names something unknown, or the page is past the end.
      if (projectId) await checkProject(ctx, projectId, 'filter.projectId');
      if (filter?.organisationId) await checkOrganisation(ctx, filter.organisationId, 'filter.organisationId');
    }
    return toConnection(toOverlaps(ctx.em, rows), await windowTotal(rows, window, pageOf), window);
  }

  const where: Statement = { sql: conditions.length ? `where ${conditions.join(' and ')}` : '', params };
  // Unfiltered, the total is the kept count rather than a count of every pair.
  const kept =
    conditions.length === 0 ? 'different_organisations + same_organisation' : conditions.length === 1 && !filter?.includeSameOrganisation ? 'different_organisations' : null;
  const countSql = kept ? `select ${kept} as total from analytics_overlap_total` : `select count(*) as total from analytics_overlap o ${where.sql}`;
  const [rows, [{ total }]] = await Promise.all([
    connection.execute<OverlapRow[]>(
      pageStatementSql(ctx.em, null, `select o.project_a, o.project_b, ${PAIR_COLUMNS}, null as total
        from analytics_overlap o ${where.sql} order by o.score desc, o.project_a, o.project_b limit ? offset ?`),
      [...params, window.limit, window.offset],
    ),
    connection.execute<{ total: string }[]>(countSql, kept ? [] : params),
  ]);
  return toConnection(toOverlaps(ctx.em, rows), Number(total), window);
}
