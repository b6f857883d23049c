import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Allow, Public, Role } from '../common/access';
import { AuditEvent } from '../audit/audit-event.entity';
import type { RequestContext } from '../common/context';
import { ConnectionType, pageWindow } from '../common/pagination';
import { Organisation } from '../organisations/organisation.entity';
import { organisationById } from '../organisations/organisation.service';
import { ApiToken } from './api-token.entity';
import { CreateApiTokenInput, CreateUserInput, UpdateUserInput, UsersArgs } from './auth.inputs';
import * as auth from './auth.service';
import { User } from './user.entity';

@ObjectType({ description: 'A page of users.' })
export class UserConnection extends ConnectionType('User', () => User, 'user') {}

@ObjectType({ description: 'A successful sign-in; the session itself travels in an httpOnly cookie.' })
export class SignInResult {
  @Field(() => User, { description: 'Who is signed in.' })
  user: User;

  @Field({ description: 'When the session ends.' })
  expiresAt: Date;
}

@ObjectType({ description: 'A new user and the one-time token with which they set a password.' })
export class InvitedUser {
  @Field(() => User, { description: 'The user.' })
  user: User;

  @Field({ description: 'One-time token for `setPassword`; send it to the user in a link. It is not shown again.' })
  passwordSetupToken: string;

  @Field({ description: 'When the token expires.' })
  passwordSetupExpiresAt: Date;
}

@ObjectType({ description: 'A new API token with its secret.' })
export class CreatedApiToken {
  @Field(() => ApiToken, { description: 'The token.' })
  token: ApiToken;

  @Field({ description: 'The secret to send as "Authorization: Bearer <secret>". Shown only now; the hub keeps only its hash.' })
  secret: string;
}

@Resolver(() => User)
export class UserResolver {
  @Public()
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null for anonymous requests.' })
  me(@Ctx() ctx: RequestContext) {
    return auth.me(ctx);
  }

  @Allow(Role.ADMIN)
  @Query(() => UserConnection, { description: 'Users by e-mail (ADMIN).' })
  users(@Args() args: UsersArgs, @Ctx() ctx: RequestContext) {
    return auth.listUsers(ctx, args.filter, pageWindow(args));
  }

  @Public()
  @Mutation(() => SignInResult, {
    description:
      'Signs in with e-mail and password and sets the session cookie. A wrong e-mail and a wrong password get the same answer; repeated failures lock the account and the address for 15 minutes.',
  })
  login(@Arg('email', { description: 'E-mail address.' }) email: string, @Arg('password', { description: 'Password.' }) password: string, @Ctx() ctx: RequestContext) {
    return auth.login(ctx, email, password);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the session of this browser; true when there was one.' })
  logout(@Ctx() ctx: RequestContext) {
    return auth.logout(ctx);
  }

  @Public()
  @Mutation(() => User, { description: 'Sets a password with the one-time token of an invitation.' })
  setPassword(
    @Arg('token', { description: 'The one-time token from the invitation.' }) token: string,
    @Arg('password', { description: 'The new password, 10 to 200 characters.' }) password: string,
    @Ctx() ctx: RequestContext,
  ) {
    return auth.setPassword(ctx, token, password);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => InvitedUser, { description: 'Invites a user (ADMIN); returns the one-time token for setting a password.' })
  createUser(@Arg('input', { description: 'The user.' }) input: CreateUserInput, @Ctx() ctx: RequestContext) {
    return auth.createUser(ctx, input);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => User, { description: 'Changes a user (ADMIN): name, role, organisation, or deactivates them.' })
  updateUser(@Arg('id', () => ID, { description: 'User id.' }) id: string, @Arg('input', { description: 'What to change.' }) input: UpdateUserInput, @Ctx() ctx: RequestContext) {
    return auth.updateUser(ctx, id, input);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation the user belongs to.' })
  organisation(@Root() user: User, @Ctx() ctx: RequestContext) {
    return user.organisation ? organisationById(ctx, user.organisation.id) : null;
  }
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => [ApiToken], { description: 'Your API tokens; an ADMIN may name any user, or omit `userId` for all tokens.' })
  apiTokens(
    @Ctx() ctx: RequestContext,
    @Arg('userId', () => ID, { nullable: true, description: 'Owner of the tokens.' }) userId?: string | null,
    @Arg('includeRevoked', { defaultValue: false, description: 'Include revoked tokens.' }) includeRevoked?: boolean,
  ) {
    return auth.listApiTokens(ctx, userId, includeRevoked ?? false);
  }

  @Mutation(() => CreatedApiToken, { description: 'Creates an API token; the secret is returned once.' })
  createApiToken(@Arg('input', { description: 'The token.' }) input: CreateApiTokenInput, @Ctx() ctx: RequestContext) {
    return auth.createApiToken(ctx, input);
  }

  @Mutation(() => ApiToken, { description: 'Revokes an API token at once.' })
  revokeApiToken(@Arg('id', () => ID, { description: 'Token id.' }) id: string, @Ctx() ctx: RequestContext) {
    return auth.revokeApiToken(ctx, id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Whose token it is.' })
  user(@Root() token: ApiToken, @Ctx() ctx: RequestContext) {
    return ctx.loaders.auth.userById.load(token.user.id);
  }

  @FieldResolver({ description: 'True while the token works (not revoked, not expired).' })
  active(@Root() token: ApiToken): boolean {
    return !token.revokedAt && token.expiresAt > new Date();
  }
}

/** Who made a change: users are auth's, so the field is resolved here, not in audit/ (which auth writes to). */
@Resolver(() => AuditEvent)
export class AuditEventUserResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who made the change; null for the system (seeds).' })
  user(@Root() event: AuditEvent, @Ctx() ctx: RequestContext) {
    return event.userId ? ctx.loaders.auth.userById.load(event.userId) : null;
  }
}
