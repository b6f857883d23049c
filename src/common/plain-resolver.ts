import type { GraphQLFieldResolver } from 'graphql';
import { Extensions } from 'type-graphql';

/**
 * Has graphql-js call `resolve` itself for this field: server/plain-resolvers.ts sets it as the
 * field's resolver on the schema type-graphql built. For hot fields with an argument only:
 * type-graphql validates every `@Arg` in an async function, even an enum with nothing to
 * validate (type-graphql#1711), so each such field became a promise, and an overlap page has a
 * hundred-odd `title(lang)` and `name(lang)`. The decorated method still defines the field
 * (type, arguments, description) and calls the same `resolve`; no middleware or guard may be
 * put on such a field.
 */
export function PlainResolver<TSource, TContext, TArgs>(resolve: GraphQLFieldResolver<TSource, TContext, TArgs>): MethodDecorator {
  return Extensions({ plainResolver: resolve });
}

export function plainResolverOf(extensions: Readonly<Record<string, unknown>> | null | undefined): GraphQLFieldResolver<unknown, unknown> | undefined {
  const resolve = extensions?.plainResolver;
  return typeof resolve === 'function' ? (resolve as GraphQLFieldResolver<unknown, unknown>) : undefined;
}
