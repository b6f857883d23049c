import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Failed sign-ins per account and per client address, kept in the database so that every
 * replica of the server sees the same counts.
 */
@Entity({ tableName: 'login_throttle' })
export class LoginThrottle {
  /** `email:<address>` or `ip:<address>`. */
  @PrimaryKey({ type: 'text' })
  key: string;

  @Property({ type: 'integer' })
  failures: number = 0;

  @Property({ type: 'timestamptz' })
  windowStartedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null = null;
}
