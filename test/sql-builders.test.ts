/**
 * The SQL query modules (`*.sql.ts`) as text and values, without a database: each value sits at
 * its placeholder, left-out conditions leave no value behind. The integration tests
 * (analytics, funding, activities, projects) run the same builders on the real database.
 */
import { sql, sqlJoin, sqlText, sqlWhere } from '../src/common/sql';
import { AdminLevel } from '../src/geography/admin-unit.entity';
import { atOrInsideSql } from '../src/geography/admin-unit.sql';
import type { AdminUnitRecord } from '../src/geography/geography.loaders';
import { fundingTotalsSql } from '../src/funding/funding-totals.sql';
import { type Scope, scopeCellCount, scopeCtes } from '../src/analytics/scope.sql';
import { type CoveragePage, computedCoverageSql, coverageCountSql, isKept, keptCoverageSql } from '../src/analytics/coverage.sql';
import { gapsSql } from '../src/analytics/gap.sql';
import { overlapConditionsSql, overlapCountSql } from '../src/analytics/overlap.sql';
import { activityCollisionsSql, activitySummarySql, reportConditionsSql } from '../src/activities/activity.sql';
import { ReportStatus } from '../src/activities/activity-report.entity';
import { type ActivityReportFilter, ActivitySummaryGroup } from '../src/activities/activity.inputs';
import type { Caller } from '../src/common/access';
import { CoverageMatch, type ProjectFilter } from '../src/projects/project.inputs';
import { projectFilterSql } from '../src/projects/project.sql';
import { batchSql, type ExportScope } from '../src/iati/iati.sql';

const unit = { code: 'KG03', path: 'KG.KG03' } as AdminUnitRecord;

/** The values in the order of their placeholders, each with the text just before it. */
function bound(statement: { sql: string; params: unknown[] }): [string, unknown][] {
  const pieces = statement.sql.split('?');
  expect(pieces.length - 1).toBe(statement.params.length);
  return statement.params.map((value, index) => [pieces[index].trim().split(/\s+/).slice(-2).join(' '), value]);
}

describe('the sql tag', () => {
  it('puts each value at its placeholder and splices fragments with their values', () => {
    const inner = sql`p.status in (${['ACTIVE', 'PLANNED']})`;
    const statement = sql`select 1 from project p where ${inner} and p.id = ${'x'}`;
    expect(statement.sql).toBe('select 1 from project p where p.status in (?) and p.id = ?');
    expect(statement.params).toEqual([['ACTIVE', 'PLANNED'], 'x']);
  });

  it('joins conditions, leaving empty ones out, and writes no `where` without any', () => {
    const joined = sqlJoin([sql`a = ${1}`, sqlText(''), sql`b = ${2}`], ' and ');
    expect(joined.sql).toBe('a = ? and b = ?');
    expect(joined.params).toEqual([1, 2]);
    expect(sqlWhere([]).sql).toBe('');
    expect(sqlWhere([sql`a = ${1}`]).sql).toBe('where a = ?');
  });

  it('refuses a literal question mark, which knex would take for a placeholder', () => {
    expect(() => sql`select '{"a":1}'::jsonb ? 'a'`).toThrow(/placeholder/);
  });

  it('writes "at or inside" by materialised path, escaping the path for like', () => {
    const statement = atOrInsideSql(sqlText('u.path'), { code: 'KG_1', path: 'KG.KG_1' } as AdminUnitRecord);
    expect(statement.sql).toBe('(u.path = ? or u.path like ?)');
    expect(statement.params).toEqual(['KG.KG_1', 'KG.KG\\_1.%']);
  });
});

describe('funding totals', () => {
  it('converts through converted_amount into the asked currency, for the batch of projects', () => {
    const statement = fundingTotalsSql(['p1', 'p2'], 'EUR');
    expect(statement.sql).toContain('cross join lateral converted_amount(t.amount, t.currency, ?, t.value_date) x');
    expect(bound(statement)).toEqual([
      ['converted_amount(t.amount, t.currency,', 'EUR'],
      ['in (', ['p1', 'p2']],
      ['t.currency <>', 'EUR'],
      ['t.currency <>', 'EUR'],
    ]);
  });
});

