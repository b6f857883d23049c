import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  getNamedType,
  GraphQLError,
  getOperationAST,
  getVariableValues,
  type GraphQLSchema,
  isInputObjectType,
  Kind,
  type OperationDefinitionNode,
  typeFromAST,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { installGatewayRequestContext } from './gateway-request-context';
import type { ExecutionEngine } from './metrics';

type Gateway = ApolloServerOptionsWithGateway<object>['gateway'];

/**
 * How one operation of a document runs: `operation` is set while graphql-jit may run it (a query
 * whose variables it coerces as graphql-js does); `runs` counts its runs by graphql-js before that.
 */
interface Plan {
  operation: OperationDefinitionNode | null;
  runs: number;
  compiled: CompiledQuery | null;
}

/**
 * A document is compiled at its second run. Compiling takes 1–10 ms (median 1.7 ms over the 87
 * queries of the tests and the web UI), several times graphql-js's run of it: not worth it for a
 * query sent once, such as one with its values written into its text instead of variables.
 */
const RUNS_BEFORE_COMPILING = 1;

/**
 * Whether graphql-jit's own coercion of this operation's variables agrees with graphql-js's.
 * It does for scalars and enums (the same parseValue and values). It does not for input objects:
 * graphql-jit 0.8 refuses an omitted non-null field that has a default (`status: ProjectStatus! =
 * PIPELINE`) and an omitted non-null variable with a default, both of which the spec fills in.
 */
function variablesCompile(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  return (operation.variableDefinitions ?? []).every((definition) => {
    const type = typeFromAST(schema, definition.type);
    if (!type || isInputObjectType(getNamedType(type))) return false;
    return !(definition.type.kind === Kind.NON_NULL_TYPE && definition.defaultValue);
  });
}

/**
 * graphql-jit's errors as graphql-js makes them. Its own have no `extensions` where graphql-js
 * always has some (Apollo reads their `code`), and take none from the error thrown; locations
 * and path are kept.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const converted = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  return Object.assign(converted, { locations: error.locations });
}

async function compiledResult(answer: ExecutionResult | Promise<ExecutionResult>): Promise<ExecutionResult> {
  const result = await answer;
  return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
}

/** The compiled query; null (graphql-js runs it) should graphql-jit be unable to compile it. */
function compiledQuery(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CompiledQuery | null {
  try {
    const compiled = compileQuery(schema, document, operation.name?.value);
    return isCompiledQuery(compiled) ? compiled : null;
  } catch {
    return null;
  }
}

/**
 * Executes queries with graphql-jit instead of graphql-js: each query is compiled once (at its
 * second run) into a function that completes its selection without graphql-js's work per field
 * (its arguments collected, a promise check, a path). That work was most of the CPU of a large
 * answer: for a page of 20 overlaps, about 0.4 ms of graphql-js against 0.02 ms compiled
 * (BENCHMARKS.md, peers notes).
 *
 * What stays with graphql-js: the variables' coercion and its errors, for every operation (so
 * messages and codes are graphql-js's, whichever runs next); and the whole execution of
 * mutations, and of queries with input-object variables (see variablesCompile). Apollo Server
 * 5 takes a custom executor only through its `gateway` option (its migration guide says so), which
 * also hands it the schema; Apollo still parses and validates, and keeps each parsed document,
 * so a document object stands for its query text and its plan is kept with it.
 */
export function compiledExecution(schema: GraphQLSchema, counted: (engine: ExecutionEngine) => void): Gateway {
  installGatewayRequestContext();
  const plans = new WeakMap<DocumentNode, Map<string | null, Plan>>();
  const planOf = (document: DocumentNode, operationName: string | null): Plan => {
    let byOperation = plans.get(document);
    if (!byOperation) plans.set(document, (byOperation = new Map()));
    let plan = byOperation.get(operationName);
    if (!plan) {
      const operation = getOperationAST(document, operationName);
      plan = { operation: operation?.operation === 'query' && variablesCompile(schema, operation) ? operation : null, runs: 0, compiled: null };
      byOperation.set(operationName, plan);
    }
    return plan;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async load() {
      return {
        schema,
        // The operation the request named: Apollo's `operationName` is the one it found, null when none was.
        executor: async ({ document, request, context }) => {
          const operationName = request.operationName ?? null;
          const plan = planOf(document, operationName);
          const variableValues = request.variables ?? {};
          if (plan.operation && !plan.compiled && plan.runs >= RUNS_BEFORE_COMPILING) {
            plan.compiled = compiledQuery(schema, document, plan.operation);
            if (!plan.compiled) plan.operation = null;
          }
          if (!plan.operation || !plan.compiled) {
            plan.runs += 1;
            counted('graphql-js');
            return execute({ schema, document, operationName, contextValue: context, variableValues });
          }
          counted('compiled');
          const coerced = getVariableValues(schema, plan.operation.variableDefinitions ?? [], variableValues, { maxErrors: 50 });
          if (coerced.errors) return { errors: coerced.errors };
          return compiledResult(plan.compiled.query(undefined, context, variableValues));
        },
      };
    },
    async stop() {},
  };
}
