import type { RequestContext } from '../common/context';
import { isUuid } from '../common/ids';
import { badInput } from '../common/validation';
import type { AdminLevel } from '../geography/admin-unit.entity';
import { requireUnit } from '../geography/admin-unit.service';
import type { PeriodInput } from '../projects/project.inputs';
import { checkOrganisationId as checkOrganisation, unknownOrganisation as organisationUnknown } from '../organisations/organisation.service';
import { checkThemeCodes } from '../themes/theme.service';
import { AnalyticsErrorCode } from './analytics.errors';
import type { Scope } from './scope.sql';

export { requireUnit } from '../geography/admin-unit.service';

export function checkThemes(ctx: RequestContext, codes: string[] | null | undefined, field: string): Promise<string[] | null> {
  // Without codes nothing is read: the request's EntityManager is not forked for it.
  return codes?.length ? checkThemeCodes(ctx.em, codes, field) : Promise.resolve(null);
}

export function unknownOrganisation(id: string, field = 'filter.organisationId'): never {
  return organisationUnknown(id, field);
}

export function unknownProject(id: string, field = 'filter.projectId'): never {
  throw badInput(AnalyticsErrorCode.UNKNOWN_PROJECT, `There is no project with the id "${id}".`, field);
}

export { checkOrganisation };

export async function checkProject(ctx: RequestContext, id: string, field: string): Promise<void> {
  const project = isUuid(id) ? await ctx.loaders.projects.projectById.load(id) : null;
  if (!project) unknownProject(id, field);
}

/** The project, organisation and themes an activity-report filter names exist, or BAD_USER_INPUT naming the field. */
export async function checkReportFilterReferences(
  ctx: RequestContext,
  filter: { projectId?: string | null; organisationId?: string | null; themeCodes?: string[] | null } | null | undefined,
): Promise<void> {
  await Promise.all([
    filter?.projectId ? checkProject(ctx, filter.projectId, 'filter.projectId') : undefined,
    filter?.organisationId ? checkOrganisation(ctx, filter.organisationId, 'filter.organisationId') : undefined,
    checkThemes(ctx, filter?.themeCodes, 'filter.themeCodes'),
  ]);
}

/** A period as [from, to] (either may be null = open; PeriodInput's `@NotBefore` checked the order); `fallback` when none is given. */
export function periodOf(period: PeriodInput | null | undefined, fallback: [string | null, string | null]): [string | null, string | null] {
  if (!period || (!period.from && !period.to)) return fallback;
  return [period.from ?? null, period.to ?? null];
}

/** Today in UTC, the default period of hotspots and gaps. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The filter of coverage, hotspots or gaps as the names the request gave. */
export interface ScopeInput {
  level: AdminLevel;
  withinCode?: string | null;
  themeCodes?: string[] | null;
  period: [string | null, string | null] | null;
  organisationIds?: string[] | null;
  flags?: { borderArea?: boolean | null; multiEthnic?: boolean | null };
}

/**
 * The scope with its unit, themes and organisations checked together (one statement per loader):
 * an unknown one is a BAD_USER_INPUT naming the field (`filter.…`), never an empty map.
 */
export async function checkScope(ctx: RequestContext, input: ScopeInput): Promise<Scope> {
  const organisationIds = input.organisationIds?.length ? [...new Set(input.organisationIds)] : null;
  const [within, themes] = await Promise.all([
    input.withinCode ? requireUnit(ctx, input.withinCode, 'filter.withinCode') : null,
    checkThemes(ctx, input.themeCodes, 'filter.themeCodes'),
    ...(input.organisationIds ?? []).map((id, index) => checkOrganisation(ctx, id, `filter.organisationIds[${index}]`)),
  ]);
  return { level: input.level, within, themes, period: input.period, organisationIds, flags: input.flags };
}
