/** Debian's chromium, driven by playwright-core: for the browser tests and bench/ui.ts. */
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM } from './chromium-path';

export { CHROMIUM };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
