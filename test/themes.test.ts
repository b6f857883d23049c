/**
 * The theme taxonomy as reference data the secretariat keeps: createTheme and updateTheme
 * through GraphQL, their refusals (each naming the field, writing nothing), the audit trail,
 * and the analytics, which rebuild when a theme is added and must count the new theme at once.
 */
import {
  AuditEventsDocument,
  CoverageDocument,
  CreateThemeDocument,
  GapsDocument,
  HotspotsDocument,
  OverlapsDocument,
  ThemeListDocument,
  UpdateThemeDocument,
} from './generated/graphql';
import { createOrganisation, createProject } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

const BATKEN_RAYON = 'KG05214000000';
const AK_TATYR = 'KG05214849000';

let server: TestServer;
let secretariat: string;
let partner: string;

beforeAll(async () => {
  server = await startTestServer();
  secretariat = (await server.tokenFor('SECRETARIAT')).token;
  partner = (await server.tokenFor('PARTNER_EDITOR', await createOrganisation(server, 'Theme partner'))).token;
});

afterAll(async () => {
  await server.close();
});

/** Rows of the tables a refused theme mutation must leave alone. */
async function counts() {
  return { themes: await server.rowCount('theme'), audit: await server.rowCount('audit_event') };
}

describe('createTheme', () => {
  it('adds a theme with names, description, DAC codes and position, and audits it', async () => {
    const created = await server.graphql(
      CreateThemeDocument,
      {
        input: {
          code: 'WATER_DISPUTES',
          name: { ky: 'Суу талаш-тартыштары', ru: 'Споры из-за воды', en: 'Water disputes' },
          description: { en: 'Sharing irrigation water between communities.' },
          dacCodes: ['15220', ' 14040 ', '15220'],
          position: 40,
        },
      },
      { token: secretariat, headers: { 'accept-language': 'ru' } },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createTheme).toEqual({
      code: 'WATER_DISPUTES',
      name: 'Споры из-за воды',
      names: { ky: 'Суу талаш-тартыштары', ru: 'Споры из-за воды', en: 'Water disputes' },
      description: { ky: null, ru: null, en: 'Sharing irrigation water between communities.' },
      dacCodes: ['15220', '14040'],
      position: 40,
      version: 1,
    });

    const listed = await server.graphql(ThemeListDocument, {}, { token: null });
    expect(listed.data!.themes.map((theme) => theme.code)).toContain('WATER_DISPUTES');

    const audit = await server.graphql(AuditEventsDocument, { filter: { entityType: 'Theme', entityId: 'WATER_DISPUTES' } });
    expect(audit.data!.auditEvents.nodes).toHaveLength(1);
    expect(audit.data!.auditEvents.nodes[0]).toMatchObject({ action: 'CREATE', entityType: 'Theme', entityId: 'WATER_DISPUTES' });
    expect(JSON.stringify(audit.data!.auditEvents.nodes[0].changes)).toContain('15220');
  });

  it('puts a theme without a position after the last one', async () => {
    const before = await server.graphql(ThemeListDocument, {});
    const last = Math.max(...before.data!.themes.map((theme) => theme.position));
    const created = await server.graphql(CreateThemeDocument, { input: { code: 'PASTURES', name: { en: 'Pastures' } } }, { token: secretariat });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createTheme).toMatchObject({ position: last + 1, dacCodes: [], description: { ky: null, ru: null, en: null } });
  });

  it.each([
    [{ code: 'water', name: { en: 'Lower case' } }, 'input.code', 'INVALID_THEME_CODE'],
    [{ code: '1WATER', name: { en: 'Starts with a digit' } }, 'input.code', 'INVALID_THEME_CODE'],
    [{ code: 'A'.repeat(51), name: { en: 'Too long' } }, 'input.code', 'INVALID_THEME_CODE'],
    [{ code: 'CONFLICT_PREVENTION', name: { en: 'Taken' } }, 'input.code', 'THEME_CODE_TAKEN'],
    [{ code: 'NAMELESS', name: { en: '  ', ru: '' } }, 'input.name', 'MISSING_TEXT'],
    [{ code: 'BAD_DAC', name: { en: 'Bad DAC' }, dacCodes: ['15220', '1522'] }, 'input.dacCodes', 'INVALID_DAC_CODE'],
    [{ code: 'NEGATIVE', name: { en: 'Negative' }, position: -1 }, 'input.position', 'OUT_OF_RANGE'],
    [{ code: 'HUGE', name: { en: 'Huge' }, position: 40000 }, 'input.position', 'OUT_OF_RANGE'],
  ])('refuses %j with BAD_USER_INPUT on %s (%s) and writes nothing', async (input, field, reason) => {
    const before = await counts();
    const result = await server.graphql(CreateThemeDocument, { input }, { token: secretariat });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(await counts()).toEqual(before);
  });

  it('is refused to a partner and to anonymous callers', async () => {
    const before = await counts();
    const asPartner = await server.graphql(CreateThemeDocument, { input: { code: 'PARTNER_THEME', name: { en: 'No' } } }, { token: partner });
    expect(asPartner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await server.graphql(CreateThemeDocument, { input: { code: 'ANON_THEME', name: { en: 'No' } } }, { token: null });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await counts()).toEqual(before);
  });
});

