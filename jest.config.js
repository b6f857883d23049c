const { existsSync } = require('node:fs');

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

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Child processes with an embedded PostgreSQL each: `npm run test:slow`.
  testPathIgnorePatterns: ['/node_modules/', '\\.slow\\.test\\.ts$', ...(leaveOutBrowserTests ? ['\\.browser\\.test\\.ts$'] : [])],
  transform: { '^.+\\.ts$': 'ts-jest' },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  reporters: ['default', ['<rootDir>/test/support/summary-reporter.js', { browserTestsLeftOut: leaveOutBrowserTests }]],
};
