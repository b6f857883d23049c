/**
 * `npm run test:node-versions`: test/startup.test.ts and test/smoke.slow.test.ts on each Node.js
 * line the hub supports besides the one running it, each installed from the npm `node` package on
 * first use (scripts/node-versions.ts).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../src/config/paths';
import { NODE_VERSIONS, nodeBinary } from './node-versions';

const TESTS = ['test/startup.test.ts', 'test/smoke.slow.test.ts'];

function main(): void {
  const failed: string[] = [];
  for (const version of NODE_VERSIONS) {
    const binary = nodeBinary(version);
    console.log(`\n== Node ${version}: ${TESTS.join(', ')}`);
    const started = Date.now();
    // The smoke test is one of the slow ones, which `npm test` leaves out: name both here.
    const jest = join(projectRoot, 'node_modules', 'jest', 'bin', 'jest.js');
    const result = spawnSync(binary, [jest, '--testPathIgnorePatterns', '/node_modules/', '--', ...TESTS], { stdio: 'inherit', cwd: projectRoot });
    console.log(`== Node ${version}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
    if (result.status !== 0) failed.push(version);
  }
  if (failed.length > 0) {
    console.error(`Failed on Node ${failed.join(', ')}`);
    process.exit(1);
  }
}

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
