import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  BREAK,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getVariableValues,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  typeFromAST,
  valueFromAST,
  visit,
} from 'graphql';
import { DomainError, ErrorKind } from '../common/errors';
import { MAX_PAGE_SIZE } from '../common/pagination';

export enum QueryCostErrorCode {
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
}

/**
 * The most an operation may cost. The largest pages the web UI and the README ask for (500
 * projects, overlaps or coverage cells with their relations) cost up to 15,000; a page of 500
 * with every field of its items and their relations 30,000–50,000. Pages of pages do not pass.
 */
export const MAX_QUERY_COST = 50_000;

/** The argument every paged list takes for its page size (checked to be 1..MAX_PAGE_SIZE). */
const PAGE_SIZE_ARGUMENT = 'first';

type Variables = Record<string, unknown>;

/**
 * What an operation costs: about how many values its answer can hold. Every field costs 1 plus
 * the fields selected inside it; a paged list (a field with `first`) multiplies that by the page
 * size its resolver will use: the literal, the variable's value, or the argument's default when
 * omitted. Lists without `first` are bounded by the data and count once.
 *
 * Returns null when the variables cannot be coerced (execution then refuses the request), and
 * Infinity when counting stopped early because the cost is certainly above `limit` (fragments
 * spread into each other can describe far more fields than the document holds).
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, rawVariables: Variables, limit: number): number | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables, { maxErrors: 1 });
  if (coerced.errors) return null;
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return new CostCounter(schema, fragments, coerced.coerced, limit).selections(operation.selectionSet, root);
}

class CostCounter {
  /** Every visited field adds at least 1 to the cost, so more visits than the limit means too costly. */
  private visits = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Variables,
    private readonly limit: number,
  ) {}

  selections(selectionSet: SelectionSetNode, parent: GraphQLNamedType): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += this.field(selection, parent);
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? this.fragments.get(selection.name.value) : selection;
        if (!fragment) continue;
        const condition = fragment.typeCondition ? typeFromAST(this.schema, fragment.typeCondition) : parent;
        total += this.selections(fragment.selectionSet, condition ?? parent);
      }
      if (total === Infinity) break;
    }
    return total;
  }

  private field(node: FieldNode, parent: GraphQLNamedType): number {
    if (++this.visits > this.limit) return Infinity;
    const definition = this.definition(node.name.value, parent);
    if (!node.selectionSet || !definition) return 1;
    const inside = this.selections(node.selectionSet, getNamedType(definition.type));
    return this.pageSize(node, definition) * (1 + inside);
  }

  private definition(name: string, parent: GraphQLNamedType): GraphQLField<unknown, unknown> | undefined {
    if (parent === this.schema.getQueryType()) {
      if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
      if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    }
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  }

  /** The page size the resolver will use; a value outside 1..MAX_PAGE_SIZE is refused there before any work. */
  private pageSize(node: FieldNode, definition: GraphQLField<unknown, unknown>): number {
    const argument = definition.args.find((arg) => arg.name === PAGE_SIZE_ARGUMENT);
    if (!argument) return 1;
    const given = node.arguments?.find((arg) => arg.name.value === PAGE_SIZE_ARGUMENT);
    const value = given ? valueFromAST(given.value, argument.type, this.variables) : undefined;
    // `first: null` (or a variable left out) means the default, as in `pageWindow`.
    const size = typeof value === 'number' ? value : typeof argument.defaultValue === 'number' ? argument.defaultValue : MAX_PAGE_SIZE;
    return Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
  }
}

function tooCostly(cost: number, limit: number): DomainError {
  const figure = cost === Infinity ? `more than ${limit.toLocaleString('en')}` : cost.toLocaleString('en');
  return new DomainError(
    ErrorKind.BAD_USER_INPUT,
    QueryCostErrorCode.QUERY_TOO_COSTLY,
    `Query cost ${figure} is above the ${limit.toLocaleString('en')} allowed. Ask for smaller pages (\`first\`), fewer fields or fewer nested lists, or split the query.`,
  );
}

/**
 * Costs of operations whose page sizes are written in the document (or left to the default), by
 * operation: Apollo hands the same parsed document to every request with the same text, and
 * only a `first` given by a variable makes the cost differ between them. A cost that could not be
 * counted (variables that do not coerce) is never kept: the next request with the same text
 * must still be counted.
 */
const fixedCosts = new WeakMap<OperationDefinitionNode, number | typeof PER_REQUEST>();
/** Kept for an operation whose cost depends on its variables, so the document is not searched again. */
const PER_REQUEST = Symbol('counted per request');

function pageSizeFromVariables(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.ARGUMENT]: (node) => {
      if (node.name.value !== PAGE_SIZE_ARGUMENT || node.value.kind !== Kind.VARIABLE) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/** Refuses an operation whose cost, with the variables it came with, is above `limit`, before it runs. */
export function queryCostLimit(limit: number): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const kept = fixedCosts.get(operation);
          let cost: number | null;
          if (typeof kept === 'number') cost = kept;
          else {
            cost = queryCost(schema, document, operation, request.variables ?? {}, limit);
            if (kept === undefined && cost !== null) fixedCosts.set(operation, pageSizeFromVariables(document) ? PER_REQUEST : cost);
          }
          if (cost !== null && cost > limit) throw tooCostly(cost, limit);
        },
      };
    },
  };
}
