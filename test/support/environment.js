/**
 * jest's node environment, and how a test worker ends. When the run is over jest asks each worker
 * to end and gives it half a second; a worker that leaks nothing then ends by itself, as its event
 * loop empties. Node ending that way frees the whole heap first (the isolate's teardown), and a
 * worker that ran many test files has hundreds of megabytes of it: on a busy two-core machine that
 * took longer than the half second, and jest force-exited the worker with "A worker process has
 * failed to exit gracefully" although nothing was open (--detectOpenHandles found nothing). So once
 * a worker's event loop is empty ('beforeExit', which a handle left open prevents: a real leak
 * still shows), it exits at once and leaves the memory to the operating system.
 */
const { TestEnvironment } = require('jest-environment-node');

const EXIT_HOOK = Symbol.for('yntymak.test.exitWhenIdle');
if (process.env.JEST_WORKER_ID && typeof process.send === 'function' && !process[EXIT_HOOK]) {
  process[EXIT_HOOK] = true;
  process.once('beforeExit', () => process.exit());
}

module.exports = TestEnvironment;
