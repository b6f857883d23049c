import type { IatiImportSkipReason, IatiImportWarning } from './iati.errors';
import { type Placement, PlacementRule } from './iati-placement';

/** What became of one activity of the file. */
export enum ImportOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  SKIPPED = 'SKIPPED',
  /** The database refused the activity: nothing of it was written; the others go on. */
  FAILED = 'FAILED',
}

export interface ImportedActivity {
  /** Position in the file, from 1. */
  index: number;
  identifier: string | null;
  title: string | null;
  outcome: ImportOutcome;
  /** The hub's project (created, updated or unchanged; for a dry run the id it would have had). */
  projectId: string | null;
  /** Why it was skipped or failed. */
  reason?: { code: IatiImportSkipReason | 'DATABASE_REFUSED'; message: string };
  /** Where each of its locations went in the unit tree, and by which rule. */
  placements: Placement[];
  warnings: { code: IatiImportWarning; message: string }[];
}

/** The report of one run of the import, the same for a dry run (which writes nothing). */
export interface IatiImportReport {
  file: string;
  dryRun: boolean;
  /** The organisation the run was for (its activities only); null for every activity. */
  organisation: { id: string; name: string | null; iatiIdentifier: string | null } | null;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  bytes: number;
  /** `iati-activity` elements in the file. */
  activities: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  skippedByReason: Partial<Record<IatiImportSkipReason, number>>;
  /** Warnings over all activities. */
  warnings: number;
  placements: Record<PlacementRule, number>;
  /** Organisations the run created (or, for a dry run, would create), marked needsConfirmation. */
  organisationsCreated: { id: string; iatiIdentifier: string | null; name: string }[];
  /** Sectors no theme maps to, with how many activities named them. */
  unmappedSectors: { vocabulary: string; code: string; activities: number }[];
  /** Every activity taken for Kyrgyzstan, and the first skipped ones (see itemsNotListed). */
  items: ImportedActivity[];
  /** Skipped activities counted but not listed in `items` (a publisher's file may hold thousands of other countries'). */
  itemsNotListed: number;
}

export function emptyReport(file: string, dryRun: boolean, organisation: IatiImportReport['organisation']): IatiImportReport {
  return {
    file,
    dryRun,
    organisation,
    startedAt: new Date().toISOString(),
    finishedAt: '',
    durationMs: 0,
    bytes: 0,
    activities: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
    skippedByReason: {},
    warnings: 0,
    placements: { [PlacementRule.CODE]: 0, [PlacementRule.POINT]: 0, [PlacementRule.NAME]: 0, [PlacementRule.COUNTRY]: 0 },
    organisationsCreated: [],
    unmappedSectors: [],
    items: [],
    itemsNotListed: 0,
  };
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** The report as a person reads it: the totals, then one line per activity taken and per reason of skipping. */
export function reportSummary(report: IatiImportReport): string {
  const lines: string[] = [];
  lines.push(
    `IATI import of ${report.file}${report.dryRun ? ' (dry run: nothing was written)' : ''}${report.organisation ? ` for ${report.organisation.name ?? report.organisation.id}` : ''}`,
  );
  lines.push(
    `${plural(report.activities, 'activity', 'activities')} in ${(report.durationMs / 1000).toFixed(1)} s: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped} skipped, ${report.failed} failed; ${plural(report.warnings, 'warning')}.`,
  );
  for (const [reason, count] of Object.entries(report.skippedByReason)) lines.push(`  skipped ${reason}: ${count}`);
  const placed = report.placements;
  lines.push(`Locations placed: ${placed.CODE} by unit code, ${placed.POINT} by point, ${placed.NAME} by name, ${placed.COUNTRY} at country level.`);
  if (report.organisationsCreated.length) {
    lines.push(`Organisations ${report.dryRun ? 'to be created' : 'created'} (the secretariat confirms them):`);
    for (const organisation of report.organisationsCreated) lines.push(`  ${organisation.name}${organisation.iatiIdentifier ? ` (${organisation.iatiIdentifier})` : ''}`);
  }
  if (report.unmappedSectors.length) {
    lines.push(`Sectors no theme maps to: ${report.unmappedSectors.map((sector) => `${sector.code} (vocabulary ${sector.vocabulary}, ${sector.activities}×)`).join(', ')}`);
  }
  for (const item of report.items) {
    if (item.outcome === ImportOutcome.SKIPPED && item.reason?.code === 'NOT_KYRGYZSTAN') continue;
    lines.push(`${item.outcome.padEnd(9)} ${item.identifier ?? `(activity ${item.index})`}${item.title ? ` — ${item.title}` : ''}${item.reason ? `: ${item.reason.code}` : ''}`);
    for (const placement of item.placements) lines.push(`    ${placement.rule.padEnd(7)} ${placement.unitCode} ← ${placement.location}`);
    for (const warning of item.warnings) lines.push(`    warning ${warning.code}: ${warning.message}`);
  }
  if (report.itemsNotListed) lines.push(`(${report.itemsNotListed} more skipped activities are counted above but not listed)`);
  return `${lines.join('\n')}\n`;
}
