import { getVariableValues, parse, type OperationDefinitionNode } from 'graphql';
import { createHash, Hash } from 'node:crypto';
import { gatewayRequestContextMaker } from '../src/server/gateway-request-context';
import { apolloCreateHash } from '../src/server/query-hash';
import { appSchema } from '../src/server/schema';
import { createOrganisation, createProject } from './support/fixtures';
import { type GraphQLResult, startTestServer, type TestServer } from './support/test-server';

const METRICS_TOKEN = 'metrics-token-for-compiled-execution-0123';

/**
 * Queries run compiled by graphql-jit from their second run on (src/server/compiled-execution.ts);
 * every test of the API that repeats a query goes through that path. These send each request
 * twice, so that graphql-js answers the first and the compiled query the second, and check that
 * both answers are the same and right where the two engines could differ.
 */
describe('compiled execution', () => {
  let server: TestServer;
  let projectIds: string[];

  /** Runs of each engine so far, from the hub's metrics. */
  async function executions(): Promise<Record<string, number>> {
    const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    return Object.fromEntries([...text.matchAll(/^yntymak_graphql_executions_total\{engine="([^"]+)"\} (\d+)$/gm)].map(([, engine, count]) => [engine, Number(count)]));
  }

  /** The request sent twice; the second answer (compiled, where the query can be) equals the first. */
  async function twice<T>(query: string, variables: object = {}, operationName?: string): Promise<Pick<GraphQLResult<T>, 'status' | 'data' | 'errors'>> {
    const send = async () => {
      const { status, data, errors } = await server.graphql<T, object>(query, variables, { operationName });
      return { status, data, errors };
    };
    const first = await send();
    const second = await send();
    expect(second).toEqual(first);
    return second;
  }

  beforeAll(async () => {
    server = await startTestServer({ METRICS_TOKEN });
    const organisationId = await createOrganisation(server, 'Compiled NGO');
    projectIds = [];
    for (const title of ['First', 'Second']) {
      const project = await createProject(server, {
        title: { en: title },
        status: 'IMPLEMENTATION',
        participants: [{ organisationId, role: 'IMPLEMENTING' }],
        // Ak-Tatyr ayil aimak, Batken.
        coverage: [{ unitCode: 'KG05214849000' }],
        plannedStart: '2025-01-01',
        plannedEnd: '2025-12-31',
        themeCodes: ['CONFLICT_PREVENTION'],
      });
      projectIds.push(project.id);
    }
  });

  afterAll(async () => {
    await server.close();
  });

  it("hashes each query text with Node's one-shot hash, to the digest Apollo's own gave (query-hash.ts)", async () => {
    const apolloHash = apolloCreateHash();
    const text = '{ overlaps(first: 1) { totalCount } } # ü';
    expect(apolloHash('sha256')).not.toBeInstanceOf(Hash);
    expect(apolloHash('sha256').update(text).digest('hex')).toBe(createHash('sha256').update(text).digest('hex'));
    expect(apolloHash('sha512').update(Buffer.from('key')).update(text).digest('hex')).toBe(createHash('sha512').update('key').update(text).digest('hex'));
    // Apollo keeps parsed documents by that hash: the second request with the same text is answered alike.
    const query = '{ themes { code } }';
    const [first, second] = [await server.graphql(query), await server.graphql(query)];
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
  });

  it("gives the executor Apollo's request context with its status on a class, not on an object literal of its own (gateway-request-context.ts)", () => {
    const make = gatewayRequestContextMaker();
    const apolloContext = {
      request: { query: '{ __typename }', operationName: 'Q', http: { method: 'POST', search: 'a=1', headers: new Map([['x-asked', 'yes']]) } },
      response: { http: { status: undefined as number | undefined, headers: new Map<string, string>() } },
      contextValue: { caller: null },
    };
    const made = make(apolloContext, { logger: null, cache: null }, {}) as {
      request: { query: string; operationName: string; http: { url: string; headers: { get(name: string): string | null } } };
      response: { http: { status: number | undefined; headers: { set(name: string, value: string): void } } };
      context: unknown;
    };
    // Apollo's own made an accessor on each object, a hidden class per request (see the module).
    expect(Object.getOwnPropertyDescriptor(made.response.http, 'status')).toBeUndefined();
    made.response.http.status = 418;
    expect(apolloContext.response.http.status).toBe(418);
    expect(made.response.http.status).toBe(418);
    made.response.http.headers.set('x-said', 'so');
    expect(apolloContext.response.http.headers.get('x-said')).toBe('so');
    expect(made.request).toMatchObject({ query: '{ __typename }', operationName: 'Q', http: { url: 'https://unknown-url.invalid/?a=1' } });
    expect(made.request.http.headers.get('x-asked')).toBe('yes');
    expect(made.context).toBe(apolloContext.contextValue);
  });

  it('compiles a query at its second run, and leaves mutations and input-object variables to graphql-js', async () => {
    const before = await executions();
    await twice('query ($id: ID!) { project(id: $id) { id title } }', { id: projectIds[0] });
    await twice('query ($filter: OverlapFilter) { overlaps(filter: $filter, first: 5) { totalCount } }', { filter: { projectId: projectIds[0] } });
    // An unknown token: refused alike, twice.
    await twice('mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', { id: '00000000-0000-0000-0000-000000000000' });
    const after = await executions();
    expect({ compiled: after.compiled - (before.compiled ?? 0), graphqlJs: after['graphql-js'] - (before['graphql-js'] ?? 0) }).toEqual({ compiled: 1, graphqlJs: 5 });
  });

  it('refuses a bad variable with the message graphql-js gives, scalar message included', async () => {
    const query = 'query ($from: LocalDate) { overlaps(filter: { activeDuring: { from: $from } }, first: 5) { totalCount } }';
    const variables = { from: '2025-13-45' };
    const { errors, data } = await twice(query, variables);
    const operation = parse(query).definitions[0] as OperationDefinitionNode;
    const expected = getVariableValues(await appSchema(), operation.variableDefinitions ?? [], variables);
    expect(expected.errors).toHaveLength(1);
    expect(data).toBeUndefined();
    expect(errors).toEqual([{ message: expected.errors![0].message, locations: [{ line: 1, column: 8 }], extensions: { code: 'BAD_USER_INPUT' } }]);
  });

  it('fills in the defaults of an input-object variable (graphql-jit 0.8 would refuse them as missing)', async () => {
    // OverlapFilter's includeSameOrganisation is `Boolean! = false`; here it is left out.
    const query = 'query ($filter: OverlapFilter) { overlaps(filter: $filter, first: 5) { totalCount } }';
    const { errors, data } = await twice<{ overlaps: { totalCount: number } }>(query, { filter: { projectId: projectIds[0] } });
    expect(errors).toBeUndefined();
    const asked = await twice<{ overlaps: { totalCount: number } }>(query, { filter: { projectId: projectIds[0], includeSameOrganisation: true } });
    expect(asked.errors).toBeUndefined();
    // The two projects share their only implementer: that pair is left out unless asked for.
    expect(asked.data!.overlaps.totalCount).toBe(data!.overlaps.totalCount + 1);
  });

  it("keeps a resolver's error code, field, path and location", async () => {
    const { status, errors, data } = await twice('{ themes { code } overlaps(filter: { projectId: "not-a-project" }) { totalCount } }');
    expect(status).toBe(200);
    expect(data).toBeNull();
    expect(errors).toEqual([
      {
        message: 'There is no project with the id "not-a-project".',
        locations: [{ line: 1, column: 19 }],
        path: ['overlaps'],
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_PROJECT', field: 'filter.projectId' }),
      },
    ]);
  });

  it('answers fragments, aliases, @include and the named operation of several', async () => {
    const document = `query Other { __typename }
      query Chosen($id: ID!, $withThemes: Boolean!) {
        first: project(id: $id) { id ...Themes @include(if: $withThemes) }
        kind: __typename
      }
      fragment Themes on Project { themes { code } }`;
    // Without an operation name a document of two operations is refused, as graphql-js does.
    const unnamed = await twice(document, { id: projectIds[1], withThemes: true });
    expect(unnamed.data).toBeUndefined();
    expect(unnamed.errors?.[0]).toMatchObject({
      message: 'Must provide operation name if query contains multiple operations.',
      extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
    });
    const without = await twice(document, { id: projectIds[1], withThemes: false }, 'Chosen');
    expect(without.data).toEqual({ first: { id: projectIds[1] }, kind: 'Query' });
    // The same document, now compiled, with the fragment included.
    const named = await twice(document, { id: projectIds[1], withThemes: true }, 'Chosen');
    expect(named.data).toEqual({ first: { id: projectIds[1], themes: [{ code: 'CONFLICT_PREVENTION' }] }, kind: 'Query' });
  });
});
