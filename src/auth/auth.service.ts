import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEvent } from '../audit/audit-event.entity';
import { AccessErrorCode, forbidden, requireCaller, Role, unauthenticated } from '../common/access';
import type { RequestContext } from '../common/context';
import { DomainError, ErrorKind } from '../common/errors';
import { isUuid } from '../common/ids';
import { type Connection, type PageWindow, toConnection } from '../common/pagination';
import { escapeLike, searchKey } from '../common/search';
import { checkArgument, type InputRule } from '../common/input-rules';
import { badInput, notFound } from '../common/validation';
import { Organisation } from '../organisations/organisation.entity';
import { checkVersion, requireOrganisation } from '../organisations/organisation.service';
import { ApiToken } from './api-token.entity';
import { AuthErrorCode } from './auth.errors';
import type { CreateApiTokenInput, CreateUserInput, UpdateUserInput, UserFilter } from './auth.inputs';
import { LoginThrottle } from './login-throttle.entity';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password';
import { API_TOKEN_PREFIX, hashSecret, newSecret, PASSWORD_SETUP_PREFIX, SESSION_PREFIX } from './secrets';
import { Session } from './session.entity';
import { User } from './user.entity';
import { knownId } from '../common/filter-references';

export const SESSION_HOURS = 12;
const PASSWORD_SETUP_DAYS = 7;
const MIN_PASSWORD_LENGTH = 10;

/** A password of 10 to 200 characters (the `password` argument has no input class). */
const PASSWORD: InputRule = {
  name: 'password',
  reason: AuthErrorCode.WEAK_PASSWORD,
  test: (password) => typeof password === 'string' && password.length >= MIN_PASSWORD_LENGTH && password.length <= 200,
  message: () => `A password needs ${MIN_PASSWORD_LENGTH} to 200 characters.`,
};
/** Failed sign-ins allowed per account and per address within the window before a lock. */
export const MAX_FAILED_LOGINS = 5;
const THROTTLE_MINUTES = 15;
const PARTNER_ROLES = [Role.PARTNER_EDITOR, Role.PARTNER_VIEWER];

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3600_000);

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function throttleKeys(email: string, clientIp: string): string[] {
  return [`email:${normaliseEmail(email)}`, `ip:${clientIp}`];
}

const THROTTLE_WINDOW = `interval '${THROTTLE_MINUTES} minutes'`;

interface Reservation {
  failures: number;
  locked: boolean;
  retry_at: Date;
}

/**
 * Counts this sign-in attempt against the account and the address before the password is
 * checked, in one statement: PostgreSQL serialises the upserts on each key's row, so in a burst
 * of parallel guesses at most MAX_FAILED_LOGINS are let through to the password check and the
 * rest are refused unchecked. A refused attempt gives its count back, and so does a success
 * (see `releaseAttempt`): at rest `failures` is the failures in the window.
 */
