/**
 * `npm run setup:browser`: the browser tests drive Debian's chromium with playwright-core. Installs
 * it with apt-get when it is missing and we may (root, or sudo without a password, on Debian);
 * otherwise says how. `.ci/run` calls it before `npm test`; `npm test` itself installs nothing.
 */
// Plain JavaScript, so that it runs before anything is built (`.ci/run` calls it after `npm ci`).
const { execFileSync, spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { userInfo } = require('node:os');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function main() {
  if (existsSync(CHROMIUM)) {
    console.log(`Chromium for the browser tests: ${CHROMIUM}`);
    return;
  }
  if (!existsSync('/usr/bin/apt-get')) {
    console.error(`The browser tests need Chromium at ${CHROMIUM}: install it with your system's packages (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
  const asRoot = userInfo().uid === 0;
  if (!asRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    console.error(`The browser tests need Chromium at ${CHROMIUM}: run "sudo apt-get install chromium" (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
  const privileged = (command, args) =>
    execFileSync(asRoot ? command : 'sudo', asRoot ? args : ['-n', command, ...args], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  console.log("Installing Debian's chromium for the browser tests (apt-get)…");
  privileged('apt-get', ['update']);
  privileged('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
}

main();
