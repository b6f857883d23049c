import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Allow, Public, Role } from '../common/access';
import type { RequestContext } from '../common/context';
import { Language, LocalizedText, translatedField } from '../common/localized-text';
import { PlainResolver } from '../common/plain-resolver';
import { ConnectionType, pageWindow } from '../common/pagination';
import { Organisation } from '../organisations/organisation.entity';
import { organisationById } from '../organisations/organisation.service';
import { CoordinationBody } from './coordination-body.entity';
import { AddMembershipInput, EndMembershipInput, MembersArgs } from './council.inputs';
import * as council from './council.service';
import { Membership } from './membership.entity';

@ObjectType({ description: 'A page of memberships.' })
export class MembershipConnection extends ConnectionType('Membership', () => Membership, 'membership') {}

const bodyName = translatedField((body: CoordinationBody) => body.name);

@Resolver(() => CoordinationBody)
export class CoordinationBodyResolver {
  @Public()
  @Query(() => [CoordinationBody], { description: 'The coordination bodies the agency runs, largest first.' })
  coordinationBodies(@Ctx() ctx: RequestContext) {
    return council.listBodies(ctx);
  }

  @Public()
  @Query(() => CoordinationBody, { nullable: true, description: 'The coordination body with this id, or null.' })
  coordinationBody(@Arg('id', () => ID, { description: 'Body id.' }) id: string, @Ctx() ctx: RequestContext) {
    return council.bodyById(ctx, id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name in the asked-for language; where it has none, in Kyrgyz, else Russian, else English.' })
  @PlainResolver(bodyName)
  name(
    @Root() body: CoordinationBody,
    @Ctx() ctx: RequestContext,
    @Arg('lang', () => Language, { nullable: true, description: 'Language; defaults to the request language.' }) lang?: Language | null,
  ): string | null {
    return bodyName(body, { lang }, ctx);
  }

  @FieldResolver(() => LocalizedText, { description: 'Name in Kyrgyz, Russian and English.' })
  names(@Root() body: CoordinationBody, @Ctx() ctx: RequestContext): LocalizedText {
    return LocalizedText.of(body.name, ctx.language);
  }

  @FieldResolver(() => LocalizedText, { description: 'What the body is for.' })
  description(@Root() body: CoordinationBody, @Ctx() ctx: RequestContext): LocalizedText {
    return LocalizedText.of(body.description, ctx.language);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The state agency the body sits under.' })
  agency(@Root() body: CoordinationBody, @Ctx() ctx: RequestContext) {
    return organisationById(ctx, body.agency.id);
  }

  @FieldResolver(() => Int, { description: 'Active members holding a seat (MEMBER and CO_CHAIR; the chair and secretariat hold none).' })
  memberCount(@Root() body: CoordinationBody, @Ctx() ctx: RequestContext) {
    return council.seatedMemberCount(ctx, body);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Seats nobody holds; null when the seat count is not known.' })
  async vacantSeats(@Root() body: CoordinationBody, @Ctx() ctx: RequestContext) {
    if (body.seatCount == null) return null;
    return Math.max(0, body.seatCount - (await council.seatedMemberCount(ctx, body)));
  }

  @FieldResolver(() => String, { description: 'The roster in words, e.g. "9 of 38 seats filled".' })
  rosterSummary(@Root() body: CoordinationBody, @Ctx() ctx: RequestContext) {
    return council.rosterSummary(ctx, body);
  }

  @FieldResolver(() => MembershipConnection, { description: 'Memberships of the body (active ones unless `includeEnded`), by role, then organisation name.' })
  members(@Root() body: CoordinationBody, @Args() args: MembersArgs, @Ctx() ctx: RequestContext) {
    return council.listMembers(ctx, body, args, pageWindow(args));
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  @Allow(Role.ADMIN, Role.SECRETARIAT)
  @Mutation(() => Membership, {
    description: '(ADMIN, SECRETARIAT) Adds an organisation to a coordination body. Refused when it is already an active member or every seat is taken.',
  })
  addMembership(@Arg('input', { description: 'The membership.' }) input: AddMembershipInput, @Ctx() ctx: RequestContext) {
    return council.addMembership(ctx, input);
  }

  @Allow(Role.ADMIN, Role.SECRETARIAT)
  @Mutation(() => Membership, { description: '(ADMIN, SECRETARIAT) Ends a membership on a given day; the seat becomes vacant.' })
  endMembership(
    @Arg('id', () => ID, { description: 'Membership id.' }) id: string,
    @Arg('input', { description: 'When it ends.' }) input: EndMembershipInput,
    @Ctx() ctx: RequestContext,
  ) {
    return council.endMembership(ctx, id, input);
  }

  @FieldResolver(() => CoordinationBody, { nullable: true, description: 'The body.' })
  body(@Root() membership: Membership, @Ctx() ctx: RequestContext) {
    return council.bodyById(ctx, membership.body.id);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The member organisation.' })
  organisation(@Root() membership: Membership, @Ctx() ctx: RequestContext) {
    return organisationById(ctx, membership.organisation.id);
  }

  @FieldResolver({ description: 'True while the membership has no end date.' })
  active(@Root() membership: Membership): boolean {
    return membership.endDate == null;
  }
}
