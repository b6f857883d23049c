import ICAL from 'ical.js';
import {
  AddActionItemDocument,
  AddAgendaItemDocument,
  BodiesWithMeetingFactsDocument,
  CancelMeetingDocument,
  CloseMeetingDocument,
  CoordinationBodyDocument,
  MeetingBriefingDocument,
  MeetingDocument,
  MeetingsDocument,
  PlanMeetingDocument,
  RecordAttendanceDocument,
  RecordDecisionDocument,
  RecordTransactionDocument,
  ReorderAgendaDocument,
  RescheduleMeetingDocument,
  SubmitActivityReportDocument,
  UpdateActionItemDocument,
} from './generated/graphql';
import { createOrganisation, createProject } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let secretariat: string;
let councilId: string;
let collegiumId: string;
/** Active members of the council whose presence counts (the agency chair and the named partners). */
let members: string[];

beforeAll(async () => {
  server = await startTestServer();
  secretariat = (await server.tokenFor('SECRETARIAT')).token;
  const bodies = (await server.graphql(BodiesWithMeetingFactsDocument, {})).data!.coordinationBodies;
  councilId = bodies.find((body) => body.kind === 'DONOR_COORDINATION_COUNCIL')!.id;
  collegiumId = bodies.find((body) => body.kind === 'COLLEGIUM')!.id;
  const roster = await server.graphql(CoordinationBodyDocument, { id: councilId });
  members = roster.data!.coordinationBody!.members.nodes.map((member) => member.organisation!.id);
});

afterAll(async () => {
  await server.close();
});

const plan = (startsAt: string, endsAt: string, title = 'Council meeting') =>
  server.graphql(
    PlanMeetingDocument,
    {
      input: {
        bodyId: councilId,
        title: { en: title, ky: 'Кеңештин жыйыны' },
        startsAt,
        endsAt,
        format: 'HYBRID',
        placeUnitCode: 'KG11000000000',
        address: 'Agency, room 3',
        onlineLink: 'https://meet.example.org/council',
      },
    },
    { token: secretariat },
  );

