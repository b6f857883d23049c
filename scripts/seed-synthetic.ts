/**
 * `npm run seed:synthetic -- --projects N`: fills the benchmark database of size N (see
 * scripts/synthetic/database.ts) with a deterministic national dataset. Re-running rebuilds it.
 */
import 'reflect-metadata';
import { createDataset, startBenchCluster } from './synthetic/database';

function projectsArgument(argv: string[]): number {
  const index = argv.findIndex((arg) => arg === '--projects' || arg.startsWith('--projects='));
  const raw = index < 0 ? '1000' : argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 200000) {
    console.error(`--projects must be a whole number from 1 to 200000; got "${raw}"`);
    process.exit(2);
  }
  return value;
}

async function main() {
  const projects = projectsArgument(process.argv.slice(2));
  const bench = await startBenchCluster();
  try {
    await createDataset(bench, projects);
  } finally {
    await bench.cluster.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
