import { createHash, randomBytes } from 'node:crypto';

/** A random secret (256 bits) with a readable prefix, e.g. `yk_tok_…`. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Secrets are stored as SHA-256: they are random, so a fast hash is enough (unlike passwords). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export const API_TOKEN_PREFIX = 'yk_tok_';
export const SESSION_PREFIX = 'yk_ses_';
export const PASSWORD_SETUP_PREFIX = 'yk_set_';
