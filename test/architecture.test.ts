/**
 * The import rules of `.dependency-cruiser.cjs` and the folder graph (scripts/architecture.ts,
 * `npm run deps:graph`), run through dependency-cruiser's API. dependency-cruiser is an ES module,
 * which jest's CommonJS runtime cannot import: the built script runs in a child process (needs
 * `npm run build:server`, done by `pretest`).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../src/config/paths';
import type { ArchitectureReport } from '../scripts/architecture';

const SCRIPT = join(projectRoot, 'dist', 'scripts', 'architecture.js');

describe('architecture', () => {
  let report: ArchitectureReport;

  beforeAll(async () => {
    if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: run npm run build:server first.`);
    // Exits 1 on a violation; the report is printed either way.
    const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT, '--json'], { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 }).catch((error: { stdout?: string }) => ({
      stdout: error.stdout ?? '',
    }));
    report = JSON.parse(stdout) as ArchitectureReport;
  }, 120_000);

  it('cruised the server sources', () => {
    expect(report.modules).toBeGreaterThan(100);
  });

  it('breaks none of the import rules', () => {
    expect(report.violations).toEqual([]);
  });

  it('has no cycle between top-level folders of src/ (but for the listed, allowed edges)', () => {
    expect(report.folderCycles).toEqual([]);
  });

  it('has common/ import no feature', () => {
    expect(report.arrowsFromCommon).toEqual([]);
  });

  it('has no pair of folders that import each other', () => {
    // 21 pairs before issue 18; the last one (analytics <-> projects) went with the filter checks'
    // move to organisations/ and themes/.
    expect(report.mutualPairs).toEqual([]);
  });
});
