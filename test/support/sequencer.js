/**
 * Runs the longest test files first, so that the two workers finish together instead of one
 * running a long browser test alone at the end while the other idles. The seconds come from
 * test/support/durations.json (recorded from a full run, see record-durations.js), so that a
 * clean clone (CI), which has no jest cache, is ordered too; a file not recorded there takes its
 * time from jest's cache of the last run, and a file in neither (a new one) goes first.
 */
const { readFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const root = join(__dirname, '..', '..');
const recorded = JSON.parse(readFileSync(join(__dirname, 'durations.json'), 'utf8'));

class LongestFirstSequencer extends Sequencer {
  sort(tests) {
    const seconds = (test) => recorded[relative(root, test.path)] ?? (this.time(test) ?? Number.POSITIVE_INFINITY * 1000) / 1000;
    return tests
      .map((test) => ({ test, seconds: seconds(test) }))
      .sort((a, b) => b.seconds - a.seconds)
      .map(({ test, seconds }) => {
        // jest also reads the duration, to run a short run in band.
        if (Number.isFinite(seconds)) test.duration = seconds * 1000;
        return test;
      });
  }
}

module.exports = LongestFirstSequencer;
