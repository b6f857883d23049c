/**
 * The built server on the other Node.js lines the hub supports (22 and 24; this run's Node is
 * 20): each starts, answers a query, signs a person in and stops cleanly (test/support/smoke.ts).
 * The runtimes come from `npm run setup:node-versions` (`.ci/run` runs it); without them
 * jest.config.js leaves this file out, loudly, except in CI.
 */
import { NODE_VERSIONS, nodeBinaryPath } from '../scripts/node-versions';
import { killLeftovers } from './support/child-server';
import { smokeCheck } from './support/smoke';

afterAll(killLeftovers);

describe.each(NODE_VERSIONS)('the server on Node %s', (version) => {
  it('starts, answers a query, signs a person in and stops with exit 0', () => smokeCheck(nodeBinaryPath(version)), 120_000);
});
