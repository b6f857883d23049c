import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { v4 } from 'uuid';

export interface FieldChange {
  before: unknown;
  after: unknown;
}

/** One change to one record, written in the same transaction as the change. */
@ObjectType({ description: 'One change to one record, written in the same transaction as the change itself.' })
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['entityType', 'entityId'] })
@Index({ properties: ['occurredAt'] })
export class AuditEvent {
  @Field(() => ID, { description: 'Event id.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = v4();

  @Field(() => Date, { description: 'When the change was committed (UTC).' })
  @Property({ type: 'timestamptz' })
  occurredAt: Opt<Date> = new Date();

  /** Who did it; null for the system (seeds, migrations). */
  @Property({ type: 'uuid', nullable: true, index: true })
  userId: string | null = null;

  /** The organisation of that user at the time. */
  @Property({ type: 'uuid', nullable: true, index: true })
  organisationId: string | null = null;

  @Field({ description: 'Kind of record, e.g. Project, Membership, User.' })
  @Property({ type: 'text' })
  entityType: string;

  @Field({ description: 'Id (or code) of the record.' })
  @Property({ type: 'text' })
  entityId: string;

  /** CREATE, UPDATE, DELETE, or a named action such as LOGIN. */
  @Field({ description: 'CREATE, UPDATE, DELETE, LOGIN or LOGOUT.' })
  @Property({ type: 'text' })
  action: string;

  /** Changed fields with their values before and after; secrets are never stored. */
  @Field(() => GraphQLJSON, { description: 'Changed fields: `{ field: { before, after } }`. Secrets show only as "[redacted]".' })
  @Property({ type: 'jsonb' })
  changes: Opt<Record<string, FieldChange>> = {};

  /** Request id, to find the request in the logs. */
  @Field(() => String, { nullable: true, description: 'Id of the HTTP request, to find it in the logs.' })
  @Property({ type: 'text', nullable: true })
  requestId: string | null = null;
}
