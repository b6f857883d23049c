import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/context';
import { Representative } from '../council/membership.entity';
import { ProjectContact } from '../projects/project.entity';

/** E-mail addresses and phone numbers of people never leave the server for anonymous callers. */
const PERSONAL = 'Personal data: null unless you are signed in.';

@Resolver(() => Representative)
export class RepresentativeResolver {
  @FieldResolver(() => String, { nullable: true, description: `E-mail address. ${PERSONAL}` })
  email(@Root() person: Representative, @Ctx() ctx: RequestContext): string | null {
    return ctx.caller ? (person.email ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: `Telephone number. ${PERSONAL}` })
  phone(@Root() person: Representative, @Ctx() ctx: RequestContext): string | null {
    return ctx.caller ? (person.phone ?? null) : null;
  }
}

@Resolver(() => ProjectContact)
export class ProjectContactResolver {
  @FieldResolver(() => String, { nullable: true, description: `E-mail address. ${PERSONAL}` })
  email(@Root() contact: ProjectContact, @Ctx() ctx: RequestContext): string | null {
    return ctx.caller ? (contact.email ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: `Telephone number. ${PERSONAL}` })
  phone(@Root() contact: ProjectContact, @Ctx() ctx: RequestContext): string | null {
    return ctx.caller ? (contact.phone ?? null) : null;
  }
}
