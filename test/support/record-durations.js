/**
 * Writes test/support/durations.json, the seconds each test file took, from the results of a
 * full run: `npx jest --json --outputFile=/tmp/results.json`, then
 * `node test/support/record-durations.js /tmp/results.json`. The sequencer reads it.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..', '..');
const results = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const durations = Object.fromEntries(
  results.testResults.map((file) => [relative(root, file.name), Math.round((file.endTime - file.startTime) / 100) / 10]).sort(([a], [b]) => a.localeCompare(b)),
);
writeFileSync(join(__dirname, 'durations.json'), `${JSON.stringify(durations, null, 2)}\n`);
console.log(`${Object.keys(durations).length} files recorded in test/support/durations.json`);
