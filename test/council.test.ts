import { AddMembershipDocument, CoordinationBodiesDocument, CoordinationBodyDocument, EndMembershipDocument } from './generated/graphql';
import { createOrganisation } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

async function bodies() {
  const { data, errors } = await server.graphql(CoordinationBodiesDocument, {});
  expect(errors).toBeUndefined();
  return data!.coordinationBodies;
}

async function councilId() {
  return (await bodies()).find((body) => body.kind === 'DONOR_COORDINATION_COUNCIL')!.id;
}

describe('the Coordination Council of donors and international organisations (seeded)', () => {
  it('has 38 seats, the agency as chair, and the international partners the documents name', async () => {
    const council = (await bodies()).find((body) => body.kind === 'DONOR_COORDINATION_COUNCIL')!;
    expect(council.seatCount).toBe(38);
    expect(council.agency!.name).toMatch(/State Agency for Local Self-Government and Interethnic Relations/);
    expect(council.source).toMatch(/5 meetings/);

    const { data } = await server.graphql(CoordinationBodyDocument, { id: council.id });
    const members = data!.coordinationBody!.members.nodes;
    const chair = members.filter((member) => member.role === 'CHAIR');
    expect(chair.map((member) => member.organisation!.id)).toEqual([council.agency!.id]);
    const seated = members.filter((member) => member.role === 'MEMBER');
    expect(seated.map((member) => member.organisation!.acronym)).toEqual(expect.arrayContaining(['UNDP', 'OSCE', 'USAID']));
    expect(seated.map((member) => member.organisation!.name)).toEqual(expect.arrayContaining(['World Bank', 'European Union']));
    // Every membership says where it is documented; none invents dates or people.
    for (const member of members) {
      expect(member.source).toBeTruthy();
      expect(member.startDate).toBeNull();
      expect(member.representatives).toEqual([]);
    }
    expect(council.memberCount).toBe(seated.length);
    expect(council.vacantSeats).toBe(38 - seated.length);
    expect(council.rosterSummary).toBe(`${seated.length} of 38 seats filled`);
  });

  it('lists the other bodies of the agency with their sizes', async () => {
    const seats = Object.fromEntries((await bodies()).map((body) => [body.kind, body.seatCount]));
    expect(seats).toMatchObject({ COLLEGIUM: 7, PUBLIC_CONSULTATIVE_COUNCIL: 35, EXPERT_COUNCIL: 11, INTERAGENCY_COMMISSION: null });
  });
});

describe('memberships', () => {
  it('adds a member with representatives, refuses a second active membership, and ends it', async () => {
    const bodyId = await councilId();
    const organisationId = await createOrganisation(server, 'Search for Peace Test Org');
    const before = (await bodies()).find((body) => body.id === bodyId)!.memberCount;

    const added = await server.graphql(AddMembershipDocument, {
      input: {
        bodyId,
        organisationId,
        startDate: '2026-01-15',
        representatives: [{ name: 'Aibek Test', title: 'Country Director', email: 'aibek@example.org' }],
        source: 'Letter of the secretariat, test',
      },
    });
    expect(added.errors).toBeUndefined();
    expect(added.data!.addMembership).toMatchObject({ role: 'MEMBER', active: true, body: { memberCount: before + 1 } });

    const rows = await server.rowCount('membership');
    const again = await server.graphql(AddMembershipDocument, { input: { bodyId, organisationId, representatives: [] } });
    expect(again.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ALREADY_A_MEMBER', field: 'input.organisationId' });
    expect(await server.rowCount('membership')).toBe(rows);

    const id = added.data!.addMembership.id;
    const tooEarly = await server.graphql(EndMembershipDocument, { id, input: { endDate: '2025-12-31' } });
    expect(tooEarly.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endDate' });

    const ended = await server.graphql(EndMembershipDocument, { id, input: { endDate: '2026-06-30' } });
    expect(ended.data!.endMembership).toMatchObject({ active: false, endDate: '2026-06-30' });
    expect((await bodies()).find((body) => body.id === bodyId)!.memberCount).toBe(before);

    const twice = await server.graphql(EndMembershipDocument, { id, input: { endDate: '2026-07-01' } });
    expect(twice.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MEMBERSHIP_ALREADY_ENDED' });

    const history = await server.graphql(CoordinationBodyDocument, { id: bodyId, includeEnded: true });
    expect(history.data!.coordinationBody!.members.nodes.some((member) => member.id === id && !member.active)).toBe(true);
    // An ended membership frees the organisation to join again.
    const rejoined = await server.graphql(AddMembershipDocument, { input: { bodyId, organisationId, role: 'OBSERVER', representatives: [] } });
    expect(rejoined.data!.addMembership).toMatchObject({ role: 'OBSERVER', active: true });
  });

  it('keeps vacant seats vacant: no more members than seats', async () => {
    const collegium = (await bodies()).find((body) => body.kind === 'COLLEGIUM')!;
    for (let seat = collegium.memberCount; seat < 7; seat += 1) {
      const organisationId = await createOrganisation(server, `Collegium member ${seat}`, 'NATIONAL_NGO');
      const { errors } = await server.graphql(AddMembershipDocument, { input: { bodyId: collegium.id, organisationId, representatives: [] } });
      expect(errors).toBeUndefined();
    }
    const extra = await createOrganisation(server, 'One too many', 'NATIONAL_NGO');
    const refused = await server.graphql(AddMembershipDocument, { input: { bodyId: collegium.id, organisationId: extra, representatives: [] } });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_SEAT_LEFT' });
    const observer = await server.graphql(AddMembershipDocument, { input: { bodyId: collegium.id, organisationId: extra, role: 'OBSERVER', representatives: [] } });
    expect(observer.errors).toBeUndefined();
  });

  it('refuses unknown bodies, organisations and malformed e-mails', async () => {
    const bodyId = await councilId();
    const organisationId = await createOrganisation(server, 'Validation Org');
    const unknownBody = await server.graphql(AddMembershipDocument, { input: { bodyId: '00000000-0000-4000-8000-000000000001', organisationId, representatives: [] } });
    expect(unknownBody.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.bodyId' });
    const unknownOrganisation = await server.graphql(AddMembershipDocument, { input: { bodyId, organisationId: 'not-an-id', representatives: [] } });
    expect(unknownOrganisation.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.organisationId' });
    const badEmail = await server.graphql(AddMembershipDocument, {
      input: { bodyId, organisationId, representatives: [{ name: 'X', email: 'not an email' }] },
    });
    expect(badEmail.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(badEmail.errors![0].message).toContain('email');
  });
});
