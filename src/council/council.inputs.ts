import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLEmailAddress } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PaginationArgs } from '../common/pagination';
import { LocalDate } from '../common/scalars';
import { MembershipRole } from './membership.entity';

@ArgsType()
export class MembersArgs extends PaginationArgs {
  @Field({ defaultValue: false, description: 'Include memberships that have ended.' })
  includeEnded: boolean;

  @Field(() => [MembershipRole], { nullable: true, description: 'Only these roles; omit for all.' })
  roles?: MembershipRole[] | null;
}

@InputType({ description: 'A person representing an organisation.' })
export class RepresentativeInput {
  @Field({ description: 'Full name.' })
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true, description: 'Position.' })
  @IsOptional()
  @MaxLength(200)
  title?: string | null;

  @Field(() => GraphQLEmailAddress, { nullable: true, description: 'E-mail address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Telephone number.' })
  @IsOptional()
  @MaxLength(50)
  phone?: string | null;
}

@InputType({ description: 'An organisation joining a coordination body.' })
export class AddMembershipInput {
  @Field(() => ID, { description: 'The coordination body.' })
  bodyId: string;

  @Field(() => ID, { description: 'The organisation joining.' })
  organisationId: string;

  @Field(() => MembershipRole, { defaultValue: MembershipRole.MEMBER, description: 'Its role (default MEMBER).' })
  role: MembershipRole;

  @Field(() => LocalDate, { nullable: true, description: 'First day of membership, if known.' })
  startDate?: string | null;

  @Field(() => [RepresentativeInput], { defaultValue: [], description: 'People who represent it.' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  representatives: RepresentativeInput[];

  @Field(() => String, { nullable: true, description: 'Where this membership is documented (decision, letter).' })
  @IsOptional()
  @MaxLength(2000)
  source?: string | null;
}

@InputType({ description: 'The end of a membership.' })
export class EndMembershipInput {
  @Field(() => LocalDate, { description: 'Last day of membership.' })
  endDate: string;

  @Field(() => Int, { nullable: true, description: 'The `version` you last read; a stale one is refused with CONFLICT.' })
  version?: number | null;
}
