/**
 * What a DataLoader's `loadMany` found, in key order: keys without a record (null) are left
 * out; a failed batch (an Error in place of a record) is thrown rather than read as "none".
 */
export function found<T>(values: readonly (T | Error | null | undefined)[]): T[] {
  const failure = values.find((value) => value instanceof Error);
  if (failure) throw failure;
  return values.filter((value): value is T => value != null);
}
