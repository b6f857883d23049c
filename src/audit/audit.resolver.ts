import type { FilterQuery } from '@mikro-orm/core';
import { Args, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Allow, Role } from '../common/access';
import type { RequestContext } from '../common/context';
import { isUuid } from '../common/ids';
import { ConnectionType, pageWindow, toConnection } from '../common/pagination';
import { Organisation } from '../organisations/organisation.entity';
import { organisationById } from '../organisations/organisation.service';
import { AuditEvent } from './audit-event.entity';
import { AuditEventsArgs } from './audit.inputs';

@ObjectType({ description: 'A page of audit events.' })
export class AuditEventConnection extends ConnectionType('AuditEvent', () => AuditEvent, 'audit event') {}

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Allow(Role.ADMIN, Role.SECRETARIAT)
  @Query(() => AuditEventConnection, { description: 'Who changed what and when, newest first (ADMIN, SECRETARIAT).' })
  async auditEvents(@Args() args: AuditEventsArgs, @Ctx() ctx: RequestContext) {
    const window = pageWindow(args);
    const filter = args.filter;
    const where: FilterQuery<AuditEvent>[] = [];
    if (filter?.entityType) where.push({ entityType: filter.entityType });
    if (filter?.entityId) where.push({ entityId: filter.entityId });
    if (filter?.organisationId) where.push({ organisationId: isUuid(filter.organisationId) ? filter.organisationId : null });
    if (filter?.userId) where.push({ userId: isUuid(filter.userId) ? filter.userId : null });
    if (filter?.from) where.push({ occurredAt: { $gte: filter.from } });
    if (filter?.to) where.push({ occurredAt: { $lt: filter.to } });
    const [events, totalCount] = await ctx.em.findAndCount(
      AuditEvent,
      { $and: where },
      { orderBy: [{ occurredAt: 'desc' }, { id: 'asc' }], limit: window.limit, offset: window.offset },
    );
    return toConnection(events, totalCount, window);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'Their organisation at the time.' })
  organisation(@Root() event: AuditEvent, @Ctx() ctx: RequestContext) {
    return event.organisationId ? organisationById(ctx, event.organisationId) : null;
  }
}
