import {
  AcceptActivityReportDocument,
  ActivityCollisionsDocument,
  ActivityReportDocument,
  type ActivityReportInput,
  ActivityReportsDocument,
  ActivitySummaryDocument,
  CreateActivityReportDocument,
  ImportActivityReportsDocument,
  ReturnActivityReportDocument,
  SubmitActivityReportDocument,
  SubmitActivityReportDraftDocument,
  UpdateActivityReportDocument,
} from './generated/graphql';
import { createOrganisation, createProject } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

const AK_TATYR = 'KG05214849000';
const KYSHTUT = 'KG05214835000';
const BATKEN_RAYON = 'KG05214000000';
const CHUI_RAYON = 'KG08223000000';

let server: TestServer;
let orgA: string;
let orgB: string;
let editorA: string;
let editorB: string;
let secretariat: string;
let projectA: string;
let projectB: string;

beforeAll(async () => {
  server = await startTestServer();
  orgA = await createOrganisation(server, 'Reporting Partner A');
  orgB = await createOrganisation(server, 'Reporting Partner B');
  editorA = (await server.tokenFor('PARTNER_EDITOR', orgA)).token;
  editorB = (await server.tokenFor('PARTNER_EDITOR', orgB)).token;
  secretariat = (await server.tokenFor('SECRETARIAT')).token;
  projectA = (
    await createProject(server, {
      title: { en: 'Dialogue in Batken' },
      themeCodes: ['CONFLICT_PREVENTION'],
      coverage: [{ unitCode: BATKEN_RAYON }],
      participants: [{ organisationId: orgA, role: 'IMPLEMENTING' }],
    })
  ).id;
  projectB = (
    await createProject(server, {
      title: { en: 'Youth in Batken' },
      themeCodes: ['WOMEN_YOUTH_INCLUSION'],
      coverage: [{ unitCode: AK_TATYR }],
      participants: [{ organisationId: orgB, role: 'IMPLEMENTING' }],
    })
  ).id;
});

afterAll(async () => {
  await server.close();
});

function report(overrides: Partial<ActivityReportInput> = {}): ActivityReportInput {
  return {
    projectId: projectA,
    organisationId: orgA,
    type: 'TRAINING',
    title: { en: 'Training of ayil okmotu staff' },
    startDate: '2026-05-04',
    endDate: '2026-05-05',
    unitCodes: [AK_TATYR],
    participantsTotal: 30,
    participantsWomen: 18,
    participantsMen: 12,
    participantsYouth: 9,
    outputs: ['Action plan of the ayil okmotu'],
    ...overrides,
  };
}

