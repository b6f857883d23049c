import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Failed sign-ins per account and per client address, kept in the database so that every
 * replica of the server sees the same counts.
 */
@Entity({ tableName: 'login_throttle' })
export class LoginThrottle {
  /** `email:<address>` or `ip:<address>`. */
  @PrimaryKey({ type: 'text' })
  key: string;

  /** Failures in the window, plus the attempts being checked right now (counted before the check). */
  @Property({ type: 'integer' })
  failures: Opt<number> = 0;

  @Property({ type: 'timestamptz' })
  windowStartedAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null = null;
}
