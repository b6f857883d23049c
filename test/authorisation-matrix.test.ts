/**
 * The authorisation matrix: every mutation × every kind of caller × own/other organisation,
 * with the outcome expected. A mutation added to the schema without rows here fails the test.
 */
import { getNamedType, type GraphQLInputType, isInputObjectType } from 'graphql';
import { accessRuleOf } from '../src/common/access';
import { appSchema } from '../src/server/schema';
import { AddMembershipDocument, CoordinationBodiesDocument, CreateApiTokenDocument, CreateUserDocument, SetPasswordDocument } from './generated/graphql';
import { createOrganisation, createProject } from './support/fixtures';
import { type GraphQLResult, startTestServer, type TestServer } from './support/test-server';

type Caller = 'ANONYMOUS' | 'ADMIN' | 'SECRETARIAT' | 'PARTNER_EDITOR' | 'PARTNER_VIEWER';
type Scope = 'own' | 'other' | 'foreign' | 'any';
/** NOT_WRITTEN: answered without an error, but nothing written (an import listing problems). */
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_WRITTEN';

const CALLERS: Caller[] = ['ANONYMOUS', 'ADMIN', 'SECRETARIAT', 'PARTNER_EDITOR', 'PARTNER_VIEWER'];

/**
 * One line per mutation and scope: the outcome for ANONYMOUS, ADMIN, SECRETARIAT,
 * PARTNER_EDITOR and PARTNER_VIEWER. "own" means the partner's organisation (or, for tokens,
 * the caller's own); "other" another organisation (another user); "foreign" the partner's own
 * organisation named in the input, on a record of another organisation in which the partner's
 * organisation takes no part (every mutation a partner may call that takes organisation ids
 * has such a row).
 */
