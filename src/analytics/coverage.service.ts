import type { RequestContext } from '../common/context';
import { type Connection, type PageWindow, toConnection } from '../common/pagination';
import { normaliseCurrency } from '../common/validation';
import { REPORTING_CURRENCY } from '../funding/exchange-rate.entity';
import { MissingRate } from '../funding/funding-totals';
import { periodOf } from './analytics-checks';
import type { CoverageArgs } from './analytics.inputs';
import { CellFunding, CoverageCell, CoverageKind } from './analytics.types';
import { scopeCtes } from './coverage-sql';

/** Which organisation each bit stands for: once, on the first row of a page. */
const ORGANISATION_POSITIONS_SQL = `case when row_number() over (order by pg.path, pg.theme_code nulls first) = 1
  then (select json_object_agg(o.position, o.id) from analytics_organisation o) end as organisation_positions`;

interface CellRow {
  code: string;
  theme_code: string | null;
  projects: number;
  direct_projects: number;
  /** Bit string as text, '1' where the organisation at that position takes part; null without projects. */
  organisation_bits: string | null;
  committed: string | null;
  disbursed: string | null;
  unconvertible: number;
  missing: { currency: string; date: string }[] | null;
  organisation_positions: Record<string, string> | null;
}

/**
 * One statement for a whole page of a coverage map: read from the kept cells (analytics_cell)
 * for the map without filters in the reporting currency, computed otherwise. Money follows funding-totals.ts: each
 * transaction is converted at the latest rate on or before its value date of its own currency
 * and of the target currency (both against USD); a missing rate makes the figure null and is
 * reported, never guessed.
 */
