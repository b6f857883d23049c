import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../common/context';
import { type LeanShape, leanShape } from '../common/lean-rows';
import { AdminUnit } from '../geography/admin-unit.entity';
import type { AdminUnitRecord } from '../geography/geography.loaders';
import { Project } from '../projects/project.entity';
import type { ProjectRecord } from '../projects/project.loaders';
import { Theme } from '../themes/theme.entity';
import type { ThemeRecord } from '../themes/theme.loaders';
import { type Connection, type PageWindow, toConnection, windowTotal } from '../common/pagination';
import { isUuid } from '../common/ids';
import { preparedRows } from '../common/prepared-statement';
import { checkOrganisation, checkProject, checkThemes, periodOf, requireUnit, unknownOrganisation, unknownProject } from './analytics-checks';
import type { OverlapFilter } from './analytics.inputs';
import { Overlap, OverlapKind, OverlapScoreComponents } from './analytics.types';
import { type OverlapColumns, overlapConditionsSql, overlapCountSql, overlapPageSql, ownOverlapPageSql, ownProjectsOfCte, projectOverlapPageSql } from './overlap.sql';

export { type OverlapColumns, projectOverlapStatement } from './overlap.sql';

type LeanJson = Record<string, unknown>;

interface OverlapRow {
  project_a: string;
  project_b: string;
  /** Ids of analytics_unit and analytics_theme, comma-separated; null or empty when none. */
  unit_ids: string | null;
  theme_ids: string | null;
  period_start: string | null;
  period_end: string | null;
  geographic: string;
  time_share: string;
  theme_similarity: string;
  score: string;
  /** Also says whether the two share an implementer (sameOrganisation). */
  kind: OverlapKind;
  total: string | null;
  /** On the first row only: the page's projects, and its units and themes with their ids. */
  related: { projects: LeanJson[] | null; units: [number, LeanJson][] | null; themes: [number, LeanJson][] | null } | null;
}

/** The projects, units and themes a page names: projects by id, units and themes by their analytics id. */
interface Related {
  projects: Map<string, ProjectRecord>;
  units: Map<number, AdminUnitRecord>;
  themes: Map<number, ThemeRecord>;
}

function relatedOf(em: EntityManager, rows: OverlapRow[], columns: OverlapColumns): Related {
  const related = rows[0]?.related;
  const projectShape = leanShape<ProjectRecord>(em, Project.name, columns.projectProps ?? null);
  const byId = <T>(shape: LeanShape<T>, values: [number, LeanJson][] | null | undefined) => new Map((values ?? []).map(([id, value]) => [id, shape.fromJson(value)]));
  return {
    projects: new Map(
      (related?.projects ?? []).map((value) => {
        const record = projectShape.fromJson(value);
        return [record.id, record];
      }),
    ),
    units: byId(leanShape<AdminUnitRecord>(em, AdminUnit.name, columns.unitProps ?? null), related?.units),
    themes: byId(leanShape<ThemeRecord>(em, Theme.name, null), related?.themes),
  };
}

const COMMA = 44;
const DIGIT_ZERO = 48;

/**
 * The records named by comma-separated ids (null or empty: none), in that order; an id without a
 * record is left out. Read digit by digit: a pair shares nine units on average, and splitting codes
 * and hashing each took about 30 µs of a page of 20, these ids 5 µs.
 */
function recordsOf<T>(ids: string | null, byId: Map<number, T>): T[] {
  const records: T[] = [];
  if (!ids) return records;
  let id = 0;
  for (let index = 0; index <= ids.length; index++) {
    const char = index < ids.length ? ids.charCodeAt(index) : COMMA;
    if (char !== COMMA) {
      id = id * 10 + char - DIGIT_ZERO;
      continue;
    }
    const record = byId.get(id);
    if (record) records.push(record);
    id = 0;
  }
  return records;
}

// Built field by field: a page makes twenty of each, and an object literal copied by Object.assign cost twice that.
function toOverlap(row: OverlapRow, related: Related): Overlap {
  const components = new OverlapScoreComponents();
  components.geographic = Number(row.geographic);
  components.time = Number(row.time_share);
  components.themes = Number(row.theme_similarity);
  const overlap = new Overlap();
  overlap.projectAId = row.project_a;
  overlap.projectBId = row.project_b;
  overlap.projectA = related.projects.get(row.project_a)!;
  overlap.projectB = related.projects.get(row.project_b)!;
  overlap.sharedUnits = recordsOf(row.unit_ids, related.units);
  overlap.sharedThemes = recordsOf(row.theme_ids, related.themes);
  overlap.periodStart = row.period_start;
  overlap.periodEnd = row.period_end === 'infinity' ? null : row.period_end;
  overlap.score = Number(row.score);
  overlap.components = components;
  overlap.kind = row.kind;
  overlap.sameOrganisation = row.kind !== OverlapKind.DIFFERENT_IMPLEMENTERS;
  return overlap;
}

function toOverlaps(em: EntityManager, rows: OverlapRow[], columns: OverlapColumns): Overlap[] {
  const related = relatedOf(em, rows, columns);
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
  /** The columns of the projects and units the selection reads (all when left out). */
  columns: OverlapColumns = {},
): Promise<Connection<Overlap>> {
  if (filter?.projectId && !isUuid(filter.projectId)) unknownProject(filter.projectId);
  if (filter?.organisationId && !isUuid(filter.organisationId)) unknownOrganisation(filter.organisationId);
  const unit = filter?.unitCode ? await requireUnit(ctx, filter.unitCode, 'filter.unitCode') : null;
  const themes = await checkThemes(ctx, filter?.themeCodes, 'filter.themeCodes');
  const projectId = filter?.projectId;
  const conditions = overlapConditionsSql({
    minScore: filter?.minScore,
    unit,
    themes,
    period: filter?.activeDuring ? periodOf(filter.activeDuring, [null, null]) : null,
    includeSameOrganisation: filter?.includeSameOrganisation,
    kinds: filter?.kinds,
    // With one of the pair this project, "one of them is the organisation's" does not depend on the side.
    organisationOfPair: projectId ? filter?.organisationId : null,
  });

  const organisations = filter?.organisationId ? [filter.organisationId] : organisationIds?.filter(isUuid);
  if (projectId || organisations?.length) {
    const pageOf = (pageWindow: PageWindow) => {
      const statement = projectId
        ? projectOverlapPageSql(ctx.rowsEm, projectId, conditions, pageWindow, columns)
        : ownOverlapPageSql(ctx.rowsEm, ownProjectsOfCte(organisations!), conditions, pageWindow, columns);
      return preparedRows<OverlapRow>(ctx.rowsEm, statement);
    };
    const rows = await pageOf(window);
    if (!rows.length) {
      // Nothing on this page: either a filter names something unknown, or the page is past the end.
      if (projectId) await checkProject(ctx, projectId, 'filter.projectId');
      if (filter?.organisationId) await checkOrganisation(ctx, filter.organisationId, 'filter.organisationId');
    }
    return toConnection(toOverlaps(ctx.rowsEm, rows, columns), await windowTotal(rows, window, pageOf), window);
  }

  const page = overlapPageSql(ctx.rowsEm, conditions, window, columns);
  const count = overlapCountSql(conditions, filter?.includeSameOrganisation ?? false);
  const [rows, [{ total }]] = await Promise.all([preparedRows<OverlapRow>(ctx.rowsEm, page), preparedRows<{ total: string }>(ctx.rowsEm, count)]);
  return toConnection(toOverlaps(ctx.rowsEm, rows, columns), Number(total), window);
}