const MATRIX = `
  mutation                 scope  ANONYMOUS        ADMIN  SECRETARIAT  PARTNER_EDITOR  PARTNER_VIEWER
  login                    any    ok               ok     ok           ok              ok
  logout                   any    ok               ok     ok           ok              ok
  setPassword              any    ok               ok     ok           ok              ok
  createUser               any    UNAUTHENTICATED  ok     FORBIDDEN    FORBIDDEN       FORBIDDEN
  updateUser               any    UNAUTHENTICATED  ok     FORBIDDEN    FORBIDDEN       FORBIDDEN
  createApiToken           own    UNAUTHENTICATED  ok     ok           ok              ok
  createApiToken           other  UNAUTHENTICATED  ok     FORBIDDEN    FORBIDDEN       FORBIDDEN
  revokeApiToken           own    UNAUTHENTICATED  ok     ok           ok              ok
  revokeApiToken           other  UNAUTHENTICATED  ok     FORBIDDEN    FORBIDDEN       FORBIDDEN
  createOrganisation       any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  updateOrganisation       own    UNAUTHENTICATED  ok     ok           ok              FORBIDDEN
  updateOrganisation       other  UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  addMembership            any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  endMembership            any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  setExchangeRate          any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  createProject            any    UNAUTHENTICATED  ok     FORBIDDEN    ok              FORBIDDEN
  createProject            foreign UNAUTHENTICATED ok     FORBIDDEN    ok              FORBIDDEN
  updateProject            own    UNAUTHENTICATED  ok     FORBIDDEN    ok              FORBIDDEN
  updateProject            other  UNAUTHENTICATED  ok     FORBIDDEN    FORBIDDEN       FORBIDDEN
  setProjectCoverage       own    UNAUTHENTICATED  ok     FORBIDDEN    ok              FORBIDDEN
  setProjectCoverage       other  UNAUTHENTICATED  ok     FORBIDDEN    FORBIDDEN       FORBIDDEN
  setProjectParticipants   own    UNAUTHENTICATED  ok     FORBIDDEN    ok              FORBIDDEN
  setProjectParticipants   other  UNAUTHENTICATED  ok     FORBIDDEN    FORBIDDEN       FORBIDDEN
  setProjectParticipants   foreign UNAUTHENTICATED ok     FORBIDDEN    FORBIDDEN       FORBIDDEN
  addBudget                own    UNAUTHENTICATED  ok     FORBIDDEN    ok              FORBIDDEN
  addBudget                other  UNAUTHENTICATED  ok     FORBIDDEN    FORBIDDEN       FORBIDDEN
  recordTransaction        own    UNAUTHENTICATED  ok     FORBIDDEN    ok              FORBIDDEN
  recordTransaction        other  UNAUTHENTICATED  ok     FORBIDDEN    FORBIDDEN       FORBIDDEN
  recordTransaction        foreign UNAUTHENTICATED ok     FORBIDDEN    FORBIDDEN       FORBIDDEN
  createActivityReport     own    UNAUTHENTICATED  ok     FORBIDDEN    ok              FORBIDDEN
  createActivityReport     other  UNAUTHENTICATED  ok     FORBIDDEN    FORBIDDEN       FORBIDDEN
  createActivityReport     foreign UNAUTHENTICATED BAD_USER_INPUT FORBIDDEN BAD_USER_INPUT FORBIDDEN
  submitActivityReport     own    UNAUTHENTICATED  ok     FORBIDDEN    ok              FORBIDDEN
  submitActivityReport     other  UNAUTHENTICATED  ok     FORBIDDEN    FORBIDDEN       FORBIDDEN
  submitActivityReport     foreign UNAUTHENTICATED BAD_USER_INPUT FORBIDDEN BAD_USER_INPUT FORBIDDEN
  updateActivityReport     own    UNAUTHENTICATED  ok     FORBIDDEN    ok              FORBIDDEN
  updateActivityReport     other  UNAUTHENTICATED  ok     FORBIDDEN    FORBIDDEN       FORBIDDEN
  submitActivityReportDraft own   UNAUTHENTICATED  ok     FORBIDDEN    ok              FORBIDDEN
  submitActivityReportDraft other UNAUTHENTICATED  ok     FORBIDDEN    FORBIDDEN       FORBIDDEN
  acceptActivityReport     any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  returnActivityReport     any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  importActivityReports    own    UNAUTHENTICATED  ok     FORBIDDEN    ok              FORBIDDEN
  importActivityReports    other  UNAUTHENTICATED  ok     FORBIDDEN    FORBIDDEN       FORBIDDEN
  importActivityReports    foreign UNAUTHENTICATED NOT_WRITTEN FORBIDDEN NOT_WRITTEN   FORBIDDEN
  planMeeting              any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  rescheduleMeeting        any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  cancelMeeting            any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  closeMeeting             any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  addAgendaItem            any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  updateAgendaItem         any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  removeAgendaItem         any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  reorderAgenda            any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  recordAttendance         any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  recordDecision           any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  addActionItem            any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  updateActionItem         any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  setBodyQuorum            any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  setAdminUnitFlags        any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  createTheme              any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
  updateTheme              any    UNAUTHENTICATED  ok     ok           FORBIDDEN       FORBIDDEN
`;

interface Row {
  mutation: string;
  scope: Scope;
  caller: Caller;
  expected: Outcome;
}

const ROWS: Row[] = MATRIX.trim()
  .split('\n')
  .slice(1)
  .flatMap((line) => {
    const [mutation, scope, ...outcomes] = line.trim().split(/\s+/);
    return CALLERS.map((caller, index) => ({ mutation, scope: scope as Scope, caller, expected: outcomes[index] as Outcome }));
  });

interface World {
  server: TestServer;
  tokens: Record<Caller, string | null>;
  userIds: Record<Caller, string | null>;
  own: string;
  other: string;
  /** A project the partner's organisation implements, and one it only funds. */
  ownProject: string;
  otherProject: string;
  councilId: string;
  /** A user with a password, for `login`. */
  login: { email: string; password: string };
  unique: () => number;
  auditRowsBefore: number;
}

type Run = (world: World, token: string | null, caller: Caller) => Promise<GraphQLResult<unknown>>;

