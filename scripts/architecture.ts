/**
 * `npm run deps:graph`: checks the import rules of `.dependency-cruiser.cjs` on src/ and prints
 * the import graph by top-level folder: the pairs of folders that import each other, the
 * arrows from common/ to the features, and any cycle between folders. Exits non-zero on a
 * violation; test/architecture.test.ts runs it in `npm test`.
 */
import { join } from 'node:path';
import type { ICruiseResult } from 'dependency-cruiser' with { 'resolution-mode': 'import' };
import { projectRoot } from '../src/config/paths';

/**
 * Folder imports that may close a cycle between folders, each with its reason. The folder
 * graph without them must have no cycle.
 */
export const ALLOWED_FOLDER_EDGES: Record<string, string> = {};

export interface ArchitectureReport {
  /** Rule violations, as `rule: from → to`. */
  violations: string[];
  /** Folders that import each other, as `a <-> b`. */
  mutualPairs: string[];
  /** Module imports from common/ into any other folder of src/ but config/. */
  arrowsFromCommon: string[];
  /** Cycles of the folder graph (strongly connected folders), allowed edges left out. */
  folderCycles: string[][];
  modules: number;
}

function folderOf(path: string): string | null {
  const match = /^src\/([^/]+)\//.exec(path);
  if (match) return match[1];
  return /^src\/[^/]+$/.test(path) ? '(root)' : null;
}

/** Strongly connected components with more than one folder (Tarjan). */
function cyclesOf(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

export function reportOf(result: ICruiseResult): ArchitectureReport {
  const graph = new Map<string, Set<string>>();
  const arrowsFromCommon: string[] = [];
  for (const module of result.modules) {
    const from = folderOf(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (!to || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
      if (from === 'common' && to !== 'config') arrowsFromCommon.push(`${module.source} → ${dependency.resolved}`);
    }
  }
  const mutualPairs: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) if (from < to && graph.get(to)?.has(from)) mutualPairs.push(`${from} <-> ${to}`);
  }
  const withoutAllowed = new Map([...graph].map(([from, targets]) => [from, new Set([...targets].filter((to) => !(`${from} -> ${to}` in ALLOWED_FOLDER_EDGES)))]));
  const violations = (result.summary.violations ?? []).map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`);
  return { violations, mutualPairs: mutualPairs.sort(), arrowsFromCommon, folderCycles: cyclesOf(withoutAllowed), modules: result.summary.totalCruised };
}

/** Runs dependency-cruiser's API on src/ with the project's rules. */
export async function checkArchitecture(): Promise<ArchitectureReport> {
  const { cruise } = await import('dependency-cruiser');
  const { default: extractDepcruiseOptions } = await import('dependency-cruiser/config-utl/extract-depcruise-options');
  const { default: extractTSConfig } = await import('dependency-cruiser/config-utl/extract-ts-config');
  const options = await extractDepcruiseOptions(join(projectRoot, '.dependency-cruiser.cjs'));
  const tsConfig = extractTSConfig(join(projectRoot, 'tsconfig.json'));
  const cwd = process.cwd();
  process.chdir(projectRoot);
  try {
    const { output } = await cruise(['src'], { ...options, validate: true }, {}, { tsConfig });
    return reportOf(output as ICruiseResult);
  } finally {
    process.chdir(cwd);
  }
}

async function main(): Promise<void> {
  const report = await checkArchitecture();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report));
  } else {
    console.log(`${report.modules} modules of src/ (without the web UI)`);
    console.log(`Pairs of folders that import each other: ${report.mutualPairs.length}${report.mutualPairs.length ? ` (${report.mutualPairs.join(', ')})` : ''}`);
    console.log(`Arrows from common/ to other folders: ${report.arrowsFromCommon.length}`);
    for (const arrow of report.arrowsFromCommon) console.log(`  ${arrow}`);
    console.log(`Cycles between folders (allowed edges left out): ${report.folderCycles.length}`);
    for (const cycle of report.folderCycles) console.log(`  ${cycle.join(', ')}`);
    for (const [edge, reason] of Object.entries(ALLOWED_FOLDER_EDGES)) console.log(`Allowed: ${edge}: ${reason}`);
    console.log(`Rule violations: ${report.violations.length}`);
    for (const violation of report.violations) console.log(`  ${violation}`);
  }
  if (report.violations.length || report.folderCycles.length) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
