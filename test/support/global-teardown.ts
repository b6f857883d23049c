import type { EmbeddedPostgres } from '../../src/db/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { testCluster?: EmbeddedPostgres }).testCluster?.stop();
}
