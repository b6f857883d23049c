/**
 * `preparedRows` (src/common/prepared-statement.ts) on the real database: a statement is prepared
 * once per connection under a name from its text, array values spread as `execute` spreads them,
 * statements counted for `x-sql-statements`, pg's errors passed on, and the request's
 * transaction used.
 */
import { preparedRows } from '../src/common/prepared-statement';
import { runInScope, type RequestScope } from '../src/common/request-scope';
import { sql } from '../src/common/sql';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

describe('preparedRows', () => {
  it('prepares a statement once on its connection, under one name for one text, and binds the values', async () => {
    const em = server.orm.em.fork();
    // One transaction: one connection, whose prepared statements pg_prepared_statements lists.
    await em.transactional(async (tx) => {
      const codes = (level: string) => preparedRows<{ code: string }>(tx, sql`select code from admin_unit where level = ${level} order by code limit ${3}`);
      const regions = await codes('REGION');
      const districts = await codes('DISTRICT');
      expect(regions).toHaveLength(3);
      expect(districts).toHaveLength(3);
      expect(districts).not.toEqual(regions);
      const prepared = await tx.execute<{ name: string }[]>("select name from pg_prepared_statements where statement like 'select code from admin_unit where level = $1%'");
      expect(prepared).toHaveLength(1);
      expect(prepared[0].name).toMatch(/^y_[0-9a-f]{24}$/);
    });
  });

  it('spreads an array into one placeholder per element, as execute does', async () => {
    const em = server.orm.em.fork();
    const rows = await preparedRows<{ code: string }>(em, sql`select code from theme where code in (${['HUMAN_RIGHTS', 'CONFLICT_PREVENTION', 'NO_SUCH_THEME']}) order by code`);
    expect(rows.map((row) => row.code)).toEqual(['CONFLICT_PREVENTION', 'HUMAN_RIGHTS']);
  });

  it("counts each statement in the request's scope and passes pg's errors on", async () => {
    const scope: RequestScope = { requestId: 'test', statements: 0 };
    const em = server.orm.em.fork();
    await runInScope(scope, async () => {
      await preparedRows(em, sql`select ${1}::int as one`);
      await expect(preparedRows(em, sql`select 1 / ${0}::int as none`)).rejects.toMatchObject({ code: '22012' });
    });
    expect(scope.statements).toBe(2);
  });
});
