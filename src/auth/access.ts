import { defaultFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { Extensions } from 'type-graphql';
import type { RequestContext } from '../common/context';
import { DomainError, ErrorKind } from '../common/errors';
import { AuthErrorCode } from './auth.errors';
import { type Caller, unauthenticated } from './caller';
import { Role } from './user.entity';

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

export function forbidden(message: string, reason: AuthErrorCode = AuthErrorCode.ROLE_NOT_ALLOWED): DomainError {
  return new DomainError(ErrorKind.FORBIDDEN, reason, message);
}

/** Checks the access rule of a root query or mutation field before it runs. */
function checkAccess(context: RequestContext, root: GraphQLObjectType, fieldName: string): void {
  if (context.credentialError) throw context.credentialError;
  const rule = accessRuleOf(root, fieldName);
  if (rule?.public) return;
  if (!context.caller) {
    if (context.sessionEnded) throw unauthenticated('Your session has ended. Please sign in again.', AuthErrorCode.SESSION_ENDED);
    throw unauthenticated('Sign in, or send an API token as "Authorization: Bearer <token>".', AuthErrorCode.NOT_SIGNED_IN);
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
  if (!ctx.caller) throw unauthenticated('Sign in first.', AuthErrorCode.NOT_SIGNED_IN);
  return ctx.caller;
}

export function isStaff(caller: Caller | null): boolean {
  return caller?.role === Role.ADMIN || caller?.role === Role.SECRETARIAT;
}