/** Sends the mutation under test, noting how many audit rows existed just before it. */
async function call(world: World, token: string | null, query: string, variables: object = {}) {
  world.auditRowsBefore = await world.server.rowCount('audit_event');
  return world.server.graphql(query, variables, { token });
}

/** Made as ADMIN, so that only the mutation under test runs as the caller. */
async function invited(world: World, role: 'PARTNER_VIEWER' = 'PARTNER_VIEWER') {
  const n = world.unique();
  const { data } = await world.server.graphql(CreateUserDocument, {
    input: { email: `matrix-${n}@test.example`, name: `Matrix ${n}`, role, organisationId: world.other },
  });
  return data!.createUser;
}

async function tokenOf(world: World, userId: string) {
  const { data } = await world.server.graphql(CreateApiTokenDocument, { input: { name: 'matrix', userId } });
  return data!.createApiToken.token.id;
}

const REPORT_FIELDS = 'type: TRAINING, title: { en: "Matrix training" }, startDate: "2026-05-01", unitCodes: ["KG05214000000"]';
const reportInput = (w: World, scope: 'own' | 'other') =>
  `{ projectId: "${scope === 'own' ? w.ownProject : w.otherProject}", organisationId: "${scope === 'own' ? w.own : w.other}", ${REPORT_FIELDS} }`;

/** A report made as ADMIN: a draft, or submitted for review. */
async function reportOf(w: World, scope: 'own' | 'other', submitted = false): Promise<string> {
  const mutation = submitted
    ? `mutation { submitActivityReport(input: ${reportInput(w, scope)}, idempotencyKey: "setup-${w.unique()}") { id } }`
    : `mutation { createActivityReport(input: ${reportInput(w, scope)}) { id } }`;
  const { data } = await w.server.graphql<Record<string, { id: string }>, object>(mutation, {});
  return Object.values(data!)[0].id;
}

const csvFor = (w: World, scope: 'own' | 'other') =>
  [
    'project_id,organisation_id,type,title_en,title_ru,title_ky,start_date,end_date,unit_codes,theme_codes,participants_total,participants_women,participants_men,participants_youth,outputs',
    `${scope === 'own' ? w.ownProject : w.otherProject},${scope === 'own' ? w.own : w.other},TRAINING,Imported,,,2026-05-01,,KG05214000000,,,,,,`,
  ].join('\n');

/**
 * A new project that only the other organisation runs: made per run, because an ADMIN's
 * successful run may make the partner's organisation a participant.
 */
async function strangerProject(w: World): Promise<string> {
  return (await createProject(w.server, { participants: [{ organisationId: w.other, role: 'IMPLEMENTING' }] })).id;
}

const strangerReportInput = async (w: World) => `{ projectId: "${await strangerProject(w)}", organisationId: "${w.own}", ${REPORT_FIELDS} }`;

const SCHEDULE = 'startsAt: "2027-03-01T04:00:00Z", endsAt: "2027-03-01T06:00:00Z", format: IN_PERSON, address: "Agency"';

/** A planned council meeting made as ADMIN, optionally with one agenda item. */
async function meetingOf(w: World): Promise<{ meetingId: string; itemId: string }> {
  const { data } = await w.server.graphql<{ planMeeting: { id: string } }, object>(
    `mutation ($b: ID!) { planMeeting(input: { bodyId: $b, title: { en: "Matrix meeting" }, ${SCHEDULE} }) { id } }`,
    { b: w.councilId },
  );
  const meetingId = data!.planMeeting.id;
  const item = await w.server.graphql<{ addAgendaItem: { id: string } }, object>('mutation ($m: ID!) { addAgendaItem(meetingId: $m, input: { title: { en: "Item" } }) { id } }', {
    m: meetingId,
  });
  return { meetingId, itemId: item.data!.addAgendaItem.id };
}

