/**
 * What no answer of the hub may show, whatever went wrong: stack frames, file paths of the
 * server, SQL. A test that provokes an error checks the raw body against every pattern.
 */
export const INTERNALS = [/ {4}at /, /\bat \S+ \(/, /\bat \//, /\/work\//, /node_modules/, /dist\/src/, /stacktrace/i, /\bselect\s/i, /\binsert into\b/i, /\bupdate \S+ set\b/i];

/** The patterns of INTERNALS that `text` matches (a test expects none). */
export function internalsIn(text: string): string[] {
  return INTERNALS.filter((pattern) => pattern.test(text)).map(String);
}
