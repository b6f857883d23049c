import { getVariableValues, parse, type OperationDefinitionNode } from 'graphql';
import { appSchema } from '../src/server/schema';
import { createOrganisation, createProject } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * Queries run compiled by graphql-jit (src/server/compiled-execution.ts). Every test of the API
 * goes through that path; these pin down where it must answer as graphql-js does and where it
 * hands over to graphql-js.
 */
describe('compiled execution', () => {
  let server: TestServer;
  let projectIds: string[];

  beforeAll(async () => {
    server = await startTestServer();
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

  it('refuses a bad variable with the message graphql-js gives, scalar message included', async () => {
    const query = 'query ($from: LocalDate) { overlaps(filter: { activeDuring: { from: $from } }, first: 5) { totalCount } }';
    const variables = { from: '2025-13-45' };
    const { errors, data } = await server.graphql(query, variables);
    const operation = parse(query).definitions[0] as OperationDefinitionNode;
    const expected = getVariableValues(await appSchema(), operation.variableDefinitions ?? [], variables);
    expect(expected.errors).toHaveLength(1);
    expect(data).toBeUndefined();
    expect(errors).toEqual([{ message: expected.errors![0].message, locations: [{ line: 1, column: 8 }], extensions: { code: 'BAD_USER_INPUT' } }]);
  });

  it('fills in the defaults of an input-object variable (graphql-jit 0.8 would refuse them as missing)', async () => {
    // OverlapFilter's includeSameOrganisation is `Boolean! = false`; here it is left out.
    const query = 'query ($filter: OverlapFilter) { overlaps(filter: $filter, first: 5) { totalCount } }';
    const { errors, data } = await server.graphql<{ overlaps: { totalCount: number } }, object>(query, { filter: { projectId: projectIds[0] } });
    expect(errors).toBeUndefined();
    const asked = await server.graphql<{ overlaps: { totalCount: number } }, object>(query, { filter: { projectId: projectIds[0], includeSameOrganisation: true } });
    expect(asked.errors).toBeUndefined();
    // The two projects share their only implementer: that pair is left out unless asked for.
    expect(asked.data!.overlaps.totalCount).toBe(data!.overlaps.totalCount + 1);
  });

  it("keeps a resolver's error code, field, path and location", async () => {
    const { status, errors, data } = await server.graphql('{ themes { code } overlaps(filter: { projectId: "not-a-project" }) { totalCount } }');
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
    const withThemes = await server.graphql(document, { id: projectIds[1], withThemes: true }, {});
    const body = (await (
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
        body: JSON.stringify({ query: document, operationName: 'Chosen', variables: { id: projectIds[1], withThemes: false } }),
      })
    ).json()) as { data: unknown };
    // Without an operation name a document of two operations is refused, as graphql-js does.
    expect(withThemes.data).toBeUndefined();
    expect(withThemes.errors?.[0]).toMatchObject({
      message: 'Must provide operation name if query contains multiple operations.',
      extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
    });
    expect(body.data).toEqual({ first: { id: projectIds[1] }, kind: 'Query' });
    const named = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
      body: JSON.stringify({ query: document, operationName: 'Chosen', variables: { id: projectIds[1], withThemes: true } }),
    });
    expect(((await named.json()) as { data: unknown }).data).toEqual({ first: { id: projectIds[1], themes: [{ code: 'CONFLICT_PREVENTION' }] }, kind: 'Query' });
  });
});
