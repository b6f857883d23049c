/**
 * The UI works out Bishkek's date from a fixed offset (src/web/app/bishkek-day.ts) instead of
 * asking Intl for the zone (slow on a cold page load). This holds it to the time-zone database:
 * every hour of two years, and the minutes around each midnight, give the same day as Intl's
 * Asia/Bishkek.
 */
import { todayInBishkek } from '../../src/web/app/bishkek-day';

const intlDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bishkek' });

describe("todayInBishkek, the UI's date of Bishkek", () => {
  it('agrees with the time-zone database for every hour of 2025 and 2026', () => {
    const disagreements: string[] = [];
    for (let time = Date.UTC(2025, 0, 1); time < Date.UTC(2027, 0, 1); time += 60 * 60 * 1000) {
      const now = new Date(time);
      if (todayInBishkek(now) !== intlDay.format(now)) disagreements.push(now.toISOString());
    }
    expect(disagreements).toEqual([]);
  });

  it('turns the day at midnight in Bishkek (18:00 UTC), not at midnight UTC', () => {
    expect(todayInBishkek(new Date('2026-12-01T17:59:59Z'))).toBe('2026-12-01');
    expect(todayInBishkek(new Date('2026-12-01T18:00:00Z'))).toBe('2026-12-02');
    expect(todayInBishkek(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
    expect(intlDay.format(new Date('2026-12-01T18:00:00Z'))).toBe('2026-12-02');
  });
});
