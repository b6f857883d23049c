/**
 * A server that is shutting down refuses what still reaches it with a GraphQL error of code
 * SERVICE_UNAVAILABLE, while the request in flight completes. (The same through SIGTERM of the
 * built server, under a CSV import: test/shutdown.slow.test.ts.)
 */
import { request as httpRequest, Agent } from 'node:http';
import { startTestServer, type TestServer } from './support/test-server';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * POST /graphql on `agent` (one keep-alive connection for every request). The body is sent in
 * two halves; the second when `rest()` is called, so the request is in flight until then.
 */
function post(server: TestServer, agent: Agent, query: string): { answer: Promise<Answer>; rest(): void } {
  const url = new URL(`${server.url}/graphql`);
  const body = Buffer.from(JSON.stringify({ query }));
  let request: ReturnType<typeof httpRequest>;
  const answer = new Promise<Answer>((resolve, reject) => {
    request = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length } },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: text }));
      },
    );
    request.on('error', reject);
    request.write(body.subarray(0, 10));
  });
  return { answer, rest: () => request.end(body.subarray(10)) };
}

async function ask(server: TestServer, agent: Agent, query: string): Promise<Answer> {
  const sent = post(server, agent, query);
  sent.rest();
  return sent.answer;
}

describe('draining', () => {
  it('finishes the request in flight and answers the next one on the same connection 503 SERVICE_UNAVAILABLE', async () => {
    const server = await startTestServer();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // A warm connection, as a load balancer keeps.
      expect((await ask(server, agent, '{ themes { code } }')).status).toBe(200);
      // A request whose body is still arriving when the shutdown begins.
      const inFlight = post(server, agent, '{ themes { code } }');
      await new Promise((resolve) => setTimeout(resolve, 50));
      const closed = server.app.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const next = ask(server, agent, '{ projects(first: 1) { totalCount } }');
      inFlight.rest();

      const finished = await inFlight.answer;
      expect(finished.status).toBe(200);
      expect(JSON.parse(finished.body).data.themes.length).toBeGreaterThan(0);
      const refused = await next;
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.headers.connection).toBe('close');
      const { errors } = JSON.parse(refused.body) as { errors: { message: string; extensions: { code: string } }[] };
      expect(errors).toEqual([{ message: expect.stringMatching(/shutting down/), extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
      await closed;
    } finally {
      agent.destroy();
      await server.orm.close(true);
    }
  });
});
