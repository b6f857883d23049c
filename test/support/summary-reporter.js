/** Ends the run with one plain line, `tests: N passed, N failed`, that CI can read. */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}\n`;
    // Written at exit so that it is the last line, after jest's own summary.
    process.once('exit', () => process.stdout.write(line));
  }
}

module.exports = SummaryReporter;