describe('coverage, hotspots and gaps', () => {
  const everything: Scope = { level: AdminLevel.DISTRICT, within: null, themes: null, period: null, organisationIds: null };

  it('reads the links per cell when nothing narrows the projects', () => {
    const statement = scopeCtes(everything);
    expect(statement.sql).toContain('where l.unit_code = any(array(select code from link_cells))');
    expect(statement.sql).toContain('from analytics_project ap where true)');
    expect(statement.params).toEqual([2, 1]);
  });

  it('binds each condition of a narrowed scope next to its column', () => {
    const scope: Scope = {
      level: AdminLevel.MUNICIPALITY,
      within: unit,
      themes: ['EDU'],
      period: ['2024-01-01', null],
      organisationIds: ['00000000-0000-4000-8000-000000000001'],
      flags: { borderArea: true, multiEthnic: false },
    };
    const statement = scopeCtes(scope, { withPeriod: true });
    expect(statement.sql).toContain('cross join lateral');
    expect(bound(statement)).toEqual([
      ['(u.depth =', 3],
      ['1 and', 2],
      ['(u.path =', 'KG.KG03'],
      ['u.path like', 'KG.KG03.%'],
      ['u.border_area =', true],
      ['u.multi_ethnic =', false],
      ['&& array[', ['EDU']],
      ['&& daterange(', '2024-01-01'],
      ['::date,', null],
      ['&& array[', ['00000000-0000-4000-8000-000000000001']],
    ]);
    expect(bound(scopeCellCount(scope)).map(([, value]) => value)).toEqual([3, 2, 'KG.KG03', 'KG.KG03.%', true, false]);
  });

  const page = (scope: Partial<Scope>, currency = 'USD', byTheme = false): CoveragePage => ({
    scope: { ...everything, ...scope },
    currency,
    byTheme,
    window: { limit: 50, offset: 100 },
  });

  it('reads the kept cells only for the map without period or organisations, in USD', () => {
    expect(isKept(page({}))).toBe(true);
    expect(isKept(page({ themes: ['EDU'] }, 'USD', true))).toBe(true);
    expect(isKept(page({ themes: ['EDU'] }))).toBe(false);
    expect(isKept(page({}, 'KGS'))).toBe(false);
    expect(isKept(page({ period: ['2024-01-01', null] }))).toBe(false);
    expect(isKept(page({ organisationIds: ['x'] }))).toBe(false);
    const kept = keptCoverageSql(page({}));
    expect(kept.sql).toContain('left join analytics_cell c');
    expect(kept.params).toEqual([2, 1, 50, 100]);
  });

  it('converts the computed map with converted_amount and binds the currency there and in the missing rates only', () => {
    const statement = computedCoverageSql(page({ themes: ['EDU', 'GOV'] }, 'KGS', true));
    expect(bound(statement)).toEqual([
      ['(u.depth =', 2],
      ['1 and', 1],
      ['in (', ['EDU', 'GOV']],
      ['first limit', 50],
      ['offset', 100],
      ['&& array[', ['EDU', 'GOV']],
      ['converted_amount(t.amount, t.currency,', 'KGS'],
      ['currency else', 'KGS'],
    ]);
    expect(bound(coverageCountSql(page({ themes: ['EDU'] }, 'USD', true))).map(([, value]) => value)).toEqual([2, 1, ['EDU']]);
  });

  it('binds the gap filter after the scope', () => {
    const statement = gapsSql({ scope: { ...everything, themes: ['EDU'], period: ['2025-01-01', '2025-12-31'] }, includeInherited: true }, { limit: 10, offset: 0 });
    expect(bound(statement).slice(-5)).toEqual([
      ['<= coalesce(', '2025-01-01'],
      ['&& array[', ['EDU']],
      ['and (not', true],
      ['cl.path limit', 10],
      ['offset', 0],
    ]);
  });
});

