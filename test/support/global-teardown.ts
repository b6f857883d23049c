import type { TestRunResources } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const resources = (globalThis as { testRun?: TestRunResources }).testRun;
  await resources?.browserServer?.close();
  await resources?.cluster?.stop();
}
