import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { v4 } from 'uuid';

export interface FieldChange {
  before: unknown;
  after: unknown;
}

/** One change to one record, written in the same transaction as the change. */
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['entityType', 'entityId'] })
@Index({ properties: ['occurredAt'] })
export class AuditEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = v4();

  @Property({ type: 'timestamptz' })
  occurredAt: Date = new Date();

  /** Who did it; null for the system (seeds, migrations). */
  @Property({ type: 'uuid', nullable: true, index: true })
  userId: string | null = null;

  /** The organisation of that user at the time. */
  @Property({ type: 'uuid', nullable: true, index: true })
  organisationId: string | null = null;

  @Property({ type: 'text' })
  entityType: string;

  @Property({ type: 'text' })
  entityId: string;

  /** CREATE, UPDATE, DELETE, or a named action such as LOGIN. */
  @Property({ type: 'text' })
  action: string;

  /** Changed fields with their values before and after; secrets are never stored. */
  @Property({ type: 'jsonb' })
  changes: Record<string, FieldChange> = {};

  /** Request id, to find the request in the logs. */
  @Property({ type: 'text', nullable: true })
  requestId: string | null = null;
}
