/**
 * `npm run build` (and its halves `build:server`, `build:web`): the server with tsc into dist/,
 * then the web UI into dist/web (the map's shapes, codegen's typed operations, a type check,
 * Vite). Each half is skipped when none of its inputs changed since it was last built — a
 * fingerprint of them is kept next to its output — so a second `npm start` on unchanged code
 * starts in seconds. `--force` builds regardless.
 *
 * Plain JavaScript, so that it runs before anything is compiled.
 */
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const run = (command, args) => execFileSync(command, args, { cwd: ROOT, stdio: 'inherit' });

const LABELS = { server: 'server', web: 'web UI' };

const PARTS = {
  server: {
    output: 'dist/src/main.js',
    fingerprintFile: 'dist/.server-inputs.sha256',
    inputs: ['src', 'seeds', 'migrations', 'bench', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    // The web UI has its own build; files the web build makes are not inputs.
    notInputs: ['src/web'],
    build: () => run(bin('tsc'), ['-p', 'tsconfig.build.json']),
  },
  web: {
    output: 'dist/web/index.html',
    fingerprintFile: 'dist/web/.inputs.sha256',
    inputs: ['src/web', 'src/locales', 'schema/schema.graphql', 'codegen.yml', 'package-lock.json', 'scripts/map-shapes.ts', 'seeds/reference/geo'],
    notInputs: ['src/web/gql', 'src/web/features/map/shapes'],
    build: () => {
      run(process.execPath, [join(ROOT, 'dist', 'scripts', 'map-shapes.js')]);
      run(bin('graphql-codegen'), ['--config', 'codegen.yml', '--silent']);
      run(bin('tsc'), ['-p', 'src/web/tsconfig.json']);
      run(bin('vite'), ['build', '--config', 'src/web/vite.config.mts', '--logLevel', 'warn']);
    },
  },
};

function filesUnder(path, notInputs) {
  if (notInputs.includes(relative(ROOT, path))) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name), notInputs));
}

/** One hash of the path and content of every input file of a part. */
function fingerprint(part) {
  const hash = createHash('sha256');
  for (const input of part.inputs) {
    const path = join(ROOT, input);
    if (!existsSync(path)) continue;
    for (const file of filesUnder(path, part.notInputs)) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function build(name, force) {
  const part = PARTS[name];
  const fingerprintFile = join(ROOT, part.fingerprintFile);
  const current = fingerprint(part);
  const upToDate = existsSync(join(ROOT, part.output)) && existsSync(fingerprintFile) && readFileSync(fingerprintFile, 'utf8') === current;
  if (upToDate && !force) {
    console.log(`build: the ${LABELS[name]} is unchanged since its last build; skipped (--force builds it).`);
    return;
  }
  part.build();
  mkdirSync(dirname(fingerprintFile), { recursive: true });
  writeFileSync(fingerprintFile, current);
}

const args = process.argv.slice(2);
const names = args.filter((arg) => !arg.startsWith('--'));
for (const name of names.length > 0 ? names : ['server', 'web']) {
  if (!PARTS[name]) {
    console.error(`build: no part "${name}" (server, web)`);
    process.exit(2);
  }
  build(name, args.includes('--force'));
}
