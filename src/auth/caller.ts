import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessErrorCode, type Caller, type Role, unauthenticated } from '../common/access';
import type { DomainError } from '../common/errors';
import { preparedRows } from '../common/prepared-statement';
import { Sql } from '../common/sql';
import { hashSecret } from './secrets';
import type { TokenCallers } from './token-callers';

export interface Credentials {
  /** The `Authorization` header, if any. */
  authorization?: string;
  /** The session cookie's value, if any. */
  sessionSecret?: string;
}

interface CallerRow {
  credential_id: string;
  user_id: string;
  email: string;
  name: string;
  role: Role;
  organisation_id: string | null;
}

interface TokenCallerRow extends CallerRow {
  /** The token's end, in ms since the epoch. */
  expires_at_ms: number;
}

/**
 * One statement (a prepared one, see common/prepared-statement.ts) per lookup: finds the live
 * token (touching `last_used_at` at most once a minute) and its active user.
 */
const TOKEN_SQL = `
  with hit as (
    select t.id, t.user_id, t.last_used_at, t.expires_at from api_token t
    where t.secret_hash = ? and t.revoked_at is null and t.expires_at > now()
  ), touched as (
    update api_token set last_used_at = now()
    where id in (select id from hit where last_used_at is null or last_used_at < now() - interval '1 minute')
  )
  select hit.id as credential_id, u.id as user_id, u.email, u.name, u.role, u.organisation_id,
    (extract(epoch from hit.expires_at) * 1000)::float8 as expires_at_ms
  from hit join app_user u on u.id = hit.user_id where u.active`;

const SESSION_SQL = `
  select s.id as credential_id, u.id as user_id, u.email, u.name, u.role, u.organisation_id
  from session s join app_user u on u.id = s.user_id
  where s.secret_hash = ? and s.ended_at is null and s.expires_at > now() and u.active`;

/**
 * The caller of a request: null for anonymous requests; a DomainError when credentials were
 * sent but are not valid (expired, revoked, unknown). A bad API token refuses the request
 * rather than downgrading it to anonymous; an ended session (reason SESSION_ENDED) is treated
 * as anonymous by the server, which clears the cookie. A token found valid is remembered for a
 * moment in `tokenCallers` (token-callers.ts says how long, and what that means for revoking).
 * `em` is called only for a lookup: a remembered token or no credentials need no EntityManager.
 */
export async function resolveCaller(em: () => EntityManager, credentials: Credentials, tokenCallers: TokenCallers): Promise<Caller | null | DomainError> {
  const { authorization, sessionSecret } = credentials;
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return unauthenticated('The Authorization header must be "Bearer <API token>".');
    const secretHash = hashSecret(match[1]);
    const remembered = tokenCallers.get(secretHash);
    if (remembered) return remembered;
    const mark = tokenCallers.mark();
    const [row] = await preparedRows<TokenCallerRow>(em(), new Sql(TOKEN_SQL, [secretHash]));
    if (!row) return unauthenticated('This API token is not valid: it is unknown, expired or revoked, or its user is deactivated.');
    const caller = toCaller(row, 'api-token');
    tokenCallers.set(secretHash, caller, row.expires_at_ms, mark);
    return caller;
  }
  if (sessionSecret) {
    const [row] = await em()
      .getConnection()
      .execute<CallerRow[]>(SESSION_SQL, [hashSecret(sessionSecret)]);
    if (!row) return unauthenticated('Your session has ended. Please sign in again.', AccessErrorCode.SESSION_ENDED);
    return toCaller(row, 'session');
  }
  return null;
}

function toCaller(row: CallerRow, via: Caller['via']): Caller {
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisationId: row.organisation_id,
    via,
    credentialId: row.credential_id,
  };
}
