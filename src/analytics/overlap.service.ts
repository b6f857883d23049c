import type { RequestContext } from '../common/context';
import { type Connection, type PageWindow, toConnection } from '../common/pagination';
import { badInput } from '../common/validation';
import { AnalyticsErrorCode } from './analytics.errors';
import { atOrInside, checkOrganisation, checkProject, checkThemes, periodOf, requireUnit } from './analytics-checks';
import type { OverlapFilter } from './analytics.inputs';
import { ensureFresh } from './analytics-store';
import { Overlap, OverlapScoreComponents } from './analytics.types';

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
  total?: string;
}

/** Level masks of the unit bit strings (analytics_unit), for the geographic component. */
const MASKS_SQL = `select bit_or(bit) filter (where level = 1) as m1, bit_or(bit) filter (where level = 2) as m2, bit_or(bit) filter (where level = 3) as m3 from analytics_unit`;

/**
 * One project's overlaps, computed on the fly from analytics_project: candidates come from the
 * GIN index on themes and the GiST index on periods, the unit tree is met by bit strings of the
 * units each project covers at or below what it names (`area`); analytics_pair scores each pair.
 * Exported for the benchmark, which runs the same statement directly through pg.
 */
export const PROJECT_PAIRS_SQL = `
  select p.id as project_a, c.id as project_b, (analytics_pair(p, c, m.m1, m.m2, m.m3)).*
  from analytics_project p
  cross join (${MASKS_SQL}) m
  join analytics_project c on c.id <> p.id and c.themes && p.themes and c.period && p.period and bit_count(c.area & p.area) > 0
  where p.id = ?`;

/**
 * The overlaps of every project of some organisations, computed on the spot like one project's
 * (so they never wait for the national pair view). A pair of two of their own projects is listed
 * once.
 */
const ORGANISATION_PAIRS_SQL = `
  select p.id as project_a, c.id as project_b, (analytics_pair(p, c, m.m1, m.m2, m.m3)).*
  from analytics_project p
  cross join (${MASKS_SQL}) m
  join analytics_project c on c.id <> p.id and c.themes && p.themes and c.period && p.period and bit_count(c.area & p.area) > 0
  where p.id in (select project_id from project_participant where organisation_id in (?))
    and (p.id < c.id or c.id not in (select project_id from project_participant where organisation_id in (?)))`;

/** Turns a page of pair rows into output: bit strings to codes, dates out of the range. */
const DECODE_SQL = (inner: string) => `
  select page.project_a, page.project_b, page.geographic, page.time_share, page.theme_similarity, page.score, page.same_organisation,
    lower(page.period)::text as period_start, (upper(page.period) - 1)::text as period_end,
    array(select u.code from analytics_unit u where substring(page.shared_units from u.id for 1) = B'1' order by u.path) as unit_codes,
    array(select t.code from analytics_theme t where substring(page.shared_themes from t.id for 1) = B'1' order by t.code) as theme_codes,
    page.total
  from (${inner}) page`;


function toOverlap(row: OverlapRow): Overlap {
  const components = Object.assign(new OverlapScoreComponents(), {
    geographic: Number(row.geographic),
    time: Number(row.time_share),
    themes: Number(row.theme_similarity),
  });
  return Object.assign(new Overlap(), {
    projectAId: row.project_a,
    projectBId: row.project_b,
    sharedUnitCodes: row.unit_codes,
    sharedThemeCodes: row.theme_codes,
    periodStart: row.period_start,
    periodEnd: row.period_end === 'infinity' ? null : row.period_end,
    score: Number(row.score),
    components,
    sameOrganisation: row.same_organisation,
  });
}

/**
 * Overlapping pairs of projects, highest score first, then by project ids. With `projectId` or
 * `organisationId` the pairs are computed on the spot from analytics_project; otherwise they come
 * from analytics_overlap, the materialised list of every pair in the country.
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
  if (filter?.projectId) await checkProject(ctx, filter.projectId, 'filter.projectId');
  if (filter?.organisationId) await checkOrganisation(ctx, filter.organisationId, 'filter.organisationId');
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
  const connection = ctx.em.getConnection();

  const organisations = filter?.organisationId ? [filter.organisationId] : organisationIds;
  if (filter?.projectId || organisations?.length) {
    await ensureFresh(ctx, false);
    let inner = ORGANISATION_PAIRS_SQL;
    let innerParams: unknown[] = [organisations, organisations];
    if (filter?.projectId) {
      inner = PROJECT_PAIRS_SQL;
      innerParams = [filter.projectId];
      if (filter.organisationId) {
        add('(o.project_b in (select project_id from project_participant where organisation_id = ?) or exists (select 1 from project_participant where project_id = ? and organisation_id = ?))', filter.organisationId, filter.projectId, filter.organisationId);
      }
    }
    const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
    const rows = await connection.execute<OverlapRow[]>(
      DECODE_SQL(`select o.*, count(*) over () as total from (${inner}) o ${where} order by o.score desc, o.project_a, o.project_b limit ? offset ?`) +
        ' order by page.score desc, page.project_a, page.project_b',
      [...innerParams, ...params, window.limit, window.offset],
    );
    return toConnection(rows.map(toOverlap), rows.length ? Number(rows[0].total) : await countPairs(ctx, inner, innerParams, where, params), window);
  }

  await ensureFresh(ctx, true);
  const select = 'o.project_a, o.project_b';
  const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
  const [rows, [{ total }]] = await Promise.all([
    connection.execute<OverlapRow[]>(
      DECODE_SQL(`select ${select}, o.shared_units, o.shared_themes, o.period, o.geographic, o.time_share, o.theme_similarity, o.score,
        o.same_organisation, o.project_a as canonical_a, o.project_b as canonical_b, null as total
        from analytics_overlap o ${where} order by o.score desc, o.project_a, o.project_b limit ? offset ?`) +
        ' order by page.score desc, page.canonical_a, page.canonical_b',
      [...params, window.limit, window.offset],
    ),
    connection.execute<{ total: string }[]>(`select count(*) as total from analytics_overlap o ${where}`, params),
  ]);
  return toConnection(rows.map(toOverlap), Number(total), window);
}

/** Total of the pairs when the asked-for page is past the end (the window count is then missing). */
async function countPairs(ctx: RequestContext, inner: string, innerParams: unknown[], where: string, params: unknown[]): Promise<number> {
  const [{ total }] = await ctx.em.getConnection().execute<{ total: string }[]>(`select count(*) as total from (${inner}) o ${where}`, [...innerParams, ...params]);
  return Number(total);
}
