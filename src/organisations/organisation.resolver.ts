import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Allow, Public, Role } from '../common/access';
import type { RequestContext } from '../common/context';
import { Language, LocalizedText, translatedField } from '../common/localized-text';
import { PlainResolver } from '../common/plain-resolver';
import { ConnectionType, pageWindow } from '../common/pagination';
import { IATI_ORGANISATION_TYPE, Organisation } from './organisation.entity';
import type { OrganisationRecord } from './organisation.loaders';
import { CreateOrganisationInput, OrganisationsArgs, UpdateOrganisationInput } from './organisation.inputs';
import * as organisations from './organisation.service';

@ObjectType({ description: 'A page of organisations.' })
export class OrganisationConnection extends ConnectionType('Organisation', () => Organisation, 'organisation') {}

const organisationName = translatedField((organisation: OrganisationRecord) => organisation.name);

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Public()
  @Query(() => OrganisationConnection, { description: 'Organisations by English (then Russian) name, filtered and paged.' })
  organisations(@Args() args: OrganisationsArgs, @Ctx() ctx: RequestContext) {
    return organisations.listOrganisations(ctx, args.filter, pageWindow(args));
  }

  @Public()
  @Query(() => Organisation, { nullable: true, description: 'The organisation with this id, or null.' })
  organisation(@Arg('id', () => ID, { description: 'Organisation id.' }) id: string, @Ctx() ctx: RequestContext) {
    return organisations.organisationById(ctx, id);
  }

  @Allow(Role.ADMIN, Role.SECRETARIAT)
  @Mutation(() => Organisation, { description: 'Registers an organisation (ADMIN, SECRETARIAT).' })
  createOrganisation(@Arg('input', { description: 'The organisation.' }) input: CreateOrganisationInput, @Ctx() ctx: RequestContext) {
    return organisations.createOrganisation(ctx, input);
  }

  @Allow(Role.ADMIN, Role.SECRETARIAT, Role.PARTNER_EDITOR)
  @Mutation(() => Organisation, { description: 'Changes an organisation (ADMIN, SECRETARIAT; a PARTNER_EDITOR only its own).' })
  updateOrganisation(
    @Arg('id', () => ID, { description: 'Organisation id.' }) id: string,
    @Arg('input', { description: 'What to change.' }) input: UpdateOrganisationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return organisations.updateOrganisation(ctx, id, input);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name in the asked-for language; where it has none, in Kyrgyz, else Russian, else English.' })
  @PlainResolver(organisationName)
  name(
    @Root() organisation: OrganisationRecord,
    @Ctx() ctx: RequestContext,
    @Arg('lang', () => Language, { nullable: true, description: 'Language; defaults to the request language.' }) lang?: Language | null,
  ): string | null {
    return organisationName(organisation, { lang }, ctx);
  }

  @FieldResolver(() => LocalizedText, { description: 'Name in Kyrgyz, Russian and English.' })
  names(@Root() organisation: OrganisationRecord, @Ctx() ctx: RequestContext): LocalizedText {
    return LocalizedText.of(organisation.name, ctx.language);
  }

  @FieldResolver(() => String, { description: 'IATI OrganisationType code of `kind`, e.g. "40" for multilateral.' })
  iatiTypeCode(@Root() organisation: OrganisationRecord): string {
    return IATI_ORGANISATION_TYPE[organisation.kind].code;
  }
}