const RUNS: Record<string, Partial<Record<Scope, Run>>> = {
  planMeeting: { any: (w, token) => call(w, token, `mutation ($b: ID!) { planMeeting(input: { bodyId: $b, title: { en: "Planned" }, ${SCHEDULE} }) { id } }`, { b: w.councilId }) },
  rescheduleMeeting: {
    any: async (w, token) => call(w, token, `mutation ($id: ID!) { rescheduleMeeting(id: $id, input: { ${SCHEDULE} }) { id } }`, { id: (await meetingOf(w)).meetingId }),
  },
  cancelMeeting: { any: async (w, token) => call(w, token, 'mutation ($id: ID!) { cancelMeeting(id: $id, reason: "matrix") { id } }', { id: (await meetingOf(w)).meetingId }) },
  closeMeeting: { any: async (w, token) => call(w, token, 'mutation ($id: ID!) { closeMeeting(id: $id) { id } }', { id: (await meetingOf(w)).meetingId }) },
  addAgendaItem: {
    any: async (w, token) => call(w, token, 'mutation ($m: ID!) { addAgendaItem(meetingId: $m, input: { title: { en: "Added" } }) { id } }', { m: (await meetingOf(w)).meetingId }),
  },
  updateAgendaItem: {
    any: async (w, token) => call(w, token, 'mutation ($id: ID!) { updateAgendaItem(id: $id, input: { title: { en: "Changed" } }) { id } }', { id: (await meetingOf(w)).itemId }),
  },
  removeAgendaItem: { any: async (w, token) => call(w, token, 'mutation ($id: ID!) { removeAgendaItem(id: $id) { id } }', { id: (await meetingOf(w)).itemId }) },
  reorderAgenda: {
    any: async (w, token) => {
      const { meetingId, itemId } = await meetingOf(w);
      return call(w, token, 'mutation ($m: ID!, $i: ID!) { reorderAgenda(meetingId: $m, itemIds: [$i]) { id } }', { m: meetingId, i: itemId });
    },
  },
  recordAttendance: {
    any: async (w, token) => {
      const { data } = await w.server.graphql<{ coordinationBody: { members: { nodes: { organisation: { id: string } }[] } } }, object>(
        'query ($b: ID!) { coordinationBody(id: $b) { members(first: 1) { nodes { organisation { id } } } } }',
        { b: w.councilId },
      );
      const member = data!.coordinationBody.members.nodes[0].organisation.id;
      return call(w, token, 'mutation ($m: ID!, $o: ID!) { recordAttendance(meetingId: $m, attendance: [{ organisationId: $o, status: PRESENT }]) { id } }', {
        m: (await meetingOf(w)).meetingId,
        o: member,
      });
    },
  },
  recordDecision: {
    any: async (w, token) =>
      call(w, token, 'mutation ($m: ID!) { recordDecision(meetingId: $m, input: { text: { en: "Decided" } }) { id } }', { m: (await meetingOf(w)).meetingId }),
  },
  addActionItem: {
    any: async (w, token) =>
      call(w, token, 'mutation ($m: ID!, $o: ID!) { addActionItem(input: { meetingId: $m, description: "Do it", ownerOrganisationId: $o, dueDate: "2027-04-01" }) { id } }', {
        m: (await meetingOf(w)).meetingId,
        o: w.own,
      }),
  },
  updateActionItem: {
    any: async (w, token) => {
      const { data } = await w.server.graphql<{ addActionItem: { id: string } }, object>(
        'mutation ($m: ID!, $o: ID!) { addActionItem(input: { meetingId: $m, description: "Do it", ownerOrganisationId: $o, dueDate: "2027-04-01" }) { id } }',
        { m: (await meetingOf(w)).meetingId, o: w.own },
      );
      return call(w, token, 'mutation ($id: ID!) { updateActionItem(id: $id, input: { status: DONE }) { id } }', { id: data!.addActionItem.id });
    },
  },
  setBodyQuorum: { any: (w, token) => call(w, token, 'mutation ($b: ID!) { setBodyQuorum(bodyId: $b, quorumPercent: 50) { id } }', { b: w.councilId }) },
  setAdminUnitFlags: {
    any: (w, token) => call(w, token, 'mutation { setAdminUnitFlags(code: "KG05214835000", input: { borderArea: true }) { code } }'),
  },
  createActivityReport: {
    own: (w, token) => call(w, token, `mutation { createActivityReport(input: ${reportInput(w, 'own')}) { id } }`),
    other: (w, token) => call(w, token, `mutation { createActivityReport(input: ${reportInput(w, 'other')}) { id } }`),
    foreign: async (w, token) => call(w, token, `mutation { createActivityReport(input: ${await strangerReportInput(w)}) { id } }`),
  },
  submitActivityReport: {
    own: (w, token) => call(w, token, `mutation { submitActivityReport(input: ${reportInput(w, 'own')}, idempotencyKey: "m-${w.unique()}") { id } }`),
    other: (w, token) => call(w, token, `mutation { submitActivityReport(input: ${reportInput(w, 'other')}, idempotencyKey: "m-${w.unique()}") { id } }`),
    foreign: async (w, token) => call(w, token, `mutation { submitActivityReport(input: ${await strangerReportInput(w)}, idempotencyKey: "m-${w.unique()}") { id } }`),
  },
  updateActivityReport: {
    own: async (w, token) => call(w, token, 'mutation ($id: ID!) { updateActivityReport(id: $id, input: { participantsTotal: 5 }) { id } }', { id: await reportOf(w, 'own') }),
    other: async (w, token) => call(w, token, 'mutation ($id: ID!) { updateActivityReport(id: $id, input: { participantsTotal: 5 }) { id } }', { id: await reportOf(w, 'other') }),
  },
  submitActivityReportDraft: {
    own: async (w, token) => call(w, token, 'mutation ($id: ID!) { submitActivityReportDraft(id: $id) { id } }', { id: await reportOf(w, 'own') }),
    other: async (w, token) => call(w, token, 'mutation ($id: ID!) { submitActivityReportDraft(id: $id) { id } }', { id: await reportOf(w, 'other') }),
  },
  acceptActivityReport: {
    any: async (w, token) => call(w, token, 'mutation ($id: ID!) { acceptActivityReport(id: $id) { id } }', { id: await reportOf(w, 'own', true) }),
  },
  returnActivityReport: {
    any: async (w, token) =>
      call(w, token, 'mutation ($id: ID!) { returnActivityReport(id: $id, input: { comment: "Add numbers" }) { id } }', { id: await reportOf(w, 'own', true) }),
  },
  importActivityReports: {
    own: (w, token) => call(w, token, 'mutation ($csv: String!) { importActivityReports(csv: $csv) { created } }', { csv: csvFor(w, 'own') }),
    other: (w, token) => call(w, token, 'mutation ($csv: String!) { importActivityReports(csv: $csv) { created } }', { csv: csvFor(w, 'other') }),
    foreign: async (w, token) =>
      call(w, token, 'mutation ($csv: String!) { importActivityReports(csv: $csv) { created } }', { csv: csvFor(w, 'own').replace(w.ownProject, await strangerProject(w)) }),
  },
  login: { any: (w, token) => call(w, token, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { expiresAt } }', { e: w.login.email, p: w.login.password }) },
  logout: { any: (w, token) => call(w, token, 'mutation { logout }') },
  setPassword: {
    any: async (w, token) => {
      const { passwordSetupToken } = await invited(w);
      return call(w, token, 'mutation ($t: String!) { setPassword(token: $t, password: "matrix password 1") { id } }', { t: passwordSetupToken });
    },
  },
  createUser: {
    any: (w, token) =>
      call(w, token, 'mutation ($i: CreateUserInput!) { createUser(input: $i) { user { id } } }', {
        i: { email: `created-${w.unique()}@test.example`, name: 'Created', role: 'PARTNER_VIEWER', organisationId: w.own },
      }),
  },
  updateUser: {
    any: async (w, token) => {
      const { user } = await invited(w);
      return call(w, token, 'mutation ($id: ID!) { updateUser(id: $id, input: { name: "Renamed" }) { id } }', { id: user.id });
    },
  },
  createApiToken: {
    own: (w, token) => call(w, token, 'mutation { createApiToken(input: { name: "mine" }) { secret } }'),
    other: async (w, token) => {
      const { user } = await invited(w);
      return call(w, token, 'mutation ($u: ID!) { createApiToken(input: { name: "theirs", userId: $u }) { secret } }', { u: user.id });
    },
  },
  revokeApiToken: {
    own: async (w, token, caller) =>
      call(w, token, 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', { id: await tokenOf(w, w.userIds[caller] ?? (await invited(w)).user.id) }),
    other: async (w, token) => call(w, token, 'mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', { id: await tokenOf(w, (await invited(w)).user.id) }),
  },
  createOrganisation: { any: (w, token) => call(w, token, 'mutation { createOrganisation(input: { name: { en: "Matrix org" }, kind: OTHER }) { id } }') },
  updateOrganisation: {
    own: (w, token) => call(w, token, 'mutation ($id: ID!) { updateOrganisation(id: $id, input: { source: "matrix" }) { id } }', { id: w.own }),
    other: (w, token) => call(w, token, 'mutation ($id: ID!) { updateOrganisation(id: $id, input: { source: "matrix" }) { id } }', { id: w.other }),
  },
  addMembership: {
    any: async (w, token) => {
      const organisationId = await createOrganisation(w.server, `Member ${w.unique()}`);
      return call(w, token, 'mutation ($b: ID!, $o: ID!) { addMembership(input: { bodyId: $b, organisationId: $o, role: OBSERVER }) { id } }', {
        b: w.councilId,
        o: organisationId,
      });
    },
  },
  endMembership: {
    any: async (w, token) => {
      const organisationId = await createOrganisation(w.server, `Leaving ${w.unique()}`);
      const { data } = await w.server.graphql(AddMembershipDocument, { input: { bodyId: w.councilId, organisationId, role: 'OBSERVER', representatives: [] } });
      return call(w, token, 'mutation ($id: ID!) { endMembership(id: $id, input: { endDate: "2030-01-01" }) { id } }', { id: data!.addMembership.id });
    },
  },
  createTheme: { any: (w, token) => call(w, token, `mutation { createTheme(input: { code: "MATRIX_${w.unique()}", name: { en: "Matrix theme" } }) { code } }`) },
  updateTheme: {
    any: (w, token) => call(w, token, `mutation { updateTheme(code: "CONFLICT_PREVENTION", input: { description: { en: "Matrix ${w.unique()}" } }) { code } }`),
  },
  setExchangeRate: {
    any: (w, token) => {
      const day = String(1 + (w.unique() % 28)).padStart(2, '0');
      return call(w, token, `mutation { setExchangeRate(input: { currency: "KGS", date: "2031-01-${day}", rate: "0.0114" }) { rate } }`);
    },
  },
  createProject: {
    any: (w, token) => call(w, token, 'mutation { createProject(input: { title: { en: "Matrix project" } }) { id } }'),
    // Naming another organisation in a new project is allowed: the record is the partner's own
    // (its organisation is made IMPLEMENTING), not the other organisation's.
    foreign: (w, token) =>
      call(
        w,
        token,
        'mutation ($o: ID!, $x: ID!) { createProject(input: { title: { en: "Matrix project" }, participants: [{ organisationId: $o, role: FUNDING }, { organisationId: $x, role: FUNDING }] }) { id } }',
        {
          o: w.own,
          x: w.other,
        },
      ),
  },
  updateProject: {
    own: (w, token) => call(w, token, 'mutation ($id: ID!) { updateProject(id: $id, input: { source: "matrix" }) { id } }', { id: w.ownProject }),
    other: (w, token) => call(w, token, 'mutation ($id: ID!) { updateProject(id: $id, input: { source: "matrix" }) { id } }', { id: w.otherProject }),
  },
  setProjectCoverage: {
    own: (w, token) => call(w, token, 'mutation ($id: ID!) { setProjectCoverage(projectId: $id, coverage: [{ unitCode: "KG05214000000" }]) { id } }', { id: w.ownProject }),
    other: (w, token) => call(w, token, 'mutation ($id: ID!) { setProjectCoverage(projectId: $id, coverage: [{ unitCode: "KG05214000000" }]) { id } }', { id: w.otherProject }),
  },
  setProjectParticipants: {
    own: (w, token) =>
      call(w, token, 'mutation ($id: ID!, $o: ID!) { setProjectParticipants(projectId: $id, participants: [{ organisationId: $o, role: IMPLEMENTING }]) { id } }', {
        id: w.ownProject,
        o: w.own,
      }),
    other: (w, token) =>
      call(w, token, 'mutation ($id: ID!, $o: ID!) { setProjectParticipants(projectId: $id, participants: [{ organisationId: $o, role: IMPLEMENTING }]) { id } }', {
        id: w.otherProject,
        o: w.other,
      }),
    foreign: async (w, token) => {
      const id = await strangerProject(w);
      const participants = [
        { organisationId: w.other, role: 'IMPLEMENTING' },
        { organisationId: w.own, role: 'IMPLEMENTING' },
      ];
      return call(w, token, 'mutation ($id: ID!, $p: [ParticipantInput!]!) { setProjectParticipants(projectId: $id, participants: $p) { id } }', { id, p: participants });
    },
  },
  addBudget: {
    own: (w, token) =>
      call(w, token, 'mutation ($p: ID!) { addBudget(input: { projectId: $p, periodStart: "2026-01-01", periodEnd: "2026-12-31", amount: "1000", currency: "USD" }) { id } }', {
        p: w.ownProject,
      }),
    other: (w, token) =>
      call(w, token, 'mutation ($p: ID!) { addBudget(input: { projectId: $p, periodStart: "2026-01-01", periodEnd: "2026-12-31", amount: "1000", currency: "USD" }) { id } }', {
        p: w.otherProject,
      }),
  },
  recordTransaction: {
    own: (w, token) =>
      call(
        w,
        token,
        'mutation ($p: ID!, $o: ID!) { recordTransaction(input: { projectId: $p, type: DISBURSEMENT, amount: "10", currency: "USD", valueDate: "2025-01-01", providerId: $o }) { id } }',
        { p: w.ownProject, o: w.own },
      ),
    other: (w, token) =>
      call(
        w,
        token,
        'mutation ($p: ID!, $o: ID!) { recordTransaction(input: { projectId: $p, type: DISBURSEMENT, amount: "10", currency: "USD", valueDate: "2025-01-01", providerId: $o }) { id } }',
        { p: w.otherProject, o: w.other },
      ),
    // The partner's organisation as provider, the project's own implementer as receiver.
    foreign: async (w, token) =>
      call(
        w,
        token,
        'mutation ($p: ID!, $o: ID!, $x: ID!) { recordTransaction(input: { projectId: $p, type: DISBURSEMENT, amount: "999999.00", currency: "USD", valueDate: "2026-03-01", providerId: $o, receiverId: $x }) { id } }',
        { p: await strangerProject(w), o: w.own, x: w.other },
      ),
  },
};

let world: World;

beforeAll(async () => {
  const server = await startTestServer();
  let counter = 0;
  const own = await createOrganisation(server, 'Matrix Own Partner');
  const other = await createOrganisation(server, 'Matrix Other Partner');
  const roles = ['SECRETARIAT', 'PARTNER_EDITOR', 'PARTNER_VIEWER'] as const;
  const issued = await Promise.all(roles.map((role) => server.tokenFor(role, role === 'SECRETARIAT' ? null : own)));
  const tokens = { ANONYMOUS: null, ADMIN: server.adminToken } as Record<Caller, string | null>;
  const userIds = { ANONYMOUS: null, ADMIN: null } as Record<Caller, string | null>;
  roles.forEach((role, index) => {
    tokens[role] = issued[index].token;
    userIds[role] = issued[index].userId;
  });
  const ownProject = (await createProject(server, { participants: [{ organisationId: own, role: 'IMPLEMENTING' }] })).id;
  // Funding a project does not make it the partner's to edit.
  const otherProject = (
    await createProject(server, {
      participants: [
        { organisationId: other, role: 'IMPLEMENTING' },
        { organisationId: own, role: 'FUNDING' },
      ],
    })
  ).id;
  const councilId = (await server.graphql(CoordinationBodiesDocument, {})).data!.coordinationBodies.find((body) => body.kind === 'DONOR_COORDINATION_COUNCIL')!.id;
  const { data } = await server.graphql(CreateUserDocument, { input: { email: 'login@test.example', name: 'Login', role: 'PARTNER_VIEWER', organisationId: own } });
  const login = { email: 'login@test.example', password: 'matrix password 0' };
  await server.graphql(SetPasswordDocument, { token: data!.createUser.passwordSetupToken, password: login.password }, { token: null });
  world = { server, tokens, userIds, own, other, ownProject, otherProject, councilId, login, unique: () => (counter += 1), auditRowsBefore: 0 };
});

afterAll(async () => {
  await world.server.close();
});

describe('the authorisation matrix', () => {
  it('has rows for every mutation of the schema and every kind of caller', async () => {
    const mutations = Object.keys((await appSchema()).getMutationType()!.getFields()).sort();
    expect([...new Set(ROWS.map((row) => row.mutation))].sort()).toEqual(mutations);
    for (const row of ROWS) expect(RUNS[row.mutation]?.[row.scope]).toBeDefined();
  });

  it('has a "foreign" row for every mutation a partner may call whose input names organisations', async () => {
    const schema = await appSchema();
    const mutation = schema.getMutationType()!;
    const fieldNames = (type: GraphQLInputType, seen = new Set<string>()): string[] => {
      const named = getNamedType(type);
      if (!isInputObjectType(named) || seen.has(named.name)) return [];
      seen.add(named.name);
      return Object.values(named.getFields()).flatMap((field) => [field.name, ...fieldNames(field.type, seen)]);
    };
    const partnerMay = (name: string) => {
      const roles = accessRuleOf(mutation, name)?.roles;
      return !roles || roles.some((role) => role === 'PARTNER_EDITOR' || role === 'PARTNER_VIEWER');
    };
    const namingOrganisations = Object.values(mutation.getFields())
      .filter((field) => field.args.flatMap((arg) => [arg.name, ...fieldNames(arg.type)]).some((name) => /rganisationIds?$|^providerId$|^receiverId$/.test(name)))
      .map((field) => field.name)
      .filter(partnerMay);
    expect(namingOrganisations.length).toBeGreaterThanOrEqual(5);
    // The CSV import names organisations inside its text, where the schema cannot see them.
    const withForeignRow = new Set(ROWS.filter((row) => row.scope === 'foreign').map((row) => row.mutation));
    expect([...namingOrganisations, 'importActivityReports'].filter((name) => !withForeignRow.has(name))).toEqual([]);
  });

  it.each(ROWS.map((row) => [row.mutation, row.scope, row.caller, row.expected] as const))('%s (%s) as %s → %s', async (mutation, scope, caller, expected) => {
    const result = await RUNS[mutation][scope]!(world, world.tokens[caller], caller);
    if (expected === 'ok') {
      expect(result.errors).toBeUndefined();
    } else if (expected === 'NOT_WRITTEN') {
      expect(result.errors).toBeUndefined();
      expect(await world.server.rowCount('audit_event')).toBe(world.auditRowsBefore);
    } else {
      expect(result.errors?.[0]?.extensions?.code).toBe(expected);
      // A refused mutation changes nothing, so it leaves no audit row either.
      expect(await world.server.rowCount('audit_event')).toBe(world.auditRowsBefore);
      expect(result.data == null || Object.values(result.data as object).every((value) => value === null)).toBe(true);
    }
  });
});
