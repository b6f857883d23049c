/**
 * What the web UI's reports screens need from the API: the review queue in the order reports
 * were submitted (oldest first), and import problems as codes the UI can say in its language.
 */
import { type ActivityReportInput, CheckActivityImportDocument, CreateActivityReportDocument, ReportQueueDocument, SubmitActivityReportDocument } from './generated/graphql';
import { createOrganisation, createProject } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

const AK_TATYR = 'KG05214849000';
const BATKEN_RAYON = 'KG05214000000';
const HEADER =
  'project_id,organisation_id,type,title_en,title_ru,title_ky,start_date,end_date,unit_codes,theme_codes,participants_total,participants_women,participants_men,participants_youth,outputs';

let server: TestServer;
let organisation: string;
let editor: string;
let secretariat: string;
let project: string;

beforeAll(async () => {
  server = await startTestServer();
  organisation = await createOrganisation(server, 'Queue Partner');
  editor = (await server.tokenFor('PARTNER_EDITOR', organisation)).token;
  secretariat = (await server.tokenFor('SECRETARIAT')).token;
  project = (
    await createProject(server, {
      title: { en: 'Queue project' },
      themeCodes: ['CONFLICT_PREVENTION'],
      coverage: [{ unitCode: BATKEN_RAYON }],
      participants: [{ organisationId: organisation, role: 'IMPLEMENTING' }],
    })
  ).id;
});

afterAll(async () => {
  await server.close();
});

const report = (title: string, startDate: string): ActivityReportInput => ({
  projectId: project,
  organisationId: organisation,
  type: 'TRAINING',
  title: { en: title },
  startDate,
  unitCodes: [AK_TATYR],
});

