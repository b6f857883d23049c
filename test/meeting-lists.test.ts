/**
 * The lists the web UI reads: meetings sorted with the upcoming ones first (or earliest or
 * latest first), and action items across the meetings of the bodies a caller may read.
 */
import {
  ActionItemListDocument,
  AddActionItemDocument,
  BodiesWithMeetingFactsDocument,
  CoordinationBodyDocument,
  MeetingsInOrderDocument,
  PlanMeetingDocument,
  UpdateActionItemDocument,
  UsersDocument,
} from './generated/graphql';
import { createOrganisation } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let secretariat: string;
let councilId: string;
let collegiumId: string;
let members: string[];

const DAY = 24 * 60 * 60 * 1000;
const at = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * 60 * 60 * 1000).toISOString();

beforeAll(async () => {
  server = await startTestServer();
  secretariat = (await server.tokenFor('SECRETARIAT')).token;
  const bodies = (await server.graphql(BodiesWithMeetingFactsDocument, {})).data!.coordinationBodies;
  councilId = bodies.find((body) => body.kind === 'DONOR_COORDINATION_COUNCIL')!.id;
  collegiumId = bodies.find((body) => body.kind === 'COLLEGIUM')!.id;
  members = (await server.graphql(CoordinationBodyDocument, { id: councilId })).data!.coordinationBody!.members.nodes.map((member) => member.organisation!.id);
});

afterAll(async () => {
  await server.close();
});

