import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/context';
import { PERSONAL_DATA } from '../common/personal-data';
import { ProjectContact } from './project.entity';

@Resolver(() => ProjectContact)
export class ProjectContactResolver {
  @FieldResolver(() => String, { nullable: true, description: `E-mail address. ${PERSONAL_DATA}` })
  email(@Root() contact: ProjectContact, @Ctx() ctx: RequestContext): string | null {
    return ctx.caller ? (contact.email ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: `Telephone number. ${PERSONAL_DATA}` })
  phone(@Root() contact: ProjectContact, @Ctx() ctx: RequestContext): string | null {
    return ctx.caller ? (contact.phone ?? null) : null;
  }
}
