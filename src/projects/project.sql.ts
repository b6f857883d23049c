import { type Language, languagesFor } from '../common/localized-text';
import { escapeLike, searchKey } from '../common/search';
import { type Sql, sql, sqlText } from '../common/sql';
import { PATH_SEPARATOR } from '../geography/admin-unit.entity';
import { atOrInsideSql } from '../geography/admin-unit.sql';
import type { AdminUnitRecord } from '../geography/geography.loaders';
import { CoverageMatch, type ProjectFilter, type ProjectOrder, ProjectOrderField, SortDirection } from './project.inputs';

/** Effective dates: actual where known, else planned. */
const START_SQL = 'coalesce(p.actual_start, p.planned_start)';
const END_SQL = 'coalesce(p.actual_end, p.planned_end)';

/** A project's title in `language`, else in another language that has one (on `project p`). */
export function titleSql(language: Language): string {
  return `coalesce(${languagesFor(language)
    .map((lang) => `p.title_${lang}`)
    .join(', ')})`;
}

/** The order of a project list (on `project p`); ties broken by id so pages never overlap. */
export function projectOrderSql(order: ProjectOrder | null | undefined, language: Language): string {
  const direction = order?.direction === SortDirection.DESC ? 'desc' : 'asc';
  switch (order?.field) {
    case ProjectOrderField.TITLE:
      return `${titleSql(language)} ${direction}, p.id`;
    case ProjectOrderField.START_DATE:
      return `${START_SQL} ${direction} nulls last, p.id`;
    case ProjectOrderField.END_DATE:
      return `${END_SQL} ${direction} nulls last, p.id`;
    case ProjectOrderField.CREATED_AT:
      return `p.created_at ${direction}, p.id`;
    case ProjectOrderField.UPDATED_AT:
      return `p.updated_at ${direction}, p.id`;
    default:
      return 'p.updated_at desc, p.id';
  }
}

/**
 * "The project `projectId` (a column) covers a unit that matches `unit`": at or inside it
 * (WITHIN), it or a unit containing it (CONTAINING), or either (INTERSECTING, the default).
 * Units are matched in the tree by path.
 */
export function coverageMatchSql(projectId: Sql, unit: AdminUnitRecord, match: CoverageMatch | null | undefined): Sql {
  const inside = atOrInsideSql(sqlText('u.path'), unit);
  const containing = sql`(u.path = ${unit.path} or ${unit.path} like u.path || '${sqlText(PATH_SEPARATOR)}%')`;
  const relation = match === CoverageMatch.WITHIN ? inside : match === CoverageMatch.CONTAINING ? containing : sql`(${inside} or ${containing})`;
  return sql`exists (select 1 from project_coverage c join admin_unit u on u.code = c.unit_code where c.project_id = ${projectId} and ${relation})`;
}

/**
 * The conditions (on `project p`) of a project filter whose organisations, themes, unit and
 * period were checked (project.service.ts): `projects` and the 3W export share them.
 */
export function projectFilterSql(filter: ProjectFilter | null | undefined, unit: AdminUnitRecord | null): Sql[] {
  const conditions: Sql[] = [];
  if (filter?.organisationIds?.length) {
    const role = filter.role ? sql` and pp.role = ${filter.role}` : sqlText('');
    conditions.push(sql`exists (select 1 from project_participant pp where pp.project_id = p.id and pp.organisation_id in (${filter.organisationIds})${role})`);
  }
  if (filter?.themeCodes?.length) {
    conditions.push(sql`exists (select 1 from project_theme pt where pt.project_id = p.id and pt.theme_code in (${filter.themeCodes}))`);
  }
  if (unit) conditions.push(coverageMatchSql(sqlText('p.id'), unit, filter?.coverageMatch));
  if (filter?.status?.length) conditions.push(sql`p.status in (${filter.status})`);
  const period = filter?.activeDuring;
  if (period && (period.from || period.to)) {
    conditions.push(sql`daterange(${sqlText(START_SQL)}, ${sqlText(END_SQL)}, '[]') && daterange(${period.from ?? null}::date, ${period.to ?? null}::date, '[]')`);
  }
  const search = filter?.search ? searchKey(filter.search) : '';
  if (search) conditions.push(sql`p.search_text like ${`%${escapeLike(search)}%`}`);
  return conditions;
}
