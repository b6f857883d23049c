import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  typeFromAST,
  visit,
} from 'graphql';
import { startTestServer, type TestServer } from './support/test-server';

const GRAPHQL_RESPONSE = { accept: 'application/graphql-response+json' };

/** `count` aliased copies of a paged list, `first` spelled as given. */
function aliased(count: number, field: (index: number) => string): string {
  return Array.from({ length: count }, (_, index) => `a${index}: ${field(index)}`).join('\n');
}

// 21 × 500 × (1 + nodes (1 + 3 fields)) = 52,500: above the limit of 50,000.
const UNITS = '{ nodes { code name kind } }';
const unitPages = (first: string) => aliased(21, () => `adminUnits${first} ${UNITS}`);

// A coverage page defaults to 500 cells: 17 × 500 × (1 + nodes (1 + unit (1 + 2) + 1)) = 51,000.
const CELLS = '{ nodes { unit { code name } projectCount } }';
const coverageMaps = (first: string) => aliased(17, () => `coverage(level: DISTRICT${first}) ${CELLS}`);

describe('the query cost limit', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.close();
  });

  async function refusal(query: string, variables?: Record<string, unknown>) {
    const { status, data, errors } = await server.graphql(query, variables, { headers: GRAPHQL_RESPONSE });
    return { status, ran: data !== undefined, code: errors?.[0]?.extensions?.code, reason: errors?.[0]?.extensions?.reason, message: errors?.[0]?.message };
  }

  it('counts a page size given as a literal, a variable or a variable default alike', async () => {
    const answers = [
      await refusal(`{ ${unitPages('(first: 500)')} }`),
      await refusal(`query ($n: Int) { ${unitPages('(first: $n)')} }`, { n: 500 }),
      await refusal(`query ($n: Int = 500) { ${unitPages('(first: $n)')} }`),
    ];
    for (const answer of answers) {
      expect(answer).toEqual({
        status: 400,
        ran: false,
        code: 'BAD_USER_INPUT',
        reason: 'QUERY_TOO_COSTLY',
        message: expect.stringMatching(/^Query cost 52,500 is above the 50,000 allowed\./),
      });
    }
  });

  it("counts a list left at its default size as the argument's default", async () => {
    const spellings = [
      await refusal(`{ ${coverageMaps(', first: 500')} }`),
      await refusal(`{ ${coverageMaps('')} }`),
      await refusal(`{ ${coverageMaps(', first: null')} }`),
      await refusal(`query ($n: Int) { ${coverageMaps(', first: $n')} }`),
      await refusal(`query ($n: Int) { ${coverageMaps(', first: $n')} }`, { n: 500 }),
    ];
    for (const answer of spellings) {
      expect(answer).toMatchObject({ status: 400, ran: false, reason: 'QUERY_TOO_COSTLY', message: expect.stringContaining('Query cost 51,000') });
    }
  });

  it('lets the same lists through at the default page of 50, however it is spelled', async () => {
    const answers = [
      await refusal(`{ ${unitPages('(first: 50)')} }`),
      await refusal(`{ ${unitPages('')} }`),
      await refusal(`query ($n: Int) { ${unitPages('(first: $n)')} }`),
      await refusal(`query ($n: Int) { ${unitPages('(first: $n)')} }`, { n: 50 }),
    ];
    for (const answer of answers) expect(answer).toEqual({ status: 200, ran: true, code: undefined, reason: undefined, message: undefined });
  });

  it('counts a text again after a request whose variables did not coerce', async () => {
    // The same text twice: first without its required variable (refused before any cost is
    // counted), then with it. The second must still be counted, not let through.
    const query = `query ($show: Boolean!) { __typename @include(if: $show) ${unitPages('(first: 500)')} }`;
    expect(await refusal(query)).toMatchObject({ ran: false, code: 'BAD_USER_INPUT' });
    expect(await refusal(query, { show: true })).toMatchObject({ status: 400, ran: false, reason: 'QUERY_TOO_COSTLY' });
  });

  it('answers a refusal with 200 to clients that want application/json, as the other request errors', async () => {
    const { status, errors } = await server.graphql(`{ ${unitPages('(first: 500)')} }`, undefined, { headers: { accept: 'application/json' } });
    expect(status).toBe(200);
    expect(errors![0].extensions!.reason).toBe('QUERY_TOO_COSTLY');
  });

  describe('documented maximum pages pass', () => {
    it.each([
      [
        'a national coverage map by theme (500 cells by default)',
        `{ coverage(level: DISTRICT, filter: { byTheme: true }, currency: "EUR") {
            nodes { unit { code name } theme { code } coverage projectCount organisationCount
                    funding { committed disbursed complete missingRates { currency onOrBefore } } } } }`,
      ],
      [
        'the national page of overlaps (first: 100)',
        `{ overlaps(first: 100) { totalCount nodes {
            projectA { id title participants { organisation { name } } }
            projectB { id title participants { organisation { name } } }
            sharedUnits { code name } sharedThemes { code } periodStart periodEnd
            score components { geographic time themes } } } }`,
      ],
      [
        '500 projects with their participants, coverage and funding',
        `{ projects(first: 500) { totalCount nodes {
            title status startDate endDate
            participants { role organisation { name } }
            coverage { unit { code name } share }
            fundingTotals(currency: "USD") { committed disbursed complete missingRates { currency onOrBefore } } } } }`,
      ],
    ])('%s', async (_name, query) => {
      const { status, errors } = await server.graphql(query, undefined, { headers: GRAPHQL_RESPONSE });
      expect(errors).toBeUndefined();
      expect(status).toBe(200);
    });

    it('every operation of the web UI and of the tests, with each page-size variable at 500', async () => {
      const operations = operationsIn([join(__dirname, '..', 'src', 'web'), join(__dirname, 'operations')]);
      const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));
      expect(operations.length).toBeGreaterThan(100);
      const refused: string[] = [];
      for (const { name, document, operation } of operations) {
        const variables: Record<string, unknown> = {};
        const pageSizes = pageSizeVariables(operation);
        for (const definition of operation.variableDefinitions ?? []) {
          const variable = definition.variable.name.value;
          if (pageSizes.has(variable)) variables[variable] = 500;
          else if (definition.type.kind === Kind.NON_NULL_TYPE) variables[variable] = sample(typeFromAST(schema, definition.type) as GraphQLInputType);
        }
        // An unknown token makes every root field fail before it runs, so nothing is written;
        // the cost is checked before that, with the variables coerced.
        const { errors } = await server.graphql(print(document), variables, { token: 'yk_tok_unknown' });
        const codes = new Set(errors?.map((error) => error.extensions?.code));
        if (codes.size !== 1 || !codes.has('UNAUTHENTICATED')) refused.push(`${name}: ${JSON.stringify(errors?.[0])}`);
      }
      expect(refused).toEqual([]);
    });
  });
});

