/**
 * `npm run import:iati -- FILE [--dry-run] [--organisation REF] [--json] [--report FILE]`:
 * imports an IATI 2.x activity file into the hub's database (DATABASE_URL, or the embedded one
 * in DATA_DIR, shared with a running hub), as the system (the audit trail shows no user). Prints
 * the readable summary (or, with --json, the JSON report) to stdout, a progress bar to stderr on
 * a terminal; --report FILE also writes the JSON report there. Exits 1 when the file is refused
 * or an activity failed.
 */
import 'reflect-metadata';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import pino from 'pino';
import { loadConfig } from '../config/config';
import { DomainError } from '../common/errors';
import { initOrm, migrate } from '../db/orm';
import { runOpsCommand } from './command';
import { OpsError } from './ops.errors';
import { openOpsDatabase } from './ops-database';
import { importIatiFile } from '../iati/iati-import.service';
import { reportSummary } from '../iati/iati-import.report';
import { IatiImportError } from '../iati/iati.errors';

const USAGE = 'Usage: npm run import:iati -- FILE [--dry-run] [--organisation REF] [--json] [--report FILE]';

interface Arguments {
  file: string;
  dryRun: boolean;
  organisation: string | null;
  json: boolean;
  reportFile: string | null;
}

function parseArguments(argv: string[]): Arguments {
  const parsed: Partial<Arguments> & { dryRun: boolean; json: boolean } = { dryRun: false, json: false, organisation: null, reportFile: null };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const [name, inline] = argument.startsWith('--') ? argument.split(/=(.*)/s) : [argument, undefined];
    const value = () => {
      const given = inline ?? argv[++index];
      if (!given) throw new OpsError(`${name} needs a value. ${USAGE}`);
      return given;
    };
    if (name === '--dry-run') parsed.dryRun = true;
    else if (name === '--json') parsed.json = true;
    else if (name === '--organisation') parsed.organisation = value();
    else if (name === '--report') parsed.reportFile = resolve(value());
    else if (name.startsWith('-') || parsed.file) throw new OpsError(`Unexpected argument ${argument}. ${USAGE}`);
    else parsed.file = resolve(argument);
  }
  if (!parsed.file) throw new OpsError(`Name the IATI file to import. ${USAGE}`);
  if (!existsSync(parsed.file) || !statSync(parsed.file).isFile()) throw new OpsError(`No such file: ${parsed.file}`);
  return parsed as Arguments;
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const config = loadConfig();
  const database = await openOpsDatabase(config, 'import');
  const orm = await initOrm({ url: database.url, logger: pino({ level: 'silent' }) });
  const total = statSync(args.file).size;
  const bar = new SingleBar({ format: '{phase} [{bar}] {percentage}% | {done} of {total_mb} MB', hideCursor: true, stream: process.stderr }, Presets.shades_classic);
  let phase: string | null = null;
  let failed = false;
  try {
    await migrate(orm);
    const report = await importIatiFile(orm.em.fork(), null, args.file, {
      fileName: basename(args.file),
      dryRun: args.dryRun,
      organisation: args.organisation,
      onProgress: (step, bytes) => {
        const label = step === 'check' ? 'Checking ' : 'Importing';
        const payload = { phase: label, done: (bytes / 1e6).toFixed(1), total_mb: (total / 1e6).toFixed(1) };
        if (phase !== label) {
          if (phase) bar.stop();
          bar.start(total, bytes, payload);
          phase = label;
        } else {
          bar.update(bytes, payload);
        }
      },
    });
    bar.stop();
    if (args.reportFile) writeFileSync(args.reportFile, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : reportSummary(report));
    failed = report.failed > 0;
  } catch (error) {
    bar.stop();
    if (error instanceof IatiImportError || error instanceof DomainError) throw new OpsError(error.message);
    throw error;
  } finally {
    await orm.close(true);
    await database.close();
  }
  if (failed) process.exitCode = 1;
}

runOpsCommand(main);