async function plan(startDays: number, title: string, bodyId = councilId) {
  const { data, errors } = await server.graphql(
    PlanMeetingDocument,
    { input: { bodyId, title: { en: title }, startsAt: at(startDays), endsAt: at(startDays, 2), format: 'IN_PERSON', address: 'Agency, room 3' } },
    { token: secretariat },
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.planMeeting;
}

describe('meetings in order', () => {
  it('lists meetings not yet ended first, the soonest first, then the ended ones, the latest first', async () => {
    const past = await plan(-30, 'Last month');
    const longAgo = await plan(-60, 'Two months ago');
    const later = await plan(20, 'In three weeks');
    const soon = await plan(3, 'In three days');
    // Started an hour ago and ends in an hour: still upcoming (it has not ended).
    const running = await plan(0, 'Running now');
    const ours = [running.id, soon.id, later.id, past.id, longAgo.id];

    const upcoming = await server.graphql(MeetingsInOrderDocument, { filter: { bodyId: councilId }, order: 'UPCOMING_FIRST' }, { token: secretariat });
    expect(upcoming.errors).toBeUndefined();
    expect(upcoming.data!.meetings.nodes.map((meeting) => meeting.id)).toEqual(ours);

    // Pages keep the order.
    const second = await server.graphql(MeetingsInOrderDocument, { filter: { bodyId: councilId }, order: 'UPCOMING_FIRST', first: 2, offset: 2 }, { token: secretariat });
    expect(second.data!.meetings).toMatchObject({ totalCount: 5, nodes: [{ id: later.id }, { id: past.id }] });

    const earliest = await server.graphql(MeetingsInOrderDocument, { filter: { bodyId: councilId }, order: 'EARLIEST_FIRST' }, { token: secretariat });
    expect(earliest.data!.meetings.nodes.map((meeting) => meeting.id)).toEqual([longAgo.id, past.id, running.id, soon.id, later.id]);
    // The next meeting: from now on, earliest first.
    const next = await server.graphql(
      MeetingsInOrderDocument,
      { filter: { bodyId: councilId, from: new Date().toISOString(), status: ['PLANNED'] }, order: 'EARLIEST_FIRST', first: 1 },
      { token: secretariat },
    );
    expect(next.data!.meetings.nodes.map((meeting) => meeting.id)).toEqual([soon.id]);

    // The default stays latest first.
    const latest = await server.graphql(MeetingsInOrderDocument, { filter: { bodyId: councilId } }, { token: secretariat });
    expect(latest.data!.meetings.nodes.map((meeting) => meeting.id)).toEqual([later.id, soon.id, running.id, past.id, longAgo.id]);
  });

  it('keeps what a partner may read while sorting', async () => {
    const outsider = await server.tokenFor('PARTNER_VIEWER', await createOrganisation(server, 'Not in any body'));
    const none = await server.graphql(MeetingsInOrderDocument, { order: 'UPCOMING_FIRST' }, { token: outsider.token });
    expect(none.data!.meetings.totalCount).toBe(0);
    const member = await server.graphql(MeetingsInOrderDocument, { order: 'UPCOMING_FIRST' }, { token: (await server.tokenFor('PARTNER_VIEWER', members[1])).token });
    expect(member.data!.meetings.totalCount).toBeGreaterThan(0);
  });
});

describe('action items across meetings', () => {
  it('lists them by due date, narrowed to the late ones, a body, a meeting or an owner, and only where the caller may read', async () => {
    const meeting = await plan(10, 'With tasks');
    const other = await plan(12, 'Collegium', collegiumId);
    const add = async (meetingId: string, description: string, dueDate: string, owner = members[1]) => {
      const { data, errors } = await server.graphql(AddActionItemDocument, { input: { meetingId, description, ownerOrganisationId: owner, dueDate } }, { token: secretariat });
      if (errors) throw new Error(JSON.stringify(errors));
      return data!.addActionItem;
    };
    const late = await add(meeting.id, 'Circulate the overlap list', '2020-01-31');
    const lateButDone = await add(meeting.id, 'Send the minutes', '2020-02-15', members[2]);
    const ahead = await add(meeting.id, 'Map the border ayil aimaks', '2099-06-30', members[2]);
    const collegiumTask = await add(other.id, 'Prepare the programme report', '2020-03-01', members[1]);
    await server.graphql(UpdateActionItemDocument, { id: lateButDone.id, input: { status: 'DONE' } }, { token: secretariat });

    const all = await server.graphql(ActionItemListDocument, { filter: { bodyId: councilId } }, { token: secretariat });
    expect(all.errors).toBeUndefined();
    expect(all.data!.actionItems.nodes.map((item) => item.id)).toEqual([late.id, lateButDone.id, ahead.id]);

    const overdue = await server.graphql(ActionItemListDocument, { filter: { overdue: true } }, { token: secretariat });
    expect(overdue.data!.actionItems.nodes.map((item) => item.id)).toEqual([late.id, collegiumTask.id]);
    expect(overdue.data!.actionItems.nodes.every((item) => item.overdue)).toBe(true);
    const notOverdue = await server.graphql(ActionItemListDocument, { filter: { bodyId: councilId, overdue: false } }, { token: secretariat });
    expect(notOverdue.data!.actionItems.nodes.map((item) => item.id)).toEqual([lateButDone.id, ahead.id]);

    const byMeeting = await server.graphql(ActionItemListDocument, { filter: { meetingId: other.id } }, { token: secretariat });
    expect(byMeeting.data!.actionItems.nodes.map((item) => item.id)).toEqual([collegiumTask.id]);
    const byOwner = await server.graphql(ActionItemListDocument, { filter: { ownerOrganisationId: members[2], status: ['OPEN'] } }, { token: secretariat });
    expect(byOwner.data!.actionItems.nodes.map((item) => item.id)).toEqual([ahead.id]);
    const paged = await server.graphql(ActionItemListDocument, { filter: { bodyId: councilId }, first: 1, offset: 1 }, { token: secretariat });
    expect(paged.data!.actionItems).toMatchObject({ totalCount: 3, nodes: [{ id: lateButDone.id }] });

    // A member of the council sees the council's items, not the collegium's; others see none.
    const member = (await server.tokenFor('PARTNER_VIEWER', members[1])).token;
    const asMember = await server.graphql(ActionItemListDocument, { filter: { overdue: true } }, { token: member });
    expect(asMember.data!.actionItems.nodes.map((item) => item.id)).toEqual([late.id]);
    const outsider = (await server.tokenFor('PARTNER_VIEWER', await createOrganisation(server, 'Outside the council'))).token;
    expect((await server.graphql(ActionItemListDocument, {}, { token: outsider })).data!.actionItems.totalCount).toBe(0);
    const anonymous = await server.graphql(ActionItemListDocument, {}, { token: null });
    expect(anonymous.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const wrongId = await server.graphql(ActionItemListDocument, { filter: { bodyId: 'not-an-id' } }, { token: secretariat });
    expect(wrongId.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.bodyId', reason: 'UNKNOWN_BODY' });
  });

  it('refuses filters naming a body, meeting or organisation that does not exist, rather than listing nothing', async () => {
    const missing = '00000000-0000-4000-8000-00000000abcd';
    const cases: [object, string, string][] = [
      [{ bodyId: missing }, 'filter.bodyId', 'UNKNOWN_BODY'],
      [{ meetingId: missing }, 'filter.meetingId', 'UNKNOWN_MEETING'],
      [{ ownerOrganisationId: missing }, 'filter.ownerOrganisationId', 'UNKNOWN_ORGANISATION'],
    ];
    for (const [filter, field, reason] of cases) {
      const { errors } = await server.graphql(ActionItemListDocument, { filter }, { token: secretariat });
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
    const meetings = await server.graphql(MeetingsInOrderDocument, { filter: { bodyId: missing } }, { token: secretariat });
    expect(meetings.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.bodyId', reason: 'UNKNOWN_BODY' });
    const users = await server.graphql(UsersDocument, { filter: { organisationId: missing } }, { token: (await server.tokenFor('ADMIN')).token });
    expect(users.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.organisationId', reason: 'UNKNOWN_ORGANISATION' });
  });
});
