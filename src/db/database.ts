import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

export const EMBEDDED_DATABASE_NAME = 'yntymak';

export interface DatabaseLocation {
  url: string;
  /** Set when this process started its own PostgreSQL; stop it on shutdown. */
  embedded?: EmbeddedPostgres;
  /** Human description of where the data lives, for the start-up log. */
  describe: string;
}

/** Uses DATABASE_URL when set, otherwise starts the embedded PostgreSQL under DATA_DIR. */
export async function openDatabase(
  config: AppConfig,
  logger: Logger,
  options: { shareRunning?: boolean; onUnexpectedExit?: (reason: string) => void } = {},
): Promise<DatabaseLocation> {
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    return { url: config.databaseUrl, describe: `PostgreSQL at ${url.host}${url.pathname} (DATABASE_URL)` };
  }
  const log = logger.child({ component: 'embedded-postgres' });
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPostgresPort,
    database: EMBEDDED_DATABASE_NAME,
    log: (line) => log.debug(line),
    notice: (line) => log.warn(line),
    shareRunning: options.shareRunning,
    onUnexpectedExit: options.onUnexpectedExit,
  });
  return {
    url: embedded.url,
    embedded,
    describe: `embedded PostgreSQL on 127.0.0.1:${config.embeddedPostgresPort}, data in ${embedded.clusterDir}`,
  };
}
