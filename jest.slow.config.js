/** `npm run test:slow`: the tests that start the server with an embedded PostgreSQL of its own, several times. */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['**/*.slow.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // A first start creates a cluster, migrates and loads the map: a minute on a busy machine.
  testTimeout: 300000,
};
