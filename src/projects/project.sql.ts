import type { EntityManager } from '@mikro-orm/postgresql';
import { leanJsonSql, leanShape } from '../common/lean-rows';
import { type Language, languagesFor } from '../common/localized-text';
import type { PageWindow } from '../common/pagination';
import { escapeLike, searchKey } from '../common/search';
import { type Sql, sql, sqlJoin, sqlText } from '../common/sql';
import { AdminUnit, PATH_SEPARATOR } from '../geography/admin-unit.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Theme } from '../themes/theme.entity';
import { Project } from './project.entity';
import { atOrInsideSql } from '../geography/admin-unit.sql';
import type { UnitPlace } from '../geography/admin-unit.service';
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
export function coverageMatchSql(projectId: Sql, unit: UnitPlace, match: CoverageMatch | null | undefined): Sql {
  const inside = atOrInsideSql(sqlText('u.path'), unit);
  const containing = sql`(u.path = ${unit.path} or ${unit.path} like u.path || '${sqlText(PATH_SEPARATOR)}%')`;
  const relation = match === CoverageMatch.WITHIN ? inside : match === CoverageMatch.CONTAINING ? containing : sql`(${inside} or ${containing})`;
  return sql`exists (select 1 from project_coverage c join admin_unit u on u.code = c.unit_code where c.project_id = ${projectId} and ${relation})`;
}

/**
 * The conditions (on `project p`) of a project filter whose organisations, themes, unit and
 * period were checked (project.service.ts): `projects` and the 3W export share them.
 */
export function projectFilterSql(filter: ProjectFilter | null | undefined, unit: UnitPlace | null): Sql[] {
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

/** The relations of a list of projects that a request reads: the statement reading the projects reads these too. */
export interface ProjectRelations {
  /** The theme codes of each project, and the themes. */
  themes?: boolean;
  /** The coverage of each project, and its units with their parents. */
  coverage?: boolean;
  /** The participants of each project, and their organisations. */
  participants?: boolean;
  /**
   * The project properties the selection reads (project.loaders.ts, PROJECT_FIELD_PROPS); absent
   * or null: every lean column. A project read with some only is not primed into the loaders.
   */
  projectProps?: readonly string[] | null;
  /** As projectProps, for the participants' organisations (ORGANISATION_FIELD_PROPS). */
  organisationProps?: readonly string[] | null;
  /** As projectProps, for the covered units and their parents (ADMIN_UNIT_FIELD_PROPS). */
  unitProps?: readonly string[] | null;
}

/**
 * `page` (a statement giving `id`, `position` and `total`) of the projects that match `where`, in
 * `orderBy` order; `total` counts all that match when `counted`, else it is null.
 */
export function projectPageSql(where: Sql, orderBy: string, window: PageWindow, counted: boolean): Sql {
  const total = sqlText(counted ? 'count(*) over ()' : 'null::bigint');
  return sql`select p.id, row_number() over (order by ${sqlText(orderBy)}) as position, ${total} as total
    from project p ${where} order by ${sqlText(orderBy)} limit ${window.limit} offset ${window.offset}`;
}

/** `page` of the one project `id` (none when there is no such project). */
export function oneProjectSql(id: string): Sql {
  return sql`select p.id, 1 as position, null::bigint as total from project p where p.id = ${id}`;
}

/** The page's project ids as an array to look rows up by (projectsWithRelationsSql says why). */
const PAGE_IDS = 'any(array(select page.id from page))';

/**
 * The projects of `page` (projectPageSql, oneProjectSql), in its order, with its `total`, as lean rows in JSON
 * (src/common/lean-rows.ts), each with the relations asked for: `theme_codes`, `coverage` (in tree
 * order) and `participants` (by role, then id), as the project loaders give them. The first row
 * also carries `related`: the themes, units (covered units and their parents) and organisations
 * those relations name, once each. So a page with its relations is one statement, which through
 * the loaders took seven. Of the projects and the organisations it reads only the columns the
 * selection needs, where `relations` lists them (question 3 of BENCHMARKS.md's peers section
 * reads ids and names, of rows of about 800 bytes).
 *
 * Rows are found by `= any(array(…))` of the page's keys (PAGE_IDS), not by joining the page: the
 * statement is prepared (common/prepared-statement.ts), and in its generic plan the page's size
 * is a parameter, for which PostgreSQL assumes a tenth of the table. Joined, that gave hash joins
 * over whole tables (a page of 50 read all 81,000 coverage rows twice); an array of keys it takes
 * for a few, and looks each up by index. A coverage entry's unit path, for the order, likewise, and
 * the covered units' parents: joined to the coverage, they were a hash join over all 537 units,
 * which was a third of the database's time for one project (0.56 → 0.37 ms of backend CPU).
 */
export function projectsWithRelationsSql(em: EntityManager, page: Sql, relations: ProjectRelations): Sql {
  const none = sqlText('null');
  const themeCodes = relations.themes ? sqlText("(select coalesce(json_agg(pt.theme_code order by pt.theme_code), '[]') from project_theme pt where pt.project_id = p.id)") : none;
  const coverage = relations.coverage
    ? sqlText(`(select coalesce(json_agg(json_build_object('id', c.id, 'unitCode', c.unit_code, 'share', c.share::text) order by (select u.path from admin_unit u where u.code = c.unit_code)), '[]')
        from project_coverage c where c.project_id = p.id)`)
    : none;
  const participants = relations.participants
    ? sqlText(`(select coalesce(json_agg(json_build_object('id', pp.id, 'organisationId', pp.organisation_id, 'role', pp.role) order by pp.role, pp.id), '[]')
        from project_participant pp where pp.project_id = p.id)`)
    : none;
  const related = sqlJoin(
    [
      relations.themes
        ? sqlText(`'themes', (select json_agg(${leanJsonSql(em, Theme.name, 'theme')}) from theme
            where theme.code = any(array(select pt.theme_code from project_theme pt where pt.project_id = ${PAGE_IDS})))`)
        : none,
      relations.coverage
        ? sqlText(`'units', (select json_agg(${leanShape(em, AdminUnit.name, relations.unitProps ?? null).jsonSql('unit')}) from admin_unit unit
            where unit.code = any(array(select c.unit_code from project_coverage c where c.project_id = ${PAGE_IDS}
              union select u.parent_code from admin_unit u where u.code = any(array(select c.unit_code from project_coverage c where c.project_id = ${PAGE_IDS})))))`)
        : none,
      relations.participants
        ? sqlText(`'organisations', (select json_agg(${leanShape(em, Organisation.name, relations.organisationProps ?? null).jsonSql('o')}) from organisation o
            where o.id = any(array(select pp.organisation_id from project_participant pp where pp.project_id = ${PAGE_IDS})))`)
        : none,
    ].filter((fragment) => fragment !== none),
    ', ',
  );
  const relatedColumn = related.isEmpty ? none : sql`case when row_number() over (order by page.position) = 1 then json_build_object(${related}) end`;
  return sql`with page as materialized (${page})
  select ${sqlText(leanShape(em, Project.name, relations.projectProps ?? null).jsonSql('p'))} as project, ${themeCodes} as theme_codes, ${coverage} as coverage, ${participants} as participants,
    ${relatedColumn} as related, page.total
  from page join project p on p.id = page.id and p.id = ${sqlText(PAGE_IDS)} order by page.position`;
}
