import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../common/context';
import { type Connection, type PageWindow, toConnection } from '../common/pagination';
import { badInput, checkPeriod, notFound } from '../common/validation';
import { checkVersion, requireOrganisation } from '../organisations/organisation.service';
import { CoordinationBody } from './coordination-body.entity';
import { CouncilErrorCode } from './council.errors';
import type { AddMembershipInput, EndMembershipInput, MembersArgs } from './council.inputs';
import { Membership, SEAT_ROLES } from './membership.entity';
import { isUuid } from '../common/ids';

export function listBodies(ctx: RequestContext): Promise<CoordinationBody[]> {
  return ctx.em.find(CoordinationBody, {}, { orderBy: { seatCount: 'desc nulls last', name: { en: 'asc' }, id: 'asc' } });
}

export function bodyById(ctx: RequestContext, id: string): Promise<CoordinationBody | null> {
  return ctx.loaders.council.bodyById.load(id);
}

export function seatedMemberCount(ctx: RequestContext, body: CoordinationBody): Promise<number> {
  return ctx.loaders.council.seatedMemberCount.load(body.id);
}

/** "9 of 38 seats filled", or "9 members" when the seat count is not known. */
export async function rosterSummary(ctx: RequestContext, body: CoordinationBody): Promise<string> {
  const seated = await seatedMemberCount(ctx, body);
  return body.seatCount == null ? `${seated} members (seat count not known)` : `${seated} of ${body.seatCount} seats filled`;
}

/** Members of a body: seat holders first by role, then by organisation name. */
export async function listMembers(ctx: RequestContext, body: CoordinationBody, args: MembersArgs, window: PageWindow): Promise<Connection<Membership>> {
  const where: FilterQuery<Membership> = { body: body.id };
  if (!args.includeEnded) where.endDate = null;
  if (args.roles?.length) where.role = { $in: args.roles };
  const [memberships, totalCount] = await ctx.em.findAndCount(Membership, where, {
    orderBy: [{ role: 'asc' }, { organisation: { name: { en: 'asc' } } }, { id: 'asc' }],
    limit: window.limit,
    offset: window.offset,
  });
  return toConnection(memberships, totalCount, window);
}

async function requireBody(em: EntityManager, id: string, field: string): Promise<CoordinationBody> {
  const body = isUuid(id) ? await em.findOne(CoordinationBody, { id }) : null;
  if (!body) throw notFound(CouncilErrorCode.BODY_NOT_FOUND, `No coordination body has the id given in \`${field}\`.`, field);
  return body;
}

export async function addMembership(ctx: RequestContext, input: AddMembershipInput): Promise<Membership> {
  return ctx.em.transactional(async (em) => {
    const body = await requireBody(em, input.bodyId, 'input.bodyId');
    const organisation = await requireOrganisation(em, input.organisationId, 'input.organisationId');
    const active = await em.count(Membership, { body, organisation, endDate: null });
    if (active > 0) {
      throw badInput(
        CouncilErrorCode.ALREADY_A_MEMBER,
        'This organisation already has an active membership of this body; end it first to change its role.',
        'input.organisationId',
      );
    }
    if (SEAT_ROLES.includes(input.role) && body.seatCount != null) {
      const seated = await em.count(Membership, { body, endDate: null, role: { $in: SEAT_ROLES } });
      if (seated >= body.seatCount) {
        throw badInput('NO_SEAT_LEFT', `All ${body.seatCount} seats of this body are taken.`, 'input.role');
      }
    }
    return em.create(Membership, {
      body,
      organisation,
      role: input.role,
      startDate: input.startDate ?? null,
      representatives: input.representatives.map((person) => ({
        name: person.name.trim(),
        title: person.title ?? null,
        email: person.email ?? null,
        phone: person.phone ?? null,
      })),
      source: input.source ?? null,
    });
  });
}

export async function endMembership(ctx: RequestContext, id: string, input: EndMembershipInput): Promise<Membership> {
  return ctx.em.transactional(async (em) => {
    const membership = isUuid(id) ? await em.findOne(Membership, { id }) : null;
    if (!membership) throw notFound(CouncilErrorCode.MEMBERSHIP_NOT_FOUND, 'No membership has this id.', 'id');
    checkVersion(membership.version, input.version, 'membership');
    if (membership.endDate) {
      throw badInput(CouncilErrorCode.MEMBERSHIP_ALREADY_ENDED, `This membership already ended on ${membership.endDate}.`, 'id');
    }
    checkPeriod(membership.startDate, input.endDate, 'input.endDate');
    membership.endDate = input.endDate;
    return membership;
  });
}
