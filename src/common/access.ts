import { defaultFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { Extensions, registerEnumType } from 'type-graphql';
import type { RequestContext } from './context';
import { DomainError, ErrorKind } from './errors';

/**
 * Who the caller is and what it may do: every feature checks these, so they live below the
 * features. Who signs in and how (users, sessions, API tokens) is `auth/`.
 */
export enum Role {
  ADMIN = 'ADMIN',
  SECRETARIAT = 'SECRETARIAT',
  PARTNER_EDITOR = 'PARTNER_EDITOR',
  PARTNER_VIEWER = 'PARTNER_VIEWER',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do in the hub.',
  valuesConfig: {
    ADMIN: { description: 'Everything, including users and the tokens of others.' },
    SECRETARIAT: { description: 'The council secretariat: bodies, memberships, themes, unit flags, meetings, report review, exchange rates, organisations.' },
    PARTNER_EDITOR: { description: "Keeps its organisation's projects, transactions, activity reports and its own tokens current." },
    PARTNER_VIEWER: { description: 'Reads everything a signed-in user may read; changes nothing but its own tokens and password.' },
  },
});

/** Who sent the request, as established from its API token or session cookie. */
export interface Caller {
  userId: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  /** How the caller proved who it is. */
  via: 'api-token' | 'session';
  /** The session or token used. */
  credentialId: string;
}

/** Reasons a request is refused for who sent it (sent as `extensions.reason`). */
export enum AccessErrorCode {
  NOT_SIGNED_IN = 'NOT_SIGNED_IN',
  INVALID_TOKEN = 'INVALID_TOKEN',
  SESSION_ENDED = 'SESSION_ENDED',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  NOT_YOUR_ORGANISATION = 'NOT_YOUR_ORGANISATION',
}

/**
 * Access rules live on the root fields, as schema extensions, so one guard enforces them and a
 * test can list them. A root field without a rule is open to every signed-in user: the
 * default is to deny anonymous callers.
 */
interface AccessRule {
  public?: boolean;
  roles?: Role[];
}

/** Anyone may call this field, signed in or not. */
export function Public(): MethodDecorator {
  return Extensions({ access: { public: true } satisfies AccessRule });
}

/** Only signed-in users with one of these roles (row scope is then checked in the service). */
export function Allow(...roles: Role[]): MethodDecorator {
  return Extensions({ access: { roles } satisfies AccessRule });
}

export function accessRuleOf(type: GraphQLObjectType, fieldName: string): AccessRule | undefined {
  return type.getFields()[fieldName]?.extensions?.access as AccessRule | undefined;
}

export function forbidden(message: string, reason: string = AccessErrorCode.ROLE_NOT_ALLOWED): DomainError {
  return new DomainError(ErrorKind.FORBIDDEN, reason, message);
}

export function unauthenticated(message: string, reason: string = AccessErrorCode.INVALID_TOKEN): DomainError {
  return new DomainError(ErrorKind.UNAUTHENTICATED, reason, message);
}

/** Checks the access rule of a root query or mutation field before it runs. */
function checkAccess(context: RequestContext, root: GraphQLObjectType, fieldName: string): void {
  if (context.credentialError) throw context.credentialError;
  const rule = accessRuleOf(root, fieldName);
  if (rule?.public) return;
  if (!context.caller) {
    if (context.sessionEnded) throw unauthenticated('Your session has ended. Please sign in again.', AccessErrorCode.SESSION_ENDED);
    throw unauthenticated('Sign in, or send an API token as "Authorization: Bearer <token>".', AccessErrorCode.NOT_SIGNED_IN);
  }
  if (rule?.roles && !rule.roles.includes(context.caller.role)) {
    throw forbidden(`Your role (${context.caller.role}) may not do this; it needs ${rule.roles.join(' or ')}.`);
  }
}

/**
 * Puts the access check in front of every root query and mutation field. Only root fields are
 * wrapped: a type-graphql global middleware would also wrap every nested field and make each
 * of them (even a plain property) asynchronous, which dominated the cost of large lists.
 */
export function guardRootFields(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: RequestContext, info) => {
        checkAccess(context, root, info.fieldName);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/** The signed-in caller; services call it where a rule depends on who asks. */
export function requireCaller(ctx: RequestContext): Caller {
  if (!ctx.caller) throw unauthenticated('Sign in first.', AccessErrorCode.NOT_SIGNED_IN);
  return ctx.caller;
}

export function isStaff(caller: Caller | null): boolean {
  return caller?.role === Role.ADMIN || caller?.role === Role.SECRETARIAT;
}
