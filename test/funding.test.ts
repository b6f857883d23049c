import { AddBudgetDocument, ProjectDocument, RecordTransactionDocument, SetExchangeRateDocument } from './generated/graphql';
import { createOrganisation, createProject } from './support/fixtures';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let projectId: string;
let donor: string;

beforeAll(async () => {
  server = await startTestServer();
  donor = await createOrganisation(server, 'Funding Test Donor', 'MULTILATERAL');
  projectId = (await createProject(server, { title: { en: 'Funded project' }, participants: [{ organisationId: donor, role: 'FUNDING' }] })).id;
  for (const input of [
    { currency: 'KGS', date: '2024-01-01', rate: '0.0112', source: 'test' },
    { currency: 'KGS', date: '2024-06-01', rate: '0.0115' },
    { currency: 'EUR', date: '2024-01-01', rate: '1.10' },
  ]) {
    const { errors } = await server.graphql(SetExchangeRateDocument, { input });
    expect(errors).toBeUndefined();
  }
  for (const input of [
    { type: 'COMMITMENT' as const, amount: '100000', currency: 'USD', valueDate: '2024-02-01', providerId: donor },
    { type: 'COMMITMENT' as const, amount: '1000000.00', currency: 'kgs', valueDate: '2024-03-01' },
    { type: 'COMMITMENT' as const, amount: '500000.00', currency: 'KGS', valueDate: '2024-07-01' },
    { type: 'DISBURSEMENT' as const, amount: '50000.00', currency: 'EUR', valueDate: '2024-02-15' },
  ]) {
    const { errors } = await server.graphql(RecordTransactionDocument, { input: { projectId, ...input } });
    expect(errors).toBeUndefined();
  }
});

afterAll(async () => {
  await server.close();
});

async function totals(id: string, currency: string) {
  const { data, errors } = await server.graphql(ProjectDocument, { id, currency });
  expect(errors).toBeUndefined();
  return data!.project!;
}