async function fetchText(path: string, token: string | null = secretariat) {
  const response = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('the seeded meetings', () => {
  it("records the collegium's six meetings of 2013–2014 as held, by day, and the council's five only as a count", async () => {
    const { data } = await server.graphql(MeetingsDocument, { filter: { bodyId: collegiumId } }, { token: secretariat });
    const held = data!.meetings.nodes;
    expect(held.map((meeting) => meeting.number).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(held.every((meeting) => meeting.status === 'HELD' && meeting.allDay)).toBe(true);
    const karakol = held.find((meeting) => meeting.number === 2)!;
    expect(karakol).toMatchObject({ place: { code: 'KG02410000010' }, startsAtLocal: '5 December 2013' });
    expect(karakol.agenda[0].title).toMatch(/Tup rayon/);
    const bodies = (await server.graphql(BodiesWithMeetingFactsDocument, {})).data!.coordinationBodies;
    expect(bodies.find((body) => body.id === councilId)).toMatchObject({ earlierMeetingCount: 5, quorumPercent: 50 });
    const councilMeetings = await server.graphql(MeetingsDocument, { filter: { bodyId: councilId, status: ['HELD'] } }, { token: secretariat });
    expect(councilMeetings.data!.meetings.totalCount).toBe(0);
  });
});

describe('preparing a council meeting', () => {
  it('plans, orders the agenda, counts the quorum, and records decisions and action items', async () => {
    const planned = await plan('2026-12-10T10:00:00+06:00', '2026-12-10T13:00:00+06:00');
    expect(planned.errors).toBeUndefined();
    const meeting = planned.data!.planMeeting;
    expect(meeting).toMatchObject({ status: 'PLANNED', sequence: 0, startsAt: '2026-12-10T04:00:00.000Z', startsAtLocal: '10 December 2026 at 10:00' });
    expect(meeting.number).toBeGreaterThanOrEqual(1);

    const first = await server.graphql(
      AddAgendaItemDocument,
      { meetingId: meeting.id, input: { title: { en: 'Overlaps in Batken oblast' }, themeCodes: ['CONFLICT_PREVENTION'], presenterOrganisationId: members[1] } },
      { token: secretariat },
    );
    const second = await server.graphql(AddAgendaItemDocument, { meetingId: meeting.id, input: { title: { en: 'Reports of the quarter' } } }, { token: secretariat });
    expect([first.data!.addAgendaItem.position, second.data!.addAgendaItem.position]).toEqual([1, 2]);
    const reordered = await server.graphql(
      ReorderAgendaDocument,
      { meetingId: meeting.id, itemIds: [second.data!.addAgendaItem.id, first.data!.addAgendaItem.id] },
      { token: secretariat },
    );
    expect(reordered.data!.reorderAgenda.agenda.map((item) => item.id)).toEqual([second.data!.addAgendaItem.id, first.data!.addAgendaItem.id]);
    const incomplete = await server.graphql(ReorderAgendaDocument, { meetingId: meeting.id, itemIds: [first.data!.addAgendaItem.id] }, { token: secretariat });
    expect(incomplete.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'itemIds' });

    // More than half of the members whose presence counts must be there.
    const required = Math.floor(members.length / 2) + 1;
    const short = await server.graphql(
      RecordAttendanceDocument,
      { meetingId: meeting.id, attendance: members.slice(0, required - 1).map((organisationId) => ({ organisationId, status: 'PRESENT' as const, people: ['Delegate'] })) },
      { token: secretariat },
    );
    expect(short.data!.recordAttendance.quorum).toEqual({ members: members.length, present: required - 1, required, reached: false });
    const enough = await server.graphql(
      RecordAttendanceDocument,
      { meetingId: meeting.id, attendance: [{ organisationId: members[required - 1], status: 'PRESENT', people: [] }] },
      { token: secretariat },
    );
    expect(enough.data!.recordAttendance.quorum).toMatchObject({ present: required, reached: true });
    const outsider = await createOrganisation(server, 'Not a council member');
    const notMember = await server.graphql(
      RecordAttendanceDocument,
      { meetingId: meeting.id, attendance: [{ organisationId: outsider, status: 'PRESENT', people: [] }] },
      { token: secretariat },
    );
    expect(notMember.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attendance[0].organisationId' });

    const decision = await server.graphql(
      RecordDecisionDocument,
      { meetingId: meeting.id, input: { agendaItemId: first.data!.addAgendaItem.id, text: { en: 'Partners in Batken share their plans monthly.' } } },
      { token: secretariat },
    );
    expect(decision.data!.recordDecision.agendaItemId).toBe(first.data!.addAgendaItem.id);
    const action = await server.graphql(
      AddActionItemDocument,
      {
        input: {
          meetingId: meeting.id,
          decisionId: decision.data!.recordDecision.id,
          description: 'Circulate the overlap list',
          ownerOrganisationId: members[1],
          dueDate: '2020-01-31',
        },
      },
      { token: secretariat },
    );
    expect(action.data!.addActionItem).toMatchObject({ status: 'OPEN', overdue: true });
    const done = await server.graphql(UpdateActionItemDocument, { id: action.data!.addActionItem.id, input: { status: 'DONE' } }, { token: secretariat });
    expect(done.data!.updateActionItem).toMatchObject({ status: 'DONE', overdue: false });
  });

  it('refuses impossible schedules and writes nothing', async () => {
    const before = await server.rowCount('meeting');
    const backwards = await plan('2026-12-10T10:00:00+06:00', '2026-12-10T09:00:00+06:00');
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
    const noLink = await server.graphql(
      PlanMeetingDocument,
      { input: { bodyId: councilId, title: { en: 'Online' }, startsAt: '2026-12-11T10:00:00Z', endsAt: '2026-12-11T11:00:00Z', format: 'ONLINE' } },
      { token: secretariat },
    );
    expect(noLink.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.onlineLink' });
    expect(await server.rowCount('meeting')).toBe(before);
  });

  it('lets members of the body read its meetings, and nobody else', async () => {
    const meeting = (await plan('2027-01-15T10:00:00+06:00', '2027-01-15T12:00:00+06:00', 'Members only')).data!.planMeeting;
    const member = await server.tokenFor('PARTNER_VIEWER', members[1]);
    const stranger = await server.tokenFor('PARTNER_VIEWER', await createOrganisation(server, 'Stranger'));
    expect((await server.graphql(MeetingDocument, { id: meeting.id }, { token: member.token })).data!.meeting!.id).toBe(meeting.id);
    expect((await server.graphql(MeetingDocument, { id: meeting.id }, { token: stranger.token })).data!.meeting).toBeNull();
    expect((await server.graphql(MeetingDocument, { id: meeting.id }, { token: null })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await fetchText(`/meetings/${meeting.id}/briefing`, null)).status).toBe(401);
    expect((await fetchText(`/meetings/${meeting.id}/briefing`, stranger.token)).status).toBe(404);
    expect((await fetchText(`/meetings/${meeting.id}/invite.ics`, member.token)).status).toBe(200);
  });
});

describe('the briefing pack', () => {
  it('counts what changed since the previous held meeting, flags overdue items and repeated absence, and prints in Kyrgyz and English', async () => {
    // Two held meetings in the past: a member absent from both is flagged.
    const absentee = members[members.length - 1];
    const held: string[] = [];
    for (const day of ['2026-01-20', '2026-02-20']) {
      const meeting = (await plan(`${day}T10:00:00+06:00`, `${day}T12:00:00+06:00`, `Held ${day}`)).data!.planMeeting;
      await server.graphql(
        RecordAttendanceDocument,
        {
          meetingId: meeting.id,
          attendance: [
            { organisationId: absentee, status: 'ABSENT', people: [] },
            { organisationId: members[0], status: 'PRESENT', people: [] },
          ],
        },
        { token: secretariat },
      );
      await server.graphql(CloseMeetingDocument, { id: meeting.id }, { token: secretariat });
      held.push(meeting.id);
    }
    const overdue = await server.graphql(
      AddActionItemDocument,
      { input: { meetingId: held[1], description: 'Send the donor map', ownerOrganisationId: members[1], dueDate: '2026-03-01' } },
      { token: secretariat },
    );

    // Since then: a member's project started, money was recorded, a report was submitted.
    const partner = members[1];
    const project = await createProject(server, {
      title: { en: 'Briefing project' },
      plannedStart: '2026-03-01',
      participants: [{ organisationId: partner, role: 'IMPLEMENTING' }],
      coverage: [{ unitCode: 'KG05214000000' }],
    });
    await server.graphql(RecordTransactionDocument, {
      input: { projectId: project.id, type: 'COMMITMENT', amount: '50000.00', currency: 'USD', valueDate: '2026-03-01', providerId: partner },
    });
    await server.graphql(SubmitActivityReportDocument, {
      input: { projectId: project.id, organisationId: partner, type: 'TRAINING', title: { en: 'Briefing training' }, startDate: '2026-03-10', unitCodes: ['KG05214000000'] },
      key: 'briefing-report',
    });

    // A member's project and another organisation's project on the same theme in the same place.
    const outsider = await createOrganisation(server, 'Overlapping outsider');
    const memberProject = await createProject(server, {
      title: { en: 'Member peacebuilding' },
      plannedStart: '2026-01-01',
      themeCodes: ['CONFLICT_PREVENTION'],
      participants: [{ organisationId: partner, role: 'IMPLEMENTING' }],
      coverage: [{ unitCode: 'KG05214000000' }],
    });
    const outsiderProject = await createProject(server, {
      title: { en: 'Outsider peacebuilding' },
      plannedStart: '2026-01-01',
      themeCodes: ['CONFLICT_PREVENTION'],
      participants: [{ organisationId: outsider, role: 'IMPLEMENTING' }],
      coverage: [{ unitCode: 'KG05214000000-AK-TATYR' }],
    });

    const next = (await plan('2026-12-20T10:00:00+06:00', '2026-12-20T12:00:00+06:00', 'Next council meeting')).data!.planMeeting;
    await server.graphql(AddAgendaItemDocument, { meetingId: next.id, input: { title: { en: 'Donor map of Batken', ky: 'Баткендин донорлор картасы' } } }, { token: secretariat });
    const { data, errors } = await server.graphql(MeetingBriefingDocument, { id: next.id }, { token: secretariat });
    expect(errors).toBeUndefined();
    const briefing = data!.meeting!.briefing;
    expect(briefing.periodFrom).toBe('2026-02-20T04:00:00.000Z');
    expect(briefing.projectsStarted.map((started) => started.id)).toContain(project.id);
    expect(briefing.transactionsRecorded).toBeGreaterThanOrEqual(1);
    expect(briefing.fundingRecorded).toContainEqual({ currency: 'USD', amount: expect.stringMatching(/^\d+\.\d\d$/) });
    expect(Number(briefing.fundingRecorded.find((money) => money.currency === 'USD')!.amount)).toBeGreaterThanOrEqual(50000);
    expect(briefing.reportsReceived).toBeGreaterThanOrEqual(1);
    expect(briefing.overdueActionItems.map((item) => item.id)).toContain(overdue.data!.addActionItem.id);
    const absentRecord = briefing.attendance.find((record) => record.organisation!.id === absentee)!;
    expect(absentRecord).toMatchObject({ absentTwiceInARow: true });
    expect(absentRecord.lastMeetings.slice(-2)).toEqual(['ABSENT', 'ABSENT']);
    expect(briefing.attendance.find((record) => record.organisation!.id === members[0])!.absentTwiceInARow).toBe(false);
    const pair = briefing.coordination.overlaps.find(
      (overlap) => [overlap.projectA!.id, overlap.projectB!.id].sort().join() === [memberProject.id, outsiderProject.id].sort().join(),
    );
    expect(pair!.score).toBeGreaterThan(0);
    expect(briefing.coordination.gaps.every((gap) => gap.unit!.borderArea)).toBe(true);

    const english = await fetchText(`/meetings/${next.id}/briefing?lang=en`);
    expect(english.status).toBe(200);
    expect(english.type).toMatch(/text\/html/);
    expect(english.text).toContain('Briefing pack');
    expect(english.text).toContain('@page { size: A4');
    expect(english.text).toContain('Briefing project');
    expect(english.text).toContain('Send the donor map');
    expect(english.text).toContain('absent twice in a row');
    expect(english.text).toContain('20 December 2026');
    expect(english.text).toMatch(/(Member peacebuilding × Outsider peacebuilding|Outsider peacebuilding × Member peacebuilding) \([01]\.\d\d\)/);
    expect(english.text).toContain('Border-area ayil aimaks without an active project');
    const kyrgyz = await fetchText(`/meetings/${next.id}/briefing?lang=ky`);
    expect(kyrgyz.text).toContain('Маалымат топтому');
    expect(kyrgyz.text).toContain('Баткендин донорлор картасы');
    expect(kyrgyz.text).toContain('<html lang="ky">');
    const markdown = await fetchText(`/meetings/${next.id}/briefing?format=md&lang=en`);
    expect(markdown.type).toMatch(/text\/markdown/);
    expect(markdown.text).toMatch(/^# Briefing pack: .+№\d+/);
    expect(markdown.text).toContain('## Action items');
  });
});

describe('the invitation', () => {
  it('is an iCalendar event in Bishkek time that keeps its UID and raises SEQUENCE when rescheduled', async () => {
    const meeting = (await plan('2027-02-03T10:00:00+06:00', '2027-02-03T12:30:00+06:00', 'Invitation test')).data!.planMeeting;
    await server.graphql(AddAgendaItemDocument, { meetingId: meeting.id, input: { title: { en: 'Welcome' } } }, { token: secretariat });
    const parse = async () => {
      const { status, type, text } = await fetchText(`/meetings/${meeting.id}/invite.ics?lang=en`);
      expect(status).toBe(200);
      expect(type).toMatch(/text\/calendar/);
      const calendar = new ICAL.Component(ICAL.parse(text));
      const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
      return { calendar, event, text };
    };
    const before = await parse();
    expect(before.calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Asia/Bishkek');
    expect(before.event.uid).toBe(`meeting-${meeting.id}@yntymak`);
    expect(before.event.sequence).toBe(0);
    expect(before.event.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Bishkek');
    expect(before.event.startDate.toString()).toBe('2027-02-03T10:00:00');
    expect(before.event.location).toContain('Agency, room 3');
    expect(before.event.description).toContain('1. Welcome');

    const moved = await server.graphql(
      RescheduleMeetingDocument,
      {
        id: meeting.id,
        input: {
          version: meeting.version,
          startsAt: '2027-02-04T14:00:00+06:00',
          endsAt: '2027-02-04T16:00:00+06:00',
          format: 'IN_PERSON',
          placeUnitCode: 'KG21000000000',
          address: 'Osh city hall',
        },
      },
      { token: secretariat },
    );
    expect(moved.data!.rescheduleMeeting.sequence).toBe(1);
    const after = await parse();
    expect(after.event.uid).toBe(before.event.uid);
    expect(after.event.sequence).toBe(1);
    expect(after.event.startDate.toString()).toBe('2027-02-04T14:00:00');
    expect(after.event.location).toContain('Osh city hall');

    const cancelled = await server.graphql(CancelMeetingDocument, { id: meeting.id, reason: 'Moved to next month' }, { token: secretariat });
    expect(cancelled.data!.cancelMeeting).toMatchObject({ status: 'CANCELLED', sequence: 2 });
    expect((await parse()).text).toContain('STATUS:CANCELLED');
    const again = await server.graphql(CancelMeetingDocument, { id: meeting.id, reason: 'Twice' }, { token: secretariat });
    expect(again.errors![0].extensions!.code).toBe('CONFLICT');
  });
});