export async function coverageMap(ctx: RequestContext, args: CoverageArgs, window: PageWindow): Promise<Connection<CoverageCell>> {
  const currency = normaliseCurrency(args.currency, 'currency');
  const filter = args.filter;
  const period = filter?.activeDuring ? periodOf(filter.activeDuring, 'filter.activeDuring', [null, null]) : null;
  const byTheme = filter?.byTheme ?? false;
  // Theme codes are checked by scopeCtes; the page is cut before any project is looked at.
  const themeCodes = filter?.themeCodes?.length ? [...new Set(filter.themeCodes)] : null;
  const themeList = byTheme ? (themeCodes ? 'select code from theme where code in (?)' : 'select code from theme') : 'select null::text as code';
  const themeParams = byTheme && themeCodes ? [themeCodes] : [];
  const scope = await scopeCtes(ctx, {
    level: args.level,
    withinCode: filter?.withinCode,
    withinField: 'filter.withinCode',
    themeCodes: filter?.themeCodes,
    themesField: 'filter.themeCodes',
    period,
    organisationIds: filter?.organisationIds,
    extra: {
      sql: `themes as materialized (${themeList}),
        page as materialized (
          select cl.code, cl.path, th.code as theme_code from cells cl cross join themes th
          order by cl.path, th.code nulls first limit ? offset ?)`,
      params: [...themeParams, window.limit, window.offset],
    },
    linkCells: 'page',
  });
  // With `byTheme`, a project counts in each of its themes' cells.
  const themeJoin = byTheme
    ? 'cross join lateral unnest(s.themes) as pt(theme_code) where pt.theme_code in (select code from themes)'
    : 'cross join (values (null::text)) as pt(theme_code)';
  // The latest rate on or before a day, for days past the end of analytics_rate_day.
  const rateOn = (currencySql: string) =>
    `(select r.rate from exchange_rate r where r.currency = ${currencySql} and r.date <= t.value_date order by r.date desc limit 1)`;

  const sql = `
    with ${scope.sql},
    tx as (
      select t.project_id, t.type, t.currency, t.value_date,
        case when t.currency = ? then t.amount
          else t.amount * (case when t.currency = '${REPORTING_CURRENCY}' then 1::numeric else coalesce(rc.rate, ${rateOn('t.currency')}) end)
            / (case when ? = '${REPORTING_CURRENCY}' then 1::numeric else coalesce(rt.rate, ${rateOn('?')}) end) end as converted
      from funding_transaction t
      left join analytics_rate_day rc on rc.currency = t.currency and rc.day = t.value_date
      left join analytics_rate_day rt on rt.currency = ? and rt.day = t.value_date
      where t.type in ('COMMITMENT', 'DISBURSEMENT') and t.project_id in (select project_id from links where direct)),
    money as (
      select project_id,
        sum(converted) filter (where type = 'COMMITMENT') as committed,
        sum(converted) filter (where type = 'DISBURSEMENT') as disbursed,
        count(*) filter (where converted is null) as unconvertible
      from tx group by project_id),
    missing as (
      select project_id, m.currency, min(value_date) as since from tx
      cross join lateral (select case when not exists (select 1 from exchange_rate r where r.currency = tx.currency and r.date <= tx.value_date)
        and tx.currency not in (?, '${REPORTING_CURRENCY}') then tx.currency else ? end as currency) m
      where converted is null group by project_id, m.currency),
    -- Summed first per cell and set of themes, then per theme: far fewer rows to spread over themes.
    per_theme_set as (
      select l.cell, l.themes, count(*) as projects, count(*) filter (where l.direct) as direct_projects,
        sum(coalesce(m.committed, 0) * l.weight) filter (where l.direct) as committed,
        sum(coalesce(m.disbursed, 0) * l.weight) filter (where l.direct) as disbursed,
        sum(m.unconvertible) filter (where l.direct) as unconvertible,
        -- One bit per organisation (analytics_organisation): uniting them is far cheaper than sorting ids.
        bit_or(l.organisation_bits) as organisation_bits
      from links l left join money m on m.project_id = l.project_id group by l.cell, l.themes),
    agg as (
      select s.cell, pt.theme_code, sum(s.projects)::int as projects, sum(s.direct_projects)::int as direct_projects,
        round(sum(s.committed), 2)::text as committed, round(sum(s.disbursed), 2)::text as disbursed,
        coalesce(sum(s.unconvertible), 0)::int as unconvertible, bit_or(s.organisation_bits) as organisation_bits
      from per_theme_set s ${themeJoin} group by s.cell, pt.theme_code),
    gaps as (
      select x.cell, x.theme_code, jsonb_agg(jsonb_build_object('currency', x.currency, 'date', x.since) order by x.currency) as missing
      from (select s.cell, pt.theme_code, mi.currency, min(mi.since) as since
        from missing mi join links s on s.project_id = mi.project_id and s.direct ${themeJoin}
        group by s.cell, pt.theme_code, mi.currency) x
      group by x.cell, x.theme_code)
    select pg.code, pg.theme_code, coalesce(a.projects, 0) as projects, coalesce(a.direct_projects, 0) as direct_projects,
      a.organisation_bits::text as organisation_bits, coalesce(a.committed, '0.00') as committed,
      coalesce(a.disbursed, '0.00') as disbursed, coalesce(a.unconvertible, 0) as unconvertible, g.missing,
      ${ORGANISATION_POSITIONS_SQL}
    from page pg
    left join agg a on a.cell = pg.code and a.theme_code is not distinct from pg.theme_code
    left join gaps g on g.cell = pg.code and g.theme_code is not distinct from pg.theme_code
    order by pg.path, pg.theme_code nulls first`;
  const params = [...scope.params, currency, currency, currency, currency, currency, currency];
  const connection = ctx.em.getConnection();
  const countSql = `select (${scope.cellCountSql}) * (select count(*) from (${themeList}) t) as total`;
  const countParams = [...scope.cellParams, ...themeParams];

  // The map without filters in the reporting currency is kept per unit and theme (the
  // coverage_cells migration); theme cells of chosen themes are the same cells.
  const kept = currency === REPORTING_CURRENCY && !period && !filter?.organisationIds?.length && (byTheme || !themeCodes);
  const keptSql = `
    with ${scope.sql}
    select pg.code, pg.theme_code, coalesce(c.projects, 0) as projects, coalesce(c.direct_projects, 0) as direct_projects,
      c.organisation_bits::text as organisation_bits, round(coalesce(c.committed, 0), 2)::text as committed,
      round(coalesce(c.disbursed, 0), 2)::text as disbursed, coalesce(c.unconvertible, 0) as unconvertible, null::jsonb as missing,
      ${ORGANISATION_POSITIONS_SQL}
    from page pg left join analytics_cell c on c.unit_code = pg.code and c.theme_code = coalesce(pg.theme_code, '')
    order by pg.path, pg.theme_code nulls first`;
  const [keptRows, [{ total }]] = await Promise.all([
    kept ? connection.execute<CellRow[]>(keptSql, scope.params) : null,
    connection.execute<{ total: string }[]>(countSql, countParams),
  ]);
  // A transaction without a rate: the kept cells count it, the computed map says which rate is missing.
  const rows = keptRows && keptRows.every((row) => Number(row.unconvertible) === 0) ? keptRows : await connection.execute<CellRow[]>(sql, params);
  const positions: Record<string, string> = rows[0]?.organisation_positions ?? {};
  return toConnection(rows.map((row) => toCell(row, currency, positions)), Number(total), window);
}

/** The ids of the organisations whose bits are set ('1' at index position - 1), sorted. */
function organisationsOf(bits: string | null, positions: Record<string, string>): string[] {
  const ids: string[] = [];
  for (let index = bits ? bits.indexOf('1') : -1; index >= 0; index = bits!.indexOf('1', index + 1)) ids.push(positions[index + 1]);
  return ids.sort();
}

function toCell(row: CellRow, currency: string, positions: Record<string, string>): CoverageCell {
  const complete = Number(row.unconvertible) === 0;
  const funding = Object.assign(new CellFunding(), {
    currency,
    complete,
    committed: complete ? row.committed : null,
    disbursed: complete ? row.disbursed : null,
    missingRates: (row.missing ?? []).map((missing) => Object.assign(new MissingRate(), { currency: missing.currency, onOrBefore: missing.date })),
  });
  const organisationIds = organisationsOf(row.organisation_bits, positions);
  const projects = Number(row.projects);
  const direct = Number(row.direct_projects);
  return Object.assign(new CoverageCell(), {
    unitCode: row.code,
    themeCode: row.theme_code,
    organisationIds,
    coverage: direct > 0 ? CoverageKind.DIRECT : projects > 0 ? CoverageKind.INHERITED : CoverageKind.NONE,
    projectCount: projects,
    directProjectCount: direct,
    inheritedProjectCount: projects - direct,
    organisationCount: organisationIds.length,
    funding,
  });
}