async function reserveAttempt(em: EntityManager, keys: string[]): Promise<void> {
  const fresh = `t.window_started_at < now() - ${THROTTLE_WINDOW} and coalesce(t.locked_until, '-infinity') <= now()`;
  const rows = await em.getConnection().execute<Reservation[]>(
    `insert into login_throttle as t (key, failures, window_started_at)
     values ${keys.map(() => '(?, 1, now())').join(', ')}
     on conflict (key) do update set
       failures = case when ${fresh} then 1 else t.failures + 1 end,
       window_started_at = case when ${fresh} then now() else t.window_started_at end,
       locked_until = case when ${fresh} then null else t.locked_until end
     returning t.failures, coalesce(t.locked_until > now(), false) as locked,
       coalesce(t.locked_until, t.window_started_at + ${THROTTLE_WINDOW}) as retry_at`,
    keys,
  );
  const refused = rows.filter((row) => row.locked || row.failures > MAX_FAILED_LOGINS);
  if (refused.length === 0) return;
  await releaseAttempt(em, keys);
  const until = Math.max(...refused.map((row) => new Date(row.retry_at).getTime()));
  const minutes = Math.max(1, Math.ceil((until - Date.now()) / 60_000));
  throw new DomainError(ErrorKind.TOO_MANY_REQUESTS, AuthErrorCode.TOO_MANY_ATTEMPTS, `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
}

/** Gives back an attempt that was refused unchecked or that succeeded: it is no failure. */
async function releaseAttempt(em: EntityManager, keys: string[]): Promise<void> {
  await em.getConnection().execute('update login_throttle set failures = greatest(failures - 1, 0) where key in (?)', [keys]);
}

/** A failed attempt stays counted; the one that reaches the limit locks the key for the window. */
async function lockWhenExhausted(em: EntityManager, keys: string[]): Promise<void> {
  await em.getConnection().execute(
    `update login_throttle set locked_until = now() + ${THROTTLE_WINDOW}
     where key in (?) and failures >= ${MAX_FAILED_LOGINS} and coalesce(locked_until, '-infinity') <= now()`,
    [keys],
  );
}

function auditEvent(em: EntityManager, ctx: RequestContext, user: User, action: string): void {
  em.create(AuditEvent, {
    userId: user.id,
    organisationId: user.organisation?.id ?? null,
    entityType: 'User',
    entityId: user.id,
    action,
    requestId: ctx.requestId,
  });
}

export interface SignedIn {
  user: User;
  expiresAt: Date;
}

/** Checks e-mail and password (the same answer for either being wrong) and opens a session. */
export async function login(ctx: RequestContext, email: string, password: string): Promise<SignedIn> {
  const keys = throttleKeys(email, ctx.http.clientIp);
  await reserveAttempt(ctx.em, keys);
  const user = await ctx.em.findOne(User, { email: normaliseEmail(email) });
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !user.active || !user.passwordHash || !valid) {
    await lockWhenExhausted(ctx.em, keys);
    throw unauthenticated('Wrong e-mail or password.', AuthErrorCode.BAD_CREDENTIALS);
  }
  const secret = newSecret(SESSION_PREFIX);
  const expiresAt = hoursFromNow(SESSION_HOURS);
  await ctx.em.transactional(async (em) => {
    // The account starts afresh; the address keeps its failures but not this success.
    await em.nativeDelete(LoginThrottle, { key: keys[0] });
    await releaseAttempt(em, keys.slice(1));
    em.create(Session, { secretHash: hashSecret(secret), user, expiresAt });
    auditEvent(em, ctx, user, 'LOGIN');
  });
  ctx.http.setSessionCookie(secret, expiresAt);
  return { user, expiresAt };
}

/** Ends the caller's session (API tokens are revoked with revokeApiToken instead). */
export async function logout(ctx: RequestContext): Promise<boolean> {
  ctx.http.clearSessionCookie();
  const caller = ctx.caller;
  if (caller?.via !== 'session') return false;
  await ctx.em.transactional(async (em) => {
    const session = await em.findOneOrFail(Session, { id: caller.credentialId }, { populate: ['user'] });
    session.endedAt = new Date();
    auditEvent(em, ctx, session.user, 'LOGOUT');
  });
  return true;
}

export function me(ctx: RequestContext): Promise<User | null> {
  return ctx.caller ? ctx.em.findOne(User, { id: ctx.caller.userId }) : Promise.resolve(null);
}

export async function setPassword(ctx: RequestContext, token: string, password: string): Promise<User> {
  checkArgument(PASSWORD, password, 'password');
  const passwordHash = await hashPassword(password);
  return ctx.em.transactional(async (em) => {
    const user = await em.findOne(User, { passwordSetupTokenHash: hashSecret(token), passwordSetupExpiresAt: { $gt: new Date() } });
    if (!user) {
      throw badInput(AuthErrorCode.INVALID_SETUP_TOKEN, 'This password link is not valid or has expired; ask an administrator for a new one.', 'token');
    }
    user.passwordHash = passwordHash;
    user.passwordSetupTokenHash = null;
    user.passwordSetupExpiresAt = null;
    return user;
  });
}

export interface InvitedUser {
  user: User;
  passwordSetupToken: string;
  passwordSetupExpiresAt: Date;
}

async function checkEmailFree(em: EntityManager, email: string, exceptId?: string) {
  const holder = await em.findOne(User, { email });
  if (holder && holder.id !== exceptId) throw badInput(AuthErrorCode.EMAIL_TAKEN, `A user with the e-mail ${email} already exists.`, 'input.email');
}

async function organisationForRole(em: EntityManager, role: Role, organisationId: string | null | undefined): Promise<Organisation | null> {
  if (!organisationId) {
    if (PARTNER_ROLES.includes(role)) {
      throw badInput(AuthErrorCode.ORGANISATION_REQUIRED, 'Partner users belong to an organisation: give `input.organisationId`.', 'input.organisationId');
    }
    return null;
  }
  return requireOrganisation(em, organisationId, 'input.organisationId');
}

/** Invites a user: the returned one-time token lets them set a password (shown once). */
export async function createUser(ctx: RequestContext, input: CreateUserInput): Promise<InvitedUser> {
  const email = normaliseEmail(input.email);
  const passwordSetupToken = newSecret(PASSWORD_SETUP_PREFIX);
  const passwordSetupExpiresAt = hoursFromNow(PASSWORD_SETUP_DAYS * 24);
  const user = await ctx.em.transactional(async (em) => {
    await checkEmailFree(em, email);
    const organisation = await organisationForRole(em, input.role, input.organisationId);
    return em.create(User, {
      email,
      name: input.name.trim(),
      role: input.role,
      organisation,
      passwordSetupTokenHash: hashSecret(passwordSetupToken),
      passwordSetupExpiresAt,
    });
  });
  return { user, passwordSetupToken, passwordSetupExpiresAt };
}

export async function updateUser(ctx: RequestContext, id: string, input: UpdateUserInput): Promise<User> {
  const user = await ctx.em.transactional(async (em) => {
    const user = isUuid(id) ? await em.findOne(User, { id }) : null;
    if (!user) throw notFound(AuthErrorCode.USER_NOT_FOUND, 'No user has this id.', 'id');
    checkVersion(user.version, input.version, 'user');
    const role = input.role ?? user.role;
    const organisationId = input.organisationId !== undefined ? input.organisationId : (user.organisation?.id ?? null);
    user.organisation = await organisationForRole(em, role, organisationId);
    user.role = role;
    if (input.name) user.name = input.name.trim();
    if (input.active != null) user.active = input.active;
    return user;
  });
  // After the commit: a token lookup that began before it must not be remembered (token-callers.ts).
  ctx.tokenCallers.forgetAll();
  return user;
}

export async function listUsers(ctx: RequestContext, filter: UserFilter | null | undefined, window: PageWindow): Promise<Connection<User>> {
  const where: FilterQuery<User>[] = [];
  if (filter?.organisationId)
    where.push({ organisation: await knownId(ctx, Organisation, filter.organisationId, 'filter.organisationId', 'UNKNOWN_ORGANISATION', 'organisation') });
  if (filter?.role) where.push({ role: filter.role });
  if (filter?.active != null) where.push({ active: filter.active });
  if (filter?.search) {
    const pattern = `%${escapeLike(searchKey(filter.search))}%`;
    where.push({ $or: [{ email: { $like: pattern } }, { name: { $ilike: pattern } }] });
  }
  const [users, totalCount] = await ctx.em.findAndCount(User, { $and: where }, { orderBy: { email: 'asc' }, limit: window.limit, offset: window.offset });
  return toConnection(users, totalCount, window);
}

export interface CreatedApiToken {
  token: ApiToken;
  secret: string;
}

/** A new token for the caller (or, for an ADMIN, for another user); the secret is shown once. */
export async function createApiToken(ctx: RequestContext, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  const caller = requireCaller(ctx);
  const ownerId = input.userId ?? caller.userId;
  if (ownerId !== caller.userId && caller.role !== Role.ADMIN) {
    throw forbidden('Only an administrator may create tokens for another user.', AuthErrorCode.NOT_YOUR_TOKEN);
  }
  const secret = newSecret(API_TOKEN_PREFIX);
  const token = await ctx.em.transactional(async (em) => {
    const owner = isUuid(ownerId) ? await em.findOne(User, { id: ownerId }) : null;
    if (!owner) throw notFound(AuthErrorCode.USER_NOT_FOUND, 'No user has this id.', 'input.userId');
    return em.create(ApiToken, {
      name: input.name.trim(),
      prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
      secretHash: hashSecret(secret),
      user: owner,
      expiresAt: hoursFromNow(input.expiresInDays * 24),
    });
  });
  return { token, secret };
}

/** Revokes a token of the caller (an ADMIN: any token). Revoking twice changes nothing. */
export async function revokeApiToken(ctx: RequestContext, id: string): Promise<ApiToken> {
  const caller = requireCaller(ctx);
  const revoked = await ctx.em.transactional(async (em) => {
    const token = isUuid(id) ? await em.findOne(ApiToken, { id }) : null;
    // Someone else's token and no token at all get the same answer.
    if (!token || (token.user.id !== caller.userId && caller.role !== Role.ADMIN)) {
      if (caller.role === Role.ADMIN) throw notFound(AccessErrorCode.INVALID_TOKEN, 'No API token has this id.', 'id');
      throw forbidden('You can revoke only your own API tokens.', AuthErrorCode.NOT_YOUR_TOKEN);
    }
    token.revokedAt ??= new Date();
    return token;
  });
  // On this server at once; on other replicas within TOKEN_CALLER_TTL_MS.
  ctx.tokenCallers.forgetAll();
  return revoked;
}

export async function listApiTokens(ctx: RequestContext, userId: string | null | undefined, includeRevoked: boolean): Promise<ApiToken[]> {
  const caller = requireCaller(ctx);
  if (userId && userId !== caller.userId && caller.role !== Role.ADMIN) {
    throw forbidden("Only an administrator may list another user's tokens.", AuthErrorCode.NOT_YOUR_TOKEN);
  }
  const where: FilterQuery<ApiToken> = {};
  const owner = userId ?? (caller.role === Role.ADMIN ? undefined : caller.userId);
  if (owner) where.user = isUuid(owner) ? owner : null;
  if (!includeRevoked) where.revokedAt = null;
  return ctx.em.find(ApiToken, where, { orderBy: { createdAt: 'desc', id: 'asc' } });
}

/**
 * `npm run admin:token`: makes sure an ADMIN exists (creating `email` if there is none) and
 * issues a new API token for that administrator.
 */
export async function issueAdminToken(em: EntityManager, email: string, days = 90): Promise<{ user: User; secret: string; created: boolean; passwordSetupToken: string | null }> {
  return em.transactional(async (tx) => {
    let user = await tx.findOne(User, { role: Role.ADMIN, active: true }, { orderBy: { createdAt: 'asc' } });
    const created = !user;
    user ??= tx.create(User, { email: normaliseEmail(email), name: 'Administrator', role: Role.ADMIN });
    const secret = newSecret(API_TOKEN_PREFIX);
    tx.create(ApiToken, {
      name: `admin:token ${new Date().toISOString().slice(0, 10)}`,
      prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
      secretHash: hashSecret(secret),
      user,
      expiresAt: hoursFromNow(days * 24),
    });
    // An administrator without a password could not use the web UI: give a set-password link.
    let passwordSetupToken: string | null = null;
    if (!user.passwordHash) {
      passwordSetupToken = newSecret(PASSWORD_SETUP_PREFIX);
      user.passwordSetupTokenHash = hashSecret(passwordSetupToken);
      user.passwordSetupExpiresAt = hoursFromNow(PASSWORD_SETUP_DAYS * 24);
    }
    return { user, secret, created, passwordSetupToken };
  });
}
