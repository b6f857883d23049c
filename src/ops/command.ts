import { ConfigError } from '../config/config';
import { OpsError } from './ops.errors';

/**
 * Runs an operations command (`npm run backup`, `npm run restore`): an expected problem (a
 * missing file, a database that is not empty, a bad setting) ends it with one line and a
 * non-zero exit, not a stack trace.
 */
export function runOpsCommand(main: () => Promise<void>): void {
  main().catch((error) => {
    if (error instanceof OpsError || error instanceof ConfigError) {
      console.error(error.message);
      process.exit(error instanceof ConfigError ? 2 : 1);
    }
    // PostgreSQL's and the network's errors (a refused or dropped connection) say enough in a line.
    if (typeof (error as { code?: unknown }).code === 'string') {
      console.error(`Database error: ${(error as Error).message}`);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  });
}
