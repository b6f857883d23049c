import { type AnyEntity, ChangeSetType, type Collection, type EventSubscriber, type FlushEventArgs, helper } from '@mikro-orm/core';
import { currentScope } from '../common/request-scope';
import { AuditEvent, type FieldChange } from './audit-event.entity';

/** Records that are bookkeeping of their own, not business data. */
const NOT_AUDITED = new Set(['AuditEvent', 'Session', 'LoginThrottle']);
/** Changed, but their values never enter the audit trail. */
const SECRET_FIELDS = new Set(['passwordHash', 'passwordSetupTokenHash', 'secretHash']);
/** Derived or bookkeeping fields that would only add noise. */
const NOISE_FIELDS = new Set(['updatedAt', 'createdAt', 'version', 'searchText']);
const REDACTED = '[redacted]';

const ACTION: Partial<Record<ChangeSetType, string>> = {
  [ChangeSetType.CREATE]: 'CREATE',
  [ChangeSetType.UPDATE]: 'UPDATE',
  [ChangeSetType.DELETE]: 'DELETE',
};

function record(changes: Record<string, FieldChange>, field: string, before: unknown, after: unknown): void {
  if (NOISE_FIELDS.has(field)) return;
  if (SECRET_FIELDS.has(field)) {
    changes[field] = { before: before == null ? null : REDACTED, after: after == null ? null : REDACTED };
    return;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  changes[field] = { before: before ?? null, after: after ?? null };
}

const primaryKeyOf = (entity: AnyEntity) => String(helper(entity).getSerializedPrimaryKey());

/**
 * Writes one AuditEvent per created, changed or deleted record inside the flush that changes
 * it, so a change and its audit row commit or roll back together. The actor is the caller of
 * the request's context; changes outside a request (seeds) are the system's.
 */
export class AuditSubscriber implements EventSubscriber {
  async onFlush({ uow }: FlushEventArgs): Promise<void> {
    const scope = currentScope();
    const caller = scope?.context?.caller;
    const events = new Map<string, AuditEvent>();
    const eventFor = (entityType: string, entityId: string, action: string) => {
      const key = `${entityType}:${entityId}`;
      let event = events.get(key);
      if (!event) {
        event = new AuditEvent();
        Object.assign(event, {
          entityType,
          entityId,
          action,
          userId: caller?.userId ?? null,
          organisationId: caller?.organisationId ?? null,
          requestId: scope?.requestId ?? null,
        });
        events.set(key, event);
      }
      return event;
    };

    for (const changeSet of uow.getChangeSets()) {
      const action = ACTION[changeSet.type];
      if (!action || NOT_AUDITED.has(changeSet.name)) continue;
      const event = eventFor(changeSet.name, primaryKeyOf(changeSet.entity), action);
      const before = (changeSet.originalEntity ?? {}) as Record<string, unknown>;
      const after = changeSet.payload as Record<string, unknown>;
      if (changeSet.type === ChangeSetType.DELETE) {
        for (const [field, value] of Object.entries(before)) record(event.changes, field, value, null);
      } else {
        for (const [field, value] of Object.entries(after)) {
          record(event.changes, field, changeSet.type === ChangeSetType.CREATE ? null : before[field], value);
        }
      }
    }

    for (const collection of uow.getCollectionUpdates() as Collection<AnyEntity>[]) {
      const ownerType = helper(collection.owner).__meta.className;
      if (NOT_AUDITED.has(ownerType)) continue;
      const event = eventFor(ownerType, primaryKeyOf(collection.owner), 'UPDATE');
      const before = (collection.getSnapshot() ?? []).map(primaryKeyOf).sort();
      const after = collection.getItems(false).map(primaryKeyOf).sort();
      record(event.changes, collection.property.name, event.action === 'CREATE' ? null : before, after);
    }

    for (const event of events.values()) {
      if (event.action === 'UPDATE' && Object.keys(event.changes).length === 0) continue;
      uow.computeChangeSet(event);
    }
  }
}
