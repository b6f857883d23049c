/**
 * Node.js runtimes besides the one running the project, from the npm registry's `node` package,
 * installed into `.node-versions/<version>/` (git-ignored) on first use. Not a devDependency: the
 * `node` package's `node` binary would then replace the project's own in every npm script.
 * Used by `npm run test:node-versions` and by `npm run bench:peers` (PostGraphile 5 needs Node 22+).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/config/paths';

/** Newest releases of the supported lines (Node 20, end of life, runs `npm test` itself). */
export const NODE_VERSIONS = ['22.23.3', '24.21.0'];

/** The `node` binary of this version, installed first when missing. */
export function nodeBinary(version: string): string {
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
