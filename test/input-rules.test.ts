/**
 * The hub's own class-validator rules (src/common/input-rules.ts) as clients meet them: through
 * GraphQL, before a resolver runs, with the rule's reason, the failed field's full path and a
 * short message; and the configuration, checked by the same library.
 */
import { OverlapFilter, OverlapsArgs } from '../src/analytics/analytics.inputs';
import { loadConfig } from '../src/config/config';
import { PeriodInput } from '../src/projects/project.inputs';
import { holdsRuledValue } from '../src/server/validate-arguments';
import { CreateProjectDocument, PlanMeetingDocument, ProjectDocument, ProjectsDocument, RecordTransactionDocument, UpdateProjectDocument } from './generated/graphql';
import { createProject } from './support/fixtures';
import { type GraphQLErrorBody, startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let projectId: string;

beforeAll(async () => {
  server = await startTestServer();
  projectId = (await createProject(server, { title: { en: 'Rules test project' }, plannedStart: '2025-01-01' })).id;
});

afterAll(async () => {
  await server.close();
});

function only(errors: GraphQLErrorBody[] | undefined): GraphQLErrorBody {
  expect(errors).toHaveLength(1);
  return errors![0];
}

describe('rules on input classes', () => {
  it.each([
    ['a title without text', { title: { en: '  ' } }, 'input.title', 'MISSING_TEXT', /`input.title` needs text/],
    [
      'an end before the start',
      { plannedStart: '2025-05-01', plannedEnd: '2025-04-30' },
      'input.plannedEnd',
      'END_BEFORE_START',
      /\(2025-04-30\) is before the start \(2025-05-01\)/,
    ],
    [
      'a link that is not http(s)',
      { links: [{ url: 'https://example.org' }, { url: 'ftp://example.org/file' }] },
      'input.links[1].url',
      'INVALID_URL',
      /`input.links\[1\].url` must be an http\(s\) address/,
    ],
    ['a share above 100', { coverage: [{ unitCode: 'KG02', share: '150' }] }, 'input.coverage[0].share', 'SHARE_OUT_OF_RANGE', /percentage from 0 to 100/],
    [
      'a text above its length limit (a built-in rule)',
      { source: 's'.repeat(4001) },
      'input.source',
      'VALIDATION_FAILED',
      /`input.source` must be shorter than or equal to 4000 characters/,
    ],
  ])('refuses %s with its reason and the full path of the field, and writes nothing', async (_, fields, field, reason, message) => {
    const before = await server.rowCount('project');
    const { errors } = await server.graphql(CreateProjectDocument, { input: { title: { en: 'Checked' }, ...fields } });
    const error = only(errors);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, field });
    expect(error.message).toMatch(message);
    expect(await server.rowCount('project')).toBe(before);
  });

  it('names every failed field in `fields`, the first one also in `field` and `reason`', async () => {
    const { errors } = await server.graphql(RecordTransactionDocument, {
      input: { projectId, type: 'COMMITMENT', amount: '0', currency: 'DOLLARS', valueDate: '2025-01-01' },
    });
    const error = only(errors);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_POSITIVE', field: 'input.amount' });
    expect(error.extensions!.fields).toEqual([
      { field: 'input.amount', reason: 'NOT_POSITIVE', message: '`input.amount` must be a positive amount; got "0".' },
      { field: 'input.currency', reason: 'UNKNOWN_CURRENCY', message: '`input.currency` must be an ISO 4217 currency code such as USD, KGS or EUR; got "DOLLARS".' },
    ]);
    expect(error.message).toBe(`${(error.extensions!.fields as { message: string }[]).map((problem) => problem.message).join(' ')}`);
  });

  it('quotes a long value only in part', async () => {
    const url = `ftp://example.org/${'a'.repeat(1900)}`;
    const { errors } = await server.graphql(CreateProjectDocument, { input: { title: { en: 'Checked' }, links: [{ url }] } });
    const error = only(errors);
    expect(error.extensions).toMatchObject({ reason: 'INVALID_URL', field: 'input.links[0].url' });
    expect(error.message.length).toBeLessThan(200);
  });

  it('reports a rule about a left-out field at that field (an online meeting without its link)', async () => {
    const { errors } = await server.graphql(PlanMeetingDocument, {
      input: {
        bodyId: '00000000-0000-4000-8000-000000000000',
        title: { en: 'Online' },
        startsAt: '2026-12-10T10:00:00+06:00',
        endsAt: '2026-12-10T12:00:00+06:00',
        format: 'ONLINE',
      },
    });
    expect(only(errors).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LINK_REQUIRED', field: 'input.onlineLink' });
  });

  it('checks nested filters of an @Args() class under the argument name', async () => {
    const { errors } = await server.graphql(ProjectsDocument, { filter: { activeDuring: { from: '2025-06-01', to: '2025-01-01' } } });
    expect(only(errors).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'END_BEFORE_START', field: 'filter.activeDuring.to' });
  });

  it('on update: leaves left-out fields alone, lets null clear optional ones, and refuses null where a value is required', async () => {
    const cleared = await server.graphql(UpdateProjectDocument, { id: projectId, input: { description: null, source: null, links: null, themeCodes: null } });
    expect(cleared.errors).toBeUndefined();
    const noStatus = await server.graphql(UpdateProjectDocument, { id: projectId, input: { status: null } });
    expect(only(noStatus.errors).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MISSING_STATUS', field: 'input.status' });
    const noTitle = await server.graphql(UpdateProjectDocument, { id: projectId, input: { title: null } });
    expect(only(noTitle.errors).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MISSING_TEXT', field: 'input.title' });
    // One end given, the other stored: the service compares them (a state check, not the input's own).
    const beforeStored = await server.graphql(UpdateProjectDocument, { id: projectId, input: { plannedEnd: '2024-12-31' } });
    expect(only(beforeStored.errors).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'END_BEFORE_START', field: 'input.plannedEnd' });
  });

  it('validates only arguments that hold a value under a rule, nested ones too (holdsRuledValue)', () => {
    const filter = Object.assign(new OverlapFilter(), { projectId: 'a project', themeCodes: ['HUMAN_RIGHTS'] });
    const args = Object.assign(new OverlapsArgs(), { first: 20, filter });
    expect(holdsRuledValue(args)).toBe(false);
    expect(holdsRuledValue(Object.assign(new OverlapFilter(), { minScore: 0.5 }))).toBe(true);
    expect(holdsRuledValue(Object.assign(new OverlapFilter(), { minScore: null }))).toBe(true);
    filter.activeDuring = Object.assign(new PeriodInput(), { from: '2025-01-01' });
    expect(holdsRuledValue(args)).toBe(false);
    filter.activeDuring.to = '2024-01-01';
    expect(holdsRuledValue(args)).toBe(true);
  });

  it('applies the same rule to a scalar argument, which has no input class', async () => {
    const { errors } = await server.graphql(ProjectDocument, { id: projectId, currency: 'DOLLARS' });
    expect(only(errors).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_CURRENCY', field: 'currency' });
    const lower = await server.graphql(ProjectDocument, { id: projectId, currency: ' eur ' });
    expect(lower.errors).toBeUndefined();
  });
});

describe('the configuration', () => {
  it('takes defaults and converts the variables', () => {
    const config = loadConfig({ PORT: '4100', RATE_LIMITS: 'no', SQL_COUNT_HEADER: 'yes', NODE_ENV: 'production' });
    expect(config).toMatchObject({ port: 4100, rateLimits: null, sqlCountHeader: true, env: 'production', dbPoolMax: 10, seedOnStart: true, iatiPublisher: null });
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT="abc": expected a whole number from 1 to 65535$/],
    [{ PORT: '70000' }, /^Invalid configuration: PORT="70000"/],
    [{ SEED_ON_START: 'maybe' }, /^Invalid configuration: SEED_ON_START="maybe": expected true or false$/],
    [{ IATI_PUBLISHER_TYPE: '99' }, /^Invalid configuration: IATI_PUBLISHER_TYPE="99": expected an IATI OrganisationType code/],
    [{ HOST: ' ', PORT: 'abc' }, /^Invalid configuration: HOST=" ": expected a host name/],
  ])('stops at the first bad variable: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
