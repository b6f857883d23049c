import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config/paths';

/** The IATI 2.03 reference files the hub ships (seeds/reference/iati/README.md). */
export const IATI_REFERENCE_DIR = join(projectRoot, 'seeds', 'reference', 'iati');

export type CodeStatus = 'active' | 'withdrawn';

const ITEM = /<codelist-item\b([^>]*)>\s*<code>([^<]+)<\/code>/g;
const cache = new Map<string, Map<string, CodeStatus>>();

/**
 * A codelist of seeds/reference/iati/codelists as code → status (items without a status are
 * active). The files are IATI's own XML, one `<codelist-item>` each starting with its `<code>`;
 * read once per process.
 */
export function iatiCodelist(name: string): ReadonlyMap<string, CodeStatus> {
  let codes = cache.get(name);
  if (!codes) {
    const xml = readFileSync(join(IATI_REFERENCE_DIR, 'codelists', `${name}.xml`), 'utf8');
    codes = new Map([...xml.matchAll(ITEM)].map(([, attributes, code]) => [code.trim(), /\bstatus="withdrawn"/.test(attributes) ? 'withdrawn' : 'active']));
    if (codes.size === 0) throw new Error(`The IATI codelist ${name}.xml has no codes`);
    cache.set(name, codes);
  }
  return codes;
}

/** How a DAC purpose code stands in the IATI Sector codelist (vocabulary 1): active, withdrawn or unknown. */
export function dacCodeStatus(code: string): CodeStatus | 'unknown' {
  return iatiCodelist('Sector').get(code) ?? 'unknown';
}
