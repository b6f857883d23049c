import { type GraphQLFieldResolver, GraphQLScalarType, type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type ParamMetadata = NonNullable<ReturnType<typeof getMetadataStorage>['fieldResolvers'][number]['params']>[number];

const PLAIN_TYPES: unknown[] = [String, Number, Boolean];

/** An argument type-graphql has nothing to convert or validate in: a scalar or an enum (a plain object, not a class). */
function isPlainArgument(param: ParamMetadata): boolean {
  if (param.kind !== 'arg' || param.validateFn) return false;
  const type = param.getType();
  return type instanceof GraphQLScalarType || PLAIN_TYPES.includes(type) || typeof type !== 'function';
}

function isDirectParam(param: ParamMetadata): boolean {
  return param.kind === 'context' || param.kind === 'info' || param.kind === 'root' || isPlainArgument(param);
}

/** The class a root parameter is typed as, if any: type-graphql turns a root that is not an instance of it into one. */
function rootClassOf(params: ParamMetadata[]): (new () => unknown) | null {
  for (const param of params) {
    if (param.kind !== 'root' || !param.getType) continue;
    const type = param.getType();
    if (typeof type === 'function' && type !== Object) return type as new () => unknown;
  }
  return null;
}

/**
 * type-graphql runs every `@Arg` through its validation, which is an async function, so a field
 * resolver with any argument returns a promise even when there is nothing to validate
 * (type-graphql#1711), and graphql-js then completes the object around it asynchronously. A page of
 * 20 overlaps asks for 40 project titles and some 60 unit names, each with its `lang` argument.
 *
 * For field resolvers without middlewares or roles whose parameters are the root, the context, the
 * info and scalar or enum arguments, this calls the method directly with those values, as
 * type-graphql would after validating nothing. Resolvers with input-type arguments keep
 * type-graphql's handling, and so does a root typed as a class that is not an instance of it
 * (type-graphql would convert it).
 */
export function callFieldResolversDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind !== 'external' || resolver.middlewares?.length || resolver.roles?.length || !resolver.getObjectType) continue;
    const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
    // Without an argument type-graphql stays synchronous already.
    if (!params.some((param) => param.kind === 'arg') || !params.every(isDirectParam)) continue;
    const objectClass = resolver.getObjectType();
    const typeName = storage.objectTypes.find((objectType) => objectType.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = type && isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
    if (!field) continue;
    // Resolver classes are stateless; type-graphql's default container also makes one instance each.
    const instance = new (resolver.target as new () => Record<string, (...values: unknown[]) => unknown>)();
    const method = instance[resolver.methodName];
    const valueOf = (param: ParamMetadata, root: Record<string, unknown>, args: Record<string, unknown>, context: Record<string, unknown>, info: unknown) => {
      switch (param.kind) {
        case 'root':
          return param.propertyName ? root[param.propertyName] : root;
        case 'context':
          return param.propertyName ? context[param.propertyName] : context;
        case 'arg':
          return args[param.name];
        default:
          return info;
      }
    };
    const rootClass = rootClassOf(params);
    const typeGraphqlResolve = field.resolve!;
    const resolve: GraphQLFieldResolver<Record<string, unknown>, Record<string, unknown>> = (root, args, context, info) =>
      rootClass && !(root instanceof rootClass)
        ? typeGraphqlResolve(root, args, context, info)
        : method.apply(instance, params.map((param) => valueOf(param, root, args, context, info)));
    field.resolve = resolve;
  }
  return schema;
}
