import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Allow, Public, Role } from '../common/access';
import type { RequestContext } from '../common/context';
import { Language, LocalizedText, translatedField } from '../common/localized-text';
import { PlainResolver } from '../common/plain-resolver';
import { ConnectionType, pageWindow } from '../common/pagination';
import { AdminUnit } from './admin-unit.entity';
import type { AdminUnitRecord } from './geography.loaders';
import { AdminUnitFlagsInput, AdminUnitsArgs } from './admin-unit.inputs';
import * as units from './admin-unit.service';

@ObjectType({ description: 'A page of administrative units.' })
export class AdminUnitConnection extends ConnectionType('AdminUnit', () => AdminUnit, 'administrative unit') {}

function namesOf(unit: AdminUnitRecord) {
  return { ky: unit.nameKy, ru: unit.nameRu, en: unit.nameEn };
}

const unitName = translatedField(namesOf);

@Resolver(() => AdminUnit)
export class AdminUnitResolver {
  @Public()
  @Query(() => AdminUnit, { nullable: true, description: 'The administrative unit with this code, or null when there is none.' })
  adminUnit(@Arg('code', { description: 'Code of the unit, e.g. `KG05214000000`; its SOATE code or a former code is accepted too.' }) code: string, @Ctx() ctx: RequestContext) {
    return units.unitByCode(ctx, code);
  }

  @Public()
  @Query(() => AdminUnitConnection, {
    description: 'Administrative units in tree order (each unit before the units inside it), filtered and paged; with `filter.search`, best match first.',
  })
  adminUnits(@Args() args: AdminUnitsArgs, @Ctx() ctx: RequestContext) {
    return units.listUnits(ctx, args.filter, pageWindow(args));
  }

  @Allow(Role.ADMIN, Role.SECRETARIAT)
  @Mutation(() => AdminUnit, { description: '(ADMIN, SECRETARIAT) Sets the flags the secretariat keeps on a unit (border area, multi-ethnic) and where they come from.' })
  setAdminUnitFlags(
    @Arg('code', { description: 'Code of the unit, e.g. `KG05214849000` (Ak-Tatyr ayil aimak); a SOATE or former code is accepted too.' }) code: string,
    @Arg('input', { description: 'The flags to set; those left out keep their value.' }) input: AdminUnitFlagsInput,
    @Ctx() ctx: RequestContext,
  ) {
    return units.setAdminUnitFlags(ctx, code, input);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name in the asked-for language; where it has none, in Kyrgyz, else Russian, else English.' })
  @PlainResolver(unitName)
  name(
    @Root() unit: AdminUnitRecord,
    @Ctx() ctx: RequestContext,
    @Arg('lang', () => Language, { nullable: true, description: 'Language; defaults to the request language.' })
    lang?: Language | null,
  ): string | null {
    return unitName(unit, { lang }, ctx);
  }

  @FieldResolver(() => LocalizedText, { description: 'Name in Kyrgyz, Russian and English.' })
  names(@Root() unit: AdminUnitRecord, @Ctx() ctx: RequestContext): LocalizedText {
    return LocalizedText.of(namesOf(unit), ctx.language);
  }

  @FieldResolver(() => AdminUnit, { nullable: true, description: 'The unit directly above; null for the country.' })
  parent(@Root() unit: AdminUnitRecord, @Ctx() ctx: RequestContext) {
    return units.parentOf(ctx, unit);
  }

  @FieldResolver(() => [AdminUnit], { description: 'The units directly inside this one, in tree order.' })
  children(@Root() unit: AdminUnitRecord, @Ctx() ctx: RequestContext) {
    return units.childrenOf(ctx, unit);
  }

  @FieldResolver(() => [AdminUnit], { description: 'The units above this one, from the country down to the parent.' })
  ancestors(@Root() unit: AdminUnitRecord, @Ctx() ctx: RequestContext) {
    return units.ancestorsOf(ctx, unit);
  }

  @FieldResolver(() => AdminUnit, { nullable: true, description: "The unit that took this one's place after a reform (a merge or a renaming); null while the unit exists." })
  successor(@Root() unit: AdminUnitRecord, @Ctx() ctx: RequestContext) {
    return unit.successor ? units.unitByCode(ctx, unit.successor.code) : null;
  }

  @FieldResolver(() => [String], { description: 'Codes the hub used for this unit before (e.g. `KG05214000000-AK-TATYR`); they are still accepted wherever a code is taken.' })
  async formerCodes(@Root() unit: AdminUnitRecord, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await ctx.loaders.geography.aliasesOf.load(unit.code)).filter((alias) => alias.kind === 'FORMER_CODE').map((alias) => alias.value);
  }

  @FieldResolver(() => [String], { description: 'The villages of the unit as the classifier names them (in Russian); searching for a village finds its unit.' })
  async villages(@Root() unit: AdminUnitRecord, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await ctx.loaders.geography.aliasesOf.load(unit.code)).filter((alias) => alias.kind === 'VILLAGE').map((alias) => alias.value);
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description:
      'Boundary as a GeoJSON geometry (Polygon or MultiPolygon, WGS84 lon/lat, simplified to about 10 m); null where none is known (ayil aimaks). Source: Ministry of Emergency Situations of the Kyrgyz Republic / OCHA, COD-AB 2018, CC BY-IGO.',
  })
  geometry(@Root() unit: AdminUnitRecord, @Ctx() ctx: RequestContext) {
    return units.geometryOf(ctx, unit);
  }
}
