/**
 * `npm run test:node-versions`: test/startup.test.ts and test/smoke.slow.test.ts on each Node.js
 * line the hub supports besides the one running it. Each Node comes from the npm registry's
 * `node` package, installed into `.node-versions/<version>/` (git-ignored) on first use: as a
 * devDependency its `node` binary would replace the project's own in every npm script.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/config/paths';

/** Newest releases of the supported lines (Node 20, end of life, runs `npm test` itself). */
export const NODE_VERSIONS = ['22.23.3', '24.21.0'];
const TESTS = ['test/startup.test.ts', 'test/smoke.slow.test.ts'];

function nodeBinary(version: string): string {
  const prefix = join(projectRoot, '.node-versions', version);
  const binary = join(prefix, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(binary)) {
    console.log(`Installing Node ${version} (npm package node@${version}) into .node-versions/${version}`);
    const installed = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `node@${version}`], {
      stdio: 'inherit',
    });
    if (installed.status !== 0) throw new Error(`npm could not install node@${version}`);
  }
  const reported = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (reported !== `v${version}`) throw new Error(`${binary} reports ${reported ?? 'nothing'}, not v${version}`);
  return binary;
}

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
