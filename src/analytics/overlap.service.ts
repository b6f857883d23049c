import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../common/context';
import { type LeanShape, leanShape } from '../common/lean-rows';
import { found } from '../common/loaded';
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
import { type OverlapColumns, overlapConditionsSql, overlapCountSql, overlapPageSql, ownOverlapPageSql, ownProjectCte, ownProjectsOfCte } from './overlap.sql';

export { type OverlapColumns, projectOverlapStatement } from './overlap.sql';

type LeanJson = Record<string, unknown>;

interface OverlapRow {
  project_a: string;
  project_b: string;
  /** Comma-separated; null when none. */
  unit_codes: string | null;
  theme_codes: string | null;
  period_start: string | null;
  period_end: string | null;
  geographic: string;
  time_share: string;
  theme_similarity: string;
  score: string;
  same_organisation: boolean;
  kind: OverlapKind;
  total: string | null;
  /** On the first row only: the page's projects, units and themes. */
  related: { projects: LeanJson[] | null; units: LeanJson[] | null; themes: LeanJson[] | null } | null;
}

/** The projects, units and themes a page names, by key. */
interface Related {
  projects: Map<string, ProjectRecord>;
  units: Map<string, AdminUnitRecord>;
  themes: Map<string, ThemeRecord>;
}

function relatedOf(em: EntityManager, rows: OverlapRow[], columns: OverlapColumns): Related {
  const related = rows[0]?.related;
  const byKey = <T>(shape: LeanShape<T>, key: keyof T & string, values: LeanJson[] | null | undefined) =>
    new Map(
      (values ?? []).map((value) => {
        const record = shape.fromJson(value);
        return [record[key] as string, record];
      }),
    );
  return {
    projects: byKey(leanShape<ProjectRecord>(em, Project.name, columns.projectProps ?? null), 'id', related?.projects),
    units: byKey(leanShape<AdminUnitRecord>(em, AdminUnit.name, columns.unitProps ?? null), 'code', related?.units),
    themes: byKey(leanShape<ThemeRecord>(em, Theme.name, null), 'code', related?.themes),
  };
}

const codesOf = (text: string | null): string[] => (text ? text.split(',') : []);

function toOverlap(row: OverlapRow, related: Related): Overlap {
  const components = Object.assign(new OverlapScoreComponents(), {
    geographic: Number(row.geographic),
    time: Number(row.time_share),
    themes: Number(row.theme_similarity),
  });
  return Object.assign(new Overlap(), {
    projectAId: row.project_a,
    projectBId: row.project_b,
    projectA: related.projects.get(row.project_a),
    projectB: related.projects.get(row.project_b),
    sharedUnits: found(codesOf(row.unit_codes).map((code) => related.units.get(code))),
    sharedThemes: found(codesOf(row.theme_codes).map((code) => related.themes.get(code))),
    periodStart: row.period_start,
    periodEnd: row.period_end === 'infinity' ? null : row.period_end,
    score: Number(row.score),
    components,
    kind: row.kind,
    sameOrganisation: row.kind !== OverlapKind.DIFFERENT_IMPLEMENTERS,
  });
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
    const own = projectId ? ownProjectCte(projectId) : ownProjectsOfCte(organisations!);
    const pageOf = (pageWindow: PageWindow) => {
      return preparedRows<OverlapRow>(ctx.em, ownOverlapPageSql(ctx.em, own, conditions, pageWindow, columns));
    };
    const rows = await pageOf(window);
    if (!rows.length) {
      // Nothing on this page: either a filter names something unknown, or the page is past the end.
      if (projectId) await checkProject(ctx, projectId, 'filter.projectId');
      if (filter?.organisationId) await checkOrganisation(ctx, filter.organisationId, 'filter.organisationId');
    }
    return toConnection(toOverlaps(ctx.em, rows, columns), await windowTotal(rows, window, pageOf), window);
  }

  const page = overlapPageSql(ctx.em, conditions, window, columns);
  const count = overlapCountSql(conditions, filter?.includeSameOrganisation ?? false);
  const [rows, [{ total }]] = await Promise.all([preparedRows<OverlapRow>(ctx.em, page), preparedRows<{ total: string }>(ctx.em, count)]);
  return toConnection(toOverlaps(ctx.em, rows, columns), Number(total), window);
}
