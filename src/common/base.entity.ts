import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { v4 } from 'uuid';

/**
 * Identity, timestamps and an optimistic-locking version for the hub's editable records.
 * Seeds pass deterministic ids (uuid v5) so a fresh database always gets the same ones.
 */
export abstract class EditableEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = v4();

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ version: true, type: 'integer' })
  version: number = 1;
}
