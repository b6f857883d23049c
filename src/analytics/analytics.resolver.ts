import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../common/access';
import type { RequestContext } from '../common/context';
import { propsReadBy } from '../common/lean-rows';
import { found } from '../common/loaded';
import { oncePerDocument, selectedFieldNames } from '../common/selection';
import { ADMIN_UNIT_FIELD_PROPS } from '../geography/geography.loaders';
import { PROJECT_FIELD_PROPS } from '../projects/project.loaders';
import { pageWindow, MAX_PAGE_SIZE } from '../common/pagination';
import { AdminUnit } from '../geography/admin-unit.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Project } from '../projects/project.entity';
import { Theme } from '../themes/theme.entity';
import { CoverageArgs, GapsArgs, HotspotsArgs, OverlapPreviewArgs, OverlapsArgs } from './analytics.inputs';
import {
  CoverageCell,
  CoverageCellConnection,
  Gap,
  GapConnection,
  Hotspot,
  HotspotConnection,
  Overlap,
  OverlapConnection,
  OverlapPreview,
  OverlapPreviewConnection,
} from './analytics.types';
import { coverageMap } from './coverage.service';
import { listGaps } from './gap.service';
import { listHotspots } from './hotspot.service';
import { previewOverlaps } from './overlap-preview.service';
import { listOverlaps, type OverlapColumns } from './overlap.service';
import { PeopleReached } from './people-reached';

/** The columns of the projects and units an overlap page's selection reads. */
const overlapColumns = oncePerDocument((info): OverlapColumns => {
  const nodes = [['nodes'], ['edges', 'node']];
  const at = (field: string) => selectedFieldNames(info, ...nodes.map((path) => [...path, field]));
  return {
    projectProps: propsReadBy(new Set([...at('projectA'), ...at('projectB')]), PROJECT_FIELD_PROPS),
    unitProps: propsReadBy(at('sharedUnits'), ADMIN_UNIT_FIELD_PROPS),
  };
});

/**
 * Overlaps, hotspots, coverage and gaps are computed from project data, which is public, so
 * anyone may read them (the public map uses them). Activity collisions, which involve
 * unaccepted reports, stay with signed-in callers.
 */
@Resolver(() => Overlap)
export class OverlapResolver {
  @Public()
  @Query(() => OverlapConnection, {
    description:
      'Pairs of projects of different organisations whose coverage meets in the unit tree, whose periods meet and which share a theme, highest score first (then by project ids). Cancelled projects and projects without themes or coverage take no part.',
  })
  overlaps(@Args() args: OverlapsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return listOverlaps(ctx, args.filter, pageWindow(args), undefined, overlapColumns(info));
  }
}

/** Overlaps of a project before it is saved (the project form shows them as the user types); public like `overlaps`. */
@Resolver(() => OverlapPreview)
export class OverlapPreviewResolver {
  @Public()
  @Query(() => OverlapPreviewConnection, {
    description:
      'Overlaps a project would have once saved, computed from a draft of it (units, themes, dates, organisations) against the stored projects, with the same pairs and scores `overlaps(filter: { projectId })` gives for a saved project: highest score first, then by project id. Nothing is written.',
  })
  overlapPreview(@Args() args: OverlapPreviewArgs, @Ctx() ctx: RequestContext) {
    return previewOverlaps(ctx, args.draft, args.includeSameOrganisation, pageWindow(args));
  }

  @FieldResolver(() => Project, { description: 'The stored project the draft would overlap.' })
  async project(@Root() preview: OverlapPreview, @Ctx() ctx: RequestContext) {
    return ctx.loaders.projects.projectById.load(preview.projectId);
  }

  @FieldResolver(() => [AdminUnit], {
    description: 'Where they would meet, most specific: each unit one names that lies at or inside a unit the other names. In tree order.',
  })
  async sharedUnits(@Root() preview: OverlapPreview, @Ctx() ctx: RequestContext) {
    return found(await ctx.loaders.geography.unitByCode.loadMany(preview.unitCodes));
  }

  @FieldResolver(() => [Theme], { description: 'Themes both work on.' })
  async sharedThemes(@Root() preview: OverlapPreview, @Ctx() ctx: RequestContext) {
    return found(await ctx.loaders.themes.themeByCode.loadMany(preview.themeCodes));
  }
}

