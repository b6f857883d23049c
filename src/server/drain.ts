import type { FastifyInstance } from 'fastify';

/** Seconds a refused client should wait before trying again (another replica may answer at once). */
const RETRY_AFTER_SECONDS = 5;

export const SHUTTING_DOWN_MESSAGE = 'The hub is shutting down and takes no new requests; try again in a moment.';

/**
 * While the server drains (SIGTERM), requests that still reach it on an open connection are
 * refused with 503 and a GraphQL error of code SERVICE_UNAVAILABLE, like every other error of the
 * hub (Fastify's own 503 had a body of another shape), with `Connection: close` and
 * `Retry-After`. `/readyz` answers the same, so a load balancer stops sending; `/healthz` stays
 * 200 while the process lives.
 */
export function refuseWhileDraining(http: FastifyInstance): { start(): void } {
  let draining = false;
  http.addHook('onRequest', async (request, reply) => {
    if (!draining || request.url === '/healthz') return;
    await reply
      .code(503)
      .header('connection', 'close')
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .header('cache-control', 'no-store')
      .send({ errors: [{ message: SHUTTING_DOWN_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    return reply;
  });
  return {
    start: () => {
      draining = true;
    },
  };
}
