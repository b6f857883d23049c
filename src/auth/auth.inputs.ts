import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { GraphQLEmailAddress } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { Role } from '../common/access';
import { PaginationArgs } from '../common/pagination';

@InputType({ description: 'A new user; they set their own password through the one-time token returned.' })
export class CreateUserInput {
  @Field(() => GraphQLEmailAddress, { description: 'E-mail address (used to sign in).' })
  email: string;

  @Field({ description: 'Full name.' })
  @MaxLength(200)
  name: string;

  @Field(() => Role, { description: 'What the user may do.' })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Organisation the user belongs to; required for partner roles.' })
  organisationId?: string | null;
}

@InputType({ description: 'Changes to a user; fields left out stay as they are.' })
export class UpdateUserInput {
  @Field(() => Int, { nullable: true, description: 'The `version` you last read; a stale one is refused with CONFLICT.' })
  version?: number | null;

  @Field(() => String, { nullable: true, description: 'Full name.' })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;

  @Field(() => Role, { nullable: true, description: 'New role.' })
  role?: Role | null;

  @Field(() => ID, { nullable: true, description: 'New organisation (null: none; only for ADMIN and SECRETARIAT users).' })
  organisationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False deactivates the user: sessions and tokens stop working at once.' })
  active?: boolean | null;
}

@InputType({ description: 'Narrows the list of users.' })
export class UserFilter {
  @Field(() => ID, { nullable: true, description: 'Only users of this organisation.' })
  organisationId?: string | null;

  @Field(() => Role, { nullable: true, description: 'Only users with this role.' })
  role?: Role | null;

  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or deactivated (false) users.' })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of the e-mail or name.' })
  search?: string | null;
}

@ArgsType()
export class UsersArgs extends PaginationArgs {
  @Field(() => UserFilter, { nullable: true, description: 'Conditions; omit for all users.' })
  filter?: UserFilter | null;
}

@InputType({ description: 'A new API token.' })
export class CreateApiTokenInput {
  @Field({ description: 'What the token is for, e.g. "UNDP project sync".' })
  @MaxLength(200)
  name: string;

  @Field(() => Int, { defaultValue: 90, description: 'Days until it expires, 1 to 365 (default 90).' })
  @Min(1)
  @Max(365)
  expiresInDays: number;

  @Field(() => ID, { nullable: true, description: 'Owner of the token; only an ADMIN may name another user. Default: you.' })
  userId?: string | null;
}
