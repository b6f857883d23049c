import type { Caller } from '../common/access';

/**
 * How long a server trusts an API token it has found valid without asking PostgreSQL again.
 * Within this time a token revoked (or a user deactivated or changed) through another replica
 * still works on this one; through this server it stops at once (`forgetAll`). Short, so that
 * a revocation anywhere holds everywhere within it, and still long enough that a client sending
 * many requests pays the lookup a few times a second rather than on each.
 */
export const TOKEN_CALLER_TTL_MS = 2000;
const MAX_REMEMBERED = 10_000;

/**
 * The callers of API tokens (by the hash of the secret) that this server found valid in the last
 * TOKEN_CALLER_TTL_MS, one per server (a replica has its own). Only valid tokens are remembered:
 * a token unknown here a moment ago may have just been created on another replica. Sessions are
 * not remembered: signing out on one replica ends the session on all at once.
 */
export class TokenCallers {
  private readonly entries = new Map<string, { caller: Caller; until: number }>();
  /** Counts `forgetAll`s: a lookup that began before one must not store what it read. */
  private generation = 0;

  get(secretHash: string): Caller | undefined {
    const entry = this.entries.get(secretHash);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.caller;
    this.entries.delete(secretHash);
    return undefined;
  }

  /** The mark to give `set`, taken before the lookup starts. */
  mark(): number {
    return this.generation;
  }

  /** Remembers a caller looked up since `mark`, no longer than the token lives. */
  set(secretHash: string, caller: Caller, expiresAtMs: number, mark: number): void {
    if (mark !== this.generation) return;
    const until = Math.min(Date.now() + TOKEN_CALLER_TTL_MS, expiresAtMs);
    this.entries.delete(secretHash);
    this.entries.set(secretHash, { caller: Object.freeze(caller), until });
    if (this.entries.size > MAX_REMEMBERED) this.entries.delete(this.entries.keys().next().value!);
  }

  /** After a token is revoked or a user changed: all of them, since such changes are rare. */
  forgetAll(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
