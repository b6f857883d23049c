/**
 * Resolver arguments are turned into instances of their classes by plans made once per class
 * (src/server/argument-instances.ts) instead of type-graphql's per-call walk: the same instances,
 * and through GraphQL the same answers.
 */
import { OverlapsArgs } from '../src/analytics/analytics.inputs';
import { TranslationsInput } from '../src/common/localized-text';
import { CoverageInput, CreateProjectInput, ParticipantInput, PeriodInput, ProjectsArgs } from '../src/projects/project.inputs';
import { argumentConversions } from '../src/server/argument-instances';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

/** Each object in `value` by its class, so that two conversions compare class by class too. */
function classesOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(classesOf);
  if (value === null || typeof value !== 'object') return value;
  return { class: value.constructor.name, ...Object.fromEntries(Object.entries(value).map(([key, field]) => [key, classesOf(field)])) };
}

describe('argument instances', () => {
  it("is what type-graphql's resolvers call once the hub has started", () => {
    const { inUse, typeGraphql, planned } = argumentConversions();
    expect(typeGraphql).not.toBeNull();
    expect(inUse.convertArgsToInstance).toBe(planned!.convertArgsToInstance);
    expect(inUse.convertArgToInstance).toBe(planned!.convertArgToInstance);
    expect(inUse.convertArgsToInstance).not.toBe(typeGraphql!.convertArgsToInstance);
  });

  it.each([
    [
      'overlaps, nested period and lists',
      OverlapsArgs,
      { first: 20, filter: { projectId: 'p-1', themeCodes: ['A', 'B'], activeDuring: { from: '2024-01-01', to: null }, minScore: 0.5 } },
    ],
    ['overlaps, a null filter', OverlapsArgs, { first: 5, filter: null }],
    ['projects, superclass fields and two inputs', ProjectsArgs, { after: 'abc', first: 3, filter: { themeCodes: ['X'] }, orderBy: { field: 'TITLE', direction: 'DESC' } }],
    ['nothing given', ProjectsArgs, {}],
  ])('gives the instances type-graphql gives for @Args: %s', (_name, argsClass, args) => {
    const { typeGraphql, planned } = argumentConversions();
    const params = { getType: () => argsClass };
    const ours = planned!.convertArgsToInstance(params, args);
    const theirs = typeGraphql!.convertArgsToInstance(params, args);
    expect(ours).toBeInstanceOf(argsClass);
    expect(classesOf(ours)).toEqual(classesOf(theirs));
  });

  it('gives the instances type-graphql gives for an @Arg input: superclass fields, lists of inputs, nulls, scalars', () => {
    const { typeGraphql, planned } = argumentConversions();
    const input = {
      title: { en: 'A', ky: 'Б' },
      description: null,
      plannedStart: '2025-01-01',
      themeCodes: ['GOVERNANCE'],
      coverage: [{ unitCode: 'KG02', share: '50' }, { unitCode: 'KG03' }],
      participants: [{ organisationId: 'o-1', role: 'FUNDING' }],
      status: 'ACTIVE',
    };
    for (const [target, args] of [
      [CreateProjectInput, { input }],
      [PeriodInput, { input: { from: '2024-01-01' } }],
      [String, { input: 'text' }],
      [CreateProjectInput, { input: [input, input] }],
      [CreateProjectInput, {}],
    ] as const) {
      const params = { name: 'input', getType: () => target };
      expect(classesOf(planned!.convertArgToInstance(params, args))).toEqual(classesOf(typeGraphql!.convertArgToInstance(params, args)));
    }
    const converted = planned!.convertArgToInstance({ name: 'input', getType: () => CreateProjectInput }, { input }) as CreateProjectInput;
    expect(converted).toBeInstanceOf(CreateProjectInput);
    expect(converted.title).toBeInstanceOf(TranslationsInput);
    expect(converted.coverage[1]).toBeInstanceOf(CoverageInput);
    expect(converted.participants[0]).toBeInstanceOf(ParticipantInput);
    expect(converted.description).toBeNull();
  });

  it('reaches the resolvers: a nested input is its class, whose rules are checked', async () => {
    const overlaps = await server.graphql<{ overlaps: { totalCount: number } }, { filter: unknown }>(
      'query ($filter: OverlapFilter) { overlaps(filter: $filter, first: 1) { totalCount } }',
      {
        filter: { activeDuring: { from: '2025-05-01', to: '2025-04-30' } },
      },
    );
    // The period's own rule (NotBefore on PeriodInput.to) ran: the nested input was a PeriodInput.
    expect(overlaps.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(overlaps.errors?.[0]?.message).toMatch(/before the start/);
  });
});