@Resolver(() => Hotspot)
export class HotspotResolver {
  @Public()
  @Query(() => HotspotConnection, {
    description:
      'Units of a level where at least `minOrganisations` organisations (default 3), through at least two projects, work on the same theme in the same period (default today), with who they are.',
  })
  hotspots(@Args() args: HotspotsArgs, @Ctx() ctx: RequestContext) {
    return listHotspots(ctx, args, pageWindow(args));
  }

  @FieldResolver(() => AdminUnit, { description: 'The unit.' })
  unit(@Root() hotspot: Hotspot, @Ctx() ctx: RequestContext) {
    return ctx.loaders.geography.unitByCode.load(hotspot.unitCode);
  }

  @FieldResolver(() => Theme, { description: 'The theme.' })
  theme(@Root() hotspot: Hotspot, @Ctx() ctx: RequestContext) {
    return ctx.loaders.themes.themeByCode.load(hotspot.themeCode);
  }

  @FieldResolver(() => [Organisation], { description: 'The organisations.' })
  async organisations(@Root() hotspot: Hotspot, @Ctx() ctx: RequestContext) {
    return found(await ctx.loaders.organisations.organisationById.loadMany(hotspot.organisationIds));
  }

  @FieldResolver(() => [Project], { description: 'Their projects there on the theme.' })
  async projects(@Root() hotspot: Hotspot, @Ctx() ctx: RequestContext) {
    return found(await ctx.loaders.projects.projectById.loadMany(hotspot.projectIds));
  }
}

@Resolver(() => CoverageCell)
export class CoverageCellResolver {
  @FieldResolver(() => PeopleReached, { description: "People reached by accepted activity reports at or inside the unit (on the cell's theme, for a theme cell), all time." })
  peopleReached(@Root() cell: CoverageCell, @Ctx() ctx: RequestContext) {
    return ctx.loaders.analytics.peopleReached.load({ unitCode: cell.unitCode, themeCode: cell.themeCode });
  }

  @Public()
  @Query(() => CoverageCellConnection, {
    description:
      'A coverage map: one cell per unit of the level (per theme with `byTheme`), units without any project included with zeros, in tree order; pages default to 500 cells.',
  })
  coverage(@Args() args: CoverageArgs, @Ctx() ctx: RequestContext) {
    return coverageMap(ctx, args, pageWindow(args, MAX_PAGE_SIZE));
  }

  @FieldResolver(() => AdminUnit, { description: 'The unit.' })
  unit(@Root() cell: CoverageCell, @Ctx() ctx: RequestContext) {
    return ctx.loaders.geography.unitByCode.load(cell.unitCode);
  }

  @FieldResolver(() => Theme, { nullable: true, description: 'The theme of the cell with `byTheme`; null otherwise.' })
  theme(@Root() cell: CoverageCell, @Ctx() ctx: RequestContext) {
    return cell.themeCode ? ctx.loaders.themes.themeByCode.load(cell.themeCode) : null;
  }

  @FieldResolver(() => [Organisation], { description: 'Organisations taking part in the projects covering the unit.' })
  async organisations(@Root() cell: CoverageCell, @Ctx() ctx: RequestContext) {
    return found(await ctx.loaders.organisations.organisationById.loadMany(cell.organisationIds));
  }
}

@Resolver(() => Gap)
export class GapResolver {
  @Public()
  @Query(() => GapConnection, {
    description:
      'Units of a level (default ayil aimaks) where no project on the given themes runs in the period (default today), in tree order; narrow to flagged units with `borderArea` or `multiEthnic`.',
  })
  gaps(@Args() args: GapsArgs, @Ctx() ctx: RequestContext) {
    return listGaps(ctx, args.filter, pageWindow(args));
  }

  @FieldResolver(() => AdminUnit, { description: 'The unit, with its flags (`borderArea`, `multiEthnic`).' })
  unit(@Root() gap: Gap, @Ctx() ctx: RequestContext) {
    return ctx.loaders.geography.unitByCode.load(gap.unitCode);
  }
}

/** The feature's resolvers, for the schema's list. */
export const analyticsResolvers = [OverlapResolver, OverlapPreviewResolver, HotspotResolver, CoverageCellResolver, GapResolver] as const;
