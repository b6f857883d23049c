import type { RequestContext } from '../common/context';
import { type Connection, type PageWindow, toConnection } from '../common/pagination';
import { currencyCode } from '../common/input-rules';
import { MissingRate } from '../funding/funding-totals';
import { checkScope, periodOf } from './analytics-checks';
import { keptOrComputed } from './answer-cache';
import type { CoverageArgs } from './analytics.inputs';
import { CellFunding, CoverageCell, CoverageKind } from './analytics.types';
import { type CoveragePage, computedCoverageSql, coverageCountSql, isKept, keptCoverageSql } from './coverage.sql';

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
 * A page of a coverage map: the filter checked, then the page read from the kept cells
 * (analytics_cell) for the map without filters in the reporting currency, computed otherwise
 * (coverage.sql.ts), and the rows turned into cells.
 */
export async function coverageMap(ctx: RequestContext, args: CoverageArgs, window: PageWindow): Promise<Connection<CoverageCell>> {
  const page = await coveragePage(ctx, args, window);
  const [rows, total] = await coverageRows(ctx, page);
  const positions: Record<string, string> = rows[0]?.organisation_positions ?? {};
  return toConnection(
    rows.map((row) => toCell(row, page.currency, positions)),
    total,
    window,
  );
}

async function coveragePage(ctx: RequestContext, args: CoverageArgs, window: PageWindow): Promise<CoveragePage> {
  const currency = currencyCode(args.currency);
  const filter = args.filter;
  const scope = await checkScope(ctx, {
    level: args.level,
    withinCode: filter?.withinCode,
    themeCodes: filter?.themeCodes,
    period: filter?.activeDuring ? periodOf(filter.activeDuring, [null, null]) : null,
    organisationIds: filter?.organisationIds,
  });
  return { scope, currency, byTheme: filter?.byTheme ?? false, window };
}

/**
 * The page's rows and the map's total: the kept cells and the count together, then computed
 * cells only if needed; kept in this replica while the analytics data is unchanged.
 */
function coverageRows(ctx: RequestContext, page: CoveragePage): Promise<[CellRow[], number]> {
  const statement = isKept(page) ? keptCoverageSql(page) : computedCoverageSql(page);
  return keptOrComputed(ctx, `coverage\u0000${statement.sql}\u0000${JSON.stringify(statement.params)}`, () => readCoverageRows(ctx, page));
}

async function readCoverageRows(ctx: RequestContext, page: CoveragePage): Promise<[CellRow[], number]> {
  const connection = ctx.em.getConnection();
  const kept = isKept(page) ? keptCoverageSql(page) : null;
  const count = coverageCountSql(page);
  const [keptRows, [{ total }]] = await Promise.all([
    kept ? connection.execute<CellRow[]>(kept.sql, kept.params) : null,
    connection.execute<{ total: string }[]>(count.sql, count.params),
  ]);
  // A transaction without a rate: the kept cells count it, the computed map says which rate is missing.
  if (keptRows && keptRows.every((row) => Number(row.unconvertible) === 0)) return [keptRows, Number(total)];
  const computed = computedCoverageSql(page);
  return [await connection.execute<CellRow[]>(computed.sql, computed.params), Number(total)];
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
