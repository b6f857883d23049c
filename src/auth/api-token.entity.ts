import { Entity, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { v4 } from 'uuid';
import { User } from './user.entity';

/** A bearer token for a partner system; only its SHA-256 is stored. */
@ObjectType({ description: 'An API token for a partner system. The secret is shown once, when it is created.' })
@Entity({ tableName: 'api_token' })
export class ApiToken {
  @Field(() => ID, { description: 'Token id (not the secret).' })
  @PrimaryKey({ type: 'uuid' })
  id: string = v4();

  @Field({ description: 'What the token is for, e.g. "UNDP project sync".' })
  @Property({ type: 'text' })
  name: string;

  /** First characters of the secret, so people can tell their tokens apart. */
  @Field({ description: 'The first characters of the secret, to recognise it.' })
  @Property({ type: 'text' })
  prefix: string;

  @Unique()
  @Property({ type: 'text', hidden: true })
  secretHash: string;

  @ManyToOne(() => User, { index: true })
  user: User;

  @Field(() => Date, { description: 'When it was created.' })
  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Field({ description: 'When it stops working.' })
  @Property({ type: 'timestamptz' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was last used (updated at most once a minute).' })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; a revoked token no longer works.' })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;
}
