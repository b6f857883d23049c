/**
 * Every reason the server can send in `extensions.reason`, and every `extensions.code`, has a text
 * in the UI's errors catalogue (src/locales/<language>/errors.json) in all three languages, so that
 * src/web/app/errors.ts never falls back to the hub's English message for a known failure.
 *
 * The reasons are read from the server's sources: the enums of reasons (`*ErrorCode`, and any enum
 * whose comment says it is sent as `extensions.reason`), and the reasons written in place, as the
 * first argument of badInput/notFound, the reason argument of forbidden/unauthenticated/knownId/
 * tooManyRequests/DomainError and of the input rules' decorators, or `reason: '…'` in an error's
 * extensions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AccessErrorCode } from '../../src/common/access';
import { ErrorKind } from '../../src/common/errors';
import { InputErrorCode } from '../../src/common/validation';
import { DatabaseUnavailableReason } from '../../src/db/availability';

const SRC = join(__dirname, '..', '..', 'src');
const LOCALES = join(SRC, 'locales');
const LANGUAGES = ['ky', 'ru', 'en'] as const;
const REASON = `'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'`;

function serverSources(dir = SRC): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join(SRC, 'web') ? [] : serverSources(path);
    return /\.ts$/.test(entry.name) ? [{ file: relative(SRC, path), text: readFileSync(path, 'utf8') }] : [];
  });
}

/** Reason → the files that can send it. */
function reasonsTheServerSends(): Map<string, Set<string>> {
  const reasons = new Map<string, Set<string>>();
  const add = (reason: string, file: string) => reasons.set(reason, (reasons.get(reason) ?? new Set()).add(file));
  for (const { file, text } of serverSources()) {
    // Enums of reasons, with the comment before them.
    for (const match of text.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?export enum (\w+) \{([^}]*)\}/g)) {
      const [, comment = '', name, body] = match;
      if (!name.endsWith('ErrorCode') && !comment.includes('extensions.reason')) continue;
      for (const member of body.matchAll(/=\s*'([A-Z0-9_]+)'/g)) add(member[1], file);
    }
    // Reasons written in place.
    const inPlace = [
      new RegExp(`\\b(?:badInput|notFound)\\(\\s*${REASON}`, 'g'),
      new RegExp(`\\bnew DomainError\\(\\s*ErrorKind\\.\\w+,\\s*${REASON}`, 'g'),
      new RegExp(`\\b(?:forbidden|unauthenticated)\\([^;]*?,\\s*${REASON}\\s*\\)`, 'g'),
      new RegExp(`\\bknownId\\((?:[^,;]+,){4}\\s*${REASON}`, 'g'),
      new RegExp(`\\btooManyRequests\\(\\s*(?:[^,;]+,){2}\\s*${REASON}`, 'g'),
      new RegExp(`\\breason:\\s*${REASON}`, 'g'),
      new RegExp(`\\brefuse\\(\\s*(?:[^,;]+,){3}\\s*${REASON}`, 'g'),
      // Input rules (common/input-rules.ts): @NotCleared('MISSING_STATUS'), @WholeNumberIn(0, 99, '…'), wholeNumberIn(…, '…').
      new RegExp(`(?:@\\w+|\\bwholeNumberIn)\\([^)\\n]*?${REASON}`, 'g'),
    ];
    for (const pattern of inPlace) for (const match of text.matchAll(pattern)) add(match[1], file);
  }
  return reasons;
}

type Catalogue = { code: Record<string, string>; reason: Record<string, string> };
const errorsCatalogue = (language: string) => JSON.parse(readFileSync(join(LOCALES, language, 'errors.json'), 'utf8')) as Catalogue;

describe('the texts of the errors the server sends', () => {
  const reasons = reasonsTheServerSends();

  it('finds the reasons of the enums and those written in place', () => {
    const found = [...reasons.keys()];
    // One of each way a reason is written, so that a scan that stops seeing one fails here.
    expect(found).toEqual(
      expect.arrayContaining([
        ...Object.values(AccessErrorCode),
        ...Object.values(InputErrorCode),
        ...Object.values(DatabaseUnavailableReason),
        'INVALID_CURSOR', // new DomainError(ErrorKind.BAD_USER_INPUT, PaginationErrorCode.…) — an enum
        'QUERY_TOO_COSTLY', // QueryCostErrorCode, in server/
        'IATI_NOT_WELL_FORMED', // IatiImportErrorCode
        'MISSING_STATUS', // @NotCleared('…')
        'NO_SEAT_LEFT', // badInput('…')
        'BODY_NOT_FOUND', // notFound('…')
        'UNKNOWN_BODY', // knownId(…, '…', what)
        'LOGIN_RATE_LIMITED', // tooManyRequests(reply, seconds, '…', message), over several lines
        'CONCURRENT_CHANGE', // reason: '…'
      ]),
    );
    expect(found.length).toBeGreaterThan(90);
    // Reports of skipped rows are not errors: their reasons are answered in their own fields.
    expect(found).not.toContain('NOT_KYRGYZSTAN');
  });

  it.each(LANGUAGES)('has a text in %s for every reason', (language) => {
    const texts = errorsCatalogue(language).reason;
    const missing = [...reasons]
      .filter(([reason]) => !texts[reason]?.trim())
      .map(([reason, files]) => `${reason} (${[...files].sort().join(', ')})`)
      .sort();
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('has a text in %s for every code', (language) => {
    const texts = errorsCatalogue(language).code;
    const codes = [...Object.values(ErrorKind), 'BAD_REQUEST', 'INTERNAL_SERVER_ERROR', 'GRAPHQL_VALIDATION_FAILED'];
    expect(codes.filter((code) => !texts[code]?.trim())).toEqual([]);
  });
});
