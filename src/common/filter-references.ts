import type { EntityClass } from '@mikro-orm/core';
import type { RequestContext } from './context';
import { isUuid } from './ids';
import { badInput } from './validation';

/**
 * The id a list filter names, once it is known to exist: an unknown id is a mistake to report
 * (BAD_USER_INPUT naming the field), not a filter that quietly matches nothing.
 */
export async function knownId(ctx: RequestContext, entity: EntityClass<{ id: string }>, id: string, field: string, reason: string, what: string): Promise<string> {
  const found = isUuid(id) ? await ctx.em.count(entity, { id }) : 0;
  if (!found) throw badInput(reason, `There is no ${what} with the id "${id}".`, field);
  return id;
}
