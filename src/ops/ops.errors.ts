/**
 * An expected problem of an operations command (a missing file, a database that is not empty):
 * the command prints its message as one line and exits non-zero, without a stack trace.
 */
export class OpsError extends Error {
  override name = 'OpsError';
}
