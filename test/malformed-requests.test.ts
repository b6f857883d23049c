import { internalsIn } from './support/internals';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * Requests a client can get wrong, sent as raw HTTP. Each is the client's fault, so none may
 * answer 5xx; each names its problem in `errors[0].extensions.code`; none shows internals.
 */

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

interface Case {
  name: string;
  method?: 'GET' | 'POST';
  /** Query string for GET. */
  search?: Record<string, string>;
  /** Raw body for POST. */
  body?: string;
  headers?: Record<string, string>;
  status: number;
  code: string;
  /** Part of the first error's message. */
  message?: RegExp;
}

const json = (value: unknown) => JSON.stringify(value);
const manyAliases = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
const manyDirectives = `{ __typename ${'@include(if: true) '.repeat(1000)}}`;
const tooDeep = `{ adminUnits { nodes { ${'children { '.repeat(14)}code${' }'.repeat(14)} } } }`;
// 21 pages of 500 units with 4 fields each: a cost of 52,500, above the 50,000 allowed.
const tooCostly = `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: adminUnits(first: 500) { nodes { code name kind } }`).join(' ')} }`;

const cases: Case[] = [
  {
    name: 'a syntax error (application/graphql-response+json: 400)',
    body: json({ query: '{ adminUnits( ' }),
    headers: { accept: GRAPHQL_RESPONSE },
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    message: /Syntax Error: Expected Name/,
  },
  {
    name: 'a syntax error (application/json: 200, as the GraphQL-over-HTTP spec asks)',
    body: json({ query: '{ adminUnits( ' }),
    headers: { accept: 'application/json' },
    status: 200,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'a syntax error without an Accept header (treated as application/json)',
    body: json({ query: '{ adminUnits( ' }),
    status: 200,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'a lone surrogate escaped in a string literal',
    body: json({ query: '{ adminUnit(code: "\\ud800") { code } }' }),
    headers: { accept: GRAPHQL_RESPONSE },
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    message: /Invalid Unicode escape sequence/,
  },
  {
    name: 'a lone surrogate character in a string literal',
    body: '{"query":"{ adminUnit(code: \\"\\ud800\\") { code } }"}',
    headers: { accept: GRAPHQL_RESPONSE },
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    message: /Invalid character within String/,
  },
  {
    name: '1,000 aliases (above the token limit)',
    body: json({ query: manyAliases }),
    headers: { accept: GRAPHQL_RESPONSE },
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    message: /1000 tokens/,
  },
  {
    name: '1,000 directives (above the token limit)',
    body: json({ query: manyDirectives }),
    headers: { accept: GRAPHQL_RESPONSE },
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    message: /1000 tokens/,
  },
  {
    name: '31 aliases (above the alias limit), not called a syntax error',
    body: json({ query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: themes { code }`).join(' ')} }` }),
    headers: { accept: GRAPHQL_RESPONSE },
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /^Aliases limit of 30 exceeded/,
  },
  {
    name: 'a field that does not exist',
    body: json({ query: '{ adminUnits { totalCount nonsense } }' }),
    headers: { accept: GRAPHQL_RESPONSE },
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /nonsense/,
  },
  {
    name: 'a field that does not exist (application/json: 200)',
    body: json({ query: '{ adminUnits { totalCount nonsense } }' }),
    headers: { accept: 'application/json' },
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'a variable of the wrong type',
    body: json({ query: 'query ($first: Int) { adminUnits(first: $first) { totalCount } }', variables: { first: 'ten' } }),
    headers: { accept: GRAPHQL_RESPONSE },
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /first/,
  },
  {
    name: 'a query nested deeper than the limit',
    body: json({ query: tooDeep }),
    headers: { accept: GRAPHQL_RESPONSE },
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /depth/i,
  },
  {
    name: 'a query above the cost limit',
    body: json({ query: tooCostly }),
    headers: { accept: GRAPHQL_RESPONSE },
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /^Query cost 52,500 is above/,
  },
  {
    name: 'variables of an input object with fields it does not have',
    body: json({ query: 'query ($f: AdminUnitFilter) { adminUnits(filter: $f) { totalCount } }', variables: { f: { nonsense: 1 } } }),
    headers: { accept: GRAPHQL_RESPONSE },
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /nonsense/,
  },
  {
    name: 'a batch of operations (a JSON array)',
    body: json([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    status: 400,
    code: 'BAD_REQUEST',
    message: /batching/,
  },
  {
    name: 'a NUL character in a variable (PostgreSQL cannot store it)',
    body: json({ query: 'query ($search: String) { adminUnits(filter: { search: $search }) { totalCount } }', variables: { search: 'Bat\u0000ken' } }),
    headers: { accept: GRAPHQL_RESPONSE },
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /NUL/,
  },
  {
    name: 'a NUL character escaped in a string literal',
    body: json({ query: 'mutation { login(email: "a\\u0000@example.org", password: "x") { user { id } } }' }),
    headers: { accept: GRAPHQL_RESPONSE },
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /NUL/,
  },
  {
    name: 'an operation name the document does not have',
    body: json({ query: 'query A { __typename }', operationName: 'B' }),
    headers: { accept: GRAPHQL_RESPONSE },
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'an invalid JSON body',
    body: '{"query": ',
    status: 400,
    code: 'BAD_REQUEST',
    message: /not valid JSON/,
  },
  {
    name: 'a JSON body that is not an object',
    body: 'null',
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a query that is not a string',
    body: json({ query: 1 }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'variables sent as a string',
    body: json({ query: '{ __typename }', variables: '{}' }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'an empty query',
    body: json({ query: '' }),
    status: 400,
    code: 'BAD_REQUEST',
    message: /non-empty `query`/,
  },
  {
    name: 'a content type the server does not read',
    body: '<query/>',
    headers: { 'content-type': 'application/xml' },
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a body above the size limit',
    body: json({ query: '{ __typename }', variables: { padding: 'x'.repeat(17 * 1024 * 1024) } }),
    status: 413,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a form',
    body: 'query=%7B__typename%7D',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a content type a browser form may send (refused against cross-site request forgery)',
    body: '{ __typename }',
    headers: { 'content-type': 'text/plain' },
    status: 400,
    code: 'BAD_REQUEST',
    message: /Cross-Site Request Forgery/,
  },
  {
    name: 'an Accept header without a GraphQL media type',
    body: json({ query: '{ __typename }' }),
    headers: { accept: 'text/html' },
    status: 406,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a mutation over GET',
    method: 'GET',
    search: { query: 'mutation { logout }' },
    headers: { 'apollo-require-preflight': 'true' },
    status: 405,
    code: 'BAD_REQUEST',
    message: /GET requests only support query operations/,
  },
  {
    name: 'a GET with variables that are not JSON',
    method: 'GET',
    search: { query: 'query ($first: Int) { adminUnits(first: $first) { totalCount } }', variables: '{first: 1' },
    headers: { 'apollo-require-preflight': 'true' },
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a GET without a header that a cross-site form cannot send',
    method: 'GET',
    search: { query: 'mutation { logout }' },
    status: 400,
    code: 'BAD_REQUEST',
  },
];

describe('malformed requests', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.close();
  });

  async function send(request: Case): Promise<{ status: number; text: string; headers: Headers }> {
    const method = request.method ?? 'POST';
    const url = new URL(`${server.url}/graphql`);
    for (const [name, value] of Object.entries(request.search ?? {})) url.searchParams.set(name, value);
    const response = await fetch(url, {
      method,
      headers: { ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...request.headers },
      body: method === 'POST' ? request.body : undefined,
    });
    return { status: response.status, text: await response.text(), headers: response.headers };
  }

  it.each(cases)('answers $name with $status and $code', async (request) => {
    const { status, text } = await send(request);
    const body = JSON.parse(text) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect({ status, code: body.errors[0].extensions.code }).toEqual({ status: request.status, code: request.code });
    expect(body.data).toBeUndefined();
    if (request.message) expect(body.errors[0].message).toMatch(request.message);
    expect(internalsIn(text)).toEqual([]);
  });

  it('names the allowed method of a mutation sent over GET', async () => {
    const { headers } = await send(cases.find((request) => request.status === 405)!);
    expect(headers.get('allow')).toBe('POST');
  });

  it('shows nothing of a statement that fails inside the hub (a table gone)', async () => {
    const connection = server.orm.em.getConnection();
    await connection.execute('alter table theme rename to theme_gone');
    try {
      const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json({ query: '{ themes { code name } }' }) });
      const text = await response.text();
      const body = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(body.errors[0].message).toMatch(/report it to the hub team/);
      expect(internalsIn(text)).toEqual([]);
    } finally {
      await connection.execute('alter table theme_gone rename to theme');
    }
  });

  it('takes a lone surrogate in a variable as text, not as a failure', async () => {
    const { status, data, errors } = await server.graphql<{ adminUnits: { totalCount: number } }, { search: string }>(
      'query ($search: String) { adminUnits(filter: { search: $search }) { totalCount } }',
      { search: '\ud800Batken' },
    );
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(data!.adminUnits.totalCount).toBeGreaterThanOrEqual(0);
  });
});