interface Operation {
  name: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

/** Each operation of the `.graphql` files under these folders, with the fragments it uses. */
function operationsIn(folders: string[]): Operation[] {
  const definitions: DefinitionNode[] = folders
    .flatMap((folder) => readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((file) => join(folder, file)))
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) => parse(readFileSync(file, 'utf8')).definitions);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const used = new Map<string, FragmentDefinitionNode>();
      const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
        visit(node, {
          FragmentSpread(spread) {
            const fragment = fragments.get(spread.name.value)!;
            if (!used.has(fragment.name.value)) {
              used.set(fragment.name.value, fragment);
              collect(fragment);
            }
          },
        });
      collect(operation);
      return { name: operation.name?.value ?? '(anonymous)', operation, document: { kind: Kind.DOCUMENT, definitions: [operation, ...used.values()] } };
    });
}

/** Variables an operation passes as `first`. */
function pageSizeVariables(operation: OperationDefinitionNode): Set<string> {
  const names = new Set<string>();
  visit(operation, {
    Argument(argument) {
      if (argument.name.value === 'first' && argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
  });
  return names;
}

const SCALAR_SAMPLES: Record<string, unknown> = {
  ID: '00000000-0000-4000-8000-000000000000',
  String: 'x',
  Int: 1,
  Float: 1,
  Boolean: false,
  LocalDate: '2026-01-01',
  DateTimeISO: '2026-01-01T00:00:00Z',
  Decimal: '1',
  CountryCode: 'KG',
  EmailAddress: 'someone@example.org',
  JSON: {},
};

/** A value of the type that passes variable coercion (only required input fields filled). */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return Object.fromEntries(fields.map((field) => [field.name, sample(field.type)]));
  }
  if (isScalarType(type) && type.name in SCALAR_SAMPLES) return SCALAR_SAMPLES[type.name];
  throw new Error(`No sample value for ${type.toString()}`);
}
