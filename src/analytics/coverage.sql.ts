import type { PageWindow } from '../common/pagination';
import { type Sql, sql, sqlText } from '../common/sql';
import { REPORTING_CURRENCY } from '../funding/exchange-rate.entity';
import { type Scope, scopeCellCount, scopeCtes } from './scope.sql';

/** A coverage map's page: its scope, the currency of its money and whether cells are per theme. */
export interface CoveragePage {
  scope: Scope;
  currency: string;
  byTheme: boolean;
  window: PageWindow;
}

/** Which organisation each bit stands for: once, on the first row of a page. */
const ORGANISATION_POSITIONS = sqlText(`case when row_number() over (order by pg.path, pg.theme_code nulls first) = 1
  then (select json_object_agg(o.position, o.id) from analytics_organisation o) end as organisation_positions`);

/** The themes of the cells: each chosen theme (or every theme) with `byTheme`, else one "all themes" row. */
function themeList(page: CoveragePage): Sql {
  if (!page.byTheme) return sqlText('select null::text as code');
  return page.scope.themes ? sql`select code from theme where code in (${page.scope.themes})` : sqlText('select code from theme');
}

/** The scope's CTEs with `themes` and `page` (the cells of this page: units × themes in map order). */
function pageCtes(page: CoveragePage): Sql {
  return scopeCtes(page.scope, {
    extra: sql`themes as materialized (${themeList(page)}),
        page as materialized (
          select cl.code, cl.path, th.code as theme_code from cells cl cross join themes th
          order by cl.path, th.code nulls first limit ${page.window.limit} offset ${page.window.offset})`,
    linkCells: 'page',
  });
}

/** How many cells the whole map has: units × themes. */
export function coverageCountSql(page: CoveragePage): Sql {
  return sql`select (${scopeCellCount(page.scope)}) * (select count(*) from (${themeList(page)}) t) as total`;
}

/**
 * The page from the kept cells (analytics_cell, the coverage_cells migration): the map without
 * filters in the reporting currency. Theme cells of chosen themes are the same cells.
 */
export function keptCoverageSql(page: CoveragePage): Sql {
  return sql`
    with ${pageCtes(page)}
    select pg.code, pg.theme_code, coalesce(c.projects, 0) as projects, coalesce(c.direct_projects, 0) as direct_projects,
      c.organisation_bits::text as organisation_bits, round(coalesce(c.committed, 0), 2)::text as committed,
      round(coalesce(c.disbursed, 0), 2)::text as disbursed, coalesce(c.unconvertible, 0) as unconvertible, null::jsonb as missing,
      ${ORGANISATION_POSITIONS}
    from page pg left join analytics_cell c on c.unit_code = pg.code and c.theme_code = coalesce(pg.theme_code, '')
    order by pg.path, pg.theme_code nulls first`;
}

/** May the page be read from the kept cells? Only without period or organisations, in USD, and with all themes or per theme. */
export function isKept(page: CoveragePage): boolean {
  const { scope } = page;
  return page.currency === REPORTING_CURRENCY && !scope.period && !scope.organisationIds?.length && (page.byTheme || !scope.themes);
}

/**
 * The page computed from the projects' links and transactions. Each transaction is converted by
 * converted_amount (the currency_conversion migration); a missing rate makes the cell's money
 * null and is reported (the transaction's own currency, else the target's), never guessed.
 */
export function computedCoverageSql(page: CoveragePage): Sql {
  const { currency } = page;
  // With `byTheme`, a project counts in each of its themes' cells.
  const themeJoin = page.byTheme
    ? sqlText('cross join lateral unnest(s.themes) as pt(theme_code) where pt.theme_code in (select code from themes)')
    : sqlText('cross join (values (null::text)) as pt(theme_code)');
  // In the reporting currency each project's money is kept (analytics_money, converted the same
  // way): only the transactions of projects with a missing rate are read, to say which rate.
  const kept = currency === REPORTING_CURRENCY;
  const txProjects = kept
    ? sqlText('select project_id from analytics_money where unconvertible > 0 and project_id in (select project_id from links where direct)')
    : sqlText('select project_id from links where direct');
  const money = kept
    ? sqlText(`select project_id, committed, disbursed, unconvertible from analytics_money
        where project_id in (select project_id from links where direct)`)
    : sqlText(`select project_id,
        sum(converted) filter (where type = 'COMMITMENT') as committed,
        sum(converted) filter (where type = 'DISBURSEMENT') as disbursed,
        count(*) filter (where converted is null) as unconvertible
      from tx group by project_id`);
  return sql`
    with ${pageCtes(page)},
    tx as (
      select t.project_id, t.type, t.currency, t.value_date, x.converted, x.source_rate
      from funding_transaction t
      cross join lateral converted_amount(t.amount, t.currency, ${currency}, t.value_date) x
      where t.type in ('COMMITMENT', 'DISBURSEMENT') and t.project_id in (${txProjects})),
    money as (${money}),
    missing as (
      select project_id, case when source_rate is null then currency else ${currency} end as currency, min(value_date) as since
      from tx where converted is null group by 1, 2),
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
      ${ORGANISATION_POSITIONS}
    from page pg
    left join agg a on a.cell = pg.code and a.theme_code is not distinct from pg.theme_code
    left join gaps g on g.cell = pg.code and g.theme_code is not distinct from pg.theme_code
    order by pg.path, pg.theme_code nulls first`;
}