describe('the reporting workflow', () => {
  it('goes DRAFT → SUBMITTED → RETURNED → resubmitted → ACCEPTED, and an accepted report is read-only', async () => {
    const draft = await server.graphql(CreateActivityReportDocument, { input: report() }, { token: editorA });
    expect(draft.errors).toBeUndefined();
    const created = draft.data!.createActivityReport;
    expect(created).toMatchObject({ status: 'DRAFT', themes: [{ code: 'CONFLICT_PREVENTION' }], places: [{ unit: { code: AK_TATYR }, outsideCoverage: false }] });
    // Drafts stay with the partner and the secretariat.
    expect((await server.graphql(ActivityReportDocument, { id: created.id }, { token: editorB })).data!.activityReport).toBeNull();
    expect((await server.graphql(ActivityReportDocument, { id: created.id }, { token: secretariat })).data!.activityReport).not.toBeNull();

    const notYours = await server.graphql(UpdateActivityReportDocument, { id: created.id, input: { participantsTotal: 40 } }, { token: editorB });
    expect(notYours.errors![0].extensions!.code).toMatch(/NOT_FOUND|FORBIDDEN/);
    const edited = await server.graphql(UpdateActivityReportDocument, { id: created.id, input: { version: 1, unitCodes: [AK_TATYR, CHUI_RAYON] } }, { token: editorA });
    expect(edited.data!.updateActivityReport.places.find((place) => place.unit.code === CHUI_RAYON)!.outsideCoverage).toBe(true);

    const submitted = await server.graphql(SubmitActivityReportDraftDocument, { id: created.id }, { token: editorA });
    expect(submitted.data!.submitActivityReportDraft.status).toBe('SUBMITTED');
    const selfAccept = await server.graphql(AcceptActivityReportDocument, { id: created.id }, { token: editorA });
    expect(selfAccept.errors![0].extensions!.code).toBe('FORBIDDEN');
    const noComment = await server.graphql(ReturnActivityReportDocument, { id: created.id, input: {} }, { token: secretariat });
    expect(noComment.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.comment' });
    const returned = await server.graphql(ReturnActivityReportDocument, { id: created.id, input: { comment: 'Please add the number of youth.' } }, { token: secretariat });
    expect(returned.data!.returnActivityReport).toMatchObject({ status: 'RETURNED', reviewComment: 'Please add the number of youth.' });

    await server.graphql(UpdateActivityReportDocument, { id: created.id, input: { participantsYouth: 11 } }, { token: editorA });
    await server.graphql(SubmitActivityReportDraftDocument, { id: created.id }, { token: editorA });
    const accepted = await server.graphql(AcceptActivityReportDocument, { id: created.id }, { token: secretariat });
    expect(accepted.data!.acceptActivityReport).toMatchObject({ status: 'ACCEPTED', participantsYouth: 11 });

    const locked = await server.graphql(UpdateActivityReportDocument, { id: created.id, input: { participantsTotal: 31 } }, { token: editorA });
    expect(locked.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'REPORT_NOT_EDITABLE' });
    const acceptedTwice = await server.graphql(AcceptActivityReportDocument, { id: created.id }, { token: secretariat });
    expect(acceptedTwice.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    // Accepted reports are public.
    expect((await server.graphql(ActivityReportDocument, { id: created.id }, { token: null })).data!.activityReport!.status).toBe('ACCEPTED');
  });

  it('refuses head counts that do not add up, naming the field, and writes nothing', async () => {
    const before = await server.rowCount('activity_report');
    const cases: [Partial<ActivityReportInput>, string][] = [
      [{ participantsTotal: 20, participantsWomen: 15, participantsMen: 10 }, 'input.participantsWomen'],
      [{ participantsTotal: 20, participantsWomen: 5, participantsMen: 5, participantsYouth: 25 }, 'input.participantsYouth'],
      [{ participantsTotal: -1, participantsWomen: null, participantsMen: null, participantsYouth: null }, 'input.participantsTotal'],
      [{ participantsTotal: null, participantsWomen: 3, participantsMen: null, participantsYouth: null }, 'input.participantsTotal'],
      [{ endDate: '2026-05-01' }, 'input.endDate'],
      [{ unitCodes: ['KG-NOWHERE'] }, 'input.unitCodes'],
      [{ organisationId: orgB }, 'input.organisationId'],
    ];
    for (const [change, field] of cases) {
      const token = change.organisationId ? server.adminToken : editorA;
      const { errors } = await server.graphql(CreateActivityReportDocument, { input: report(change) }, { token });
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const othersProject = await server.graphql(CreateActivityReportDocument, { input: report({ organisationId: orgB, projectId: projectB }) }, { token: editorA });
    expect(othersProject.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await server.rowCount('activity_report')).toBe(before);
  });
});

describe('idempotent submission', () => {
  it('returns the same report for a replayed key and refuses the key for a different report', async () => {
    const input = report({ title: { en: 'Round table on water' }, type: 'ROUND_TABLE' });
    const first = await server.graphql(SubmitActivityReportDocument, { input, key: 'rt-water-2026-05' }, { token: editorA });
    expect(first.data!.submitActivityReport).toMatchObject({ status: 'SUBMITTED', idempotencyKey: 'rt-water-2026-05' });
    const replay = await server.graphql(SubmitActivityReportDocument, { input, key: 'rt-water-2026-05' }, { token: editorA });
    expect(replay.data!.submitActivityReport.id).toBe(first.data!.submitActivityReport.id);
    const changed = await server.graphql(SubmitActivityReportDocument, { input: { ...input, participantsTotal: 31 }, key: 'rt-water-2026-05' }, { token: editorA });
    expect(changed.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' });
  });

  it('creates one report from 20 parallel identical submissions', async () => {
    const before = await server.rowCount('activity_report');
    const input = report({ title: { en: 'Parallel focus group' }, type: 'FOCUS_GROUP' });
    const results = await Promise.all(Array.from({ length: 20 }, () => server.graphql(SubmitActivityReportDocument, { input, key: 'parallel-1' }, { token: editorA })));
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(new Set(results.map((result) => result.data!.submitActivityReport.id)).size).toBe(1);
    expect(await server.rowCount('activity_report')).toBe(before + 1);
  });

  it('scopes keys to the organisation', async () => {
    const key = 'shared-key';
    const a = await server.graphql(SubmitActivityReportDocument, { input: report({ title: { en: 'A' } }), key }, { token: editorA });
    const b = await server.graphql(SubmitActivityReportDocument, { input: report({ title: { en: 'B' }, projectId: projectB, organisationId: orgB }), key }, { token: editorB });
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data!.submitActivityReport.id).not.toBe(b.data!.submitActivityReport.id);
  });
});

describe('finding reports', () => {
  it('filters by place (at or inside), type, status and period, and summarises accepted reports', async () => {
    const created = await server.graphql(
      SubmitActivityReportDocument,
      {
        input: report({
          title: { en: 'Survey in Kyshtut' },
          type: 'SURVEY',
          unitCodes: [KYSHTUT],
          startDate: '2026-07-01',
          endDate: '2026-07-10',
          participantsTotal: 100,
          participantsWomen: 60,
          participantsMen: 40,
          participantsYouth: 20,
        }),
        key: 'survey-kyshtut',
      },
      { token: editorA },
    );
    const id = created.data!.submitActivityReport.id;
    await server.graphql(AcceptActivityReportDocument, { id }, { token: secretariat });

    const inRayon = await server.graphql(ActivityReportsDocument, { filter: { unitCode: BATKEN_RAYON, types: ['SURVEY'] } });
    expect(inRayon.data!.activityReports.nodes.map((node) => node.id)).toEqual([id]);
    const elsewhere = await server.graphql(ActivityReportsDocument, { filter: { unitCode: 'KG08000000000', types: ['SURVEY'] } });
    expect(elsewhere.data!.activityReports.totalCount).toBe(0);
    const inJuly = await server.graphql(ActivityReportsDocument, { filter: { period: { from: '2026-07-05', to: '2026-07-31' }, organisationId: orgA } });
    expect(inJuly.data!.activityReports.nodes.map((node) => node.id)).toEqual([id]);

    const byUnit = await server.graphql(ActivitySummaryDocument, { groupBy: 'UNIT', level: 'MUNICIPALITY', filter: { organisationId: orgA, types: ['SURVEY'] } });
    expect(byUnit.data!.activitySummary).toEqual([
      expect.objectContaining({ key: KYSHTUT, reports: 1, participantsTotal: 100, participantsWomen: 60, participantsMen: 40, participantsYouth: 20, unit: { code: KYSHTUT } }),
    ]);
    const byMonth = await server.graphql(ActivitySummaryDocument, { groupBy: 'MONTH', filter: { organisationId: orgA, types: ['SURVEY'] } });
    expect(byMonth.data!.activitySummary.map((row) => row.key)).toEqual(['2026-07']);
    const byDistrict = await server.graphql(ActivitySummaryDocument, { groupBy: 'UNIT', level: 'DISTRICT', filter: { organisationId: orgA } });
    expect(byDistrict.data!.activitySummary.find((row) => row.key === BATKEN_RAYON)!.reports).toBeGreaterThanOrEqual(1);
    const noLevel = await server.graphql(ActivitySummaryDocument, { groupBy: 'UNIT' });
    expect(noLevel.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'level' });
  });
});

describe('unknown references in report filters', () => {
  it('are refused with BAD_USER_INPUT naming the field, in the list, the summary and the collisions', async () => {
    const cases: [object, string, string][] = [
      [{ unitCode: 'KG-NOWHERE' }, 'filter.unitCode', 'UNKNOWN_UNIT'],
      [{ themeCodes: ['ASTROLOGY'] }, 'filter.themeCodes', 'UNKNOWN_THEME'],
      [{ projectId: '00000000-0000-4000-8000-00000000abcd' }, 'filter.projectId', 'UNKNOWN_PROJECT'],
      [{ projectId: 'not-an-id' }, 'filter.projectId', 'UNKNOWN_PROJECT'],
      [{ organisationId: '00000000-0000-4000-8000-00000000abcd' }, 'filter.organisationId', 'UNKNOWN_ORGANISATION'],
    ];
    for (const [filter, field, reason] of cases) {
      const list = await server.graphql(ActivityReportsDocument, { filter });
      expect(list.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
      const summary = await server.graphql(ActivitySummaryDocument, { groupBy: 'MONTH', filter });
      expect(summary.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
    const collisions = await server.graphql(ActivityCollisionsDocument, { filter: { unitCode: 'KG-NOWHERE' } }, { token: secretariat });
    expect(collisions.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.unitCode', reason: 'UNKNOWN_UNIT' });
    // A former code of a unit is not unknown: it finds the unit's reports.
    const former = await server.graphql(ActivityReportsDocument, { filter: { unitCode: 'KG05214000000-AK-TATYR' } });
    expect(former.errors).toBeUndefined();
  });
});

describe('activity collisions', () => {
  it('warns when two organisations run trainings in the same ayil aimak a week apart', async () => {
    const kyshtutTraining = (organisationId: string, projectId: string, startDate: string, key: string, token: string) =>
      server.graphql(
        SubmitActivityReportDocument,
        {
          input: report({ organisationId, projectId, unitCodes: [KYSHTUT], startDate, endDate: startDate, title: { en: `Training ${key}` } }),
          key,
        },
        { token },
      );
    const a = await kyshtutTraining(orgA, projectA, '2026-09-01', 'collide-a', editorA);
    const b = await kyshtutTraining(orgB, projectB, '2026-09-08', 'collide-b', editorB);
    const far = await kyshtutTraining(orgB, projectB, '2026-11-20', 'collide-far', editorB);
    const { data, errors } = await server.graphql(ActivityCollisionsDocument, { filter: { unitCode: KYSHTUT, from: '2026-08-01', to: '2026-12-31' } }, { token: secretariat });
    expect(errors).toBeUndefined();
    const ids = (collision: { first: { id: string }; second: { id: string } }) => [collision.first.id, collision.second.id].sort();
    const found = data!.activityCollisions.find((collision) => ids(collision).join() === [a.data!.submitActivityReport.id, b.data!.submitActivityReport.id].sort().join());
    expect(found).toMatchObject({ sameType: true, daysApart: 7, unit: { code: KYSHTUT } });
    expect(data!.activityCollisions.some((collision) => ids(collision).includes(far.data!.submitActivityReport.id))).toBe(false);
    const narrow = await server.graphql(ActivityCollisionsDocument, { filter: { unitCode: KYSHTUT, withinDays: 3, from: '2026-08-01' } }, { token: secretariat });
    expect(narrow.data!.activityCollisions).toHaveLength(0);
  });
});

describe('CSV import', () => {
  const header =
    'project_id,organisation_id,type,title_en,title_ru,title_ky,start_date,end_date,unit_codes,theme_codes,participants_total,participants_women,participants_men,participants_youth,outputs';
  const line = (title: string, extra = '') => `${projectA},${orgA},TRAINING,${title},,,2026-10-01,2026-10-02,${AK_TATYR};${KYSHTUT},,25,10,15,5,${extra}`;

  it('writes nothing when one row is bad, and names its row and column', async () => {
    const before = await server.rowCount('activity_report');
    const csv = [header, line('Good one'), line('Bad one').replace('2026-10-02', '2026-09-01'), line('Also good')].join('\n');
    const { data } = await server.graphql(ImportActivityReportsDocument, { csv }, { token: editorA });
    expect(data!.importActivityReports).toMatchObject({ valid: false, created: 0, rows: 3 });
    expect(data!.importActivityReports.problems).toEqual([{ row: 3, column: 'end_date', message: 'The end date is before the start date.' }]);
    expect(await server.rowCount('activity_report')).toBe(before);
  });

  it('checks a file without writing on a dry run, then imports every row', async () => {
    const csv = [header, ...Array.from({ length: 50 }, (_, index) => line(`Imported ${index}`))].join('\n');
    const before = await server.rowCount('activity_report');
    const dry = await server.graphql(ImportActivityReportsDocument, { csv, dryRun: true }, { token: editorA });
    expect(dry.data!.importActivityReports).toMatchObject({ dryRun: true, valid: true, created: 0, rows: 50 });
    expect(await server.rowCount('activity_report')).toBe(before);
    const real = await server.graphql(ImportActivityReportsDocument, { csv }, { token: editorA });
    expect(real.data!.importActivityReports).toMatchObject({ valid: true, created: 50 });
    expect(await server.rowCount('activity_report')).toBe(before + 50);
    const imported = await server.graphql(
      ActivityReportsDocument,
      { filter: { organisationId: orgA, period: { from: '2026-10-01', to: '2026-10-01' } }, first: 100 },
      { token: editorA },
    );
    expect(imported.data!.activityReports.totalCount).toBe(50);
    expect(imported.data!.activityReports.nodes.every((node) => node.status === 'SUBMITTED')).toBe(true);
  });

  it('refuses a partner importing for another organisation, naming the rows', async () => {
    const csv = [header, line('Not mine')].join('\n');
    const { errors } = await server.graphql(ImportActivityReportsDocument, { csv }, { token: editorB });
    expect(errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(errors![0].message).toContain('row(s) 2');
    const missing = await server.graphql(ImportActivityReportsDocument, { csv: 'project_id,type\nx,TRAINING' }, { token: editorA });
    expect(missing.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
  });
});

describe('the seeded events of the documents', () => {
  it('are public accepted reports of the agency at the right places and dates', async () => {
    const kadamjay = await server.graphql(ActivityReportsDocument, { filter: { unitCode: 'KG05000000000', period: { from: '2014-05-28', to: '2014-05-28' } } }, { token: null });
    expect(kadamjay.data!.activityReports.nodes).toEqual([expect.objectContaining({ status: 'ACCEPTED', startDate: '2014-05-28' })]);
    const summary = await server.graphql(ActivitySummaryDocument, { groupBy: 'MONTH', filter: { period: { from: '2013-01-01', to: '2014-12-31' } } }, { token: null });
    expect(summary.data!.activitySummary.map((row) => row.key)).toEqual(
      ['2013-08', '2013-11', '2014-03', '2014-04', '2014-05', '2014-05'].filter((key, index, all) => all.indexOf(key) === index),
    );
    expect(summary.data!.activitySummary.find((row) => row.key === '2014-05')!.reports).toBe(2);
  });
});

describe('people reached in the coverage map', () => {
  it('sums accepted reports at or inside each cell, by theme too', async () => {
    const query = `query ($within: String!, $byTheme: Boolean!) {
      coverage(level: MUNICIPALITY, filter: { withinCode: $within, byTheme: $byTheme }, first: 100) {
        nodes { unit { code } theme { code } peopleReached { reports total women men youth } }
      }
    }`;
    type Cells = {
      coverage: {
        nodes: { unit: { code: string }; theme: { code: string } | null; peopleReached: { reports: number; total: number; women: number; men: number; youth: number } }[];
      };
    };
    const plain = await server.graphql<Cells, object>(query, { within: BATKEN_RAYON, byTheme: false });
    expect(plain.errors).toBeUndefined();
    const kyshtut = plain.data!.coverage.nodes.find((cell) => cell.unit.code === KYSHTUT)!;
    // The accepted survey in Kyshtut: 100 people, 60 women, 40 men, 20 young.
    expect(kyshtut.peopleReached).toMatchObject({ total: 100, women: 60, men: 40, youth: 20 });
    const withThemes = await server.graphql<Cells, object>(query, { within: BATKEN_RAYON, byTheme: true });
    const byTheme = withThemes.data!.coverage.nodes.filter((cell) => cell.unit.code === KYSHTUT);
    expect(byTheme.find((cell) => cell.theme?.code === 'CONFLICT_PREVENTION')!.peopleReached.total).toBe(100);
    expect(byTheme.find((cell) => cell.theme?.code === 'HUMAN_RIGHTS')!.peopleReached.total).toBe(0);
  });
});
