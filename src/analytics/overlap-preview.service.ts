import type { RequestContext } from '../common/context';
import { isUuid } from '../common/ids';
import { type Connection, type PageWindow, toConnection, windowTotal } from '../common/pagination';
import { badInput } from '../common/validation';
import { AnalyticsErrorCode } from './analytics.errors';
import { checkThemes, unknownOrganisation, unknownProject } from './analytics-checks';
import type { OverlapDraftInput } from './analytics.inputs';
import { ProjectStatus } from '../projects/project.entity';
import { OverlapKind, OverlapPreview, OverlapScoreComponents } from './analytics.types';
import type { ParticipantInput } from '../projects/project.inputs';
import { ParticipantRole } from '../projects/project-participant.entity';

interface PreviewRow {
  project_b: string;
  unit_codes: string[];
  theme_codes: string[];
  period_start: string | null;
  period_end: string | null;
  geographic: string;
  time_share: string;
  theme_similarity: string;
  score: string;
  kind: OverlapKind;
  total: string;
}

/**
 * The pairs a draft would make, scored as `analytics_refresh` scores stored pairs
 * (Migration20261122020000_analytics_incremental): the draft is built as an `analytics_project`
 * row would be (units named, the area they reach in the unit tree, theme bits, the period, its
 * days, its working organisations and funders in id order) and joined to the stored projects
 * with the same conditions, the same arithmetic and the same kinds. Parameters, in order: unit
 * codes (for named and for area), theme codes (twice), start, end, end, start, the working
 * organisations and the funders (array literals), the excluded project, then the window.
 */
function previewSql(includeSameOrganisation: boolean): string {
  return `with draft as materialized (
    select
      (select bit_or(u.bit) from analytics_unit u where u.code in (?)) as named,
      (select bit_or(u.bit) from analytics_unit u where string_to_array(u.path, '.') && array[?]::text[]) as area,
      (select array_agg(t.code order by t.code) from analytics_theme t where t.code in (?)) as themes,
      (select bit_or(t.bit) from analytics_theme t where t.code in (?)) as theme_bits,
      daterange(?::date, ?::date, '[]') as period,
      ?::date - ?::date + 1 as days,
      ?::uuid[] as organisations,
      ?::uuid[] as funders
  ),
  masks as (
    select bit_or(bit) filter (where level = 1) as m1, bit_or(bit) filter (where level = 2) as m2,
      bit_or(bit) filter (where level = 3) as m3 from analytics_unit
  ),
  pairs as materialized (
    select b.id as project_b, x.shared, x.themes, x.period, x.geo, x.share, x.jaccard,
      round(0.4 * x.geo + 0.3 * x.share + 0.3 * x.jaccard, 4) as score, x.same, x.kind
    from draft a cross join masks m
    join analytics_project b on b.themes && a.themes and b.period && a.period and bit_count(a.area & b.area) > 0
    cross join lateral (select (a.named & b.area) | (b.named & a.area) as shared) s
    cross join lateral (select case
        when not (a.organisations && b.organisations) then 'DIFFERENT_IMPLEMENTERS'
        when cardinality(a.funders) > 0 and cardinality(b.funders) > 0 and a.funders <> b.funders then 'SAME_IMPLEMENTER_DIFFERENT_FUNDERS'
        else 'SAME_IMPLEMENTER' end as kind) k
    cross join lateral (select s.shared, a.theme_bits & b.theme_bits as themes, a.period * b.period as period,
      case when bit_count(s.shared & m.m3) > 0 then 1.0 when bit_count(s.shared & m.m2) > 0 then 0.6667
           when bit_count(s.shared & m.m1) > 0 then 0.3333 else 0 end as geo,
      case when a.days is null and b.days is null then 1.0
        else round((upper(a.period * b.period) - lower(a.period * b.period))::numeric / least(a.days, b.days), 4) end as share,
      round(bit_count(a.theme_bits & b.theme_bits)::numeric / bit_count(a.theme_bits | b.theme_bits), 4) as jaccard,
      k.kind = 'SAME_IMPLEMENTER' as same, k.kind) x
    where b.id is distinct from ?::uuid${includeSameOrganisation ? '' : ' and not x.same'}
  ),
  page as materialized (
    select p.*, count(*) over () as total from pairs p order by p.score desc, p.project_b limit ? offset ?
  )
  select p.project_b, p.geo as geographic, p.share as time_share, p.jaccard as theme_similarity, p.score,
    p.kind, p.total,
    lower(p.period)::text as period_start, (upper(p.period) - 1)::text as period_end,
    array(select u.code from analytics_unit u where u.id = any(analytics_bit_positions(p.shared)) order by u.id) as unit_codes,
    array(select t.code from analytics_theme t where t.id = any(analytics_bit_positions(p.themes)) order by t.id) as theme_codes
  from page p order by p.score desc, p.project_b`;
}

