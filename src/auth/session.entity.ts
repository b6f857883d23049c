import { Entity, ManyToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { v4 } from 'uuid';
import { User } from './user.entity';

/** A signed-in browser; the cookie holds a random secret of which only the SHA-256 is stored. */
@Entity({ tableName: 'session' })
export class Session {
  @PrimaryKey({ type: 'uuid' })
  id: string = v4();

  @Unique()
  @Property({ type: 'text', hidden: true })
  secretHash: string;

  @ManyToOne(() => User, { index: true })
  user: User;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt: Date;

  @Property({ type: 'timestamptz', nullable: true })
  endedAt: Date | null = null;
}
