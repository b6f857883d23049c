/**
 * `npm run admin:token`: prepares the database like `npm start` does, makes sure an ADMIN user
 * exists (ADMIN_EMAIL, default admin@yntymak.local) and prints a new API token for it, and,
 * while it has no password, a link to set one in the web UI.
 * Works next to a running server: it then shares that server's embedded PostgreSQL.
 */
import 'reflect-metadata';
import { seedReferenceData } from '../../seeds';
import { ConfigError, loadConfig } from '../config/config';
import { openDatabase } from '../db/database';
import { initOrm, migrate } from '../db/orm';
import { createLogger } from '../common/logger';
import { issueAdminToken } from '../auth/auth.service';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const database = await openDatabase(config, logger, { shareRunning: true });
  const orm = await initOrm({ url: database.url, logger });
  try {
    await migrate(orm);
    if (config.seedOnStart) await seedReferenceData(orm, logger);
    const email = process.env.ADMIN_EMAIL ?? 'admin@yntymak.local';
    const { user, secret, created, passwordSetupToken } = await issueAdminToken(orm.em.fork(), email);
    console.log(created ? `Created the administrator ${user.email}.` : `Administrator: ${user.email}.`);
    console.log('New API token (shown once; valid 90 days):');
    console.log(secret);
    console.log(`Use it as: curl -H 'Authorization: Bearer ${secret}' …`);
    if (passwordSetupToken) {
      const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
      console.log("To sign in to the web UI, set the administrator's password at (valid 7 days):");
      console.log(`http://${host.includes(':') ? `[${host}]` : host}:${config.port}/set-password?token=${encodeURIComponent(passwordSetupToken)}`);
    }
  } finally {
    await orm.close(true);
    await database.embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
