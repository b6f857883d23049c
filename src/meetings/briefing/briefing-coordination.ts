import { Field, ObjectType } from 'type-graphql';
import { Gap, Hotspot, Overlap } from '../../analytics/analytics.types';
import { listGaps } from '../../analytics/gap.service';
import { listHotspots } from '../../analytics/hotspot.service';
import { listOverlaps } from '../../analytics/overlap.service';
import type { RequestContext } from '../../common/context';
import { AdminLevel } from '../../geography/admin-unit.entity';
import type { MeetingBriefing } from './briefing';

const TOP = 20;

@ObjectType({
  description: 'The coordination picture for a briefing: overlaps and hotspots involving member organisations, and gaps in border areas, as of the end of the period.',
})
export class BriefingCoordination {
  @Field(() => [Overlap], { description: `Highest-scoring overlaps (at most ${TOP}) involving a project of a member organisation, running at the end of the period.` })
  overlaps: Overlap[];

  @Field(() => [Hotspot], { description: `Districts (at most ${TOP}) where at least three organisations, one of them a member, work on the same theme.` })
  hotspots: Hotspot[];

  @Field(() => [Gap], { description: `Border-area ayil aimaks (at most ${TOP}) with no active project.` })
  gaps: Gap[];
}

/** Overlaps, hotspots and gaps for the briefing, from the analytics services. */
export async function briefingCoordination(ctx: RequestContext, briefing: MeetingBriefing): Promise<BriefingCoordination> {
  const day = briefing.periodTo.toISOString().slice(0, 10);
  const memberIds = new Set(briefing.members.map((member) => member.id));
  const window = { limit: TOP, offset: 0 };
  const overlaps = memberIds.size ? (await listOverlaps(ctx, { activeDuring: { from: day, to: day }, includeSameOrganisation: false }, window, [...memberIds])).nodes : [];
  const hotspots = (
    await listHotspots(ctx, { level: AdminLevel.DISTRICT, filter: { minOrganisations: 3, activeDuring: { from: day, to: day }, includeInherited: false } } as never, {
      limit: 500,
      offset: 0,
    })
  ).nodes
    .filter((hotspot) => hotspot.organisationIds.some((id) => memberIds.has(id)))
    .slice(0, TOP);
  const gaps = (await listGaps(ctx, { level: AdminLevel.MUNICIPALITY, borderArea: true, activeDuring: { from: day, to: day }, includeInherited: false }, window)).nodes;
  return Object.assign(new BriefingCoordination(), { overlaps, hotspots, gaps });
}
