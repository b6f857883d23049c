/** Bishkek's offset from UTC: six hours all year (Kyrgyzstan has kept no summer time since 2005). */
const BISHKEK_OFFSET_MS = 6 * 60 * 60 * 1000;

/**
 * Today as YYYY-MM-DD in Bishkek, where the hub's days begin. Worked out from the fixed offset, not
 * with Intl and the time zone's name: the first Intl.DateTimeFormat with a time zone loads the
 * browser's zone data, about 40 ms on a cold load, in the entry that the map's first requests wait
 * for (main.tsx).
 */
export function todayInBishkek(now = new Date()): string {
  return new Date(now.getTime() + BISHKEK_OFFSET_MS).toISOString().slice(0, 10);
}
