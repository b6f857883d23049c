/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Lower-cases text the way the `search_text` columns are stored. */
export function searchKey(text: string): string {
  return text.normalize('NFC').toLowerCase().trim();
}
