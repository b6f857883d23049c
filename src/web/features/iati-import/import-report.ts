/**
 * The answer of `POST /iati/import`: the JSON report of one run, and the refusal of a whole
 * file. The endpoint is REST, not GraphQL, so codegen does not type it; these types mirror
 * `src/iati/iati-import.report.ts` and `src/iati/iati.errors.ts`, and
 * test/web/iati-import.browser.test.ts fails to compile when the server's report stops fitting them.
 */

export type ImportOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'SKIPPED' | 'FAILED';
export type SkipReason = 'NOT_KYRGYZSTAN' | 'NO_IDENTIFIER' | 'NO_TITLE' | 'TOO_LARGE' | 'NOT_OF_ORGANISATION' | 'NOT_YOURS' | 'DUPLICATE_IN_FILE';
export type ImportWarning =
  | 'UNMAPPED_SECTOR'
  | 'PLACED_AT_COUNTRY'
  | 'ORGANISATION_CREATED'
  | 'ORGANISATION_WITHOUT_NAME'
  | 'UNKNOWN_STATUS'
  | 'INVALID_DATE'
  | 'UNSUPPORTED_TRANSACTION_TYPE'
  | 'INVALID_VALUE'
  | 'TEXT_IN_OTHER_LANGUAGE'
  | 'NOT_NEWER';
export type PlacementRule = 'CODE' | 'POINT' | 'NAME' | 'COUNTRY';

export const OUTCOMES: ImportOutcome[] = ['CREATED', 'UPDATED', 'UNCHANGED', 'SKIPPED', 'FAILED'];
export const PLACEMENT_RULES: PlacementRule[] = ['CODE', 'POINT', 'NAME', 'COUNTRY'];

export interface ImportedActivity {
  index: number;
  identifier: string | null;
  title: string | null;
  outcome: ImportOutcome;
  projectId: string | null;
  reason?: { code: SkipReason | 'DATABASE_REFUSED'; message: string };
  /** `noLocation`: the activity names none, so it counts for the whole country (`location` is then the hub's English words). */
  placements: { location: string; unitCode: string; rule: PlacementRule; noLocation?: boolean }[];
  warnings: { code: ImportWarning; message: string }[];
}

export interface ImportReport {
  file: string;
  dryRun: boolean;
  organisation: { id: string; name: string | null; iatiIdentifier: string | null } | null;
  durationMs: number;
  bytes: number;
  activities: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  skippedByReason: Partial<Record<SkipReason, number>>;
  warnings: number;
  placements: Record<PlacementRule, number>;
  organisationsCreated: { id: string; iatiIdentifier: string | null; name: string }[];
  unmappedSectors: { vocabulary: string; code: string; activities: number }[];
  items: ImportedActivity[];
  itemsNotListed: number;
}

/** One refusal as the hub sends it: `{ errors: [{ message, extensions: { code, reason, line?, … } }] }`. */
export interface ImportRefusal {
  message: string;
  extensions: { code: string; reason?: string; field?: string; line?: number; column?: number; root?: string; version?: string; limitBytes?: number };
}
