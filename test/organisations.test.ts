import { CreateOrganisationDocument, OrganisationDocument, OrganisationsDocument, UpdateOrganisationDocument } from './generated/graphql';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

describe('organisations', () => {
  it('creates, reads and updates an organisation through the API', async () => {
    const created = await server.graphql(CreateOrganisationDocument, {
      input: {
        name: { en: 'Foundation for Tolerance International', ru: 'Фонд за международную толерантность' },
        acronym: 'FTI',
        kind: 'PARTNER_COUNTRY_NGO',
        country: 'kg',
        website: 'https://fti.example.org',
      },
    });
    expect(created.errors).toBeUndefined();
    const organisation = created.data!.createOrganisation;
    expect(organisation).toMatchObject({ acronym: 'FTI', kind: 'PARTNER_COUNTRY_NGO', iatiTypeCode: '24', country: 'KG', version: 1 });

    const read = await server.graphql(OrganisationDocument, { id: organisation.id }, { headers: { 'accept-language': 'ru' } });
    expect(read.data!.organisation!.name).toBe('Фонд за международную толерантность');
    expect(read.data!.organisation!.names).toEqual({ ky: null, ru: 'Фонд за международную толерантность', en: 'Foundation for Tolerance International' });

    const updated = await server.graphql(UpdateOrganisationDocument, {
      id: organisation.id,
      input: { version: 1, acronym: 'FTI-KG', website: null },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateOrganisation).toMatchObject({ acronym: 'FTI-KG', website: null, version: 2 });

    const found = await server.graphql(OrganisationsDocument, { filter: { search: 'толерант' } });
    expect(found.data!.organisations.nodes.map((node) => node.id)).toContain(organisation.id);
    const byKind = await server.graphql(OrganisationsDocument, { filter: { kinds: ['PARTNER_COUNTRY_NGO'], country: 'KG' }, first: 500 });
    expect(byKind.data!.organisations.nodes.every((node) => node.kind === 'PARTNER_COUNTRY_NGO')).toBe(true);
    expect(byKind.data!.organisations.nodes.map((node) => node.id)).toContain(organisation.id);
  });

  it('refuses an update from a stale version with CONFLICT and changes nothing', async () => {
    const { data } = await server.graphql(CreateOrganisationDocument, { input: { name: { en: 'Stale Org' }, kind: 'NATIONAL_NGO' } });
    const id = data!.createOrganisation.id;
    await server.graphql(UpdateOrganisationDocument, { id, input: { version: 1, acronym: 'SO' } });
    const stale = await server.graphql(UpdateOrganisationDocument, { id, input: { version: 1, acronym: 'LOST' } });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    const read = await server.graphql(OrganisationDocument, { id });
    expect(read.data!.organisation).toMatchObject({ acronym: 'SO', version: 2 });
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = await server.rowCount('organisation');
    const cases: [object, string][] = [
      [{ name: { en: '  ' }, kind: 'NATIONAL_NGO' }, 'input.name'],
      [{ name: { en: 'X' }, kind: 'NATIONAL_NGO', website: 'ftp://files.example.org' }, 'input.website'],
    ];
    for (const [input, field] of cases) {
      const { errors } = await server.graphql(CreateOrganisationDocument, { input: input as never });
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const badCountry = await server.graphql(CreateOrganisationDocument, { input: { name: { en: 'X' }, kind: 'NATIONAL_NGO', country: 'XX' } });
    expect(badCountry.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(badCountry.errors![0].message).toContain('country');
    const badKind = await server.graphql(CreateOrganisationDocument, { input: { name: { en: 'X' }, kind: 'DONOR' as never } });
    expect(badKind.errors![0].extensions!.code).toBe('BAD_USER_INPUT');

    const iati = { name: { en: 'Has IATI id' }, kind: 'MULTILATERAL' as const, iatiIdentifier: 'XM-TEST-1' };
    expect((await server.graphql(CreateOrganisationDocument, { input: iati })).errors).toBeUndefined();
    const duplicate = await server.graphql(CreateOrganisationDocument, { input: { ...iati, name: { en: 'Copy' } } });
    expect(duplicate.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IATI_IDENTIFIER_TAKEN', field: 'input.iatiIdentifier' });
    expect(await server.rowCount('organisation')).toBe(before + 1);
  });

  it('answers an unknown id with null, and an update of one with NOT_FOUND', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await server.graphql(OrganisationDocument, { id: missing })).data!.organisation).toBeNull();
    const update = await server.graphql(UpdateOrganisationDocument, { id: missing, input: { acronym: 'X' } });
    expect(update.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});
