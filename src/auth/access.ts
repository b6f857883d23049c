import type { GraphQLObjectType } from 'graphql';
import { Extensions, type MiddlewareFn } from 'type-graphql';
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

/** Runs before every root query and mutation field. */
export const accessGuard: MiddlewareFn<RequestContext> = async ({ context, info }, next) => {
  const root = info.parentType;
  if (root !== info.schema.getQueryType() && root !== info.schema.getMutationType()) return next();
  if (context.credentialError) throw context.credentialError;
  const rule = accessRuleOf(root, info.fieldName);
  if (rule?.public) return next();
  if (!context.caller) {
    throw unauthenticated('Sign in, or send an API token as "Authorization: Bearer <token>".', AuthErrorCode.NOT_SIGNED_IN);
  }
  if (rule?.roles && !rule.roles.includes(context.caller.role)) {
    throw forbidden(`Your role (${context.caller.role}) may not do this; it needs ${rule.roles.join(' or ')}.`);
  }
  return next();
};

/** The signed-in caller; services call it where a rule depends on who asks. */
export function requireCaller(ctx: RequestContext): Caller {
  if (!ctx.caller) throw unauthenticated('Sign in first.', AuthErrorCode.NOT_SIGNED_IN);
  return ctx.caller;
}

export function isStaff(caller: Caller | null): boolean {
  return caller?.role === Role.ADMIN || caller?.role === Role.SECRETARIAT;
}
