/** Debian's chromium, driven by playwright-core: for the browser tests and bench/ui.ts. */
import { type Browser, type BrowserServer, chromium } from 'playwright-core';
import { CHROMIUM } from './chromium-path';

export { CHROMIUM };

/**
 * Set by the jest global setup for the test workers: the WebSocket endpoint of the one chromium
 * that every browser test file of the run shares (each file in contexts of its own).
 */
export const BROWSER_ENDPOINT_VARIABLE = 'YNTYMAK_TEST_BROWSER_ENDPOINT';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Starts chromium as a server that several processes connect to (the jest global setup). */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * The browser for a test file: a connection to the run's shared chromium when the global setup
 * started one (closing it only disconnects, and drops the contexts this file opened), otherwise a
 * chromium of its own (bench/ui.ts, or a file run outside jest's global setup).
 */
export function launchBrowser(): Promise<Browser> {
  const endpoint = process.env[BROWSER_ENDPOINT_VARIABLE];
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}
