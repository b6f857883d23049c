import type { Logger } from 'pino';
import { allowLongStatements, MAINTENANCE_STATEMENT_TIMEOUT_MS } from '../src/common/statement-timeout';
import type { Orm } from '../src/db/orm';
import { activityReportSeedTexts, seedActivityReports } from './activities/activity-reports.seed';
import { seedGeography } from './geography/geography.seed';
import { meetingSeedTexts, seedMeetings } from './meetings/meetings.seed';
import { seedPartners } from './partners';
import { partnerSeedTexts } from './partners/partners.seed';
import { upgradeSeededTexts } from './seeded-texts';

/**
 * Loads the reference data the hub needs where it is missing. Deterministic and idempotent:
 * a second run adds nothing. Seeded records an earlier version of the seeds wrote keep their ids
 * and get the current seed texts in place (`upgradeSeededTexts`).
 */
export async function seedReferenceData(orm: Orm, logger: Logger): Promise<void> {
  const em = orm.em.fork();
  await em.transactional(async (tx) => {
    // The first load builds the analytics of every seeded project at COMMIT.
    await allowLongStatements(tx, MAINTENANCE_STATEMENT_TIMEOUT_MS);
    const units = await seedGeography(tx);
    if (units > 0) logger.info({ adminUnits: units }, 'loaded reference geography');
    const partners = await seedPartners(tx);
    if (Object.values(partners).some((count) => count > 0)) logger.info(partners, 'loaded partner seed data');
    const reports = await seedActivityReports(tx);
    if (reports > 0) logger.info({ activityReports: reports }, 'loaded activity reports from the documents');
    const meetings = await seedMeetings(tx);
    if (meetings > 0) logger.info({ meetings }, 'loaded meetings from the documents');
    const upgraded = await upgradeSeededTexts(tx, [...partnerSeedTexts(), ...activityReportSeedTexts(), ...meetingSeedTexts()]);
    if (upgraded > 0) logger.info({ records: upgraded }, "brought seeded records' texts up to date (the documents' own words)");
  });
}
