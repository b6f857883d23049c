const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

// The browser tests need Debian's chromium (`npm run setup:browser`; `.ci/run` installs it). On a
// machine that has none they are left out with a loud warning, except in CI, where they run and fail.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const leaveOutBrowserTests = !existsSync(CHROMIUM) && !process.env.CI;
if (leaveOutBrowserTests) {
  console.warn(
    `\n!!! No Chromium at ${CHROMIUM}: the browser tests (*.browser.test.ts) are LEFT OUT of this run.\n` +
      '!!! Run "npm run setup:browser" (or set CHROMIUM_PATH) to run them; in CI (CI set) they always run.\n',
  );
}

// Node 22 and 24 for test/node-versions.test.ts come from `npm run setup:node-versions` (`.ci/run`
// runs it); without them that file is left out the same way.
const nodeVersionsDir = join(__dirname, '.node-versions');
const nodeBinaryOf = (version) => join(nodeVersionsDir, version, 'node_modules', `node-${process.platform}-${process.arch}`, 'bin', 'node');
const installedLines = existsSync(nodeVersionsDir)
  ? readdirSync(nodeVersionsDir)
      .filter((version) => existsSync(nodeBinaryOf(version)))
      .map((version) => version.split('.')[0])
  : [];
const nodeVersionsInstalled = ['22', '24'].every((line) => installedLines.includes(line));
const leaveOutNodeVersions = !nodeVersionsInstalled && !process.env.CI;
if (leaveOutNodeVersions) {
  console.warn('\n!!! Node 22 and 24 are not installed: test/node-versions.test.ts is LEFT OUT of this run. Run "npm run setup:node-versions".\n');
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: '<rootDir>/test/support/environment.js',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Child processes with an embedded PostgreSQL each: `npm run test:slow`.
  testPathIgnorePatterns: [
    '/node_modules/',
    '\\.slow\\.test\\.ts$',
    ...(leaveOutBrowserTests ? ['\\.browser\\.test\\.ts$'] : []),
    ...(leaveOutNodeVersions ? ['/node-versions\\.test\\.ts$'] : []),
  ],
  transform: { '^.+\\.ts$': 'ts-jest' },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Longest files first (test/support/durations.json), so that both workers end together.
  testSequencer: '<rootDir>/test/support/sequencer.js',
  testTimeout: 60000,
  maxWorkers: 2,
  // A worker keeps part of every test file it ran in memory (each file loads the whole server
  // anew); past this much heap after a file it is replaced by a fresh one. Without a bound a
  // worker ends the run with 600-700 MB of heap, which takes Node longer to free on exit than the
  // half second jest waits: "A worker process has failed to exit gracefully".
  workerIdleMemoryLimit: '400MB',
  reporters: ['default', ['<rootDir>/test/support/summary-reporter.js', { browserTestsLeftOut: leaveOutBrowserTests, nodeVersionsLeftOut: leaveOutNodeVersions }]],
};