describe('funding', () => {
  it('keeps amounts exact in their own currency', async () => {
    const project = await totals(projectId, 'USD');
    expect(project.transactions.map((tx) => [tx.type, tx.amount, tx.currency])).toEqual([
      ['COMMITMENT', '100000.00', 'USD'],
      ['DISBURSEMENT', '50000.00', 'EUR'],
      ['COMMITMENT', '1000000.00', 'KGS'],
      ['COMMITMENT', '500000.00', 'KGS'],
    ]);
    expect(project.transactions[0].provider).toEqual({ id: donor });
    expect(project.fundingTotals.byCurrency).toEqual([
      { currency: 'EUR', committed: '0.00', disbursed: '50000.00', expended: '0.00', incomingFunds: '0.00' },
      { currency: 'KGS', committed: '1500000.00', disbursed: '0.00', expended: '0.00', incomingFunds: '0.00' },
      { currency: 'USD', committed: '100000.00', disbursed: '0.00', expended: '0.00', incomingFunds: '0.00' },
    ]);
  });

  it('converts each transaction at the rate on or before its value date', async () => {
    const usd = (await totals(projectId, 'USD')).fundingTotals;
    // 100000 + 1000000 × 0.0112 (rate of 1 Jan) + 500000 × 0.0115 (rate of 1 Jun) = 116950.
    expect(usd).toMatchObject({ currency: 'USD', complete: true, committed: '116950.00', disbursed: '55000.00', missingRates: [] });
    // Crossed through USD: (100000 + 11200 + 5750) / 1.10 = 106318.18; the EUR disbursement stays as it is.
    const eur = (await totals(projectId, 'EUR')).fundingTotals;
    expect(eur).toMatchObject({ currency: 'EUR', complete: true, committed: '106318.18', disbursed: '50000.00' });
  });

  it('says so instead of guessing when a rate is missing', async () => {
    const early = (await createProject(server, { title: { en: 'Early project' } })).id;
    await server.graphql(RecordTransactionDocument, { input: { projectId: early, type: 'COMMITMENT', amount: '1000.00', currency: 'KGS', valueDate: '2023-12-01' } });
    await server.graphql(RecordTransactionDocument, { input: { projectId: early, type: 'DISBURSEMENT', amount: '10.00', currency: 'USD', valueDate: '2023-12-01' } });
    const usd = (await totals(early, 'USD')).fundingTotals;
    expect(usd).toMatchObject({ complete: false, committed: null, disbursed: '10.00', missingRates: [{ currency: 'KGS', onOrBefore: '2023-12-01' }] });
    const chf = (await totals(projectId, 'CHF')).fundingTotals;
    expect(chf.complete).toBe(false);
    expect(chf.committed).toBeNull();
    expect(chf.missingRates).toContainEqual({ currency: 'CHF', onOrBefore: '2024-02-01' });
  });

  it('refuses bad money with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = await server.rowCount('funding_transaction');
    const base = { projectId, type: 'COMMITMENT' as const, amount: '10.00', currency: 'USD', valueDate: '2024-01-01' };
    const cases: [Partial<typeof base>, string][] = [
      [{ amount: '-5.00' }, 'input.amount'],
      [{ amount: '0' }, 'input.amount'],
      [{ amount: '1.005' }, 'input.amount'],
      [{ currency: 'XYZ' }, 'input.currency'],
      [{ currency: 'dollars' }, 'input.currency'],
    ];
    for (const [change, field] of cases) {
      const { errors } = await server.graphql(RecordTransactionDocument, { input: { ...base, ...change } });
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const notANumber = await server.graphql(RecordTransactionDocument, { input: { ...base, amount: '12,5 million' } });
    expect(notANumber.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(notANumber.errors![0].message).toMatch(/amount[\s\S]*decimal/);
    const noProject = await server.graphql(RecordTransactionDocument, { input: { ...base, projectId: '00000000-0000-4000-8000-000000000077' } });
    expect(noProject.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.projectId' });
    const badTotalsCurrency = await server.graphql(ProjectDocument, { id: projectId, currency: 'ABC' });
    expect(badTotalsCurrency.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await server.rowCount('funding_transaction')).toBe(before);
  });

  it('keeps budgets by period, exact, and refuses a period that ends before it starts', async () => {
    const added = await server.graphql(AddBudgetDocument, { input: { projectId, periodStart: '2025-01-01', periodEnd: '2025-12-31', amount: '120000', currency: 'eur' } });
    expect(added.data!.addBudget).toMatchObject({ amount: '120000.00', currency: 'EUR', revised: false });
    const project = await totals(projectId, 'USD');
    expect(project.budgets).toEqual([{ periodStart: '2025-01-01', periodEnd: '2025-12-31', amount: '120000.00', currency: 'EUR', revised: false }]);
    const before = await server.rowCount('budget');
    const backwards = await server.graphql(AddBudgetDocument, { input: { projectId, periodStart: '2026-01-01', periodEnd: '2025-12-31', amount: '1', currency: 'USD' } });
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.periodEnd' });
    const negative = await server.graphql(AddBudgetDocument, { input: { projectId, periodStart: '2026-01-01', periodEnd: '2026-12-31', amount: '-1', currency: 'USD' } });
    expect(negative.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(await server.rowCount('budget')).toBe(before);
  });

  it('keeps exchange rates against USD, one per currency and day', async () => {
    const usd = await server.graphql(SetExchangeRateDocument, { input: { currency: 'USD', date: '2024-01-01', rate: '1' } });
    expect(usd.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.currency' });
    const negative = await server.graphql(SetExchangeRateDocument, { input: { currency: 'KGS', date: '2024-01-01', rate: '-0.01' } });
    expect(negative.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rate' });
    const rows = await server.rowCount('exchange_rate');
    const corrected = await server.graphql(SetExchangeRateDocument, { input: { currency: 'EUR', date: '2024-01-01', rate: '1.1' } });
    expect(corrected.data!.setExchangeRate).toEqual({ currency: 'EUR', date: '2024-01-01', rate: '1.100000000000', baseCurrency: 'USD' });
    expect(await server.rowCount('exchange_rate')).toBe(rows);
  });
});

describe('who may record money on a project', () => {
  let a: string;
  let b: string;
  let stranger: string;
  let editorOfB: string;
  let projectOfA: string;
  /** A's project that B funds. */
  let fundedByB: string;
  const disburse = (project: string, providerId: string | null, receiverId: string | null, token: string) =>
    server.graphql(
      RecordTransactionDocument,
      { input: { projectId: project, type: 'DISBURSEMENT', amount: '999999.00', currency: 'USD', valueDate: '2026-03-01', providerId, receiverId } },
      { token },
    );

  beforeAll(async () => {
    [a, b, stranger] = await Promise.all(['Org A', 'Org B', 'Org C'].map((name) => createOrganisation(server, `Money ${name}`)));
    editorOfB = (await server.tokenFor('PARTNER_EDITOR', b)).token;
    projectOfA = (await createProject(server, { participants: [{ organisationId: a, role: 'IMPLEMENTING' }] })).id;
    fundedByB = (
      await createProject(server, {
        participants: [
          { organisationId: a, role: 'IMPLEMENTING' },
          { organisationId: b, role: 'FUNDING' },
        ],
      })
    ).id;
  });

  it('refuses a partner that names itself on a project its organisation takes no part in, and the public totals stay untouched', async () => {
    const before = await server.rowCount('funding_transaction');
    for (const [provider, receiver] of [
      [b, a],
      [a, b],
      [b, null],
    ]) {
      const { errors } = await disburse(projectOfA, provider, receiver, editorOfB);
      expect(errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_ORGANISATION' });
      expect(errors![0].message).toMatch(/takes no part in this project/);
    }
    expect(await server.rowCount('funding_transaction')).toBe(before);
    const { data } = await server.graphql(ProjectDocument, { id: projectOfA, currency: 'USD' }, { token: null });
    expect(data!.project!.fundingTotals).toMatchObject({ disbursed: '0.00' });
  });

  it('lets a funder record its own money with another participant, but not with an outsider or between others', async () => {
    const own = await disburse(fundedByB, b, a, editorOfB);
    expect(own.errors).toBeUndefined();
    const outsider = await disburse(fundedByB, b, stranger, editorOfB);
    expect(outsider.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.receiverId' });
    const betweenOthers = await disburse(fundedByB, stranger, a, editorOfB);
    expect(betweenOthers.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_ORGANISATION' });
    const { data } = await server.graphql(ProjectDocument, { id: fundedByB, currency: 'USD' }, { token: null });
    expect(data!.project!.fundingTotals).toMatchObject({ disbursed: '999999.00' });
  });

  it('lets the organisation that runs a project record any transaction on it', async () => {
    const editorOfA = (await server.tokenFor('PARTNER_EDITOR', a)).token;
    const { errors } = await disburse(projectOfA, stranger, null, editorOfA);
    expect(errors).toBeUndefined();
  });
});
