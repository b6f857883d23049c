/**
 * The pieces of the IATI export that need no database: the codelist reader, the XML escaping,
 * the even percentages, the centroids and the date-times `updatedSince` takes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activityXml, evenPercentages, type IatiActivity } from '../src/iati/activity-xml';
import { dacCodeStatus, IATI_REFERENCE_DIR, iatiCodelist } from '../src/common/iati-codelists';
import { centroidOf } from '../src/iati/geometry';
import { parseDateTime } from '../src/iati/iati.service';
import { xmlAttribute, xmlText } from '../src/iati/xml';

describe('iatiCodelist', () => {
  it('reads every item of a codelist file with its status', () => {
    const xml = readFileSync(join(IATI_REFERENCE_DIR, 'codelists', 'Sector.xml'), 'utf8');
    const sector = iatiCodelist('Sector');
    expect(sector.size).toBe(xml.match(/<codelist-item\b/g)!.length);
    expect(dacCodeStatus('15220')).toBe('active');
    expect(dacCodeStatus('11321')).toBe('withdrawn');
    expect(dacCodeStatus('99999')).toBe('unknown');
    expect(iatiCodelist('OrganisationRole').size).toBe(4);
    expect(iatiCodelist('LocationType').get('ADM3')).toBe('active');
  });
});

describe('evenPercentages', () => {
  it.each([1, 2, 3, 6, 7, 9, 11, 100, 333])('splits 100 into %i parts that add up to exactly 100', (count) => {
    const parts = evenPercentages(count);
    expect(parts).toHaveLength(count);
    expect(parts.reduce((sum, part) => sum + Math.round(Number(part) * 100), 0)).toBe(10000);
    expect(Math.max(...parts.map(Number)) - Math.min(...parts.map(Number))).toBeLessThanOrEqual(0.011);
    for (const part of parts) expect(part).toMatch(/^\d{1,3}\.\d{2}$/);
  });

  it('gives the odd cents to the first parts', () => {
    expect(evenPercentages(3)).toEqual(['33.34', '33.33', '33.33']);
    expect(evenPercentages(0)).toEqual([]);
  });
});

describe('XML text', () => {
  it('escapes markup and drops characters XML 1.0 cannot carry', () => {
    expect(xmlText('a & b <c> "d"')).toBe('a &amp; b &lt;c&gt; "d"');
    expect(xmlText('bell\u0007 and \uFFFF and lone \uD800 surrogate, but 😀 stays')).toBe('bell and  and lone  surrogate, but 😀 stays');
    expect(xmlAttribute('say "hi"\nnext')).toBe('say &quot;hi&quot;&#10;next');
  });

  it('writes an activity whose texts cannot break out of their elements', () => {
    const activity: IatiActivity = {
      identifier: 'XX-1-<x>',
      lastUpdated: new Date('2026-01-02T03:04:05.678Z'),
      defaultCurrency: 'KGS',
      reportingOrg: { ref: 'XX-1', type: '90', names: { en: 'A & B' }, secondaryReporter: false },
      title: { ru: '</title><evil/>' },
      description: { en: 'ok' },
      objectives: {},
      participants: [],
      status: '2',
      dates: [{ type: '1', isoDate: '2026-01-01' }],
      locations: [],
      sectors: [],
      budgets: [],
      transactions: [],
    };
    const xml = activityXml(activity);
    expect(xml).toContain('<iati-identifier>XX-1-&lt;x&gt;</iati-identifier>');
    expect(xml).toContain('<narrative xml:lang="ru">&lt;/title&gt;&lt;evil/&gt;</narrative>');
    expect(xml).toContain('default-currency="KGS" last-updated-datetime="2026-01-02T03:04:05.678Z"');
    expect(xml).not.toContain('<evil/>');
  });
});

describe('centroidOf', () => {
  it('is the middle of a square, whichever way its ring winds', () => {
    const square = [
      [
        [70, 40],
        [72, 40],
        [72, 42],
        [70, 42],
        [70, 40],
      ],
    ];
    expect(centroidOf({ type: 'Polygon', coordinates: square })).toEqual([41, 71]);
    expect(centroidOf({ type: 'Polygon', coordinates: [square[0].slice().reverse()] })).toEqual([41, 71]);
  });

  it('subtracts holes and weighs the parts of a multipolygon by area', () => {
    const big = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    const hole = [
      [2, 0],
      [4, 0],
      [4, 4],
      [2, 4],
      [2, 0],
    ];
    const [lat, lon] = centroidOf({ type: 'Polygon', coordinates: [big, hole] })!;
    expect(lat).toBeCloseTo(2);
    expect(lon).toBeCloseTo(1);
    const small = [
      [10, 0],
      [11, 0],
      [11, 1],
      [10, 1],
      [10, 0],
    ];
    const [, weighted] = centroidOf({ type: 'MultiPolygon', coordinates: [[big], [small]] })!;
    expect(weighted).toBeCloseTo((16 * 2 + 1 * 10.5) / 17);
  });

  it('is null without an area', () => {
    expect(centroidOf(null)).toBeNull();
    expect(centroidOf({ type: 'Point', coordinates: [70, 40] })).toBeNull();
    expect(
      centroidOf({
        type: 'Polygon',
        coordinates: [
          [
            [70, 40],
            [71, 40],
            [70, 40],
          ],
        ],
      }),
    ).toBeNull();
  });
});

describe('parseDateTime', () => {
  it.each([
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01T08:30', '2026-03-01T08:30:00.000Z'],
    ['2026-03-01T08:30:15Z', '2026-03-01T08:30:15.000Z'],
    ['2026-03-01T08:30:15.5+06:00', '2026-03-01T02:30:15.500Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('reads %s as %s', (given, instant) => {
    expect(parseDateTime(given)?.toISOString()).toBe(instant);
  });

  it.each(['', 'yesterday', '2026-3-1', '2026-02-29', '2026-13-01', '2026-01-01T24:00', '2026-01-01T10:60', '2026-01-01T10:00+15:00', '1700000000'])('refuses %j', (given) => {
    expect(parseDateTime(given)).toBeNull();
  });
});
