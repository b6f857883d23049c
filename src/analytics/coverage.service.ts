import type { RequestContext } from '../common/context';
import { type Connection, type PageWindow, toConnection } from '../common/pagination';
import { normaliseCurrency } from '../common/validation';
import { REPORTING_CURRENCY } from '../funding/exchange-rate.entity';
import { MissingRate } from '../funding/funding-totals';
import { periodOf } from './analytics-checks';
import type { CoverageArgs } from './analytics.inputs';
import { CellFunding, CoverageCell, CoverageKind } from './analytics.types';
import { scopeCtes } from './coverage-sql';

interface CellRow {
  code: string;
  theme_code: string | null;
  projects: number;
  direct_projects: number;
  organisation_ids: string[];
  committed: string | null;
  disbursed: string | null;
  unconvertible: number;
  missing: { currency: string; date: string }[] | null;
}

/**
 * One statement for a whole page of a coverage map. Money follows funding-totals.ts: each
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
  const themeJoin = byTheme ? 'cross join lateral unnest(p.themes) as pt(theme_code) where pt.theme_code in (select code from themes)' : '';
  const themeColumn = byTheme ? 'pt.theme_code' : 'null::text';
  // The latest rate on or before a day, for days past the end of analytics_rate_day.
  const rateOn = (currencySql: string) =>
    `(select r.rate from exchange_rate r where r.currency = ${currencySql} and r.date <= t.value_date order by r.date desc limit 1)`;

  const sql = `
    with ${scope.sql},
    cpt as (
      select l.cell, ${themeColumn} as theme_code, l.project_id, l.direct, l.weight, p.organisation_bits
      from links l join proj p on p.id = l.project_id ${themeJoin}),
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
    agg as (
      select c.cell, c.theme_code, count(*)::int as projects, count(*) filter (where c.direct)::int as direct_projects,
        round(sum(coalesce(m.committed, 0) * c.weight) filter (where c.direct), 2)::text as committed,
        round(sum(coalesce(m.disbursed, 0) * c.weight) filter (where c.direct), 2)::text as disbursed,
        coalesce(sum(m.unconvertible) filter (where c.direct), 0)::int as unconvertible,
        -- One bit per organisation (analytics_organisation): uniting them is far cheaper than sorting ids.
        bit_or(c.organisation_bits) as organisation_bits
      from cpt c left join money m on m.project_id = c.project_id group by c.cell, c.theme_code),
    gaps as (
      select x.cell, x.theme_code, jsonb_agg(jsonb_build_object('currency', x.currency, 'date', x.since) order by x.currency) as missing
      from (select c.cell, c.theme_code, mi.currency, min(mi.since) as since from cpt c join missing mi on mi.project_id = c.project_id
        where c.direct group by c.cell, c.theme_code, mi.currency) x
      group by x.cell, x.theme_code)
    select pg.code, pg.theme_code, coalesce(a.projects, 0) as projects, coalesce(a.direct_projects, 0) as direct_projects,
      -- Most organisations' bits are set in a busy cell: test each bit rather than walk them.
      case when a.organisation_bits is null then '{}'::uuid[]
        else array(select o.id from analytics_organisation o where get_bit(a.organisation_bits, o.position - 1) = 1 order by o.id) end
        as organisation_ids, coalesce(a.committed, '0.00') as committed,
      coalesce(a.disbursed, '0.00') as disbursed, coalesce(a.unconvertible, 0) as unconvertible, g.missing
    from page pg
    left join agg a on a.cell = pg.code and a.theme_code is not distinct from pg.theme_code
    left join gaps g on g.cell = pg.code and g.theme_code is not distinct from pg.theme_code
    order by pg.path, pg.theme_code nulls first`;
  const params = [...scope.params, currency, currency, currency, currency, currency, currency];
  const connection = ctx.em.getConnection();
  const countSql = `select (${scope.cellCountSql}) * (select count(*) from (${themeList}) t) as total`;
  const countParams = [...scope.cellParams, ...themeParams];
  const [rows, [{ total }]] = await Promise.all([
    connection.execute<CellRow[]>(sql, params),
    connection.execute<{ total: string }[]>(countSql, countParams),
  ]);
  return toConnection(rows.map((row) => toCell(row, currency)), Number(total), window);
}

function toCell(row: CellRow, currency: string): CoverageCell {
  const complete = Number(row.unconvertible) === 0;
  const funding = Object.assign(new CellFunding(), {
    currency,
    complete,
    committed: complete ? row.committed : null,
    disbursed: complete ? row.disbursed : null,
    missingRates: (row.missing ?? []).map((missing) => Object.assign(new MissingRate(), { currency: missing.currency, onOrBefore: missing.date })),
  });
  const projects = Number(row.projects);
  const direct = Number(row.direct_projects);
  return Object.assign(new CoverageCell(), {
    unitCode: row.code,
    themeCode: row.theme_code,
    organisationIds: row.organisation_ids,
    coverage: direct > 0 ? CoverageKind.DIRECT : projects > 0 ? CoverageKind.INHERITED : CoverageKind.NONE,
    projectCount: projects,
    directProjectCount: direct,
    inheritedProjectCount: projects - direct,
    organisationCount: row.organisation_ids.length,
    funding,
  });
}
