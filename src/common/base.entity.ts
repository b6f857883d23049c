import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { v4 } from 'uuid';

/**
 * Identity, timestamps and an optimistic-locking version for the hub's editable records.
 * Seeds pass deterministic ids (uuid v5) so a fresh database always gets the same ones.
 */
@ObjectType()
export abstract class EditableEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version';

  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryKey({ type: 'uuid' })
  id: string = v4();

  @Field({ description: 'When the record was created (UTC).' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field({ description: 'When the record last changed (UTC).' })
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'Edit version; send it back with an update so that a concurrent change is detected (CONFLICT).' })
  @Property({ version: true, type: 'integer' })
  version: number = 1;
}
