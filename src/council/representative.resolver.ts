import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/context';
import { PERSONAL_DATA } from '../common/personal-data';
import { Representative } from './membership.entity';

@Resolver(() => Representative)
export class RepresentativeResolver {
  @FieldResolver(() => String, { nullable: true, description: `E-mail address. ${PERSONAL_DATA}` })
  email(@Root() person: Representative, @Ctx() ctx: RequestContext): string | null {
    return ctx.caller ? (person.email ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: `Telephone number. ${PERSONAL_DATA}` })
  phone(@Root() person: Representative, @Ctx() ctx: RequestContext): string | null {
    return ctx.caller ? (person.phone ?? null) : null;
  }
}