function toPreview(row: PreviewRow): OverlapPreview {
  return Object.assign(new OverlapPreview(), {
    projectId: row.project_b,
    unitCodes: row.unit_codes,
    themeCodes: row.theme_codes,
    periodStart: row.period_start,
    periodEnd: row.period_end === 'infinity' ? null : row.period_end,
    score: Number(row.score),
    components: Object.assign(new OverlapScoreComponents(), {
      geographic: Number(row.geographic),
      time: Number(row.time_share),
      themes: Number(row.theme_similarity),
    }),
    kind: row.kind,
    sameOrganisation: row.kind !== OverlapKind.DIFFERENT_IMPLEMENTERS,
  });
}

/**
 * The organisations that would work on the draft and its funders, by the rule the analytics
 * apply to stored projects (analytics_refresh, Migration20261202010000_working_organisations):
 * the implementers; where there are none, the accountable and extending organisations; where
 * there are only funders, those.
 */
function workingOrganisations(participants: ParticipantInput[]): { working: string[]; funders: string[] } {
  const rank = (role: ParticipantRole) => (role === ParticipantRole.IMPLEMENTING ? 1 : role === ParticipantRole.FUNDING ? 3 : 2);
  const best = Math.min(...participants.map((participant) => rank(participant.role)));
  const sorted = (ids: string[]) => [...new Set(ids)].sort();
  return {
    working: sorted(participants.filter((participant) => rank(participant.role) === best).map((participant) => participant.organisationId)),
    funders: sorted(participants.filter((participant) => participant.role === ParticipantRole.FUNDING).map((participant) => participant.organisationId)),
  };
}

/**
 * Checks a draft's references; each unknown one is a BAD_USER_INPUT naming its place in `draft`.
 * Returns the units' current codes (a draft may name units by a SOATE or former code).
 */
async function checkDraft(ctx: RequestContext, draft: OverlapDraftInput): Promise<string[]> {
  const units = await ctx.loaders.geography.unitByCode.loadMany(draft.unitCodes);
  units.forEach((unit, index) => {
    if (unit instanceof Error) throw unit;
    if (!unit) {
      throw badInput(
        AnalyticsErrorCode.UNKNOWN_UNIT,
        `There is no administrative unit with the code "${draft.unitCodes[index]}". Look codes up with the adminUnits query.`,
        `draft.unitCodes[${index}]`,
      );
    }
  });
  await checkThemes(ctx, draft.themeCodes, 'draft.themeCodes');
  draft.participants.forEach((participant, index) => {
    if (!isUuid(participant.organisationId)) unknownOrganisation(participant.organisationId, `draft.participants[${index}].organisationId`);
  });
  const organisations = await ctx.loaders.organisations.organisationById.loadMany(draft.participants.map((participant) => participant.organisationId));
  organisations.forEach((organisation, index) => {
    if (organisation instanceof Error) throw organisation;
    if (!organisation) unknownOrganisation(draft.participants[index].organisationId, `draft.participants[${index}].organisationId`);
  });
  if (draft.excludeProjectId) {
    const project = isUuid(draft.excludeProjectId) ? await ctx.loaders.projects.projectById.load(draft.excludeProjectId) : null;
    if (!project) unknownProject(draft.excludeProjectId, 'draft.excludeProjectId');
  }
  return units.map((unit) => (unit as { code: string }).code);
}

/**
 * Who else would work where, on what and when an unsaved project would: the pairs it would make
 * with stored projects once saved, with the same scores, read from the analytics tables in one
 * statement. Nothing is written. A draft without units or themes, or a cancelled one, overlaps
 * nothing, as such a stored project does.
 */
export async function previewOverlaps(ctx: RequestContext, draft: OverlapDraftInput, includeSameOrganisation: boolean, window: PageWindow): Promise<Connection<OverlapPreview>> {
  const unitCodes = [...new Set(await checkDraft(ctx, draft))];
  const themeCodes = [...new Set(draft.themeCodes)];
  if (!unitCodes.length || !themeCodes.length || draft.status === ProjectStatus.CANCELLED) return toConnection([], 0, window);
  const { working, funders } = workingOrganisations(draft.participants);
  const start = draft.start ?? null;
  const end = draft.end ?? null;
  const params = (pageWindow: PageWindow) => [
    unitCodes,
    unitCodes,
    themeCodes,
    themeCodes,
    start,
    end,
    end,
    start,
    `{${working.join(',')}}`,
    `{${funders.join(',')}}`,
    draft.excludeProjectId ?? null,
    pageWindow.limit,
    pageWindow.offset,
  ];
  const sql = previewSql(includeSameOrganisation);
  const connection = ctx.em.getConnection();
  const pageOf = (pageWindow: PageWindow) => connection.execute<PreviewRow[]>(sql, params(pageWindow));
  const rows = await pageOf(window);
  return toConnection(rows.map(toPreview), await windowTotal(rows, window, pageOf), window);
}