describe('overlaps', () => {
  it('keeps the conditions apart from each other and counts from the kept totals where it can', () => {
    const conditions = overlapConditionsSql({ minScore: 0.5, unit, themes: ['EDU'], period: [null, '2025-01-01'], kinds: null });
    expect(conditions.map((condition) => bound(condition).map(([, value]) => value))).toEqual([[0.5], ['KG.KG03', 'KG.KG03.%'], [['EDU']], [null, '2025-01-01'], []]);
    expect(overlapCountSql([], true).sql).toContain('different_organisations + same_organisation');
    expect(overlapCountSql(overlapConditionsSql({}), false).sql).toBe('select different_organisations as total from analytics_overlap_total');
    expect(overlapCountSql(conditions, false).sql).toContain('select count(*) as total from analytics_overlap o where o.score >= ?');
  });
});

describe('activity reports', () => {
  const filter = {
    projectId: 'project-1',
    types: ['TRAINING'],
    themeCodes: ['EDU'],
    period: { from: '2025-01-01', to: null },
  } as unknown as ActivityReportFilter;

  it('builds one condition for lists and summaries: visibility, status, the filter, places by path', () => {
    const caller = { organisationId: 'org-1', role: 'PARTNER_EDITOR' } as unknown as Caller;
    const list = reportConditionsSql(caller, { filter, unit });
    const summary = reportConditionsSql(caller, { filter, unit }, [ReportStatus.ACCEPTED]);
    expect(bound(list).map(([, value]) => value)).toEqual([['ACCEPTED', 'SUBMITTED'], 'org-1', 'project-1', ['TRAINING'], ['EDU'], '2025-01-01', null, 'KG.KG03', 'KG.KG03.%']);
    expect(bound(summary).map(([, value]) => value)).toEqual([
      ['ACCEPTED', 'SUBMITTED'],
      'org-1',
      ['ACCEPTED'],
      'project-1',
      ['TRAINING'],
      ['EDU'],
      '2025-01-01',
      null,
      'KG.KG03',
      'KG.KG03.%',
    ]);
    expect(list.sql).toContain('r.project_id = ?');
    expect(list.sql).not.toContain('::text = ?');
  });

  it('groups a summary by the ancestor at the level, binding the depth before the conditions', () => {
    const statement = activitySummarySql(ActivitySummaryGroup.UNIT, AdminLevel.DISTRICT, reportConditionsSql(null, { filter: null, unit: null }, [ReportStatus.ACCEPTED]));
    expect(bound(statement).map(([, value]) => value)).toEqual([3, 2, ['ACCEPTED'], ['ACCEPTED']]);
  });

  it('binds a collision search in text order', () => {
    const statement = activityCollisionsSql(null, { withinDays: 7, unit, from: '2025-01-01', to: null });
    expect(bound(statement).map(([, value]) => value)).toEqual([['ACCEPTED'], ['DRAFT', 'SUBMITTED', 'ACCEPTED'], 7, 'KG.KG03', 'KG.KG03.%', '2025-01-01', '2025-01-01']);
  });
});

describe('projects and the IATI export', () => {
  it('turns a checked project filter into conditions on p', () => {
    const filter = { organisationIds: ['o1'], role: 'FUNDING', unitCode: 'KG03', coverageMatch: CoverageMatch.CONTAINING, search: '100%' } as unknown as ProjectFilter;
    const conditions = projectFilterSql(filter, unit);
    expect(conditions.map((condition) => bound(condition).map(([, value]) => value))).toEqual([[['o1'], 'FUNDING'], ['KG.KG03', 'KG.KG03'], ['%100\\%%']]);
    expect(projectFilterSql(null, null)).toEqual([]);
  });

  it('binds the select list of the classification before the filters, as they come in the text', () => {
    const scope: ExportScope = { organisationId: 'o1', updatedSince: new Date('2025-01-01T00:00:00Z'), unit, reporter: 'o2', publisherRef: 'XM-HUB', today: '2025-06-01' };
    const statement = batchSql(scope, 'after-id', 100);
    expect(bound(statement).map(([, value]) => value)).toEqual([
      'XM-HUB',
      'XM-HUB',
      '2025-06-01',
      '2025-06-01',
      'o1',
      'KG.KG03',
      'KG.KG03.%',
      'KG.KG03',
      'KG.KG03',
      new Date('2025-01-01T00:00:00Z'),
      'o2',
      'after-id',
      100,
    ]);
  });
});
