/**
 * Ends the run with one plain line, `tests: N passed, N failed`, that CI can read, saying also
 * when jest.config.js left the browser tests out (no Chromium on this machine) or the Node 22/24
 * smoke test (those runtimes not installed).
 */
class SummaryReporter {
  constructor(_globalConfig, options = {}) {
    this.browserTestsLeftOut = Boolean(options.browserTestsLeftOut);
    this.nodeVersionsLeftOut = Boolean(options.nodeVersionsLeftOut);
  }

  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const leftOut =
      (this.browserTestsLeftOut ? ' (browser tests LEFT OUT: no Chromium, see npm run setup:browser)' : '') +
      (this.nodeVersionsLeftOut ? ' (Node 22/24 smoke test LEFT OUT: see npm run setup:node-versions)' : '');
    const tail = (skipped > 0 ? `, ${skipped} skipped` : '') + leftOut;
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}\n`;
    // Written at exit so that it is the last line, after jest's own summary.
    process.once('exit', () => process.stdout.write(line));
  }
}

module.exports = SummaryReporter;
