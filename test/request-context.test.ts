import type { EntityManager } from '@mikro-orm/postgresql';
import { createLoaders } from '../src/server/request-context';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * A request's context forks its EntityManager and makes its loaders only when the request reads
 * them (src/server/request-context.ts): what a request that needs neither saves, and that the
 * caller's lookup and the resolvers still share one fork.
 */

let server: TestServer;
let forks = 0;

beforeAll(async () => {
  server = await startTestServer();
  const fork = server.orm.em.fork.bind(server.orm.em);
  jest.spyOn(server.orm.em, 'fork').mockImplementation((options) => {
    forks += 1;
    return fork(options);
  });
});

afterAll(async () => {
  jest.restoreAllMocks();
  await server.close();
});

/** The forks of the EntityManager made while `send` runs, with its answer. */
async function forksOf<T>(send: () => Promise<T>): Promise<{ forks: number; answer: T }> {
  const before = forks;
  const answer = await send();
  return { forks: forks - before, answer };
}

describe('the request context', () => {
  it('forks no EntityManager for a request that needs none, anonymous or with a remembered token', async () => {
    const anonymous = await forksOf(() => server.graphql('{ __typename }', undefined, { token: null }));
    expect(anonymous.answer.data).toEqual({ __typename: 'Query' });
    expect(anonymous).toMatchObject({ forks: 0, answer: { sqlStatements: 0 } });

    const { token } = await server.tokenFor('SECRETARIAT');
    // The token's lookup needs one; the same token a moment later is remembered.
    expect(await forksOf(() => server.graphql('{ __typename }', undefined, { token }))).toMatchObject({ forks: 1, answer: { sqlStatements: 1 } });
    expect(await forksOf(() => server.graphql('{ __typename }', undefined, { token }))).toMatchObject({ forks: 0, answer: { sqlStatements: 0 } });
  });

  it("forks one for a request that reads the database, shared by the caller's lookup and the resolvers", async () => {
    const query = '{ me { email } themes { code } projects(first: 2) { nodes { id title participants { organisation { name } } } } }';
    const anonymous = await forksOf(() => server.graphql(query, undefined, { token: null }));
    expect(anonymous.answer.errors).toBeUndefined();
    expect(anonymous.forks).toBe(1);

    const { token } = await server.tokenFor('SECRETARIAT');
    const signedIn = await forksOf(() => server.graphql<{ me: { email: string } }, unknown>(query, undefined, { token }));
    expect(signedIn.answer.errors).toBeUndefined();
    expect(signedIn.answer.data!.me.email).toMatch(/^secretariat-\d+@test\.example$/);
    expect(signedIn.forks).toBe(1);
  });

  it('forks none for overlaps, whose one statement reads plain rows, not entities', async () => {
    const country = await forksOf(() =>
      server.graphql<{ overlaps: { nodes: { projectA: { id: string } }[] } }, unknown>('{ overlaps(first: 3) { nodes { projectA { id } } } }', undefined, { token: null }),
    );
    expect(country.answer.errors).toBeUndefined();
    expect(country.answer.data!.overlaps.nodes.length).toBeGreaterThan(0);
    expect(country.forks).toBe(0);

    const query =
      'query ($id: ID!) { overlaps(filter: { projectId: $id }, first: 5) { totalCount nodes { projectA { id } projectB { title } sharedUnits { name } sharedThemes { name } } } }';
    const projectId = country.answer.data!.overlaps.nodes[0].projectA.id;
    const ofProject = await forksOf(() =>
      server.graphql<{ overlaps: { totalCount: number; nodes: { projectA: { id: string } }[] } }, unknown>(query, { id: projectId }, { token: null }),
    );
    expect(ofProject.answer.errors).toBeUndefined();
    expect(ofProject.answer.data!.overlaps.nodes[0].projectA.id).toBe(projectId);
    expect(ofProject).toMatchObject({ forks: 0, answer: { sqlStatements: 1 } });
  });

  it("makes each feature's loaders when first read, once, on the request's EntityManager", () => {
    const em = server.orm.em.fork();
    const asked: EntityManager[] = [];
    const loaders = createLoaders(() => {
      asked.push(em);
      return em;
    });
    expect(asked).toHaveLength(0);
    const projects = loaders.projects;
    expect(loaders.projects).toBe(projects);
    expect(asked).toHaveLength(1);
    expect(loaders.themes).toBe(loaders.themes);
    expect(asked).toHaveLength(2);
    expect(loaders.projects.projectById).toBe(projects.projectById);
  });
});
