/**
 * The built server on the Node.js that runs the tests: starts, answers a query and signs a person
 * in (test/support/smoke.ts). `npm run test:slow` runs it on the machine's Node;
 * `npm run test:node-versions` runs it and test/startup.test.ts on Node 22 and 24.
 */
import { killLeftovers } from './support/child-server';
import { smokeCheck } from './support/smoke';

afterAll(killLeftovers);

describe(`the server on Node ${process.version}`, () => {
  it('starts, answers a query and signs a person in', () => smokeCheck());
});