describe('the review queue order', () => {
  it('lists submitted reports by when they were submitted, oldest first, whatever their activity dates; drafts come last', async () => {
    // Submitted in this order, with activity dates in another.
    const ids: string[] = [];
    for (const [title, day] of [
      ['first in', '2026-03-01'],
      ['second in', '2026-01-01'],
      ['third in', '2026-02-01'],
    ] as const) {
      const { data, errors } = await server.graphql(SubmitActivityReportDocument, { input: report(title, day), key: title }, { token: editor });
      expect(errors).toBeUndefined();
      ids.push(data!.submitActivityReport.id);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const draft = await server.graphql(CreateActivityReportDocument, { input: report('a draft', '2026-04-01') }, { token: editor });
    expect(draft.errors).toBeUndefined();

    const oldestFirst = await server.graphql(
      ReportQueueDocument,
      { filter: { status: ['SUBMITTED'] }, orderBy: { field: 'SUBMITTED_AT', direction: 'ASC' }, first: 10 },
      { token: secretariat },
    );
    expect(oldestFirst.errors).toBeUndefined();
    expect(oldestFirst.data!.activityReports.nodes.map((node) => node.id)).toEqual(ids);
    const newestFirst = await server.graphql(
      ReportQueueDocument,
      { filter: { status: ['SUBMITTED'] }, orderBy: { field: 'SUBMITTED_AT', direction: 'DESC' } },
      { token: secretariat },
    );
    expect(newestFirst.data!.activityReports.nodes.map((node) => node.id)).toEqual([...ids].reverse());

    // Numbered pages follow the same order.
    const secondPage = await server.graphql(
      ReportQueueDocument,
      { filter: { status: ['SUBMITTED'] }, orderBy: { field: 'SUBMITTED_AT' }, first: 2, offset: 2 },
      { token: secretariat },
    );
    expect(secondPage.data!.activityReports).toMatchObject({ totalCount: 3, nodes: [{ id: ids[2] }] });

    const all = await server.graphql(ReportQueueDocument, { filter: { organisationId: organisation }, orderBy: { field: 'SUBMITTED_AT', direction: 'ASC' } }, { token: editor });
    expect(all.data!.activityReports.nodes.map((node) => node.id)).toEqual([...ids, draft.data!.createActivityReport.id]);

    const byStart = await server.graphql(ReportQueueDocument, { filter: { organisationId: organisation }, orderBy: { field: 'START_DATE', direction: 'ASC' } }, { token: editor });
    expect(byStart.data!.activityReports.nodes.map((node) => node.startDate)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']);
    // Without an order: latest activity first, as before.
    const byDefault = await server.graphql(ReportQueueDocument, { filter: { organisationId: organisation } }, { token: editor });
    expect(byDefault.data!.activityReports.nodes.map((node) => node.startDate)).toEqual(['2026-04-01', '2026-03-01', '2026-02-01', '2026-01-01']);
  });
});

describe('import problems', () => {
  it('name each problem by a reason code with the offending text, and nothing is written', async () => {
    const before = await server.rowCount('activity_report');
    const csv = [
      HEADER,
      `${project},${organisation},TRAINING,Fine row,,,2026-05-04,2026-05-05,${AK_TATYR},,30,18,12,9,`,
      `${project},${organisation},TRAINNG,Bad type,,,2026-05-04,,${AK_TATYR};KG-NOWHERE,NO_SUCH_THEME,,,,,`,
      `${project},${organisation},SURVEY,,,,04.05.2026,,,,20,15,10,,`,
      `${project},${organisation},SURVEY,Too many,,,2026-05-04,2026-05-01,${AK_TATYR},,20,15,10,,`,
      `${project},${organisation},SURVEY,No total,,,2026-05-04,,${AK_TATYR},,,3,,,`,
      `${project},${organisation},SURVEY,Not a number,,,2026-05-04,,${AK_TATYR},,twelve,,,,`,
      `00000000-0000-4000-8000-000000000000,${organisation},SURVEY,Unknown project,,,2026-05-04,,${AK_TATYR},,,,,,`,
    ].join('\n');
    const { data, errors } = await server.graphql(CheckActivityImportDocument, { csv, dryRun: true }, { token: editor });
    expect(errors).toBeUndefined();
    const result = data!.importActivityReports;
    expect(result).toMatchObject({ dryRun: true, rows: 7, valid: false, created: 0 });
    const problems = result.problems.map(({ row, column, reason, value }) => ({ row, column, reason, value }));
    expect(problems).toEqual([
      { row: 3, column: 'type', reason: 'UNKNOWN_TYPE', value: 'TRAINNG' },
      { row: 3, column: 'unit_codes', reason: 'UNKNOWN_UNIT', value: 'KG-NOWHERE' },
      { row: 3, column: 'theme_codes', reason: 'UNKNOWN_THEME', value: 'NO_SUCH_THEME' },
      { row: 4, column: 'title_en', reason: 'TITLE_REQUIRED', value: null },
      { row: 4, column: 'start_date', reason: 'INVALID_DATE', value: '04.05.2026' },
      { row: 4, column: 'unit_codes', reason: 'NO_PLACE', value: null },
      { row: 5, column: 'end_date', reason: 'END_BEFORE_START', value: '2026-05-01' },
      { row: 6, column: 'participants_total', reason: 'TOTAL_REQUIRED', value: null },
      { row: 7, column: 'participants_total', reason: 'NOT_A_NUMBER', value: 'twelve' },
      { row: 8, column: 'project_id', reason: 'UNKNOWN_PROJECT', value: '00000000-0000-4000-8000-000000000000' },
    ]);
    expect(result.problems.every((problem) => problem.message.length > 0)).toBe(true);

    // Head counts are checked once the row is otherwise fine.
    const tooMany = await server.graphql(
      CheckActivityImportDocument,
      { csv: [HEADER, `${project},${organisation},SURVEY,Too many,,,2026-05-04,,${AK_TATYR},,20,15,10,,`].join('\n'), dryRun: true },
      { token: editor },
    );
    expect(tooMany.data!.importActivityReports.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'participants_women', reason: 'PARTICIPANTS_EXCEED_TOTAL', value: '15' }),
    ]);

    // Not a dry run either: a file with a bad row writes nothing.
    const forReal = await server.graphql(CheckActivityImportDocument, { csv, dryRun: false }, { token: editor });
    expect(forReal.data!.importActivityReports).toMatchObject({ dryRun: false, valid: false, created: 0 });
    expect(await server.rowCount('activity_report')).toBe(before);
  });
});