describe('updateTheme', () => {
  it('changes names, description, DAC codes and position, keeps the code, and audits before and after', async () => {
    await server.graphql(CreateThemeDocument, { input: { code: 'SNOW_LEOPARDS', name: { en: 'Snow leopards' }, dacCodes: ['41030'], position: 60 } }, { token: secretariat });
    const updated = await server.graphql(
      UpdateThemeDocument,
      {
        code: 'SNOW_LEOPARDS',
        input: { version: 1, name: { en: 'Snow leopards', ky: 'Илбирстер' }, description: { ru: 'Охрана снежного барса' }, dacCodes: ['41030', '41020'], position: 61 },
      },
      { token: secretariat, headers: { 'accept-language': 'ky' } },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateTheme).toMatchObject({
      code: 'SNOW_LEOPARDS',
      name: 'Илбирстер',
      description: { ru: 'Охрана снежного барса' },
      dacCodes: ['41030', '41020'],
      position: 61,
      version: 2,
    });
    const audit = await server.graphql(AuditEventsDocument, { filter: { entityType: 'Theme', entityId: 'SNOW_LEOPARDS' } });
    const update = audit.data!.auditEvents.nodes.find((event) => event.action === 'UPDATE')!;
    // The audit subscriber keeps array columns as PostgreSQL writes them.
    expect(update.changes).toMatchObject({ position: { before: 60, after: 61 }, dacCodes: { before: '{41030}', after: '{41030,41020}' } });

    // Left-out fields stay; null clears the DAC codes and the description.
    const cleared = await server.graphql(UpdateThemeDocument, { code: 'SNOW_LEOPARDS', input: { dacCodes: null, description: null } }, { token: secretariat });
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data!.updateTheme).toMatchObject({ dacCodes: [], description: { ru: null }, position: 61, names: { ky: 'Илбирстер' }, version: 3 });
  });

  it('has no way to change the code', async () => {
    const result = await server.graphql('mutation { updateTheme(code: "SNOW_LEOPARDS", input: { code: "LEOPARDS" }) { code } }', {}, { token: secretariat });
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const listed = await server.graphql(ThemeListDocument, {});
    expect(listed.data!.themes.map((theme) => theme.code)).toContain('SNOW_LEOPARDS');
    expect(listed.data!.themes.map((theme) => theme.code)).not.toContain('LEOPARDS');
  });

  it('refuses a change made from a stale version with CONFLICT and changes nothing', async () => {
    await server.graphql(CreateThemeDocument, { input: { code: 'STALE_THEME', name: { en: 'Stale' } } }, { token: secretariat });
    await server.graphql(UpdateThemeDocument, { code: 'STALE_THEME', input: { version: 1, name: { en: 'Fresh' } } }, { token: secretariat });
    const before = await counts();
    const stale = await server.graphql(UpdateThemeDocument, { code: 'STALE_THEME', input: { version: 1, name: { en: 'Lost' } } }, { token: secretariat });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    expect(await counts()).toEqual(before);
    const theme = (await server.graphql(ThemeListDocument, {})).data!.themes.find((entry) => entry.code === 'STALE_THEME')!;
    expect(theme).toMatchObject({ names: { en: 'Fresh' }, version: 2 });
  });

  it.each([
    [{ name: { en: '', ky: ' ' } }, 'BAD_USER_INPUT', 'input.name'],
    [{ dacCodes: ['ABCDE'] }, 'BAD_USER_INPUT', 'input.dacCodes'],
    [{ position: 99999 }, 'BAD_USER_INPUT', 'input.position'],
    [{ position: null }, 'BAD_USER_INPUT', 'input.position'],
  ])('refuses %j with %s on %s and writes nothing', async (input, code, field) => {
    const before = await counts();
    const result = await server.graphql(UpdateThemeDocument, { code: 'CONFLICT_PREVENTION', input }, { token: secretariat });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(await counts()).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown code, and FORBIDDEN to a partner', async () => {
    const before = await counts();
    const missing = await server.graphql(UpdateThemeDocument, { code: 'NO_SUCH_THEME', input: { position: 3 } }, { token: secretariat });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'THEME_NOT_FOUND', field: 'code' });
    const asPartner = await server.graphql(UpdateThemeDocument, { code: 'CONFLICT_PREVENTION', input: { position: 3 } }, { token: partner });
    expect(asPartner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });
});

