import type { GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import { plainResolverOf } from '../common/plain-resolver';

/**
 * Sets the resolver of every field marked `@PlainResolver(resolve)` to that function, through
 * graphql-js's own field objects (as `guardRootFields` does for the root fields).
 */
export function usePlainResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = plainResolverOf(field.extensions);
      if (resolve) field.resolve = resolve;
    }
  }
  return schema;
}
