import { Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '../common/access';
import { EditableEntity } from '../common/base.entity';
import { Organisation } from '../organisations/organisation.entity';

/** A person who signs in to the hub (or whose API tokens a partner system uses). */
@ObjectType({ description: 'A person who signs in to the hub; partner systems act through the API tokens of a user.' })
@Entity({ tableName: 'app_user' })
export class User extends EditableEntity {
  @Field({ description: 'E-mail address, used to sign in (stored lower-case).' })
  @Unique()
  @Property({ type: 'text' })
  email: string;

  @Field({ description: 'Full name.' })
  @Property({ type: 'text' })
  name: string;

  @ManyToOne(() => Organisation, { nullable: true, index: true })
  organisation: Organisation | null = null;

  @Field(() => Role, { description: 'What the user may do.' })
  @Enum({ items: () => Role })
  role: Role;

  @Field(() => Boolean, { description: 'False when the user may no longer sign in or use tokens.' })
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  /** scrypt hash (see password.ts); null until the user sets a password. */
  @Property({ type: 'text', nullable: true, hidden: true })
  passwordHash: string | null = null;

  /** SHA-256 of the one-time link token for setting a password. */
  @Index()
  @Property({ type: 'text', nullable: true, hidden: true })
  passwordSetupTokenHash: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  passwordSetupExpiresAt: Date | null = null;
}