describe('a new theme in the analytics', () => {
  it('counts at once in overlaps, coverage, hotspots and gaps, and keeps the earlier results', async () => {
    const [a, b, c] = [await createOrganisation(server, 'Theme org A'), await createOrganisation(server, 'Theme org B'), await createOrganisation(server, 'Theme org C')];
    const period = { plannedStart: '2025-01-01', plannedEnd: '2027-12-31', status: 'IMPLEMENTATION' as const };
    const make = async (title: string, organisation: string, themeCodes: string[]) =>
      (
        await createProject(server, {
          title: { en: title },
          ...period,
          coverage: [{ unitCode: AK_TATYR }],
          themeCodes,
          participants: [{ organisationId: organisation, role: 'IMPLEMENTING' }],
        })
      ).id;
    const earlierA = await make('Earlier A', a, ['CONFLICT_PREVENTION']);
    const earlierB = await make('Earlier B', b, ['CONFLICT_PREVENTION']);
    // Seeded projects work in Ak-Tatyr too: the whole answer must stay the same.
    const pairs = async () =>
      (await server.graphql(OverlapsDocument, { filter: { projectId: earlierA }, first: 100 })).data!.overlaps.nodes.map((node) => ({
        id: node.projectB.id,
        themes: node.sharedThemes.map((theme) => theme.code),
        units: node.sharedUnits.map((unit) => unit.code),
        score: node.score,
      }));
    const earlier = await pairs();
    expect(earlier.map((pair) => pair.id)).toContain(earlierB);

    // A code that sorts first, so every theme's bit position moves in the rebuild.
    const created = await server.graphql(CreateThemeDocument, { input: { code: 'AAA_IRRIGATION', name: { en: 'Irrigation' } } }, { token: secretariat });
    expect(created.errors).toBeUndefined();

    expect(await pairs()).toEqual(earlier);

    const irrigationA = await make('Irrigation A', a, ['AAA_IRRIGATION']);
    const irrigationB = await make('Irrigation B', b, ['AAA_IRRIGATION', 'CONFLICT_PREVENTION']);
    await make('Irrigation C', c, ['AAA_IRRIGATION']);
    const overlaps = await server.graphql(OverlapsDocument, { filter: { themeCodes: ['AAA_IRRIGATION'] }, first: 50 });
    expect(overlaps.errors).toBeUndefined();
    const pair = overlaps.data!.overlaps.nodes.find((node) => [node.projectA.id, node.projectB.id].sort().join() === [irrigationA, irrigationB].sort().join())!;
    expect(pair.sharedThemes.map((theme) => theme.code)).toEqual(['AAA_IRRIGATION']);
    expect(overlaps.data!.overlaps.totalCount).toBe(3);

    const coverage = await server.graphql(CoverageDocument, { level: 'DISTRICT', filter: { byTheme: true, themeCodes: ['AAA_IRRIGATION'] }, first: 500 });
    expect(coverage.errors).toBeUndefined();
    const batken = coverage.data!.coverage.nodes.find((cell) => cell.unit.code === BATKEN_RAYON && cell.theme?.code === 'AAA_IRRIGATION')!;
    expect(batken).toMatchObject({ projectCount: 3, organisationCount: 3 });
    // The stored map (no filters, by theme) has the new theme's cells too.
    const stored = await server.graphql(CoverageDocument, { level: 'DISTRICT', filter: { byTheme: true }, first: 500 });
    expect(stored.errors).toBeUndefined();
    expect(stored.data!.coverage.nodes.find((cell) => cell.unit.code === BATKEN_RAYON && cell.theme?.code === 'AAA_IRRIGATION')).toMatchObject({ projectCount: 3 });

    const hotspots = await server.graphql(HotspotsDocument, {
      level: 'MUNICIPALITY',
      filter: { themeCodes: ['AAA_IRRIGATION'], activeDuring: { from: '2026-06-01', to: '2026-06-01' } },
    });
    expect(hotspots.errors).toBeUndefined();
    expect(hotspots.data!.hotspots.nodes.map((spot) => [spot.unit.code, spot.theme?.code, spot.organisationCount])).toEqual([[AK_TATYR, 'AAA_IRRIGATION', 3]]);

    const gaps = await server.graphql(GapsDocument, {
      filter: { withinCode: BATKEN_RAYON, themeCodes: ['AAA_IRRIGATION'], activeDuring: { from: '2026-06-01', to: '2026-06-01' } },
      first: 500,
    });
    expect(gaps.errors).toBeUndefined();
    const gapCodes = gaps.data!.gaps.nodes.map((gap) => gap.unit.code);
    expect(gapCodes).not.toContain(AK_TATYR);
    expect(gapCodes.length).toBeGreaterThan(0);
  });
});
