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
  const scope = await scopeCtes(ctx, {
    level: args.level,
    withinCode: filter?.withinCode,
    withinField: 'filter.withinCode',
    themeCodes: filter?.themeCodes,
    themesField: 'filter.themeCodes',
    period,
    organisationIds: filter?.organisationIds,
  });
  const byTheme = filter?.byTheme ?? false;
  const themeList = byTheme ? (scope.themes ? 'select code from theme where code in (?)' : 'select code from theme') : 'select null::text as code';
  const themeParams = byTheme && scope.themes ? [scope.themes] : [];
  const themeJoin = byTheme ? 'join project_theme pt on pt.project_id = cp.project_id and pt.theme_code in (select code from themes)' : '';
  const themeColumn = byTheme ? 'pt.theme_code' : 'null::text';

  const sql = `
    with ${scope.sql},
    themes as materialized (${themeList}),
    -- Each coverage row's part of its project's money: its share, else an even part of the rest.
    weights as (
      select cov.project_id, cov.unit_code,
        case when cov.share is not null then cov.share / 100
          else greatest(0, 1 - coalesce(sum(cov.share) over w, 0) / 100) / nullif(count(*) filter (where cov.share is null) over w, 0) end as weight
      from cov window w as (partition by cov.project_id)),
    cell_project as (
      select l.cell, l.project_id, bool_or(l.direct) as direct, coalesce(sum(w.weight) filter (where l.direct), 0) as weight
      from links l left join weights w on w.project_id = l.project_id and w.unit_code = l.unit_code and l.direct
      group by l.cell, l.project_id),
    cpt as (select cp.cell, ${themeColumn} as theme_code, cp.project_id, cp.direct, cp.weight from cell_project cp ${themeJoin}),
    tx as (
      select t.project_id, t.type, t.amount, t.currency, t.value_date,
        case when t.currency = ? then t.amount
          else t.amount * (case when t.currency = '${REPORTING_CURRENCY}' then 1::numeric else
            (select r.rate from exchange_rate r where r.currency = t.currency and r.date <= t.value_date order by r.date desc limit 1) end)
            / (case when ? = '${REPORTING_CURRENCY}' then 1::numeric else
            (select r.rate from exchange_rate r where r.currency = ? and r.date <= t.value_date order by r.date desc limit 1) end) end as converted
      from funding_transaction t
      where t.type in ('COMMITMENT', 'DISBURSEMENT') and t.project_id in (select project_id from cell_project where direct)),
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
        coalesce(sum(m.unconvertible) filter (where c.direct), 0)::int as unconvertible
      from cpt c left join money m on m.project_id = c.project_id group by c.cell, c.theme_code),
    orgs as (
      select c.cell, c.theme_code, array_agg(distinct pp.organisation_id) as organisation_ids
      from cpt c join project_participant pp on pp.project_id = c.project_id group by c.cell, c.theme_code),
    gaps as (
      select c.cell, c.theme_code, jsonb_agg(jsonb_build_object('currency', x.currency, 'date', x.since) order by x.currency) as missing
      from (select c.cell, c.theme_code, mi.currency, min(mi.since) as since from cpt c join missing mi on mi.project_id = c.project_id
        where c.direct group by c.cell, c.theme_code, mi.currency) x
      join (select distinct cell, theme_code from cpt) c on c.cell = x.cell and c.theme_code is not distinct from x.theme_code
      group by c.cell, c.theme_code)
    select cl.code, th.code as theme_code, coalesce(a.projects, 0) as projects, coalesce(a.direct_projects, 0) as direct_projects,
      coalesce(o.organisation_ids, '{}') as organisation_ids, coalesce(a.committed, '0.00') as committed,
      coalesce(a.disbursed, '0.00') as disbursed, coalesce(a.unconvertible, 0) as unconvertible, g.missing
    from cells cl cross join themes th
    left join agg a on a.cell = cl.code and a.theme_code is not distinct from th.code
    left join orgs o on o.cell = cl.code and o.theme_code is not distinct from th.code
    left join gaps g on g.cell = cl.code and g.theme_code is not distinct from th.code
    order by cl.path, th.code nulls first
    limit ? offset ?`;
  const params = [...scope.params, ...themeParams, currency, currency, currency, currency, currency, window.limit, window.offset];
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
